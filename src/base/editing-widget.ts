import { css, html, nothing, type CSSResultGroup } from 'lit';
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
  static override styles: CSSResultGroup = [
    RulesWidget.styles,
    css`
      /* "Request" after the name: a request's draft, never a purchase (a border, not colour alone). */
      [part~='request-badge'] {
        padding: 0 var(--_space-xs);
        border: 1px solid currentColor;
        border-radius: var(--_radius);
        color: var(--_muted);
        font-size: 0.75rem;
        font-weight: 600;
        text-transform: uppercase;
        /* Its own width on a row of its own too (a card's header grid, the picker's column). */
        width: fit-content;
      }
    `,
  ];

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
    const words = this.words.refused[result.reason];
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
    // A request's draft says where it goes instead of "You can view licences but not change them."
    const note = this.state?.requests.drafting ? this.words.requestNote : this.t.readOnly;
    return html`${this.renderRefusal()}${
      canEdit(snapshot.permission) || this.noReadOnlyNote ? nothing : html`<p part="note">${note}</p>`
    }`;
  }

  /** R1: the fields can change the draft: `update`, or a `view` user drafting a request. */
  protected changeable(state: LicensingState): boolean {
    return !!state.snapshot && (canEdit(state.snapshot.permission) || state.requests.drafting);
  }

  /** Whether the fields are read-only: not `changeable` (R1), or a save or a request is being sent. */
  protected locked(state: LicensingState): boolean {
    const busy = state.commit.status === 'saving' || state.requests.send.status === 'sending';
    return !this.changeable(state) || busy;
  }

  private get words() {
    return this.locale.section('editing', editingMessages);
  }

  /** "Request" after the name while a `view` user drafts a request, so no change reads as a purchase. */
  protected requestBadge(state: LicensingState) {
    return state.requests.drafting
      ? html`<span part="request-badge">${this.words.requestBadge}</span>`
      : nothing;
  }

  /** "Requested: " before a pending change while a `view` user drafts a request. */
  protected requestedPrefix(state: LicensingState) {
    return state.requests.drafting ? this.words.requested : nothing;
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
