import { formatNumber, plural } from './format.js';

const n = (value: number) => formatNumber(value, 'en');

/**
 * What every widget says (section `common`), in English; the shape every language must give.
 * Plural forms are functions, so each language chooses its own forms (Czech has three).
 */
export const common = {
  /**
   * The BCP 47 tag this catalogue is written in: names the data gives per language (a licence
   * type's `names`) are shown in it, so they agree with the text around them.
   */
  lang: 'en',
  // Shared states of every data widget.
  loading: 'Loading licences…',
  loadFailed: 'The licences could not be loaded.',
  retry: 'Try again',
  noAccess:
    'You have no access to licensing. Ask an administrator to check your Accesses (Manage → Users → Accesses).',
  notConnected: 'Not connected to a licensing service.',
  readOnly: 'You can view licences but not change them.',
  errorPrefix: 'Error:',
  warningPrefix: 'Warning:',
  // Errors, by kind.
  errors: {
    permission:
      'You do not have permission to do this. Ask an administrator for the Update right in your Access.',
    conflict: 'Someone else changed the licences meanwhile.',
    validation: 'The changes were refused.',
    network: 'The licensing service could not be reached. Check the connection and try again.',
    timeout: 'The licensing service did not answer in time. Try again.',
    'not-found': 'Not found.',
    server: 'The licensing service failed. Try again in a moment.',
    'bad-response': 'The licensing service sent an answer that could not be read.',
    'not-supported': 'This is not available here.',
  },
  months: (count: number) => plural(count, 'en', { one: `${n(count)} month`, other: `${n(count)} months` }),
  years: (count: number) => plural(count, 'en', { one: `${n(count)} year`, other: `${n(count)} years` }),
  days: (count: number) => plural(count, 'en', { one: `${n(count)} day`, other: `${n(count)} days` }),
  /** "1 year and 3 months" */
  yearsAndMonths: (years: string, months: string) => `${years} and ${months}`,
};

export type CommonMessages = typeof common;
