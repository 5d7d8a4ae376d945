// The cart's words for a quote and for what changed underneath: the review's rows and the conflict
// notice, apart from the element so it reads as layout and behaviour.
import type { CapChange, LicensingSnapshot, Quote, UnderneathChange } from '../../core/index.js';
import type { CommonMessages } from '../../i18n/common.js';
import { namesFrom, retentionLabel } from '../../i18n/names.js';
import type { LicenceCartMessages } from './licence-cart.messages.js';

/** One row of the review's table. */
export interface Row {
  item: string;
  change: string;
  thisMonth: string;
  nextMonth: string;
}

/** The review's rows: each changed seat line, the retention, Speech-to-Text and the Power Pack. */
export function cartRows(
  snapshot: LicensingSnapshot,
  quote: Quote,
  m: LicenceCartMessages,
  t: CommonMessages,
): Row[] {
  const names = namesFrom(snapshot, t);
  const rows: Row[] = quote.lines.map((line) => {
    const counted = line.count.from !== line.count.to;
    const change = counted
      ? m.fromTo(m.units(line.count.from), m.units(line.count.to))
      : m.multiplier(line.multiplier.from, line.multiplier.to);
    return {
      item: names.type(line.typeId),
      change,
      thisMonth: m.moneyChange(line.thisMonth.before, line.thisMonth.after, line.thisMonth.delta),
      nextMonth: m.moneyChange(line.nextMonth.before, line.nextMonth.after, line.nextMonth.delta),
    };
  });
  if (quote.retention) {
    rows.push({
      item: m.retention,
      change: m.fromTo(retentionLabel(quote.retention.from, t), retentionLabel(quote.retention.to, t)),
      thisMonth: '',
      nextMonth: m.multiplier(quote.retention.multiplier.from, quote.retention.multiplier.to),
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
