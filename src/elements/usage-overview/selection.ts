import type { Agent } from '../../core/index.js';
import type { UsageFilter } from './usage-pages.js';

/**
 * The agents an `update` user picked in `<usage-overview>`: single agents (kept with their
 * licences, which say who holds what), or every agent matching a filter ("Select all N matching"),
 * which is never loaded, only counted. A selection belongs to one filter: another filter starts
 * empty.
 */
export class Selection {
  /** Picked agents by id, in the order they were picked. */
  readonly agents = new Map<string, Agent>();
  /** Every agent of the filter, `total` of them; `agents` is then empty. */
  all: { readonly filter: UsageFilter; readonly total: number } | undefined;
  /** The row a Shift-click extends from. */
  anchor: number | undefined;
  /**
   * Set when "all N matching" became the agents loaded so far (`narrow`) and they are fewer than
   * the N it was: that N.
   */
  narrowedFrom: number | undefined;

  get size(): number {
    return this.all ? this.all.total : this.agents.size;
  }

  has(agent: Agent): boolean {
    return this.all !== undefined || this.agents.has(agent.id);
  }

  clear(): void {
    this.agents.clear();
    this.all = undefined;
    this.anchor = undefined;
    this.narrowedFrom = undefined;
  }

  /**
   * "All N matching" becomes the explicit agents of `pages` (those loaded so far), so that one
   * can be unticked: every agent when all are loaded, else fewer (`narrowedFrom` says how many
   * were selected). Nothing happens unless every agent of a filter is selected.
   */
  narrow(pages: Iterable<readonly Agent[]>): void {
    if (!this.all) return;
    const { total } = this.all;
    this.clear();
    for (const page of pages) for (const agent of page) this.agents.set(agent.id, agent);
    if (this.agents.size < total) this.narrowedFrom = total;
  }

  /**
   * Flips `index` (its agent `agent`); with `range`, sets every row from the anchor to it to what
   * the clicked row becomes, as far as `row` knows them (the rows of a range are in view, so loaded).
   */
  toggle(index: number, agent: Agent, row: (index: number) => Agent | undefined, range = false): void {
    const on = !this.has(agent);
    if (this.all) this.clear();
    const from = range && this.anchor !== undefined ? Math.min(this.anchor, index) : index;
    const to = range && this.anchor !== undefined ? Math.max(this.anchor, index) : index;
    for (let i = from; i <= to; i++) {
      const each = i === index ? agent : row(i);
      if (!each) continue;
      if (on) this.agents.set(each.id, each);
      else this.agents.delete(each.id);
    }
    this.anchor = index;
  }

  selectAll(filter: UsageFilter, total: number): void {
    this.clear();
    this.all = { filter, total };
  }

  /**
   * How many selected agents hold `typeId` and how many do not: counted from their licences, or,
   * for every agent of a filter, from its per-type counts (`countsByType`, the search applied).
   * Filtered on a type, the toolbar acts on that type only (assign.ts): all of them hold it.
   */
  split(typeId: string, countsByType: Readonly<Record<string, number>>): { holders: number; others: number } {
    if (this.all) {
      const { filter, total } = this.all;
      const holders = filter.typeId ? total : (countsByType[typeId] ?? 0);
      return { holders, others: total - holders };
    }
    let holders = 0;
    for (const agent of this.agents.values()) if (agent.licences.includes(typeId)) holders++;
    return { holders, others: this.agents.size - holders };
  }
}
