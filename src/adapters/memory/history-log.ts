// The memory adapter's record of accepted commits, for `listHistory`: who, when, the change and
// the quote at the time, as the reference server's audit log keeps them. Stored with the rest of
// the state under `storageKey` (the adapter stores a commit's entry with it, then adds it here).
import {
  historyEntry,
  historyPage,
  quote,
  type ChangeSet,
  type HistoryEntry,
  type HistoryPage,
  type HistoryQuery,
  type LicensingSnapshot,
} from '../../core/index.js';

/** How many entries are kept (and stored), newest last: storage never fills with history. */
export const MAX_HISTORY_ENTRIES = 500;

/** The entries the log keeps of `entries`: the newest `MAX_HISTORY_ENTRIES`. */
const newest = (entries: readonly HistoryEntry[]): HistoryEntry[] => entries.slice(-MAX_HISTORY_ENTRIES);

export class HistoryLog {
  private entries: HistoryEntry[];
  private next: number;

  constructor(private readonly seed: readonly HistoryEntry[] = []) {
    this.entries = [...seed];
    this.next = seed.length + 1;
  }

  /** The entry of a commit of `changes` on `before` that made `version`; `add` records it. */
  entry(
    before: LicensingSnapshot,
    changes: ChangeSet,
    version: string,
    user: string,
    at: Date,
  ): HistoryEntry {
    return historyEntry({
      id: `h${this.next}`,
      at: at.toISOString(),
      user,
      version,
      changes,
      quote: quote(before, changes),
    });
  }

  /** The entries with `entry` added, as `add` keeps them: what is stored with its commit. */
  with(entry: HistoryEntry): HistoryEntry[] {
    return newest([...this.entries, entry]);
  }

  /** Records an entry made by `entry` (once it was stored); the oldest goes past the bound. */
  add(entry: HistoryEntry): void {
    this.entries = this.with(entry);
    this.next++;
  }

  /** Every entry, to store with the rest of the state. */
  all(): readonly HistoryEntry[] {
    return this.entries;
  }

  /** The entries stored (a reload, another tab's commit), in place of the ones held. */
  restore(entries: readonly HistoryEntry[]): void {
    this.entries = newest(entries);
    // After the newest entry's number (`h<n>`): older entries dropped past the bound leave gaps.
    this.next = Math.max(entries.length, ...entries.map((e) => Number(/\d+$/.exec(e.id)?.[0] ?? 0))) + 1;
  }

  page(query: HistoryQuery): HistoryPage {
    return structuredClone(historyPage(this.entries, query));
  }

  /** Back to the seed's entries. */
  reset(): void {
    this.entries = [...this.seed];
    this.next = this.seed.length + 1;
  }
}
