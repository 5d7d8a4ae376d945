// The grid's side of the selection (assign.ts builds on it): each agent's checkbox, Space
// (Shift+Space for a range) on the focused row, and what the grid and its rows say of it to
// assistive technology. The rows are the overview's template (usage-grid.ts); this marks them after
// every render.
import type { TemplateResult } from 'lit';
import type { LicensingError } from '../../adapters/errors.js';
import type { Agent, LicenceType } from '../../core/index.js';
import type { LocaleController } from '../../i18n/locale.js';
import type { LicensingController } from '../../state/controller.js';
import { messages, type AssignMessages } from './assign.messages.js';
import { lit, type Lit, type Nothing } from './assign-lit.js';
import { Selection } from './selection.js';
import type { UsageResult } from './usage-pages.js';
import type { UsageOverview } from './usage-overview.component.js';

/** What the selection's controller reads from its overview. */
export interface AssignContext {
  readonly licensing: LicensingController;
  readonly locale: LocaleController;
  /** The query whose rows are on screen. */
  readonly shown: () => UsageResult | undefined;
  readonly errorText: (error: LicensingError) => string;
  /** The licence types with their names in the page's language. */
  readonly catalog: () => readonly LicenceType[];
  readonly lit: Lit;
}

/** Selecting the overview's rows: the selection, and the grid's checkboxes, keys and ARIA state. */
export class GridSelection {
  readonly selection = new Selection();

  constructor(
    protected readonly host: UsageOverview,
    protected readonly ctx: AssignContext,
  ) {
    host.addEventListener('keydown', this.onKeydown);
  }

  /** On: the store can assign and the user may change licences (R1). */
  get on(): boolean {
    return Boolean(this.ctx.licensing.store?.canAssign);
  }

  protected get m(): AssignMessages {
    return this.ctx.locale.section('usage-assign', messages);
  }

  /** The checkbox in an agent's cell. */
  pick(index: number, agent: Agent | undefined): TemplateResult | Nothing {
    const { html, live } = lit;
    if (!agent) return lit.nothing;
    return html`<input
      part="select"
      class="pick"
      type="checkbox"
      tabindex="-1"
      aria-label=${this.m.select(agent.name)}
      .checked=${live(this.selection.has(agent))}
      @click=${(event: MouseEvent) => this.toggle(index, agent, event.shiftKey)}
    />`;
  }

  /** After a render: the grid says it is multi-selectable while on, each row whether it is selected. */
  protected markGrid(): void {
    // On the grid from here, so a read-only overview's template carries none of it.
    const grid = this.host.renderRoot.querySelector('[role="grid"]');
    if (this.on) grid?.setAttribute('aria-multiselectable', 'true');
    else grid?.removeAttribute('aria-multiselectable');
    // Each rendered row says whether it is selected (the rows are the overview's template; a row
    // element is reused for its index, so this follows every render).
    const shown = this.ctx.shown();
    for (const row of grid?.querySelectorAll<HTMLElement>('[data-row]') ?? []) {
      const agent = this.on ? shown?.row(Number(row.dataset.row)) : undefined;
      if (agent) row.setAttribute('aria-selected', String(this.selection.has(agent)));
      else row.removeAttribute('aria-selected');
    }
  }

  private toggle(index: number, agent: Agent, range: boolean): void {
    const shown = this.ctx.shown();
    // Unticking one of "all N matching": the agents loaded so far stay, all but that one.
    if (shown) this.selection.narrow(shown.pages.values());
    this.selection.toggle(index, agent, (i) => shown?.row(i), range);
    this.host.requestUpdate();
  }

  /** Space (Shift+Space for a range) selects the focused row; the grid's keys do the rest. */
  private onKeydown = (event: KeyboardEvent): void => {
    if (event.key !== ' ' || event.ctrlKey || event.altKey || event.metaKey || !this.on) return;
    const target = event.composedPath()[0] as HTMLElement;
    if (target instanceof HTMLInputElement || target.localName === 'button') return;
    const row = target.closest?.<HTMLElement>('[role="grid"] [data-row]');
    const index = Number(row?.dataset.row);
    const agent = row ? this.ctx.shown()?.row(index) : undefined;
    if (!agent) return;
    event.preventDefault();
    this.toggle(index, agent, event.shiftKey);
  };
}
