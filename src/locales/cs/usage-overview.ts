import type { UsageOverviewMessages } from '../../elements/usage-overview/usage-overview.messages.js';
import { formatNumber, plural } from '../../i18n/format.js';

const n = (value: number) => formatNumber(value, 'cs');

/** Czech, section `usage-overview`. */
export const messages: UsageOverviewMessages = {
  tableLabel: 'Licence podle agentů',
  filterLabel: 'Typ licence',
  allTypes: (count) => (count === undefined ? 'Všechny typy licencí' : `Všechny typy licencí (${n(count)})`),
  typeOption: (name, count) => (count === undefined ? name : `${name} (${n(count)})`),
  searchLabel: 'Hledat podle jména nebo e-mailu',
  searchPlaceholder: 'Jméno nebo e-mail',
  matching: (count) =>
    plural(count, 'cs', {
      one: `${n(count)} agent`,
      few: `${n(count)} agenti`,
      many: `${n(count)} agenta`,
      other: `${n(count)} agentů`,
    }),
  counting: 'Počítám agenty…',
  agentColumn: 'Agent',
  hasLicence: 'má licenci',
  noLicence: 'nemá licenci',
  loadingAgents: 'Načítám agenty…',
  loadingRow: 'Načítám…',
  empty: 'Zatím žádní agenti. Jakmile uživatelé dostanou licence, uvidíte je zde.',
  noMatch: 'Tomuto filtru neodpovídá žádný agent.',
  noMatchSearch: (search) => `Hledání „${search}“ neodpovídá žádný agent.`,
  clearFilters: 'Zrušit filtr a hledání',
  usageFailed: 'Agenty se nepodařilo načíst.',
  pageFailed: 'Některé agenty se nepodařilo načíst.',
  exportCsv: 'Exportovat CSV',
  exporting: 'Exportuji…',
  exportFailed: 'Export se nezdařil.',
};
