// How a saved commit reads in `<licence-history>`: the text of one change with the current
// snapshot's names in the user's language, and the local date and time. Apart from the element so
// the list and the export (licence-history.export.ts) say exactly the same words.
import type { HistoryChange, LicensingSnapshot } from '../../core/index.js';
import type { CommonMessages } from '../../i18n/common.js';
import { inLanguage, retentionLabel } from '../../i18n/names.js';
import type { LicenceHistoryMessages } from './licence-history.messages.js';

/** The text of one change, with the names of the current snapshot in the user's language. */
export function describeChange(
  change: HistoryChange,
  snapshot: LicensingSnapshot,
  m: LicenceHistoryMessages,
  t: CommonMessages,
): string {
  const lang = t.lang;
  switch (change.kind) {
    case 'count': {
      const type = inLanguage(
        snapshot.catalog.find((type) => type.id === change.typeId),
        lang,
      );
      return m.count(type?.name ?? change.typeId, change.from, change.to);
    }
    case 'retention':
      return 'months' in change.from && 'months' in change.to
        ? m.retentionMonths(change.from.months, change.to.months)
        : m.retentionChange(retentionLabel(change.from, t), retentionLabel(change.to, t));
    case 'speech-to-text':
      return m.sttSwitch(change.from, change.to);
    case 'speech-to-text-limit':
      return m.sttLimit(change.from, change.to);
    case 'power-pack':
      return m.powerPackSwitch(change.from, change.to);
    case 'power-pack-limit': {
      const service = inLanguage(
        snapshot.powerPack?.services.find((s) => s.id === change.serviceId),
        lang,
      );
      return m.serviceLimit(service?.name ?? change.serviceId, change.from, change.to);
    }
  }
}

/** A commit's local date and time. */
export function formatWhen(at: string, lang: string): string {
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(at));
}
