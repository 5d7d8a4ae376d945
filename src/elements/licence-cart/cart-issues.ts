// The review's lists of warnings and of blocking errors, each under its title.
import { html, nothing } from 'lit';
import type { LicensingSnapshot, ValidationIssue } from '../../core/index.js';
import type { CommonMessages } from '../../i18n/common.js';
import { issueText, type IssueMessages } from '../../i18n/issues.js';
import { namesFrom } from '../../i18n/names.js';

/** `issues` in words as a titled list (`part`), or nothing when there are none. */
export function issueList(
  part: string,
  title: string,
  issues: readonly ValidationIssue[],
  snapshot: LicensingSnapshot,
  t: CommonMessages,
  words: IssueMessages,
) {
  if (!issues.length) return nothing;
  const names = namesFrom(snapshot, t);
  return html`<section part=${part} aria-label=${title}>
    <h3>${title}</h3>
    <ul>
      ${issues.map((issue) => html`<li>${issueText(issue, names, words)}</li>`)}
    </ul>
  </section>`;
}
