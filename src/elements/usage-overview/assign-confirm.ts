import type { TemplateResult } from 'lit';
import { lit } from './assign-lit.js';
import type { AssignmentProblem } from '../../core/assignment.js';
import type { LicenceLine } from '../../core/index.js';
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

export interface ConfirmView {
  readonly confirm: Confirm;
  readonly m: AssignMessages;
  /** The type's name in the page's language, and the linked type's of a refusal. */
  readonly name: string;
  readonly linked: string;
  /** The type's line in the saved snapshot: its count and what is in use. */
  readonly line: LicenceLine | undefined;
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
  const { confirm, m, name, linked, line, busy } = view;
  const { action, count, problem, error } = confirm;
  const inUse = line?.inUse ?? 0;
  const total = line?.count ?? 0;
  const after = action === 'assign' ? inUse + count : inUse - count;
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
    aria-describedby="assign-text"
    @cancel=${view.onCancel}
  >
    <h2 id="assign-title">${assign ? m.assignTitle(name, count) : m.removeTitle(name, count)}</h2>
    <p id="assign-text">
      ${assign ? m.assignText(name, count, inUse, after, total) : m.removeText(name, count, inUse, after, total)}
    </p>
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
