// Worked examples straight from the product's own sentences (per-seat licensing with a cart, quoted
// in docs/rules.md), one row each: the sentence, the rule, and what the rule book answers.

import { expect } from '@open-wc/testing';
import {
  canEdit,
  canView,
  formatRetentionEn,
  parseCount,
  parseLimit,
  quote,
  retentionMultiplier,
  retentionOptions,
  speechToTextTotalMinutes,
  validate,
} from '../../src/core/index.js';
import { account, eur, withLine } from './fixtures.js';

interface Example {
  readonly rule: string;
  readonly says: string;
  readonly actual: () => unknown;
  readonly expected: unknown;
}

const examples: readonly Example[] = [
  {
    rule: 'R1',
    says: 'Tick the Access checkbox if you only want the user to view your current licences.',
    actual: () => ({ view: canView('view'), edit: canEdit('view') }),
    expected: { view: true, edit: false },
  },
  {
    rule: 'R1',
    says: 'Tick the Update checkbox if you want the user to be able to add and remove licences.',
    actual: () => canEdit('update'),
    expected: true,
  },
  {
    rule: 'R1',
    says: "If you don't see the Licencing module, first check your Accesses.",
    actual: () => canView('none'),
    expected: false,
  },
  {
    rule: 'R2',
    says: 'Increase the number in the licence field. (Only whole numbers reach the draft.)',
    actual: () =>
      ['12', '-1', '1.5', '1e3', '\u0663', '12abc', ' ', '9007199254740993'].map((t) => parseCount(t)),
    expected: [
      { ok: true, value: 12 },
      { ok: false, reason: 'negative' },
      { ok: false, reason: 'decimal' },
      { ok: false, reason: 'not-a-number' },
      { ok: false, reason: 'not-a-number' },
      { ok: false, reason: 'not-a-number' },
      { ok: false, reason: 'empty' },
      { ok: false, reason: 'too-large', max: Number.MAX_SAFE_INTEGER },
    ],
  },
  {
    rule: 'R3',
    says: 'Before reducing, ensure you have already removed the licence usage from users.',
    actual: () =>
      validate(withLine(account(), { typeId: 'voice', count: 14, inUse: 12, peak: 14 }), {
        counts: { voice: 10 },
      }),
    expected: [
      {
        code: 'reduce-below-in-use',
        severity: 'error',
        typeId: 'voice',
        inUse: 12,
        requested: 10,
        mustFree: 2,
      },
    ],
  },
  {
    rule: 'R4',
    says: 'To use the outbound licence, a user has to purchase a voice licence. (Raising outbound above voice.)',
    actual: () => validate(account(), { counts: { outbound: 12 } }).map((i) => [i.code, i.severity]),
    expected: [['exceeds-required-licence', 'error']],
  },
  {
    rule: 'R4',
    says: 'To use the outbound licence, a user has to purchase a voice licence. (Lowering voice below outbound.)',
    actual: () =>
      validate(withLine(account(), { typeId: 'voice', count: 10, inUse: 0, peak: 10 }), {
        counts: { voice: 3 },
      }).map((i) => [i.code, i.severity]),
    expected: [['below-dependent-licence', 'error']],
  },
  {
    rule: 'R5',
    says: 'You are always charged for the highest number of licences set during the current month. (Reducing 10 → 8.)',
    actual: () => {
      const [line] = quote(account(), { counts: { voice: 8 } }).lines;
      return { thisMonth: line!.thisMonth.after, nextMonth: line!.nextMonth.after };
    },
    expected: { thisMonth: eur(10 * 1000), nextMonth: eur(8 * 1000) },
  },
  {
    rule: 'R5',
    says: 'Reductions apply to both the current month and the next month.',
    actual: () => quote(account(), { counts: { voice: 8 } }).totals.nextMonth.delta,
    expected: eur(-2000),
  },
  {
    rule: 'R6',
    says: 'A 9-month retention period multiplies the licence count by 3.',
    actual: () => retentionMultiplier({ months: 9 }),
    expected: 3,
  },
  {
    rule: 'R6',
    says: 'Selecting 14 days incurs no charge.',
    actual: () => {
      const s = account({
        lines: account().lines.map((l) => (l.typeId === 'recording' ? { ...l, peak: 0 } : l)),
      });
      const free = { ...s, recording: { ...s.recording!, retention: { days: 14 as const } } };
      return quote(free, { counts: { recording: 50 } }).lines[0]!.thisMonth.after;
    },
    expected: eur(0),
  },
  {
    rule: 'R6',
    says: 'Minimum 3 months; increments of 3 months (3, 6, 9 months, 1 year, 1 year and 3 months, …).',
    actual: () => retentionOptions(15).map(formatRetentionEn),
    expected: ['14 days', '3 months', '6 months', '9 months', '1 year', '1 year and 3 months'],
  },
  {
    rule: 'R7',
    says: 'If you want to spend max 7000, enter 2000.',
    actual: () => speechToTextTotalMinutes({ baseMinutes: 5000, limitOverBase: 2000 }),
    expected: 7000,
  },
  {
    rule: 'R7',
    says: 'Leave empty to use STT without a limit.',
    actual: () => parseLimit(''),
    expected: { ok: true, value: null },
  },
  {
    rule: 'R7',
    says: 'Once you have used the selected number, STT will stop working until the subsequent month.',
    actual: () => validate(account(), { speechToText: { limitOverBase: 800 } }).map((i) => i.code),
    expected: ['speech-to-text-stops-now'],
  },
  {
    rule: 'R8',
    says: 'Once you have used the selected number, the specific service will stop working until the subsequent month.',
    actual: () => validate(account(), { powerPack: { enabled: true } }).map((i) => i.code),
    expected: ['power-pack-service-stops-now'],
  },
  {
    rule: 'R8',
    says: 'Set up AI Topics in any queue types. For calls, you must also have Speech-to-Text turned on.',
    actual: () =>
      validate(
        { ...account(), powerPack: { ...account().powerPack!, enabled: true } },
        { speechToText: { enabled: false } },
      ).map((i) => i.code),
    expected: ['ai-topics-needs-speech-to-text'],
  },
  {
    rule: 'R9',
    says: 'Once you have adjusted your licences, click Save. (Nothing adjusted: nothing to save.)',
    actual: () => validate(account(), {}).map((i) => i.code),
    expected: ['nothing-to-commit'],
  },
];

describe('core: worked examples from the product', () => {
  for (const example of examples) {
    it(`${example.rule}: ${example.says}`, () => {
      expect(example.actual()).to.deep.equal(example.expected);
    });
  }
});
