import { html, nothing } from 'lit';
import type { ChangeSet, LicensingSnapshot, ValidationIssue } from '../core/index.js';
import { emit } from '../events.js';
import { issueText, messages as issueMessages } from '../i18n/issues.js';
import { namesFrom } from '../i18n/names.js';
import { RulesWidget } from './rules-widget.js';

/**
 * A widget with fields that edit the shared draft and show the rule book's issues next to them
 * (`licence-card`, `retention-picker`, `power-pack-limits`). Kept apart from `LicensingWidget` so
 * widgets that only show data do not ship the issue catalogue, nor the rule book: as a
 * `RulesWidget` it gives the store its rules, so its fields show issues and planned values from
 * the first render.
 */
export class EditingWidget extends RulesWidget {
  /** Lays `changes` over the shared draft and tells the host (`licence-change`) when taken. */
  protected edit(changes: ChangeSet): void {
    const store = this.licensing.store;
    if (store?.edit(changes).ok) emit(this, 'licence-change', { draft: store.state.draft });
  }

  /** A rule-book issue in words, or empty text when there is none (for a field's message). */
  protected issueWords(issue: ValidationIssue | undefined, snapshot: LicensingSnapshot): string {
    if (!issue) return '';
    return issueText(issue, namesFrom(snapshot, this.t), this.locale.section('issues', issueMessages));
  }

  /**
   * A rule-book issue as a message line. Errors and warnings differ in words ("Error:",
   * "Warning:"), not only in colour, and errors are announced at once.
   */
  protected renderIssue(
    issue: ValidationIssue | undefined,
    snapshot: LicensingSnapshot,
    extra: unknown = nothing,
  ) {
    if (!issue) return nothing;
    const error = issue.severity === 'error';
    return html`<p part="message" data-kind=${issue.severity} role=${error ? 'alert' : 'status'}>
      <strong>${error ? this.t.errorPrefix : this.t.warningPrefix}</strong>
      ${this.issueWords(issue, snapshot)}${extra}
    </p>`;
  }
}
