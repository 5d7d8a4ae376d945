import type { ValidationIssue } from '../core/index.js';
import { formatNumber, plural } from './format.js';

/** Names to put into messages: the snapshot knows them, the rule book's issues carry only ids. */
export interface IssueNames {
  type(typeId: string): string;
  service(serviceId: string): string;
  retention(months: number): string;
}

const n = (value: number) => formatNumber(value, 'en');
const agents = (count: number) =>
  plural(count, 'en', { one: `${n(count)} agent`, other: `${n(count)} agents` });

/**
 * Every rule-book issue in words (section `issues`), English. One function per code, so a new
 * code in `validate` fails the type check here until it has its message.
 */
export const messages: {
  [C in ValidationIssue['code']]: (issue: Extract<ValidationIssue, { code: C }>, names: IssueNames) => string;
} = {
  'permission-denied': () => 'You can view licences but not change them.',
  'nothing-to-commit': () => 'There are no changes to save.',
  'amount-too-large': () => 'The total is too large to be charged.',
  'currency-mismatch': () => 'The prices are in different currencies.',
  'unknown-licence-type': (i) => `There is no licence type "${i.typeId}".`,
  'count-not-whole': () => 'Enter a whole number.',
  'count-negative': () => 'Enter 0 or more.',
  'count-above-max': (i, names) => `You can have at most ${n(i.max)} ${names.type(i.typeId)} licences.`,
  'reduce-below-in-use': (i, names) =>
    `${n(i.inUse)} ${names.type(i.typeId)} licences are in use. Free ${agents(i.mustFree)} first, then reduce.`,
  'exceeds-required-licence': (i, names) =>
    `Every ${names.type(i.typeId)} user also needs a ${names.type(i.requiredTypeId)} licence: you have ${n(i.requiredCount)}, so ${names.type(i.typeId)} can be at most ${n(i.requiredCount)}.`,
  'below-dependent-licence': (i, names) =>
    `${n(i.dependentCount)} ${names.type(i.dependentTypeId)} licences need as many ${names.type(i.typeId)} licences: keep at least ${n(i.minimum)}.`,
  'feature-unavailable': () => 'This feature is not part of your account.',
  'retention-invalid': () => 'Choose 14 days, or a period in steps of 3 months.',
  'retention-above-max': (i, names) =>
    `The longest retention you can choose is ${names.retention(i.maxMonths)}.`,
  'retention-shortened': () => 'Recordings older than the new period will no longer be kept.',
  'speech-to-text-limit-invalid': () => 'Enter a whole number of minutes, or leave it empty for no limit.',
  'speech-to-text-stops-now': (i) =>
    `${n(i.usedOverBase)} minutes over the base pack are already used this month: with this limit Speech-to-Text stops at once until next month.`,
  'unknown-power-pack-service': (i) => `There is no Power Pack service "${i.serviceId}".`,
  'power-pack-limit-invalid': () => 'Enter a whole number of packs, or leave it empty for no limit.',
  'power-pack-service-stops-now': (i, names) =>
    `${names.service(i.serviceId)} already used ${n(i.used)} packs this month: with this limit it stops at once until next month.`,
  'smart-routing-needs-email-queues': (i, names) =>
    `${names.service(i.serviceId)} works in email queues: set up an email queue to use it.`,
  'ai-topics-needs-speech-to-text': (i, names) =>
    `${n(i.callQueuesWithAiTopics)} call queues use ${names.service(i.serviceId)}, which needs Speech-to-Text on.`,
  'ai-qa-needs-form': (i, names) =>
    `${names.service(i.serviceId)} needs a QA form allowed for AI QA: set one in Manage → Settings → QA Forms.`,
};

export type IssueMessages = typeof messages;

/** One issue in words, with the catalogue given (English by default). */
export function issueText(
  issue: ValidationIssue,
  names: IssueNames,
  catalogue: IssueMessages = messages,
): string {
  const format = catalogue[issue.code] as (issue: ValidationIssue, names: IssueNames) => string;
  return format(issue, names);
}
