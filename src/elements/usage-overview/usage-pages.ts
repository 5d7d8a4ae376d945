import type { Agent, UsagePage, UsageQuery } from '../../core/index.js';
import { isAbortError, toLicensingError, type LicensingError } from '../../adapters/errors.js';

/** What the overview asks for: a licence type ('' = every type) and a search text ('' = none). */
export interface UsageFilter {
  readonly typeId: string;
  readonly search: string;
}

/** Fetches one page; the store's `listUsage` in the element. Must reject when `signal` aborts. */
export type FetchPage = (query: UsageQuery, signal: AbortSignal) => Promise<UsagePage>;

export interface UsagePagesOptions {
  /** Agents per request. */
  pageSize: number;
  /** Pages kept per query; the farthest from the rows in view are dropped first. */
  maxPages: number;
  /** Queries kept (least recently used dropped first), so going back to a filter is instant. */
  maxQueries: number;
}

const keyOf = ({ typeId, search }: UsageFilter) => `${typeId}\u0000${search}`;

/** One query's pages, as far as they are known. */
export class UsageResult {
  /** Every agent the query matches; undefined until the first page answered. */
  total: number | undefined;
  /** Agents per type with the search applied and the type filter not. */
  countsByType: Readonly<Record<string, number>> = {};
  /** The last failure, until a retry. */
  error: LicensingError | undefined;
  readonly pages = new Map<number, readonly Agent[]>();
  readonly inflight = new Map<number, AbortController>();
  readonly failed = new Set<number>();

  constructor(
    readonly filter: UsageFilter,
    readonly key: string,
    private readonly pageSize: number,
  ) {}

  /** The agent at `index` in this query's order, when its page is here. */
  row(index: number): Agent | undefined {
    return this.pages.get(Math.floor(index / this.pageSize))?.[index % this.pageSize];
  }

  abort(): void {
    for (const controller of this.inflight.values()) controller.abort();
    this.inflight.clear();
  }
}

/**
 * The usage overview's rows, fetched page by page through `listUsage` and cached per query.
 *
 * - Asking for another filter aborts the requests of the previous one; an answer that arrives for
 *   an aborted request, or for a cache that was reset meanwhile, is dropped, so a stale page never
 *   lands under a newer filter.
 * - The query on screen (`shown`) changes only when the new query's first page is in, so a filter
 *   change shows the old rows (marked busy) rather than a flash of empty rows.
 * - Only the pages around the rows in view are requested; requests for pages scrolled past are
 *   aborted, and at most `maxPages` pages per query are kept, so memory stays flat at any size.
 */
export class UsagePages {
  readonly options: UsagePagesOptions;
  private readonly caches = new Map<string, UsageResult>();
  private currentResult: UsageResult | undefined;
  private shownResult: UsageResult | undefined;
  private range: readonly [number, number] = [0, 0];

  constructor(
    private readonly fetchPage: FetchPage,
    private readonly onChange: () => void,
    options: Partial<UsagePagesOptions> = {},
  ) {
    this.options = { pageSize: 100, maxPages: 50, maxQueries: 8, ...options };
  }

  /** The query asked for last. */
  get current(): UsageResult | undefined {
    return this.currentResult;
  }

  /** The query whose rows are on screen: the current one once its first page is in. */
  get shown(): UsageResult | undefined {
    return this.shownResult;
  }

  /** Where the current query stands; the element requests one as it creates this, so never none. */
  get status(): 'loading' | 'error' | 'ready' {
    const current = this.currentResult!;
    if (current.total === undefined) return current.error ? 'error' : 'loading';
    return 'ready';
  }

  /** The number of agents matching `search` with no type filter, when known. */
  totalFor(filter: UsageFilter): number | undefined {
    return this.caches.get(keyOf(filter))?.total;
  }

  /** Shows `filter`: from the cache when it is there, else fetching its first page. */
  request(filter: UsageFilter): void {
    const key = keyOf(filter);
    if (this.currentResult?.key === key) return;
    // The previous query's answers would be stale now.
    this.currentResult?.abort();
    const result = this.cacheFor(filter, key);
    this.currentResult = result;
    this.range = [0, 0];
    if (result.total !== undefined) this.shownResult = result;
    this.load(result, 0);
    // The "all types" option shows how many agents match the search; its first page doubles as
    // the cache for when the user goes back to it.
    if (filter.typeId) {
      const all = { typeId: '', search: filter.search };
      this.load(this.cacheFor(all, keyOf(all), false), 0);
    }
    this.onChange();
  }

  /** Makes sure the pages holding rows `first`…`last` of the current query are here or coming. */
  ensure(first: number, last: number): void {
    const result = this.currentResult;
    if (!result || result !== this.shownResult || result.total === undefined || last < first) return;
    this.range = [first, last];
    const size = this.options.pageSize;
    const from = Math.floor(Math.max(0, first) / size);
    const to = Math.floor(Math.max(0, Math.min(last, result.total - 1)) / size);
    // A fast scroll across 100,000 rows would otherwise leave a queue of pages nobody looks at.
    for (const [page, controller] of result.inflight) {
      if (page < from - 1 || page > to + 1) {
        controller.abort();
        result.inflight.delete(page);
      }
    }
    for (let page = from; page <= to; page++) {
      if (!result.failed.has(page)) this.load(result, page);
    }
  }

  /** Asks again for what failed in the current query (the element offers it only for one it shows). */
  retry(): void {
    const result = this.currentResult!;
    result.failed.clear();
    result.error = undefined;
    if (result.total === undefined) this.load(result, 0);
    else this.ensure(...this.range);
    this.onChange();
  }

  /**
   * Forgets every cached page (the data changed underneath) and fetches the current query again;
   * the old rows stay on screen until the fresh first page is in.
   */
  reset(): void {
    for (const result of this.caches.values()) result.abort();
    this.caches.clear();
    const filter = this.currentResult?.filter;
    this.currentResult = undefined;
    if (filter) this.request(filter);
  }

  /** Aborts everything in flight and forgets everything. */
  dispose(): void {
    for (const result of this.caches.values()) result.abort();
    this.caches.clear();
    this.currentResult = undefined;
    this.shownResult = undefined;
  }

  private cacheFor(filter: UsageFilter, key: string, touch = true): UsageResult {
    let result = this.caches.get(key);
    if (result) {
      if (!touch) return result;
      this.caches.delete(key);
    } else {
      result = new UsageResult(filter, key, this.options.pageSize);
    }
    this.caches.set(key, result);
    for (const [oldKey, old] of this.caches) {
      if (this.caches.size <= this.options.maxQueries) break;
      if (old === result || old === this.shownResult || old === this.currentResult) continue;
      old.abort();
      this.caches.delete(oldKey);
    }
    return result;
  }

  private load(result: UsageResult, page: number): void {
    if (result.pages.has(page) || result.inflight.has(page)) return;
    const controller = new AbortController();
    result.inflight.set(page, controller);
    result.failed.delete(page);
    const { pageSize } = this.options;
    const { typeId, search } = result.filter;
    const query: UsageQuery = {
      ...(typeId ? { typeId } : {}),
      ...(search ? { search } : {}),
      offset: page * pageSize,
      limit: pageSize,
    };
    let promise: Promise<UsagePage>;
    try {
      promise = this.fetchPage(query, controller.signal);
    } catch (error) {
      promise = Promise.reject(error);
    }
    promise.then(
      (answer) => {
        // Aborted, superseded, or the cache was reset: this answer belongs to nobody now.
        if (controller.signal.aborted || result.inflight.get(page) !== controller) return;
        result.inflight.delete(page);
        result.total = answer.total;
        result.countsByType = answer.countsByType;
        result.pages.set(page, answer.agents);
        if (result.failed.size === 0) result.error = undefined;
        this.evict(result);
        if (result === this.currentResult) this.shownResult = result;
        this.onChange();
      },
      (error: unknown) => {
        if (controller.signal.aborted || result.inflight.get(page) !== controller) return;
        result.inflight.delete(page);
        if (isAbortError(error)) return;
        result.failed.add(page);
        result.error = toLicensingError(error);
        this.onChange();
      },
    );
  }

  private evict(result: UsageResult): void {
    const excess = result.pages.size - this.options.maxPages;
    if (excess <= 0) return;
    const centre = Math.floor((this.range[0] + this.range[1]) / 2 / this.options.pageSize);
    const farthest = [...result.pages.keys()].sort((a, b) => Math.abs(b - centre) - Math.abs(a - centre));
    for (const page of farthest.slice(0, excess)) result.pages.delete(page);
  }
}
