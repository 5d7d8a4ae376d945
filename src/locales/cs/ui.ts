import { formatNumber } from '../../i18n/format.js';
import type { UiMessages } from '../../ui/ui.messages.js';

export const messages: UiMessages = {
  increase: (label) => `Zvýšit: ${label}`,
  decrease: (label) => `Snížit: ${label}`,
  moreInfo: (label) => `O položce ${label}`,
  close: 'Zavřít',
  dismiss: 'Skrýt',
  parse: {
    empty: 'Zadejte číslo.',
    negative: 'Zadejte 0 nebo víc.',
    decimal: 'Zadejte celé číslo, bez desetinných míst.',
    'not-a-number': 'Zadejte celé číslo číslicemi, např. 12.',
    'too-large': (max: number) => `Zadejte nejvýše ${formatNumber(max, 'cs')}.`,
  },
};
