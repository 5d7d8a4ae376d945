// The memory adapter's record of accepted commits, for `listHistory`: who, when, the change and
// the quote at the time, as the reference server's audit log keeps them. Held in memory only (a
// reload with `storageKey` keeps the licences, not the history before it).
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

export class HistoryLog {
  private entries: HistoryEntry[];
  private next: number;

  constructor(private readonly seed: readonly HistoryEntry[] = []) {
    this.entries = [...seed];
    this.next = seed.length + 1;
  }

  /** Records a commit of `changes` on `before` that made `version`. */
  record(before: LicensingSnapshot, changes: ChangeSet, version: string, user: string, at: Date): void {
    this.entries.push(
      historyEntry({
        id: `h${this.next++}`,
        at: at.toISOString(),
        user,
        version,
        changes,
        quote: quote(before, changes),
      }),
    );
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
