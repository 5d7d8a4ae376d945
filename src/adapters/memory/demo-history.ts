// A plausible history for the demo data set, for stories and the demo page: commits replayed on the
// demo snapshot backwards from `now`, each recorded as a backend would (`historyEntry` of the quote
// at the time), so every figure is what the rule book said then.
import {
  applyDraft,
  historyEntry,
  quote,
  type ChangeSet,
  type HistoryEntry,
  type LicensingSnapshot,
} from '../../core/index.js';

const DAY = 86_400_000;

/** What the commits moved, so the history can start that far from the snapshot and end on it. */
const moved: Readonly<Record<string, number>> = { voice: 4, outbound: 1, email: 2, chat: -2 };

/**
 * The commits, oldest first: days before `now`, the time of day (UTC, office hours in Central
 * Europe, so the list does not read as seven saves in the same minute), who, what (target values
 * on the state before).
 */
const commits: readonly {
  days: number;
  time: string;
  user: string;
  changes: (s: LicensingSnapshot) => ChangeSet;
}[] = [
  { days: 200, time: '08:12', user: 'Jana Dvořáková', changes: () => ({ retention: { months: 6 } }) },
  {
    days: 150,
    time: '14:37',
    user: 'Jana Dvořáková',
    changes: (s) => ({ counts: { chat: count(s, 'chat') - 2 } }),
  },
  { days: 75, time: '10:05', user: 'Petr Novák', changes: () => ({ powerPack: { limits: { 'ai-qa': 5 } } }) },
  { days: 30, time: '15:48', user: 'Jana Dvořáková', changes: () => ({ retention: { months: 9 } }) },
  {
    days: 20,
    time: '07:53',
    user: 'Petr Novák',
    changes: () => ({ powerPack: { limits: { 'ai-qa': null } } }),
  },
  {
    days: 12,
    time: '12:21',
    user: 'Eva Svobodová',
    changes: (s) => ({ counts: { email: count(s, 'email') + 2 } }),
  },
  {
    days: 2,
    time: '09:34',
    user: 'Jana Dvořáková',
    changes: (s) => ({ counts: { voice: count(s, 'voice') + 4, outbound: count(s, 'outbound') + 1 } }),
  },
];

/** `days` before `now`, at `time` (`hh:mm`, UTC) of that day. */
function at(now: Date, days: number, time: string): string {
  const day = new Date(now.getTime() - days * DAY);
  const [hours, minutes] = time.split(':').map(Number);
  day.setUTCHours(hours!, minutes!, 0, 0);
  return day.toISOString();
}

const count = (snapshot: LicensingSnapshot, typeId: string) =>
  snapshot.lines.find((line) => line.typeId === typeId)?.count ?? 0;

/**
 * The demo's history, oldest first. It starts from `snapshot` with the counts the commits moved set
 * back, so replaying them ends on `snapshot`'s counts (retention 9 → 6 → 9 months and the AI QA
 * limit none → 5 → none end where the demo data is); each commit is quoted on the state before it.
 */
export function createDemoHistory(snapshot: LicensingSnapshot, now: Date): HistoryEntry[] {
  let before: LicensingSnapshot = {
    ...snapshot,
    lines: snapshot.lines.map((line) => {
      const count = line.count - (moved[line.typeId] ?? 0);
      return { ...line, count, peak: count, inUse: Math.min(line.inUse, count) };
    }),
  };
  return commits.map((commit, i) => {
    const changes = commit.changes(before);
    const entry = historyEntry({
      id: `demo-${i + 1}`,
      at: at(now, commit.days, commit.time),
      user: commit.user,
      version: `history-${i + 1}`,
      changes,
      quote: quote(before, changes),
    });
    before = applyDraft(before, changes);
    return entry;
  });
}
