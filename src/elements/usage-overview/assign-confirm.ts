import type { TemplateResult } from 'lit';
import { lit } from './assign-lit.js';
import type { AssignmentProblem } from '../../core/assignment.js';
import type { AssignMessages } from './assign.messages.js';

export type Action = 'assign' | 'unassign';

/** The confirmation on screen: what it does, and a refusal (R12) that asks whether to do both. */
export interface Confirm {
  readonly action: Action;
  readonly typeId: string;
  readonly count: number;
  problem?: AssignmentProblem | undefined;
  error?: string | undefined;
}

/** The refusals that offer "both" (R12: a type required by, or requiring, another). */
export const linkProblem = (problem: AssignmentProblem): boolean =>
  problem.code === 'required-by-licence' || problem.code === 'requires-licence';

/** The other type of such a refusal. */
export const otherType = (problem: AssignmentProblem): string =>
  problem.code === 'required-by-licence'
    ? problem.dependentTypeId
    : problem.code === 'requires-licence'
      ? problem.requiredTypeId
      : '';

/** One type's in-use before and after the change, of its saved count, by name. */
export interface ConfirmLine {
  readonly name: string;
  readonly inUse: number;
  readonly after: number;
  readonly total: number;
}

export interface ConfirmView {
  readonly confirm: Confirm;
  readonly m: AssignMessages;
  /** The type's name in the page's language, and the linked type's of a refusal. */
  readonly name: string;
  readonly linked: string;
  /** Each type that moves (the requested one, then a linked one of "both"): in use before and after. */
  readonly lines: readonly ConfirmLine[];
  /** What the change does to a count pending in the cart (R12 `mustFreeAfter`), or ''. */
  readonly warning: string;
  readonly busy: boolean;
  readonly onConfirm: () => void;
  readonly onCancel: (event?: Event) => void;
}

/**
 * The confirmation of an assignment: a modal <dialog> named by its heading, saying in words what
 * happens (who, and how the type's in-use moves while the count stays); with R12's refusal, the
 * question whether to do both. Escape cancels (the controller puts focus back).
 */
export function confirmDialog(view: ConfirmView): TemplateResult {
  const { html, nothing } = lit;
  const { confirm, m, name, linked, lines, warning, busy } = view;
  const { action, count, problem, error } = confirm;
  const assign = action === 'assign';
  const label = problem
    ? assign
      ? m.assignBoth(name, linked)
      : m.removeBoth(name, linked)
    : assign
      ? m.confirmAssign
      : m.confirmRemove;
  return html`<dialog
    part="assign-dialog"
    class="confirm"
    aria-labelledby="assign-title"
    aria-describedby=${warning ? 'assign-text assign-warning' : 'assign-text'}
    @cancel=${view.onCancel}
  >
    <h2 id="assign-title">${assign ? m.assignTitle(name, count) : m.removeTitle(name, count)}</h2>
    <p id="assign-text">
      ${assign ? m.assignWho(name, count) : m.removeWho(name, count)}
      ${lines.map((each) => m.inUseLine(each.name, each.inUse, each.after, each.total)).join(' ')}
      ${m.sameBill}
    </p>
    ${
      // Part of the dialog's description: said when it opens, before anything is confirmed.
      warning ? html`<p id="assign-warning" class="refusal">${warning}</p>` : nothing
    }
    ${
      problem
        ? html`<p part="refusal" class="refusal" role="alert">
            ${
              problem.code === 'required-by-licence'
                ? m.needsRemove(linked, name, problem.agents)
                : m.needsAssign(name, linked, problem.code === 'requires-licence' ? problem.agents : 0)
            }
          </p>`
        : nothing
    }
    ${error ? html`<p part="message" class="failure" role="alert">${error}</p>` : nothing}
    <div class="actions">
      <button
        class="button primary"
        part="confirm-button"
        type="button"
        aria-busy=${busy ? 'true' : 'false'}
        ?disabled=${busy}
        @click=${view.onConfirm}
      >
        ${busy ? m.working : label}
      </button>
      <button class="button" type="button" @click=${view.onCancel}>${m.cancel}</button>
    </div>
  </dialog>`;
}
