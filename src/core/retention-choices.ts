// R6 for a picker: what the account may choose, and the retention it has even when that is not
// one of them (a plan's maximum lowered below a retention already set). Shown as what it is and
// flagged, never replaced by the first option ("14 days – free").
import { compareRetention, isSameRetention, isValidRetention, retentionOptions } from './retention.js';
import type { Retention } from './types.js';

/** The choices of a retention picker. */
export interface RetentionChoices {
  /** Every allowed retention, shortest first, with `current` in its place when it is not one. */
  readonly options: readonly Retention[];
  /** Whether `current` is longer than the plan's maximum (R6): it can be kept, not chosen again. */
  readonly aboveMax: boolean;
}

/** R6: `retentionOptions(maxMonths)`, with `current` added (and flagged) when it is not among them. */
export function retentionChoices(current: Retention, maxMonths?: number): RetentionChoices {
  const options = retentionOptions(maxMonths);
  if (options.some((option) => isSameRetention(option, current))) return { options, aboveMax: false };
  options.push(current);
  options.sort(compareRetention);
  return { options, aboveMax: isValidRetention(current) && !isValidRetention(current, maxMonths) };
}
