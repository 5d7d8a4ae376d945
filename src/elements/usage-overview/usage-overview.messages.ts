import { formatNumber, plural } from '../../i18n/format.js';

const n = (value: number) => formatNumber(value, 'en');
/** `name`, with `(count)` once the count is known. */
const counted = (name: string, count: number | undefined) =>
  count === undefined ? name : `${name} (${n(count)})`;

/** What `usage-overview` says (section `usage-overview`), in English. */
export const messages = {
  /** The grid's accessible name. */
  tableLabel: 'Licences by agent',
  filterLabel: 'Licence type',
  /** The "every type" option; `count` is undefined until known. */
  allTypes: (count: number | undefined) => counted('All licence types', count),
  /** One type in the filter, with the number of agents holding it. */
  typeOption: counted,
  searchLabel: 'Search by name or email',
  searchPlaceholder: 'Name or email',
  /** The number of agents the filter and search match. */
  matching: (count: number) => plural(count, 'en', { one: `${n(count)} agent`, other: `${n(count)} agents` }),
  counting: 'Counting agents…',
  agentColumn: 'Agent',
  /** Read after a type's column header in a cell of an agent holding it. */
  hasLicence: 'has licence',
  noLicence: 'no licence',
  loadingAgents: 'Loading agents…',
  loadingRow: 'Loading…',
  empty: 'No agents yet. When users get licences, they are listed here.',
  noMatch: 'No agents match this filter.',
  noMatchSearch: (search: string) => `No agents match “${search}”.`,
  clearFilters: 'Clear filter and search',
  usageFailed: 'The agents could not be loaded.',
  pageFailed: 'Some agents could not be loaded.',
  exportCsv: 'Export CSV',
  exporting: 'Exporting…',
  exportFailed: 'The export failed.',
};

export type UsageOverviewMessages = typeof messages;
