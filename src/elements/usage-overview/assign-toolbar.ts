import type { TemplateResult } from 'lit';
import type { LicenceType } from '../../core/index.js';
import { lit } from './assign-lit.js';
import type { Action } from './assign-confirm.js';
import type { AssignMessages } from './assign.messages.js';

/** What the selection's toolbar shows, and whom it tells. */
export interface ToolbarView {
  readonly m: AssignMessages;
  /** "Select all N matching": N, or 0 when every match is selected already. */
  readonly selectAll: number;
  /** The types to choose from (names in the page's language); empty when the filter has a type. */
  readonly types: readonly LicenceType[];
  /** The type acted on, and its name. */
  readonly typeId: string;
  readonly name: string;
  /** Selected agents holding the type, and not holding it. */
  readonly holders: number;
  readonly others: number;
  /** Licences of the type not in use now (R12: saved count − in use). */
  readonly free: number;
  /** A count pending in the cart (R12 `availability`): free once it is saved, and whether it reduces. */
  readonly pending: { readonly to: number; readonly after: number; readonly reduce: boolean } | undefined;
  readonly busy: boolean;
  readonly keys: ToolbarFocus;
  readonly onSelectAll: () => void;
  readonly onClear: () => void;
  readonly onType: (event: Event) => void;
  readonly onAsk: (action: Action, count: number, event: Event) => void;
}

/**
 * The toolbar acting on the selection (WAI-ARIA APG "Toolbar"): one Tab stop, `ToolbarFocus` moves
 * between its controls. An action it cannot take now stays in it, focusable and `aria-disabled`,
 * described by the text that says why ("You selected 3 agents without Email, and only 2 …").
 */
export function selectionToolbar(v: ToolbarView): TemplateResult {
  const { html, nothing } = lit;
  const { m, name, holders, others, free, pending } = v;
  const short = others > free;
  // Said by the assign button too when it is off, or when a pending count changes what it leaves.
  const described = short || Boolean(pending);
  return html`<div
    part="selection-toolbar"
    class="selection"
    role="toolbar"
    aria-label=${m.toolbarLabel}
    @keydown=${v.keys.onKeydown}
    @focusin=${v.keys.onFocusin}
  >
    ${v.selectAll ? html`<button class="button" type="button" @click=${v.onSelectAll}>${m.selectAll(v.selectAll)}</button>` : nothing}
    <button class="button" type="button" @click=${v.onClear}>${m.clear}</button>
    ${
      v.types.length
        ? html`<label class="field pick-type">
            <span class="label">${m.typeLabel}</span>
            <select @change=${v.onType}>
              ${v.types.map(
                (type) =>
                  html`<option value=${type.id} ?selected=${type.id === v.typeId}>${type.name}</option>`,
              )}
            </select>
          </label>`
        : nothing
    }
    ${
      // An action with nobody to act on is left out ("Assign Voice to 0 agents" says nothing).
      holders
        ? html`<button
            class="button"
            part="remove-button"
            type="button"
            aria-disabled=${String(v.busy)}
            @click=${(event: Event) => v.onAsk('unassign', holders, event)}
          >
            ${m.remove(name, holders)}
          </button>`
        : nothing
    }
    ${
      others
        ? html`<button
            class="button"
            part="assign-button"
            type="button"
            aria-disabled=${String(short || v.busy)}
            aria-describedby=${described ? 'assign-available' : nothing}
            @click=${(event: Event) => v.onAsk('assign', others, event)}
          >
            ${m.assign(name, others)}
          </button>`
        : nothing
    }
    <span part="available" class="available" id="assign-available">
      ${
        short
          ? m.notEnough(name, others, free)
          : pending
            ? m.availablePending(name, free, pending.after, pending.to, pending.reduce)
            : m.available(name, free)
      }
    </span>
  </div>`;
}

/**
 * The toolbar's keys (WAI-ARIA APG "Toolbar"): Tab enters on one control and leaves; Left / Right
 * move to the previous / next control, wrapping from the last to the first and back as APG's
 * example does; Home / End go to the first / last. The control focused last is the one Tab comes
 * back to (the first once it is gone). The type `<select>` keeps Up / Down (and its popup) to itself.
 */
export class ToolbarFocus {
  private stop: Element | undefined;

  constructor(private readonly root: ParentNode) {}

  /** The toolbar's controls, in order. */
  private tools(): HTMLElement[] {
    return [...this.root.querySelectorAll<HTMLElement>('.selection :is(button, select)')];
  }

  /** Gives the tab stop to the control focused last (after every render). */
  update(): void {
    const tools = this.tools();
    const stop = tools.find((tool) => tool === this.stop) ?? tools[0];
    for (const tool of tools) tool.tabIndex = tool === stop ? 0 : -1;
  }

  onFocusin = (event: FocusEvent): void => {
    this.stop = event.target as Element;
    this.update();
  };

  onKeydown = (event: KeyboardEvent): void => {
    const tools = this.tools();
    const at = tools.indexOf(event.target as HTMLElement);
    const last = tools.length - 1;
    const keys: Record<string, number> = {
      ArrowLeft: at ? at - 1 : last,
      ArrowRight: at < last ? at + 1 : 0,
      Home: 0,
      End: last,
    };
    const to = keys[event.key];
    if (to === undefined || at < 0 || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    tools[to]!.focus();
  };
}
