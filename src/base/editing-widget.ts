import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { canEdit, type ChangeSet, type LicensingSnapshot, type ValidationIssue } from '../core/index.js';
import { emit } from '../events.js';
import { issueText, messages as issueMessages } from '../i18n/issues.js';
import { namesFrom } from '../i18n/names.js';
import type { LicensingState } from '../state/state.js';
import { messages as editingMessages } from './editing.messages.js';
import { RulesWidget } from './rules-widget.js';

/** A field that can take back a refused edit: it shows the draft's value again and says why. */
export interface RefusableField {
  refuse(message: string): void;
}

/**
 * A widget with fields that edit the shared draft and show the rule book's issues next to them
 * (`licence-card`, `retention-picker`, `power-pack-limits`). Kept apart from `LicensingWidget` so
 * widgets that only show data do not ship the issue catalogue, nor the rule book: as a
 * `RulesWidget` it gives the store its rules, so its fields show issues and planned values from
 * the first render.
 */
export class EditingWidget extends RulesWidget {
  /**
   * Leaves out the sentence "You can view licences but not change them." with `view` permission
   * (R1): for a host that says so once for the whole page (as `<licence-manager>` does). The values
   * are still shown as plain text, and nothing can be changed.
   */
  @property({ type: Boolean, attribute: 'no-read-only-note' }) noReadOnlyNote = false;

  /** Why the last edit of a field that cannot say so itself was refused; empty when it was taken. */
  protected refusal = '';

  /**
   * Lays `changes` over the shared draft and tells the host (`licence-change`) when taken. When the
   * store refuses them (a save is running, the permission dropped), `field` goes back to the
   * draft's value and says why: a field never shows what the draft does not hold.
   */
  protected edit(changes: ChangeSet, field?: EventTarget | null): boolean {
    const store = this.licensing.store;
    const result = store?.edit(changes) ?? { ok: false, reason: 'not-loaded' };
    this.refusal = '';
    if (result.ok) {
      emit(this, 'licence-change', { draft: store!.state.draft });
      return true;
    }
    const words = this.locale.section('editing', editingMessages).refused[result.reason];
    const refusable = field as Partial<RefusableField> | null | undefined;
    if (refusable?.refuse) refusable.refuse(words);
    else this.refusal = words;
    this.requestUpdate();
    return false;
  }

  /** Why the last edit was refused, for a widget whose field cannot say so itself (a switch, a select). */
  protected renderRefusal() {
    return this.refusal
      ? html`<p part="message" data-kind="error" role="alert">${this.refusal}</p>`
      : nothing;
  }

  /**
   * Why the last edit was refused (`renderRefusal`), then the read-only sentence (R1) unless the
   * user may edit or the host turned it off (`no-read-only-note`).
   */
  protected readOnlyNote(snapshot: LicensingSnapshot) {
    return html`${this.renderRefusal()}${
      canEdit(snapshot.permission) || this.noReadOnlyNote
        ? nothing
        : html`<p part="note">${this.t.readOnly}</p>`
    }`;
  }

  /** Whether the fields are read-only: no `update` permission (R1), or a save is running. */
  protected locked({ snapshot, commit }: LicensingState): boolean {
    return !snapshot || !canEdit(snapshot.permission) || commit.status === 'saving';
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
