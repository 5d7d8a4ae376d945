import type { UsageCsvMessages } from '../../elements/usage-overview/csv.js';

/** Czech, section `usage-csv`: the usage overview's CSV export. */
export const messages: UsageCsvMessages = {
  name: 'Jméno',
  email: 'E-mail',
  yes: 'ano',
  no: 'ne',
  filename: (date) => `vyuziti-licenci-${date}.csv`,
};
