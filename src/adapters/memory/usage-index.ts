// The memory adapter's agents, indexed so a page of the usage overview costs the same at 50 agents
// or 1,000,000: sorted by name once, per type the positions of the agents holding it, and the last
// search cached for paging.

import { agentSearchText, searchKey, type Agent, type UsagePage, type UsageQuery } from '../../core/index.js';

/** The agents a search found, positions in name order. */
interface SearchHits {
  text: string;
  matches: Uint32Array;
  countsByType: Record<string, number>;
  /** Per type, the matches holding it: paging a search within a type reuses them. */
  byType: Map<string, Uint32Array>;
}

/**
 * A copy of an agent the caller may keep or change. Agents are flat apart from their licences;
 * structuredClone per agent cost more than the page's whole lookup.
 */
const copyAgent = (agent: Agent): Agent => ({ ...agent, licences: [...agent.licences] });

const sameSet = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((id) => b.includes(id));

export class UsageIndex {
  /** Agents sorted by name, and per type the positions (in that order) of the agents holding it. */
  private readonly byName: Agent[];
  /** Position in `byName` per agent id, built on the first assignment (R12). */
  private positions: Map<string, number> | undefined;
  /** Per agent whose licences an assignment changed, its seed licences (R12; see `changes`). */
  private readonly seedLicences = new Map<string, readonly string[]>();
  private readonly byType = new Map<string, Uint32Array>();
  private readonly searchText: readonly string[];
  private lastSearch: SearchHits | undefined;
  private allCounts: Record<string, number> = {};

  constructor(agents: readonly Agent[]) {
    this.byName = [...agents].sort((a, b) =>
      a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : 1,
    );
    this.searchText = this.byName.map(agentSearchText);
    const positions = new Map<string, number[]>();
    this.byName.forEach((agent, index) => {
      for (const id of agent.licences) {
        let list = positions.get(id);
        if (!list) positions.set(id, (list = []));
        list.push(index);
      }
    });
    for (const [id, list] of positions) {
      this.byType.set(id, Uint32Array.from(list));
      this.allCounts[id] = list.length;
    }
  }

  /** One page of `query`, filtered by type and search. */
  page(query: UsageQuery): UsagePage {
    const offset = Math.max(0, Math.floor(query.offset));
    const limit = Math.max(0, Math.floor(query.limit));
    const search = searchKey(query.search ?? '');
    let total: number;
    let countsByType: Record<string, number>;
    let pick: (position: number) => number;
    if (!search) {
      countsByType = this.allCounts;
      if (query.typeId) {
        const positions = this.byType.get(query.typeId) ?? new Uint32Array(0);
        total = positions.length;
        pick = (i) => positions[i]!;
      } else {
        total = this.byName.length;
        pick = (i) => i;
      }
    } else {
      const found = this.search(search);
      countsByType = found.countsByType;
      const matches = query.typeId ? this.filterByType(found, query.typeId) : found.matches;
      total = matches.length;
      pick = (i) => matches[i]!;
    }
    const agents: Agent[] = [];
    // Only the page's agents are touched: the per-type index and the cached search give their
    // positions.
    for (let i = offset; i < Math.min(total, offset + limit); i++)
      agents.push(copyAgent(this.byName[pick(i)]!));
    return { total, countsByType: { ...countsByType }, agents };
  }

  /** The agents with these ids, as they are now (copies), and the ids no agent has (R12). */
  byIds(ids: readonly string[]): { agents: Agent[]; unknown: string[] } {
    const agents: Agent[] = [];
    const unknown: string[] = [];
    for (const id of new Set(ids)) {
      const position = this.positionOf(id);
      if (position === undefined) unknown.push(id);
      else agents.push(copyAgent(this.byName[position]!));
    }
    return { agents, unknown };
  }

  /**
   * Gives the agents new licences (R12, `replaced` by id): the per-type positions of the types
   * that moved are rebuilt and the cached search forgotten, so the next page shows them.
   */
  replace(replaced: readonly Agent[]): void {
    const types = new Set<string>();
    for (const agent of replaced) {
      const position = this.positionOf(agent.id)!;
      const before = this.byName[position]!.licences;
      if (!this.seedLicences.has(agent.id)) this.seedLicences.set(agent.id, [...before]);
      for (const id of [...before, ...agent.licences]) types.add(id);
      this.byName[position] = copyAgent(agent);
    }
    for (const typeId of types) {
      const list: number[] = [];
      this.byName.forEach((agent, index) => agent.licences.includes(typeId) && list.push(index));
      this.byType.set(typeId, Uint32Array.from(list));
      this.allCounts = { ...this.allCounts, [typeId]: list.length };
    }
    this.lastSearch = undefined;
  }

  /**
   * The agents whose licences differ from the seed, by id (R12): what the memory adapter stores
   * with the snapshot, in one write, so the in-use figures and the holders never drift apart.
   */
  changes(): Record<string, string[]> {
    const changes: Record<string, string[]> = {};
    for (const [id, seed] of this.seedLicences) {
      const now = this.byName[this.positionOf(id)!]!.licences;
      if (!sameSet(now, seed)) changes[id] = [...now];
    }
    return changes;
  }

  /**
   * Makes the agents hold what `stored` says (by id; every other agent as in the seed): stored
   * state read on load, or another tab's. Ids the seed does not know are ignored.
   */
  restore(stored: Readonly<Record<string, readonly string[]>>): void {
    const replaced: Agent[] = [];
    for (const id of new Set([...this.seedLicences.keys(), ...Object.keys(stored)])) {
      const position = this.positionOf(id);
      if (position === undefined) continue;
      const agent = this.byName[position]!;
      const target = stored[id] ?? this.seedLicences.get(id) ?? agent.licences;
      if (!sameSet(agent.licences, target)) replaced.push({ ...agent, licences: [...target] });
    }
    if (replaced.length) this.replace(replaced);
  }

  private positionOf(id: string): number | undefined {
    this.positions ??= new Map(this.byName.map((agent, index) => [agent.id, index]));
    return this.positions.get(id);
  }

  /** Agents whose name or email contains `text`; the last search is cached for paging. */
  private search(text: string): SearchHits {
    if (this.lastSearch?.text === text) return this.lastSearch;
    const hits: number[] = [];
    // No prototype: a type id such as `constructor` must count from 0, not from Object's function.
    const countsByType: Record<string, number> = Object.create(null) as Record<string, number>;
    for (let i = 0; i < this.searchText.length; i++) {
      if (this.searchText[i]!.includes(text)) {
        hits.push(i);
        for (const id of this.byName[i]!.licences) countsByType[id] = (countsByType[id] ?? 0) + 1;
      }
    }
    this.lastSearch = { text, matches: Uint32Array.from(hits), countsByType, byType: new Map() };
    return this.lastSearch;
  }

  private filterByType(found: SearchHits, typeId: string): Uint32Array {
    let matches = found.byType.get(typeId);
    if (!matches) {
      matches = found.matches.filter((i) => this.byName[i]!.licences.includes(typeId));
      found.byType.set(typeId, matches);
    }
    return matches;
  }
}
