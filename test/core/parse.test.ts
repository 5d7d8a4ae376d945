import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  MAX_QUANTITY,
  applyDraft,
  isWhole,
  lineFor,
  parseCount,
  parseLimit,
  validate,
  wholeNumberProblem,
  type ParseResult,
} from '../../src/core/index.js';
import { MemoryAdapter } from '../../src/adapters/memory/index.js';
import { LicensingStore } from '../../src/state/licensing-store.js';
import { smallSeed } from '../helpers/fixtures.js';
import { account } from './fixtures.js';

const MAX = Number.MAX_SAFE_INTEGER;

describe('core/parse (R2: only whole numbers reach the draft)', () => {
  const cases: ReadonlyArray<[string, ParseResult<number>]> = [
    ['12', { ok: true, value: 12 }],
    ['0', { ok: true, value: 0 }],
    ['  42\t', { ok: true, value: 42 }],
    ['007', { ok: true, value: 7 }],
    ['0000', { ok: true, value: 0 }],
    [String(MAX), { ok: true, value: MAX }],
    ['-1', { ok: false, reason: 'negative' }],
    ['\u22125', { ok: false, reason: 'negative' }],
    ['- 3', { ok: false, reason: 'negative' }],
    ['-1.5', { ok: false, reason: 'negative' }],
    ['-.5', { ok: false, reason: 'negative' }],
    ['1.5', { ok: false, reason: 'decimal' }],
    ['1,5', { ok: false, reason: 'decimal' }],
    ['.5', { ok: false, reason: 'decimal' }],
    ['5.', { ok: false, reason: 'decimal' }],
    ['1.0', { ok: false, reason: 'decimal' }],
    ['1e3', { ok: false, reason: 'not-a-number' }],
    ['\u0663', { ok: false, reason: 'not-a-number' }], // Arabic-Indic three
    ['\uff11\uff12', { ok: false, reason: 'not-a-number' }], // full-width 12
    ['12abc', { ok: false, reason: 'not-a-number' }],
    ['0x10', { ok: false, reason: 'not-a-number' }],
    ['+5', { ok: false, reason: 'not-a-number' }],
    ['1 2', { ok: false, reason: 'not-a-number' }],
    ['1.2.3', { ok: false, reason: 'not-a-number' }],
    ['-', { ok: false, reason: 'not-a-number' }],
    ['.', { ok: false, reason: 'not-a-number' }],
    ['Infinity', { ok: false, reason: 'not-a-number' }],
    ['NaN', { ok: false, reason: 'not-a-number' }],
    [' ', { ok: false, reason: 'empty' }],
    ['', { ok: false, reason: 'empty' }],
    ['9007199254740992', { ok: false, reason: 'too-large', max: MAX }],
    ['9007199254740993', { ok: false, reason: 'too-large', max: MAX }],
    ['99999999999999999999', { ok: false, reason: 'too-large', max: MAX }],
    ['1'.repeat(100_000), { ok: false, reason: 'too-large', max: MAX }],
  ];
  for (const [text, expected] of cases) {
    it(`parseCount(${JSON.stringify(text.length > 30 ? `${text.slice(0, 20)}…` : text)})`, () => {
      expect(parseCount(text)).to.deep.equal(expected);
    });
  }

  it('keeps leading zeros of a long number from counting as digits', () => {
    expect(parseCount(`0000000000${MAX}`)).to.deep.equal({ ok: true, value: MAX });
  });

  it('checks an optional maximum and names it', () => {
    expect(parseCount('500', { max: 500 })).to.deep.equal({ ok: true, value: 500 });
    expect(parseCount('501', { max: 500 })).to.deep.equal({ ok: false, reason: 'too-large', max: 500 });
    expect(parseCount('5', { max: Infinity })).to.deep.equal({ ok: true, value: 5 });
    expect(parseCount('9007199254740992', { max: Infinity })).to.deep.equal({
      ok: false,
      reason: 'too-large',
      max: MAX,
    });
  });

  it('parseLimit reads empty as "no limit" (R7, R8) and is otherwise parseCount', () => {
    expect(parseLimit('')).to.deep.equal({ ok: true, value: null });
    expect(parseLimit('   ')).to.deep.equal({ ok: true, value: null });
    expect(parseLimit('2000')).to.deep.equal({ ok: true, value: 2000 });
    expect(parseLimit('-1')).to.deep.equal({ ok: false, reason: 'negative' });
    expect(parseLimit('1.5')).to.deep.equal({ ok: false, reason: 'decimal' });
    expect(parseLimit('1e3')).to.deep.equal({ ok: false, reason: 'not-a-number' });
    expect(parseLimit('\u0663')).to.deep.equal({ ok: false, reason: 'not-a-number' });
    expect(parseLimit('12abc')).to.deep.equal({ ok: false, reason: 'not-a-number' });
    expect(parseLimit('9007199254740993')).to.deep.equal({ ok: false, reason: 'too-large', max: MAX });
    expect(parseLimit('11', { max: 10 })).to.deep.equal({ ok: false, reason: 'too-large', max: 10 });
  });

  it('property: every safe whole number round-trips, with padding and leading zeros', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: MAX }),
        fc.string({ unit: fc.constantFrom(' ', '\t', '\n'), maxLength: 3 }),
        fc.nat({ max: 5 }),
        (n, pad, zeros) => {
          const text = `${pad}${'0'.repeat(zeros)}${n}${pad}`;
          expect(parseCount(text)).to.deep.equal({ ok: true, value: n });
          expect(parseLimit(text)).to.deep.equal({ ok: true, value: n });
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('property: a parse either fails or yields a safe whole number no larger than max, never throws', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 24 }), fc.option(fc.nat(), { nil: undefined }), (text, max) => {
        const result = parseCount(text, max === undefined ? {} : { max });
        if (result.ok) {
          expect(Number.isSafeInteger(result.value)).to.equal(true);
          expect(result.value).to.be.at.least(0);
          expect(result.value).to.be.at.most(max ?? MAX);
          expect(text.trim()).to.match(/^[0-9]+$/);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe('core/parse: the one whole-number check (R2)', () => {
  const numbers = [0, 7, 1.5, -1, -0.5, Number.NaN, Infinity, 1e300, 2 ** 53, MAX_QUANTITY, MAX_QUANTITY + 1];

  it('says why a number is not whole, or nothing', () => {
    expect(wholeNumberProblem(7)).to.equal(undefined);
    expect(wholeNumberProblem(1.5)).to.equal('not-whole');
    expect(wholeNumberProblem(Number.NaN)).to.equal('not-whole');
    expect(wholeNumberProblem(-3)).to.equal('negative');
    expect(wholeNumberProblem(1e300)).to.equal('too-large');
    expect(wholeNumberProblem(501, 500)).to.equal('too-large');
    expect(wholeNumberProblem(500, 500)).to.equal(undefined);
    expect(isWhole('7')).to.equal(false);
    expect(isWhole(2 ** 53)).to.equal(false);
  });

  it('validate and the store refuse exactly the numbers isWhole refuses below the one ceiling (MAX_QUANTITY); applyDraft those isWhole refuses', async () => {
    const store = new LicensingStore(new MemoryAdapter(smallSeed()));
    await store.load();
    for (const n of numbers) {
      const codes = validate(account(), { counts: { chat: n } }).map((i) => i.code);
      const judged = codes.some((c) => c.startsWith('count-'));
      // One ceiling for validate, the store and the stepper (maxQuantityFor).
      expect(judged, `validate ${n}`).to.equal(!isWhole(n, MAX_QUANTITY));
      const applied = lineFor(applyDraft(account(), { counts: { chat: n } }), 'chat').count;
      expect(applied === n, `applyDraft ${n}`).to.equal(isWhole(n));
      expect(store.setCount('voice', n).ok, `store ${n}`).to.equal(isWhole(n, MAX_QUANTITY));
    }
  });
});
