// R11 usage alerts (docs/rules.md): "The Speech-to-Text and Power Pack meters have thresholds
// (default 75 %, 90 %, 100 % of the limit). Past a threshold the meter says so in words with the
// percentage, and the element fires `licence-usage-threshold` once per crossing, so a host can
// notify." And: "The card says when a stopped service resumes and what limit would keep it
// running this month." Early in the month the pace is too thin to project (`suggestLimit`): the
// suggestion is then the smallest limit that resumes the service. Pure: the readings, the attribute's text and today's date are passed in.

/** R11: the thresholds of a meter when none are set: 75 %, 90 % and 100 % of the limit. */
export const DEFAULT_THRESHOLDS: readonly number[] = Object.freeze([75, 90, 100]);

/**
 * Why a `thresholds` text was refused: an entry that is `empty` ("50,,100"), `not-a-number`
 * ("half"), `not-whole` ("50.5"), or `out-of-range` (not 1–100).
 */
export type ThresholdsRefusal = 'empty' | 'not-a-number' | 'not-whole' | 'out-of-range';

/** R11: a `thresholds` text read; a refused one falls back to `DEFAULT_THRESHOLDS` and says why. */
export type ParsedThresholds =
  | { readonly ok: true; readonly thresholds: readonly number[] }
  | {
      readonly ok: false;
      readonly thresholds: readonly number[];
      readonly reason: ThresholdsRefusal;
      /** The entry refused, as written. */
      readonly entry: string;
    };

/**
 * R11: reads a `thresholds` attribute ("50,80,100"): comma-separated whole percentages of the limit,
 * 1 to 100, in any order, spaces allowed; repeats count once and the result is ascending. No text
 * (the attribute absent or blank) is the default. Any entry that is not such a number refuses the
 * whole text — half a list would alert at levels nobody chose — and the default applies instead;
 * the element says why in a console warning (a page author's mistake, not a user's).
 */
export function parseThresholds(text: string | null | undefined): ParsedThresholds {
  if (text === null || text === undefined || text.trim() === '') {
    return { ok: true, thresholds: DEFAULT_THRESHOLDS };
  }
  const found = new Set<number>();
  for (const raw of text.split(',')) {
    const entry = raw.trim();
    const reason = refusal(entry);
    if (reason) return { ok: false, thresholds: DEFAULT_THRESHOLDS, reason, entry };
    found.add(Number(entry));
  }
  return { ok: true, thresholds: [...found].sort((a, b) => a - b) };
}

function refusal(entry: string): ThresholdsRefusal | undefined {
  if (entry === '') return 'empty';
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(entry)) return 'not-a-number';
  const value = Number(entry);
  if (!Number.isInteger(value)) return 'not-whole';
  return value < 1 || value > 100 ? 'out-of-range' : undefined;
}

/** R11: one reading of a usage-based service: what it used this period of which limit. */
export interface UsageReading {
  /** The billing period's first day (ISO date): a reading of another period starts afresh. */
  readonly period: string;
  readonly used: number;
  /** `null`: no limit, so no threshold is ever crossed. */
  readonly limit: number | null;
}

/**
 * R11: how much of the limit is used, in percent (not rounded); `null` without a limit. A limit of 0
 * is all used at once (R8: it stops the service), so 100.
 */
export function usagePercent(used: number, limit: number | null): number | null {
  if (limit === null) return null;
  return limit <= 0 ? 100 : (used / limit) * 100;
}

/**
 * R11: the thresholds `used` has reached, ascending. "Reached" includes equal, as the stop rules
 * do: 75 of 100 has crossed 75 %, and at 100 % the service is stopped (R7, R8). Compared without
 * division, so no rounding moves a reading across a threshold.
 */
export function crossedThresholds(
  thresholds: readonly number[],
  used: number,
  limit: number | null,
): readonly number[] {
  if (limit === null) return [];
  return thresholds.filter((t) => used * 100 >= t * Math.max(0, limit));
}

/** R11: the highest threshold `used` has reached, or `undefined` below them all (or without a limit). */
export function highestCrossed(
  thresholds: readonly number[],
  used: number,
  limit: number | null,
): number | undefined {
  return crossedThresholds(thresholds, used, limit).at(-1);
}

/**
 * R11: the crossings that are new at `current` since `previous`: thresholds reached now that were
 * not reached at the previous reading, ascending. No previous reading, or one of another period,
 * counts as nothing reached. So a re-render or a reload at the same level has none; a usage that
 * fell below a threshold (its limit was raised) and reaches it again has it again; a new period
 * starts afresh.
 */
export function newCrossings(
  thresholds: readonly number[],
  previous: UsageReading | undefined,
  current: UsageReading,
): readonly number[] {
  const before =
    previous && previous.period === current.period
      ? crossedThresholds(thresholds, previous.used, previous.limit)
      : [];
  return crossedThresholds(thresholds, current.used, current.limit).filter((t) => !before.includes(t));
}

const DAY = 86_400_000;
const dayNumber = (iso: string) => Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / DAY;

/**
 * R11: the limit that keeps a service running to the end of this period at its pace so far: what
 * it used, spread over the days gone (today included), times the period's days, rounded up; and
 * always above what it used, so it runs again at once. `today` is an ISO date; after the period it
 * counts as its last day, and before it (or not a date) only "above what it used" remains. E.g. 300 packs used by the 10th of a 30-day month → 900.
 */
export function limitToKeepRunning(
  used: number,
  period: { readonly start: string; readonly end: string },
  today: string,
): number {
  const whole = Math.max(0, Math.ceil(used));
  const days = dayNumber(period.end) - dayNumber(period.start) + 1;
  const gone = dayNumber(today) - dayNumber(period.start) + 1;
  // A date that is not one (NaN) projects nothing: the smallest limit that runs again.
  if (!(days >= 1 && gone >= 1)) return whole + 1;
  return Math.max(whole + 1, Math.ceil((whole * days) / Math.min(days, gone)));
}

/**
 * R11: fewer days of a period than this gone (today included) are too few to project a pace from:
 * 5 packs by the 2nd would "need" 78 by the 31st. From the 7th day on the pace is projected.
 */
export const DAYS_TO_PROJECT = 7;

/**
 * R11: the limit a stopped service is offered. `pace`: `limitToKeepRunning`, an estimate that keeps
 * it running to the end of the period at its pace so far. `resume`: too early to tell (fewer than
 * `DAYS_TO_PROJECT` days gone, or no date to count from): the smallest limit that runs it again
 * now, one above what it used.
 */
export interface LimitSuggestion {
  readonly basis: 'pace' | 'resume';
  readonly limit: number;
}

/**
 * R11: what limit to offer a stopped service that used `used` this `period` by `today` (ISO date):
 * the pace projection from the 7th day of the period on, before it only "one above what it used".
 * E.g. 5 packs by 2 December → 6 (`resume`); 5 by 20 November (30 days) → 8 (`pace`).
 */
export function suggestLimit(
  used: number,
  period: { readonly start: string; readonly end: string },
  today: string,
): LimitSuggestion {
  const days = dayNumber(period.end) - dayNumber(period.start) + 1;
  const gone = Math.min(days, dayNumber(today) - dayNumber(period.start) + 1);
  // `!(… >= …)` so a date that is not one (NaN) counts as too early.
  return !(gone >= DAYS_TO_PROJECT)
    ? { basis: 'resume', limit: Math.max(0, Math.ceil(used)) + 1 }
    : { basis: 'pace', limit: limitToKeepRunning(used, period, today) };
}
