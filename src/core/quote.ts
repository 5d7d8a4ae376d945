// R5 pricing of a draft, for the cart: what each changed line costs this month and next month, and
// the most the usage-based features can cost. The "after" side is `applyDraft`'s snapshot, so the
// quote prices exactly what a commit would leave.

import { applyDraft, applyServiceLimit } from './apply.js';
import { lineFor } from './lookup.js';
import { sub, sum } from './money.js';
import { powerPackMaxSpend, powerPackServiceMaxSpend } from './power-pack.js';
import {
  billedUnits,
  capDelta,
  nextMonthCharge,
  thisMonthCharge,
  unitMultiplier,
  type SpendCap,
} from './pricing.js';
import { isSameRetention, retentionMultiplier } from './retention.js';
import { speechToTextMaxSpend, speechToTextTotalMinutes } from './speech-to-text.js';
import type { Change } from './draft.js';
import type { ChangeSet, LicensingSnapshot, Money, PowerPack, Retention, SpeechToText } from './types.js';

/** A charge before and after the draft, and after − before. */
export interface ChargeChange {
  readonly before: Money;
  readonly after: Money;
  readonly delta: Money;
}

/** One changed seat licence line (R5). */
export interface SeatQuoteLine {
  readonly typeId: string;
  readonly unitPrice: Money;
  /** Licences set. */
  readonly count: Change<number>;
  /** Billed units per licence: 1, or the retention multiplier for the recording type (R6). */
  readonly multiplier: Change<number>;
  /** Billed units = count × multiplier; what next month is charged for. */
  readonly units: Change<number>;
  /** Highest billed units set this month before the draft: max(stored peak, current units). */
  readonly peak: number;
  /** Billed units charged this month: max(peak, units). */
  readonly thisMonthUnits: Change<number>;
  /**
   * True when this month stays charged above the new units because of the peak: a reduction
   * lowers next month's charge, while this month stays at the peak (the cart says so in words).
   */
  readonly heldAtPeak: boolean;
  readonly thisMonth: ChargeChange;
  readonly nextMonth: ChargeChange;
}

/** The most a usage-based feature can cost in a month, before and after; `delta` is null when either has no cap. */
export interface CapChange {
  readonly before: SpendCap;
  readonly after: SpendCap;
  readonly delta: Money | null;
}

/** The Speech-to-Text change (R7), as maximum monthly spend. */
export interface SpeechToTextQuote {
  readonly enabled: Change<boolean>;
  readonly limitOverBase: Change<number | null>;
  /** Base + limit, the total monthly minutes (7000 for a limit of 2000); null without a limit. */
  readonly totalMinutes: Change<number | null>;
  readonly minutePrice: Money;
  readonly maxSpend: CapChange;
}

/** One Power Pack service in the quote (R8). */
export interface PowerPackServiceQuote {
  readonly serviceId: string;
  readonly limit: Change<number | null>;
  readonly maxSpend: CapChange;
}

/** The Power Pack change (R8), as maximum monthly spend, with every service. */
export interface PowerPackQuote {
  readonly enabled: Change<boolean>;
  readonly packPrice: Money;
  readonly services: readonly PowerPackServiceQuote[];
  readonly maxSpend: CapChange;
}

/**
 * What a draft costs. Seat lines are priced exactly (R5); Speech-to-Text and Power Pack are
 * usage-based, so they are quoted as their maximum monthly spend and kept out of the totals.
 */
export interface Quote {
  /** The currency of every amount and of the totals. */
  readonly currency: string;
  /** The changed seat lines, in catalog order; a retention change re-prices the recording line. */
  readonly lines: readonly SeatQuoteLine[];
  /** The retention change with its multiplier (R6), when the draft changes it. */
  readonly retention?: Change<Retention> & { readonly multiplier: Change<number> };
  readonly speechToText?: SpeechToTextQuote;
  readonly powerPack?: PowerPackQuote;
  /** Sums of the changed seat lines; unchanged lines add nothing to the deltas. */
  readonly totals: { readonly thisMonth: ChargeChange; readonly nextMonth: ChargeChange };
}

function chargeChange(before: Money, after: Money): ChargeChange {
  return { before, after, delta: sub(after, before) };
}

function capChange(before: SpendCap, after: SpendCap): CapChange {
  return { before, after, delta: capDelta(before, after) };
}

/**
 * The snapshot's currency: every price in one snapshot shares it. 'XXX' is ISO 4217's "no
 * currency", for a snapshot with nothing priced at all.
 */
function currencyOf(snapshot: LicensingSnapshot): string {
  return (
    snapshot.catalog[0]?.unitPrice.currency ??
    snapshot.speechToText?.minutePrice.currency ??
    snapshot.powerPack?.packPrice.currency ??
    'XXX'
  );
}

/**
 * R5 (with R6, R7, R8): the cart's prices for `draft`. Per changed seat line: count and billed
 * units from → to; this month's charge = max(peak, units) × unit price, before and after, so an
 * increase costs at once and a reduction stays at the peak this month; next month's = units × unit
 * price; the deltas. A retention change re-prices the recording line even when its count stays.
 * Speech-to-Text (limit over base × minute price) and Power Pack (Σ limit × pack price) appear as
 * maximum monthly spend, unlimited when a limit is empty and zero when off. Totals sum the seat
 * lines. Entries `validate` rejects as malformed are left out (see `applyDraft`). All amounts are
 * integer minor units.
 *
 * Throws a CurrencyMismatchError if the snapshot mixes currencies, and an AmountRangeError when an
 * amount leaves the safe-integer range (`validate` reports that as `amount-too-large`).
 */
export function quote(snapshot: LicensingSnapshot, draft: ChangeSet): Quote {
  const after = applyDraft(snapshot, draft);
  const currency = currencyOf(snapshot);
  const retentionFrom = snapshot.recording?.retention;
  const retentionTo = after.recording?.retention;
  const retentionChanged =
    retentionFrom !== undefined && retentionTo !== undefined && !isSameRetention(retentionFrom, retentionTo);

  const lines: SeatQuoteLine[] = [];
  for (const type of snapshot.catalog) {
    const before = lineFor(snapshot, type.id);
    const count: Change<number> = { from: before.count, to: lineFor(after, type.id).count };
    const repriced = retentionChanged && type.id === snapshot.recording?.typeId;
    if (count.from === count.to && !repriced) continue;
    const multiplier = { from: unitMultiplier(snapshot, type.id), to: unitMultiplier(after, type.id) };
    const units = {
      from: billedUnits(count.from, multiplier.from),
      to: billedUnits(count.to, multiplier.to),
    };
    // The month's peak is never below what is billed now, whatever the backend stored (a peak kept
    // in licences while retention multiplies units): a reduction is never a refund this month.
    const peak = Math.max(before.peak, units.from);
    const thisMonthUnits = { from: peak, to: Math.max(peak, units.to) };
    lines.push({
      typeId: type.id,
      unitPrice: type.unitPrice,
      count,
      multiplier,
      units,
      peak,
      thisMonthUnits,
      heldAtPeak: thisMonthUnits.to > units.to,
      thisMonth: chargeChange(
        thisMonthCharge(type.unitPrice, peak, units.from),
        thisMonthCharge(type.unitPrice, peak, units.to),
      ),
      nextMonth: chargeChange(
        nextMonthCharge(type.unitPrice, units.from),
        nextMonthCharge(type.unitPrice, units.to),
      ),
    });
  }

  const result: {
    -readonly [K in keyof Quote]: Quote[K];
  } = {
    currency,
    lines,
    totals: {
      thisMonth: chargeChange(
        sum(
          currency,
          lines.map((line) => line.thisMonth.before),
        ),
        sum(
          currency,
          lines.map((line) => line.thisMonth.after),
        ),
      ),
      nextMonth: chargeChange(
        sum(
          currency,
          lines.map((line) => line.nextMonth.before),
        ),
        sum(
          currency,
          lines.map((line) => line.nextMonth.after),
        ),
      ),
    },
  };
  if (retentionChanged) {
    result.retention = {
      from: retentionFrom,
      to: retentionTo,
      multiplier: { from: retentionMultiplier(retentionFrom), to: retentionMultiplier(retentionTo) },
    };
  }
  const stt = quoteSpeechToText(snapshot.speechToText, after.speechToText);
  if (stt) result.speechToText = stt;
  const pp = quotePowerPack(snapshot.powerPack, after.powerPack, draft);
  if (pp) result.powerPack = pp;
  return result;
}

function quoteSpeechToText(
  before: SpeechToText | undefined,
  after: SpeechToText | undefined,
): SpeechToTextQuote | undefined {
  if (!before || !after) return undefined;
  if (before.enabled === after.enabled && before.limitOverBase === after.limitOverBase) return undefined;
  return {
    enabled: { from: before.enabled, to: after.enabled },
    limitOverBase: { from: before.limitOverBase, to: after.limitOverBase },
    totalMinutes: { from: speechToTextTotalMinutes(before), to: speechToTextTotalMinutes(after) },
    minutePrice: before.minutePrice,
    maxSpend: capChange(speechToTextMaxSpend(before), speechToTextMaxSpend(after)),
  };
}

function quotePowerPack(
  before: PowerPack | undefined,
  after: PowerPack | undefined,
  draft: ChangeSet,
): PowerPackQuote | undefined {
  if (!before || !after) return undefined;
  const services = before.services.map((service): PowerPackServiceQuote => {
    const to = applyServiceLimit(service, draft).limit;
    return {
      serviceId: service.id,
      limit: { from: service.limit, to },
      maxSpend: capChange(
        powerPackServiceMaxSpend(before, service.limit),
        powerPackServiceMaxSpend(after, to),
      ),
    };
  });
  const changed = before.enabled !== after.enabled || services.some((s) => s.limit.from !== s.limit.to);
  if (!changed) return undefined;
  return {
    enabled: { from: before.enabled, to: after.enabled },
    packPrice: before.packPrice,
    services,
    maxSpend: capChange(powerPackMaxSpend(before), powerPackMaxSpend(after)),
  };
}
