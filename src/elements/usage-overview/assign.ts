// The toolbar, the confirmation, the undo toast and the "free N to reduce" banner of
// `<usage-overview>` (issue #22), for an `update` user whose store can assign (R12), over the
// selection of its rows (assign-grid.ts). Loaded on first use, so a read-only overview, or one whose
// adapter has no `assign`, downloads none of it.
import type { ReactiveController, TemplateResult } from 'lit';
import { assignmentProblems, availability, mustFreeAfter } from '../../core/assignment.js';
import { assignSheet } from './assign.styles.js';
import { freeBanner } from './assign-banner.js';
import { GridSelection, type AssignContext } from './assign-grid.js';
import { lit, type Nothing } from './assign-lit.js';
import {
  confirmDialog,
  linkProblem,
  otherType,
  type Action,
  type Confirm,
  type ConfirmLine,
} from './assign-confirm.js';
import { UndoToast } from './assign-toast.js';
import { selectionToolbar, ToolbarFocus } from './assign-toolbar.js';
import { changedCounts, undoOf } from './assign-undo.js';
import type { UsageFilter } from './usage-pages.js';
import type { UsageOverview } from './usage-overview.component.js';

export type { AssignContext } from './assign-grid.js';

export class AssignController extends GridSelection implements ReactiveController {
  private key = '';
  private confirm: Confirm | undefined;
  private busy = false;
  private readonly toast: UndoToast;
  /** The type the toolbar acts on while the overview shows every type. */
  private chosen = '';
  /** Types whose reduction was blocked (R3) while this overview showed them: count asked for. */
  private readonly blocked = new Map<string, number>();
  private returnFocus: HTMLElement | undefined;
  private adopted = false;
  private readonly keys: ToolbarFocus;

  constructor(host: UsageOverview, ctx: AssignContext) {
    super(host, ctx);
    Object.assign(lit, ctx.lit);
    this.toast = new UndoToast(
      host,
      () => this.m,
      ctx.errorText,
      () => this.focusGrid(),
    );
    this.keys = new ToolbarFocus(host.renderRoot);
    host.addController(this);
  }

  /** The overview's filter, as its rows were asked for. */
  private get filter(): UsageFilter {
    return { typeId: this.host.typeId, search: this.host.search.trim() };
  }

  hostUpdate(): void {
    const { typeId, search } = this.filter;
    const key = `${typeId}\u0000${search}`;
    // A selection belongs to its filter: another filter starts empty (nothing is acted on unseen).
    if (key !== this.key) {
      this.key = key;
      this.selection.clear();
    }
    if (!this.adopted && this.on) {
      // The selection's styles arrive with its code, for this element only.
      const root = this.host.renderRoot as ShadowRoot;
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, assignSheet()];
      this.adopted = true;
    }
  }

  hostUpdated(): void {
    this.keys.update();
    this.markGrid();
    const dialog = this.host.renderRoot.querySelector<HTMLDialogElement>('dialog[part~="assign-dialog"]');
    if (dialog && !dialog.open) {
      dialog.showModal();
      dialog.querySelector<HTMLElement>('[part~="confirm-button"]')?.focus();
    }
  }

  hostDisconnected(): void {
    this.toast.dispose();
  }

  // ————— the banner, the toolbar, the toast, the dialog —————

  render(): TemplateResult | Nothing {
    const { html, nothing } = lit;
    if (!this.on) return lit.nothing;
    return html`${this.banner()}
      <div class="picks">
        <p part="selected-count" class="picked" role="status">
          ${
            this.selection.narrowedFrom
              ? this.m.selectedLoaded(this.selection.size, this.selection.narrowedFrom)
              : this.selection.size
                ? this.m.selected(this.selection.size)
                : ''
          }
        </p>
        ${this.selection.size ? this.toolbar() : nothing}
      </div>
      ${this.toast.render()} ${this.confirm ? this.dialog(this.confirm) : nothing}`;
  }

  private typeName(typeId: string): string {
    return this.ctx.catalog().find((each) => each.id === typeId)?.name ?? typeId;
  }

  /** R3's blocked reduction of the type on screen, and once enough are free, the way back. */
  private banner(): TemplateResult | Nothing {
    const typeId = this.host.typeId;
    return typeId
      ? freeBanner(this.host, typeId, this.ctx.licensing.state!, this.m, this.typeName(typeId), this.blocked)
      : lit.nothing;
  }

  /**
   * The type the toolbar acts on: the filter's whenever the overview is filtered on a type (then
   * there is no type to choose, and "all N matching" are its holders), else the one the admin chose.
   */
  private get typeId(): string {
    const catalog = this.ctx.licensing.state!.snapshot!.catalog;
    return (
      this.host.typeId || (catalog.some((type) => type.id === this.chosen) ? this.chosen : catalog[0]!.id)
    );
  }

  private toolbar(): TemplateResult {
    const snapshot = this.ctx.licensing.state!.snapshot!;
    const shown = this.ctx.shown();
    const typeId = this.typeId;
    const total = shown?.total ?? 0;
    const free = this.availability(typeId);
    const count = snapshot.lines.find((line) => line.typeId === typeId)?.count ?? 0;
    return selectionToolbar({
      m: this.m,
      selectAll: this.selection.all || total <= this.selection.size ? 0 : total,
      types: this.host.typeId ? [] : this.ctx.catalog(),
      typeId,
      name: this.typeName(typeId),
      ...this.selection.split(typeId, shown?.countsByType ?? {}),
      free: free.now,
      pending:
        free.pending === undefined
          ? undefined
          : { to: free.pending, after: free.afterSave ?? 0, reduce: free.pending < count },
      busy: this.busy,
      keys: this.keys,
      onSelectAll: this.selectAll,
      onClear: this.clear,
      onType: this.onType,
      onAsk: (action, count, event) => this.ask(action, count, event),
    });
  }

  /** R12 with the cart's pending counts: free now, and once the pending count is saved. */
  private availability(typeId: string) {
    const state = this.ctx.licensing.state!;
    return availability(state.snapshot!, typeId, state.draft.counts ?? {});
  }

  /** The grid's Tab stop (its active cell, or the grid itself). */
  private focusGrid(): void {
    this.host.renderRoot
      .querySelector<HTMLElement>('[role="grid"] [tabindex="0"], [role="grid"][tabindex="0"]')
      ?.focus();
  }

  private selectAll = (): void => {
    this.selection.selectAll(this.filter, this.ctx.shown()?.total ?? 0);
    // Its button goes: focus stays in the toolbar, on its Tab stop.
    this.refocus('.selection [tabindex="0"]');
  };

  private clear = (): void => {
    this.selection.clear();
    // The toolbar goes: focus goes to the grid's Tab stop (its active cell, or the grid itself).
    this.refocus('[role="grid"] [tabindex="0"], [role="grid"][tabindex="0"]');
  };

  /** After a click that took its own button away, focus goes to `selector`, not to the page's body. */
  private refocus(selector: string): void {
    this.host.requestUpdate();
    void this.host.updateComplete.then(() => {
      const root = this.host.renderRoot as ShadowRoot;
      if (!root.activeElement) root.querySelector<HTMLElement>(selector)?.focus();
    });
  }

  private onType = (event: Event): void => {
    const select = event.target as HTMLSelectElement;
    this.chosen = select.value;
    this.host.requestUpdate();
    // Bring the chosen type's column into view: ten types are wider than a 1440 px dialog. The
    // toolbar lists the types in the grid's column order; the header's scroll-margin
    // (assign.styles.ts) keeps it clear of the sticky agent column.
    const headers = this.host.renderRoot.querySelectorAll('.header .type');
    headers[select.selectedIndex]?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  };

  /** Opens the confirmation, with R12's refusal already in it when the rows say so. */
  private ask(action: Action, count: number, event: Event): void {
    const button = event.currentTarget as HTMLElement;
    // Off (focusable in the toolbar, APG): too few licences free, or a change under way.
    if (button.ariaDisabled === 'true') return;
    this.returnFocus = button;
    const typeId = this.typeId;
    const agents = [...this.selection.agents.values()];
    const snapshot = this.ctx.licensing.state!.snapshot!;
    const problem = agents.length
      ? assignmentProblems(snapshot, typeId, agents, action).find(linkProblem)
      : undefined;
    this.confirm = { action, typeId, count, problem };
    // A newer action: an older change's Undo is no longer offered.
    this.toast.hide();
    this.host.requestUpdate();
  }

  private dialog(confirm: Confirm): TemplateResult {
    const { action, typeId, count, problem } = confirm;
    const sign = action === 'assign' ? 1 : -1;
    // The requested type, and with "both" the linked one (with how many of the agents it moves for).
    const moves: [string, number][] = [[typeId, count]];
    if (problem && linkProblem(problem)) {
      moves.push([otherType(problem), 'agents' in problem ? problem.agents : 0]);
    }
    const snapshot = this.ctx.licensing.state!.snapshot!;
    let warning = '';
    const lines = moves.map(([id, moved]): ConfirmLine => {
      const line = snapshot.lines.find((each) => each.typeId === id);
      const inUse = line?.inUse ?? 0;
      const free = this.availability(id);
      const left = action === 'assign' ? mustFreeAfter(free, moved) : 0;
      // An assignment that takes a pending reduction below in use says so before it is made.
      if (left > free.mustFree && !warning)
        warning = this.m.undoesReduction(this.typeName(id), free.pending!, left);
      return { name: this.typeName(id), inUse, after: inUse + sign * moved, total: line?.count ?? 0 };
    });
    return confirmDialog({
      confirm,
      m: this.m,
      name: this.typeName(typeId),
      linked: problem ? this.typeName(otherType(problem)) : '',
      lines,
      warning,
      busy: this.busy,
      onConfirm: () => void this.run(confirm, Boolean(problem)),
      onCancel: this.cancel,
    });
  }

  private cancel = (event?: Event): void => {
    event?.preventDefault();
    if (this.busy) return;
    this.closeDialog();
    this.returnFocus?.focus();
  };

  private closeDialog(): void {
    this.host.renderRoot.querySelector<HTMLDialogElement>('dialog[part~="assign-dialog"]')?.close();
    this.confirm = undefined;
    this.host.requestUpdate();
  }

  /** Makes the change; a refusal or a failure stays in the dialog and keeps the selection. */
  private async run(confirm: Confirm, alsoLinked: boolean): Promise<void> {
    const store = this.ctx.licensing.store!;
    const { action, typeId } = confirm;
    const selection = this.selection.all
      ? { query: queryOf(this.selection.all.filter) }
      : { agentIds: [...this.selection.agents.keys()] };
    this.busy = true;
    this.host.requestUpdate();
    const outcome = await store[action](typeId, selection, { alsoLinked });
    this.busy = false;
    const m = this.m;
    if (!outcome.ok) {
      const problems = outcome.reason === 'refused' ? outcome.problems : [];
      const link = problems.find(linkProblem);
      const short = problems.find((each) => each.code === 'not-enough-available');
      if (link && !alsoLinked) confirm.problem = link;
      else
        confirm.error = short
          ? m.notEnough(this.typeName(short.typeId), short.requested, short.available)
          : `${m.failed} ${'error' in outcome ? this.ctx.errorText(outcome.error) : ''}`;
      this.host.requestUpdate();
      return;
    }
    this.selection.clear();
    this.closeDialog();
    const { count, linked, linkedCount } = changedCounts(outcome.changes, typeId);
    const name = this.typeName(typeId);
    const other = linked ? this.typeName(linked) : '';
    const text =
      action === 'assign'
        ? linked
          ? m.assignedBoth(name, count, other, linkedCount)
          : m.assigned(name, count)
        : linked
          ? m.removedBoth(name, count, other, linkedCount)
          : m.removed(name, count);
    this.toast.show({
      text,
      undo: outcome.changes.length ? undoOf(this.ctx.licensing.store!, outcome.changes) : undefined,
      undone:
        action === 'assign'
          ? m.undoneAssign(name, count, other, linkedCount)
          : m.undoneRemove(name, count, other, linkedCount),
    });
    await this.host.updateComplete;
    // Focus goes where the next step is: back to the cart once the reduction is valid, else back
    // where the admin acted (the toolbar is gone with the selection: the grid). Not onto the toast's
    // Undo: a status message does not take focus (WCAG 4.1.3), and a toast holding focus could not
    // go away on its own (2.2.1); the toast is announced politely and Tab reaches its Undo.
    const back = this.host.renderRoot.querySelector<HTMLElement>('[part~="back-button"]');
    if (back) back.focus();
    else this.focusGrid();
  }
}

const queryOf = ({ typeId, search }: UsageFilter) => ({
  ...(typeId ? { typeId } : {}),
  ...(search ? { search } : {}),
});
