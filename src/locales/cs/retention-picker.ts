import type { RetentionPickerMessages } from '../../elements/retention-picker/retention-picker.messages.js';
import { formatMoney, formatNumber } from '../../i18n/format.js';

export const messages: RetentionPickerMessages = {
  label: 'Doba uchování nahrávek hovorů',
  description: 'Jak dlouho se nahrávky hovorů uchovávají. Jedno nastavení pro všechny uživatele.',
  optionFree: (label) => `${label} – zdarma`,
  multiplier: (units) =>
    units === 0
      ? 'Bez poplatku: nahrávky se uchovávají 14 dní.'
      : `×${formatNumber(units, 'cs')} licenční jednotky na nahrávaného uživatele`,
  effect: (delta) => `${formatMoney(delta, 'cs', { signed: true })} měsíčně`,
  noRecording: 'Nahrávání hovorů není součástí tohoto účtu.',
  aboveMax: (current, max) =>
    `Nastavená doba, ${current}, je delší, než váš tarif dovoluje (${max}). Zůstává a účtuje se, dokud nezvolíte kratší.`,
};
