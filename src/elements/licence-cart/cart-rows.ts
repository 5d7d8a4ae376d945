// The cart's words for a quote and for what changed underneath: the review's rows and the conflict
// notice, apart from the element so it reads as layout and behaviour.
import {
  sum,
  type CapChange,
  type LicensingSnapshot,
  type Money,
  type Quote,
  type UnderneathChange,
  type ValidationIssue,
} from '../../core/index.js';
import type { CommonMessages } from '../../i18n/common.js';
import { namesFrom, retentionLabel } from '../../i18n/names.js';
import type { LicenceCartMessages } from './licence-cart.messages.js';

/** One row of the review's table. */
export interface Row {
  item: string;
  change: string;
  thisMonth: string;
  nextMonth: string;
  /** The quoted seat line whose money the row shows, for its timeline (R5). */
  line?: Quote['lines'][number];
  /** A usage-based row's most per month, for its timeline. */
  cap?: CapChange;
}

/** The review's rows: each changed seat line, the retention, Speech-to-Text and the Power Pack. */
export function cartRows(
  snapshot: LicensingSnapshot,
  quote: Quote,
  m: LicenceCartMessages,
  t: CommonMessages,
): Row[] {
  const names = namesFrom(snapshot, t);
  const retention = quote.retention;
  // One retention change is one change: the recording line it re-prices carries its money, unless
  // its count changed too (then that line has a row of its own with the money of both).
  const recording = quote.lines.find((l) => l.typeId === snapshot.recording?.typeId);
  const repriced =
    retention && recording && recording.count.from === recording.count.to ? recording : undefined;
  const money = (line: Quote['lines'][number]) => ({
    line,
    thisMonth: m.moneyChange(line.thisMonth.before, line.thisMonth.after, line.thisMonth.delta),
    nextMonth: m.moneyChange(line.nextMonth.before, line.nextMonth.after, line.nextMonth.delta),
  });
  const rows: Row[] = quote.lines
    .filter((line) => line !== repriced)
    .map((line) => ({
      item: names.type(line.typeId),
      change:
        line.count.from !== line.count.to
          ? m.fromTo(m.units(line.count.from), m.units(line.count.to))
          : m.multiplier(line.multiplier.from, line.multiplier.to),
      ...money(line),
    }));
  if (retention) {
    rows.push({
      item: m.retention,
      change: `${m.fromTo(retentionLabel(retention.from, t), retentionLabel(retention.to, t))}, ${m.multiplier(retention.multiplier.from, retention.multiplier.to)}`,
      ...(repriced ? money(repriced) : { thisMonth: '', nextMonth: '' }),
    });
  }
  const cap = (c: CapChange) =>
    m.fromTo(
      m.maxSpend(c.before.kind === 'capped' ? c.before.amount : null),
      m.maxSpend(c.after.kind === 'capped' ? c.after.amount : null),
    );
  const stt = quote.speechToText;
  if (stt) {
    const parts: string[] = [];
    if (stt.enabled.from !== stt.enabled.to)
      parts.push(m.fromTo(stt.enabled.from ? m.on : m.off, stt.enabled.to ? m.on : m.off));
    if (stt.limitOverBase.from !== stt.limitOverBase.to) {
      const limit = (v: number | null) => (v === null ? m.noLimit : m.minutes(v));
      parts.push(m.fromTo(limit(stt.limitOverBase.from), limit(stt.limitOverBase.to)));
    }
    rows.push({
      item: m.stt,
      change: parts.join(', '),
      thisMonth: m.usageBased,
      nextMonth: cap(stt.maxSpend),
      cap: stt.maxSpend,
    });
  }
  const pp = quote.powerPack;
  if (pp) {
    if (pp.enabled.from !== pp.enabled.to) {
      rows.push({
        item: m.powerPack,
        change: m.fromTo(pp.enabled.from ? m.on : m.off, pp.enabled.to ? m.on : m.off),
        thisMonth: m.usageBased,
        nextMonth: cap(pp.maxSpend),
        cap: pp.maxSpend,
      });
    }
    for (const service of pp.services) {
      if (service.limit.from === service.limit.to) continue;
      const limit = (v: number | null) => (v === null ? m.noLimit : m.packs(v));
      rows.push({
        item: m.limitOf(names.service(service.serviceId)),
        change: m.fromTo(limit(service.limit.from), limit(service.limit.to)),
        thisMonth: m.usageBased,
        nextMonth: cap(service.maxSpend),
        cap: service.maxSpend,
      });
    }
  }
  return rows;
}

/** One change made underneath the draft, in words. */
export function underneathText(
  change: UnderneathChange,
  snapshot: LicensingSnapshot,
  m: LicenceCartMessages,
  t: CommonMessages,
): string {
  const names = namesFrom(snapshot, t);
  const onOff = (v: boolean) => (v ? m.on : m.off);
  const limit = (v: number | null) => (v === null ? m.noLimit : m.units(v));
  switch (change.kind) {
    case 'count':
      return m.underneathCount(names.type(change.typeId), change.from, change.to);
    case 'retention':
      return m.underneathValue(m.retention, retentionLabel(change.from, t), retentionLabel(change.to, t));
    case 'speech-to-text-enabled':
      return m.underneathValue(m.stt, onOff(change.from), onOff(change.to));
    case 'speech-to-text-limit':
      return m.underneathValue(m.stt, limit(change.from), limit(change.to));
    case 'power-pack-enabled':
      return m.underneathValue(m.powerPack, onOff(change.from), onOff(change.to));
    case 'power-pack-limit':
      return m.underneathValue(
        m.limitOf(names.service(change.serviceId)),
        limit(change.from),
        limit(change.to),
      );
    case 'permission':
      return m.underneathValue(m.permission, change.from, change.to);
  }
}

/** The issues that block a save (not "nothing to commit": an empty cart is not a problem). */
export const blockingIssues = (issues: readonly ValidationIssue[]) =>
  issues.filter((i) => i.severity === 'error' && i.code !== 'nothing-to-commit');

/**
 * The bar's totals: the seat lines without a blocking problem (a line with one will not be saved
 * as it is); undefined when every seat line has one.
 */
export function barTotals(
  quote: Quote,
  blocking: readonly ValidationIssue[],
  recordingTypeId?: string,
): { thisMonth: Money; nextMonth: Money } | undefined {
  const bad = new Set(
    blocking.map((i) =>
      'typeId' in i ? i.typeId : 'field' in i && i.field === 'retention' ? recordingTypeId : '',
    ),
  );
  const lines = quote.lines.filter((l) => !bad.has(l.typeId));
  if (blocking.length && !lines.length) return undefined;
  const total = (pick: (l: Quote['lines'][number]) => Money) => sum(quote.currency, lines.map(pick));
  return { thisMonth: total((l) => l.thisMonth.delta), nextMonth: total((l) => l.nextMonth.delta) };
}

/**
 * Where a problem is fixed: a selector for the widget that edits it, its name, and which of its
 * fields (a Power Pack service's limit); undefined for a problem of the whole cart.
 */
export function problemPlace(
  issue: ValidationIssue,
  snapshot: LicensingSnapshot,
  m: LicenceCartMessages,
  t: CommonMessages,
): { selector: string; name: string; field: number } | undefined {
  const names = namesFrom(snapshot, t);
  const card = (id: string) => `licence-card[type-id="${CSS.escape(id)}"]`;
  if ('typeId' in issue) return { selector: card(issue.typeId), name: names.type(issue.typeId), field: 0 };
  if (!('field' in issue)) return undefined;
  if (issue.field === 'retention') return { selector: 'retention-picker', name: m.retention, field: 0 };
  if (issue.field === 'speech-to-text') return { selector: card(issue.field), name: m.stt, field: 0 };
  const service = 'serviceId' in issue ? issue.serviceId : undefined;
  const index = snapshot.powerPack?.services.findIndex((s) => s.id === service) ?? -1;
  return {
    selector: 'power-pack-limits',
    name: service === undefined ? m.powerPack : names.service(service),
    field: Math.max(index, 0),
  };
}
