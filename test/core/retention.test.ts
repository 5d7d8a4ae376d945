import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  DEFAULT_MAX_RETENTION_MONTHS,
  FREE_RETENTION,
  compareRetention,
  formatRetentionEn,
  isSameRetention,
  isValidRetention,
  parseRetention,
  retentionLabelParts,
  retentionMultiplier,
  retentionOptions,
  retentionToString,
  type Retention,
} from '../../src/core/index.js';

describe('core/retention (R6)', () => {
  it('lists 14 days, then 3-month steps up to the maximum', () => {
    expect(retentionOptions(15)).to.deep.equal([
      { days: 14 },
      { months: 3 },
      { months: 6 },
      { months: 9 },
      { months: 12 },
      { months: 15 },
    ]);
    expect(retentionOptions(14)).to.deep.equal(retentionOptions(12));
    expect(retentionOptions(2)).to.deep.equal([{ days: 14 }]);
    expect(retentionOptions(0)).to.deep.equal([FREE_RETENTION]);
    expect(retentionOptions()).to.have.length(1 + DEFAULT_MAX_RETENTION_MONTHS / 3);
    expect(() => retentionOptions(Infinity)).to.throw(RangeError);
    expect(() => retentionOptions(Number.NaN)).to.throw(RangeError);
  });

  it("multiplies: 14 days free (×0), 3 months ×1, 9 months ×3 (the product's example), 1 year ×4", () => {
    expect(retentionMultiplier({ days: 14 })).to.equal(0);
    expect(retentionMultiplier({ months: 3 })).to.equal(1);
    expect(retentionMultiplier({ months: 9 })).to.equal(3);
    expect(retentionMultiplier({ months: 12 })).to.equal(4);
    expect(() => retentionMultiplier({ months: 4 })).to.throw(RangeError);
  });

  it('accepts only 14 days or whole months ≥ 3 in steps of 3, within the maximum', () => {
    const valid: Retention[] = [{ days: 14 }, { months: 3 }, { months: 6 }, { months: 120 }];
    const invalid = [
      { days: 7 },
      { days: 30 },
      { months: 0 },
      { months: -3 },
      { months: 4 },
      { months: 4.5 },
      { months: Number.NaN },
      {},
    ];
    for (const r of valid) expect(isValidRetention(r), JSON.stringify(r)).to.equal(true);
    for (const r of invalid) expect(isValidRetention(r as Retention), JSON.stringify(r)).to.equal(false);
    expect(isValidRetention({ months: 12 }, 12)).to.equal(true);
    expect(isValidRetention({ months: 15 }, 12)).to.equal(false);
    expect(isValidRetention({ days: 14 }, 0)).to.equal(true);
  });

  it('orders and compares retentions (14 days is the shortest)', () => {
    expect(compareRetention({ days: 14 }, { months: 3 })).to.equal(-1);
    expect(compareRetention({ months: 12 }, { months: 9 })).to.equal(1);
    expect(compareRetention({ months: 9 }, { months: 9 })).to.equal(0);
    expect(isSameRetention({ days: 14 }, { days: 14 })).to.equal(true);
    expect(isSameRetention({ months: 3 }, { days: 14 })).to.equal(false);
    expect(isSameRetention({ months: 3 }, {} as Retention)).to.equal(false);
  });

  it("labels in parts and in the product's English words", () => {
    const table: ReadonlyArray<[Retention, string, unknown]> = [
      [{ days: 14 }, '14 days', { kind: 'days', days: 14 }],
      [{ months: 3 }, '3 months', { kind: 'months', years: 0, months: 3 }],
      [{ months: 9 }, '9 months', { kind: 'months', years: 0, months: 9 }],
      [{ months: 12 }, '1 year', { kind: 'months', years: 1, months: 0 }],
      [{ months: 15 }, '1 year and 3 months', { kind: 'months', years: 1, months: 3 }],
      [{ months: 24 }, '2 years', { kind: 'months', years: 2, months: 0 }],
      [{ months: 30 }, '2 years and 6 months', { kind: 'months', years: 2, months: 6 }],
    ];
    for (const [r, words, parts] of table) {
      expect(formatRetentionEn(r)).to.equal(words);
      expect(retentionLabelParts(r)).to.deep.equal(parts);
    }
    // Not a retention the rules allow, but the formatter still words singulars properly.
    expect(formatRetentionEn({ months: 13 })).to.equal('1 year and 1 month');
  });

  it('writes and reads ISO 8601 durations for form values', () => {
    expect(retentionToString({ days: 14 })).to.equal('P14D');
    expect(retentionToString({ months: 9 })).to.equal('P9M');
    expect(parseRetention('P14D')).to.deep.equal({ days: 14 });
    expect(parseRetention(' P9M ')).to.deep.equal({ months: 9 });
    for (const bad of ['P7D', 'P4M', 'P0M', 'P1Y', '9', 'P-3M', 'P9999999M', '']) {
      expect(parseRetention(bad), bad).to.equal(null);
    }
  });

  it('property: options are valid, strictly ascending, within the maximum, and round-trip as strings', () => {
    fc.assert(
      fc.property(fc.integer({ min: -3, max: 240 }), (max) => {
        const options = retentionOptions(max);
        expect(options[0]).to.deep.equal({ days: 14 });
        options.forEach((r, i) => {
          expect(isValidRetention(r, Math.max(max, 0))).to.equal(true);
          expect(parseRetention(retentionToString(r))).to.deep.equal(r);
          if (i > 0) expect(compareRetention(options[i - 1]!, r)).to.equal(-1);
          if ('months' in r) expect(retentionMultiplier(r) * 3).to.equal(r.months);
        });
        expect(options.length).to.equal(1 + Math.max(0, Math.floor(max / 3)));
      }),
      { numRuns: 1000 },
    );
  });
});
