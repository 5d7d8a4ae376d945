// R11 usage alerts, as the Speech-to-Text card and `power-pack-limits` show and announce them: the
// `thresholds` attribute read once per text (a refused one warned about once), the line that says
// which threshold a meter is past, with its icon, and `licence-usage-threshold` once per crossing.
import { html, nothing } from 'lit';
import {
  crossedThresholds,
  newCrossings,
  parseThresholds,
  usagePercent,
  type UsageReading,
} from '../core/index.js';
import { emit } from '../events.js';
import { stopIcon, warningIcon } from '../ui/icons.js';

const warned = new Set<string>();

/**
 * R11: the thresholds of `text` (a `thresholds` attribute), ascending. A refused text falls back to
 * 75, 90, 100 and a console warning says why, once per text and element name.
 */
export function thresholdsOf(text: string | null | undefined, tag: string): readonly number[] {
  const parsed = parseThresholds(text);
  if (!parsed.ok && !warned.has(`${tag}|${text}`)) {
    warned.add(`${tag}|${text}`);
    // Says which entry and why; the rule (whole percentages 1–100) is in the element's docs.
    console.warn(
      `licence-kit: <${tag}> thresholds="${text}" is refused (${parsed.reason}: "${parsed.entry}"); using 75,90,100.`,
    );
  }
  return parsed.thresholds;
}

/** What a meter says past a threshold: "Over 75% of the limit used"; `exact` when at it. */
export type ThresholdWords = (threshold: number, exact: boolean) => string;

/**
 * The line under a meter past a threshold: the highest one reached in words with the percentage
 * (against the limit the meter shows, the planned one) and an icon, a stop at 100 % and a warning
 * below; nothing below every threshold or without a limit. The text carries the meaning.
 */
export function thresholdLine(
  thresholds: readonly number[],
  used: number,
  limit: number | null,
  words: ThresholdWords,
) {
  const threshold = crossedThresholds(thresholds, used, limit).at(-1);
  if (threshold === undefined) return nothing;
  return html`<p part="threshold" data-threshold=${threshold}>
    ${threshold >= 100 ? stopIcon : warningIcon}<span
      >${words(threshold, usagePercent(used, limit) === threshold)}</span
    >
  </p>`;
}

/**
 * A usage meter of `limit` whose colour bands agree with the words: good below the lowest
 * threshold, worse from it, worst from the highest below 100 % (`optimum` 0). Named `label`, its
 * value read as `valueText` ("5,830 of 7,000 minutes"), not as a bare percentage.
 */
export function usageMeter(
  thresholds: readonly number[],
  used: number,
  limit: number,
  label: string,
  valueText: string,
) {
  const below = thresholds.filter((t) => t < 100);
  const at = (t = 100) => (limit * t) / 100;
  return html`<meter
    min="0"
    max=${limit}
    value=${Math.min(used, limit)}
    low=${at(below[0])}
    high=${at(below.at(-1))}
    optimum="0"
    aria-label=${label}
    aria-valuetext=${valueText}
  ></meter>`;
}

/** The last reading announced, per store (the account), service and thresholds. */
const readings = new WeakMap<object, Map<string, UsageReading>>();

/**
 * Fires `licence-usage-threshold` from `target` for each threshold `current` crossed since the last
 * reading of `service` on `store` (R11 `newCrossings`): once per crossing, whichever widget of the
 * store renders it first; not again on a re-render or a reload at the same level; again after the
 * usage fell below and reaches it again, or in a new period. `current` is the saved account's
 * reading: a draft is not usage.
 */
export function announceCrossings(
  target: EventTarget,
  store: object,
  service: string,
  thresholds: readonly number[],
  current: UsageReading,
): void {
  const seen = readings.get(store) ?? new Map<string, UsageReading>();
  readings.set(store, seen);
  const key = `${service}|${thresholds.join()}`;
  const previous = seen.get(key);
  seen.set(key, current);
  const { used, limit } = current;
  for (const threshold of newCrossings(thresholds, previous, current)) {
    emit(target, 'licence-usage-threshold', {
      service,
      threshold,
      usage: { used, limit: limit!, percent: usagePercent(used, limit)! },
    });
  }
}

/** Today as an ISO date in the user's time zone (or `now`'s), for `limitToKeepRunning`. */
export function isoDay(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * R11's offer under a stopped service: the limit it suggests in words (`basis`: `resume` early in
 * the month, `pace` later) and, where the user may plan it, the button that puts it in the cart.
 */
export function keepRunningOffer(
  basis: string,
  text: string,
  raise: { label: string; disabled: boolean; onClick: () => void } | undefined,
) {
  return html`<p part="keep-running" data-basis=${basis}>${text}</p>
    ${
      raise
        ? html`<button
            class="button"
            part="raise-button"
            type="button"
            ?disabled=${raise.disabled}
            @click=${raise.onClick}
          >
            ${raise.label}
          </button>`
        : nothing
    }`;
}
