// The review dialog's template: every change with from → to and its effects, the totals, the
// timeline and downloads, the warnings and blocking errors, Back and Save changes; and the notice
// of what another admin changed under the draft, shown in the review or in the bar. Apart from the
// cart's component, which keeps the state and the handlers (open, confirm, close) and passes them.
import { html, nothing, type TemplateResult } from 'lit';
import type { LicensingError } from '../../adapters/errors.js';
import type { CommonMessages } from '../../i18n/common.js';
import type { IssueMessages } from '../../i18n/issues.js';
import type { Quote } from '../../core/index.js';
import type { LicensingState } from '../../state/licensing-store.js';
import { issueList } from './cart-issues.js';
import { blockingIssues, underneathText, type Row } from './cart-rows.js';
import type { CartTimeline } from './cart-timeline.js';
import type { LicenceCartMessages } from './licence-cart.messages.js';

/** What the cart lends its review: words, the timeline once loaded, and its handlers. */
export interface ReviewView {
  m: LicenceCartMessages;
  t: CommonMessages;
  issues: IssueMessages;
  /** The review is open (the conflict notice is shown in it, not in the bar). */
  open: boolean;
  timeline: CartTimeline | undefined;
  errorText(error: LicensingError): string;
  onClose(): void;
  onBack(): void;
  onConfirm(): void;
}

/** What another admin changed under the draft (after a conflict), or nothing. */
export function conflictNotice(
  { commit, snapshot }: LicensingState,
  m: LicenceCartMessages,
  t: CommonMessages,
) {
  if (commit.status !== 'conflict') return nothing;
  return html`<div part="conflict" role="alert">
    <p><strong>${m.conflictTitle}</strong> ${m.conflictBody}</p>
    ${
      commit.changes.length
        ? html`<ul>
            ${commit.changes.map((c) => html`<li>${underneathText(c, snapshot!, m, t)}</li>`)}
          </ul>`
        : nothing
    }
  </div>`;
}

/** The review dialog of the pending changes (`rows`, from cart-rows.ts). */
export function reviewDialog(view: ReviewView, state: LicensingState, rows: Row[]): TemplateResult {
  const { m, t } = view;
  const snapshot = state.snapshot!;
  const quote = state.quote;
  const blocking = blockingIssues(state.issues);
  const warnings = state.issues.filter((i) => i.severity === 'warning');
  const commit = state.commit;
  const saving = commit.status === 'saving';
  return html`<dialog
    part="dialog"
    aria-labelledby="review-title"
    @cancel=${(e: Event) => saving && e.preventDefault()}
    @close=${view.onClose}
  >
    <h2 id="review-title">${m.reviewTitle}</h2>
    <p part="invoice-warning">${m.invoiceWarning}</p>
    ${view.open ? conflictNotice(state, m, t) : nothing}
    ${
      commit.status === 'failed'
        ? html`<p part="failure" role="alert">${view.errorText(commit.error)} ${m.failed}</p>`
        : nothing
    }
    ${quoteTable(rows, quote, m, m.reviewTitle)} ${view.timeline?.section(rows, snapshot.period)}
    <p part="rule">${m.highWater}</p>
    ${view.timeline?.downloads(snapshot, state.draft)}
    ${issueList('warnings', m.warnings, warnings, snapshot, t, view.issues)}
    ${issueList('errors', m.errors, blocking, snapshot, t, view.issues)}
    <footer>
      <button class="button" part="back-button" type="button" ?disabled=${saving} @click=${view.onBack}>
        ${m.back}
      </button>
      <button
        class="button primary"
        part="confirm-button"
        type="button"
        ?disabled=${!state.canSave}
        aria-busy=${saving ? 'true' : 'false'}
        @click=${view.onConfirm}
      >
        ${saving ? m.saving : m.confirm}
      </button>
    </footer>
  </dialog>`;
}

/** The quote as a table, one row per change and the totals below: the review's and a request's. */
export function quoteTable(
  rows: readonly Row[],
  quote: Quote | undefined,
  m: Pick<LicenceCartMessages, 'columns' | 'total' | 'delta'>,
  caption: string,
): TemplateResult {
  return html`<div class="table-wrap">
    <table part="lines">
      <caption class="visually-hidden">
        ${caption}
      </caption>
      <thead>
        <tr>
          <th scope="col">${m.columns.item}</th>
          <th scope="col">${m.columns.change}</th>
          <th scope="col">${m.columns.thisMonth}</th>
          <th scope="col">${m.columns.nextMonth}</th>
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          (row) =>
            html`<tr>
              <th scope="row">${row.item}</th>
              <td>${row.change}</td>
              <td data-label=${m.columns.thisMonth}>${row.thisMonth}</td>
              <td data-label=${m.columns.nextMonth}>${row.nextMonth}</td>
            </tr>`,
        )}
      </tbody>
      ${
        quote
          ? html`<tfoot>
              <tr>
                <th scope="row">${m.total}</th>
                <td></td>
                <td data-label=${m.columns.thisMonth}>${m.delta(quote.totals.thisMonth.delta)}</td>
                <td data-label=${m.columns.nextMonth}>${m.delta(quote.totals.nextMonth.delta)}</td>
              </tr>
            </tfoot>`
          : nothing
      }
    </table>
  </div>`;
}
