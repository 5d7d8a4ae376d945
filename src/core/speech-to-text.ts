// R7 Speech-to-Text (docs/rules.md): "Enter the maximum number of minutes you want to spend over the
// base pack of 5000 minutes. E.g. if you want to spend max 7000, enter 2000. Once you have used the
// selected number, STT will stop working until the subsequent month. Leave empty to use STT
// without a limit."

import { multiply, zero } from './money.js';
import { stopOnSave, type StopOnSave } from './period.js';
import { capped, UNLIMITED, type SpendCap } from './pricing.js';
import type { SpeechToText } from './types.js';

/**
 * R7: the total monthly minutes, base pack included: base 5000 + limit 2000 → 7000 (the cap the
 * card shows next to the limit). `null` when there is no limit.
 */
export function speechToTextTotalMinutes(
  stt: Pick<SpeechToText, 'baseMinutes' | 'limitOverBase'>,
): number | null {
  return stt.limitOverBase === null ? null : stt.baseMinutes + stt.limitOverBase;
}

/** R7: minutes used over the base pack this month (0 while still inside the base). */
export function speechToTextUsedOverBase(stt: Pick<SpeechToText, 'baseMinutes' | 'usedMinutes'>): number {
  return Math.max(0, stt.usedMinutes - stt.baseMinutes);
}

/**
 * R7: whether STT has stopped until next month: it is on, has a limit, and usage reached base +
 * limit. "Reached" includes equal: with 7000 of 7000 minutes used no minute is left.
 */
export function isSpeechToTextStopped(
  stt: Pick<SpeechToText, 'enabled' | 'baseMinutes' | 'limitOverBase' | 'usedMinutes'>,
): boolean {
  const total = speechToTextTotalMinutes(stt);
  return stt.enabled && total !== null && stt.usedMinutes >= total;
}

/**
 * R7: the most STT can cost in a month: limit over base × minute price; no cap without a limit;
 * nothing when it is off.
 */
export function speechToTextMaxSpend(
  stt: Pick<SpeechToText, 'enabled' | 'limitOverBase' | 'minutePrice'>,
): SpendCap {
  if (!stt.enabled) return capped(zero(stt.minutePrice.currency));
  if (stt.limitOverBase === null) return UNLIMITED;
  return capped(multiply(stt.minutePrice, stt.limitOverBase));
}

/**
 * R7: what saving the draft does to Speech-to-Text's stop, from the loaded state (`saved`) and the
 * planned one (the store's `planned`): a limit below what is used stops it as soon as the draft is
 * saved (`stops`); a stopped Speech-to-Text given room, or no limit, `resumes`.
 */
export function speechToTextOnSave(
  saved: Parameters<typeof isSpeechToTextStopped>[0],
  planned: Parameters<typeof isSpeechToTextStopped>[0],
): StopOnSave {
  return stopOnSave(isSpeechToTextStopped(saved), isSpeechToTextStopped(planned), planned.enabled);
}
