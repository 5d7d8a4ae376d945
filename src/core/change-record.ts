// The record of a reviewed change, for finance and audits: what changed (before → after), what each
// line costs (the quote), who and when. The cart's "Download summary" saves it as JSON or CSV and
// `licence-commit` carries it. Built from `quote`; nothing is priced again here.

import { quote, type CapChange, type ChargeChange, type Quote, type SeatQuoteLine } from './quote.js';
import { retentionToString } from './retention.js';
import type { ChangeSet, LicensingSnapshot, Money } from './types.js';

/** One changed line of a `ChangeRecord`; `kind` names what changed, as `UnderneathChange` does. */
export interface ChangeRecordLine {
  readonly kind:
    | 'count'
    | 'retention'
    | 'speech-to-text-enabled'
    | 'speech-to-text-limit'
    | 'power-pack-enabled'
    | 'power-pack-limit';
  /** The licence type (`count`) or the Power Pack service (`power-pack-limit`). */
  readonly id?: string;
  /** A count or limit (`null`: no limit), a switch, or a retention as ISO 8601 (`P9M`). */
  readonly before: number | boolean | string | null;
  readonly after: number | boolean | string | null;
  /** Seat charges (R5): on a count, and on a retention that re-prices the recording line alone. */
  readonly thisMonth?: ChargeChange;
  readonly nextMonth?: ChargeChange;
  /** Usage-based (R7, R8): the most it can cost a month, before and after; `null` for no cap. */
  readonly maxSpend?: { readonly before: Money | null; readonly after: Money | null };
}

/** A reviewed change: before, after, the quote per line, who and when. Plain JSON data. */
export interface ChangeRecord {
  /** When it was reviewed (downloaded) or saved, ISO 8601 in UTC. */
  readonly at: string;
  /** Who, as the host named the signed-in user; `null` when it did not. */
  readonly who: string | null;
  /** The snapshot version the change was made against. */
  readonly version: string;
  /** The billing month it was quoted in. */
  readonly period: LicensingSnapshot['period'];
  readonly currency: string;
  /** The change set as saved (target values). */
  readonly changes: ChangeSet;
  readonly lines: readonly ChangeRecordLine[];
  /** Sums of the seat lines (R5). */
  readonly totals: Quote['totals'];
}

const spend = ({ before, after }: CapChange) => ({
  before: before.kind === 'capped' ? before.amount : null,
  after: after.kind === 'capped' ? after.amount : null,
});
const money = (line: SeatQuoteLine) => ({ thisMonth: line.thisMonth, nextMonth: line.nextMonth });

/**
 * The record of `draft` on `snapshot`, reviewed or saved `at` by `who`: one line per change, in the
 * cart's order, each with its part of `quote(snapshot, draft)`. A retention change carries the
 * recording line's money when that line's count stays; otherwise its count line does.
 */
export function changeRecord(
  snapshot: LicensingSnapshot,
  draft: ChangeSet,
  { at, who }: { at: string; who: string | null },
): ChangeRecord {
  const q = quote(snapshot, draft);
  const retention = q.retention;
  const repriced = q.lines.find(
    (l) => retention && l.typeId === snapshot.recording?.typeId && l.count.from === l.count.to,
  );
  const lines: ChangeRecordLine[] = q.lines
    .filter((line) => line !== repriced)
    .map((line) => ({
      kind: 'count',
      id: line.typeId,
      before: line.count.from,
      after: line.count.to,
      ...money(line),
    }));
  if (retention) {
    lines.push({
      kind: 'retention',
      before: retentionToString(retention.from),
      after: retentionToString(retention.to),
      ...(repriced ? money(repriced) : {}),
    });
  }
  const stt = q.speechToText;
  if (stt) {
    const maxSpend = spend(stt.maxSpend);
    if (stt.enabled.from !== stt.enabled.to)
      lines.push({
        kind: 'speech-to-text-enabled',
        before: stt.enabled.from,
        after: stt.enabled.to,
        maxSpend,
      });
    if (stt.limitOverBase.from !== stt.limitOverBase.to)
      lines.push({
        kind: 'speech-to-text-limit',
        before: stt.limitOverBase.from,
        after: stt.limitOverBase.to,
        maxSpend,
      });
  }
  const pp = q.powerPack;
  if (pp) {
    if (pp.enabled.from !== pp.enabled.to)
      lines.push({
        kind: 'power-pack-enabled',
        before: pp.enabled.from,
        after: pp.enabled.to,
        maxSpend: spend(pp.maxSpend),
      });
    for (const s of pp.services) {
      if (s.limit.from === s.limit.to) continue;
      lines.push({
        kind: 'power-pack-limit',
        id: s.serviceId,
        before: s.limit.from,
        after: s.limit.to,
        maxSpend: spend(s.maxSpend),
      });
    }
  }
  return {
    at,
    who,
    version: snapshot.version,
    period: snapshot.period,
    currency: q.currency,
    changes: draft,
    lines,
    totals: q.totals,
  };
}
