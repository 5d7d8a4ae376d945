export { common as commonMessages, type CommonMessages } from './common.js';
export { LocaleController, langOf, lookupMessages, registerMessages } from './locale.js';
export { formatDate, formatMoney, formatNumber, minorDigits, plural, pluralCategory } from './format.js';
