// Properties of the rule book over generated accounts and drafts (see arbitraries.ts). Each runs at
// least 1,000 times; on failure fast-check prints the seed and the shrunk counterexample.

import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  applyDraft,
  canCommit,
  isEmptyDraft,
  mergeDraft,
  normaliseDraft,
  quote,
  validate,
  type LicensingSnapshot,
  type Money,
  type Quote,
  type SpendCap,
} from '../../src/core/index.js';
import { noOpDraft, snapshotAndDraftArb, snapshotArb } from './arbitraries.js';
import { deepFreeze } from './fixtures.js';

const RUNS = { numRuns: 1000 };

function* moneyIn(q: Quote): Generator<Money> {
  const caps = (c: { before: SpendCap; after: SpendCap; delta: Money | null }) =>
    [c.before, c.after]
      .flatMap((cap) => (cap.kind === 'capped' ? [cap.amount] : []))
      .concat(c.delta ? [c.delta] : []);
  for (const line of q.lines) {
    yield line.unitPrice;
    for (const c of [line.thisMonth, line.nextMonth]) yield* [c.before, c.after, c.delta];
  }
  for (const c of [q.totals.thisMonth, q.totals.nextMonth]) yield* [c.before, c.after, c.delta];
  if (q.speechToText) yield* caps(q.speechToText.maxSpend);
  if (q.powerPack) {
    yield* caps(q.powerPack.maxSpend);
    for (const s of q.powerPack.services) yield* caps(s.maxSpend);
  }
}

const sum = (amounts: readonly Money[]) => amounts.reduce((total, m) => total + m.amount, 0);

/** A draft that validates without error, on an `update` account. */
const validArb = snapshotAndDraftArb('plausible', { permission: 'update' }).filter(({ snapshot, draft }) =>
  canCommit(validate(snapshot, draft)),
);

describe('core properties', () => {
  it('R5: line items sum to the totals, and every delta is after − before', () => {
    fc.assert(
      fc.property(snapshotAndDraftArb('any'), ({ snapshot, draft }) => {
        const q = quote(snapshot, draft);
        for (const month of ['thisMonth', 'nextMonth'] as const) {
          const total = q.totals[month];
          expect(total.before.amount).to.equal(sum(q.lines.map((l) => l[month].before)));
          expect(total.after.amount).to.equal(sum(q.lines.map((l) => l[month].after)));
          expect(total.delta.amount).to.equal(sum(q.lines.map((l) => l[month].delta)));
          expect(total.delta.amount).to.equal(total.after.amount - total.before.amount);
          for (const line of q.lines)
            expect(line[month].delta.amount).to.equal(line[month].after.amount - line[month].before.amount);
        }
      }),
      RUNS,
    );
  });

  it('R5: no charge is ever negative, and usage caps are never negative', () => {
    fc.assert(
      fc.property(snapshotAndDraftArb('any'), ({ snapshot, draft }) => {
        const q = quote(snapshot, draft);
        for (const line of q.lines) {
          for (const c of [line.thisMonth, line.nextMonth]) {
            expect(c.before.amount).to.be.at.least(0);
            expect(c.after.amount).to.be.at.least(0);
          }
          expect(line.units.to).to.be.at.least(0);
        }
        for (const c of [q.totals.thisMonth, q.totals.nextMonth]) {
          expect(c.before.amount).to.be.at.least(0);
          expect(c.after.amount).to.be.at.least(0);
        }
        for (const cap of [
          q.speechToText?.maxSpend,
          q.powerPack?.maxSpend,
          ...(q.powerPack?.services ?? []).map((s) => s.maxSpend),
        ]) {
          for (const side of cap ? [cap.before, cap.after] : []) {
            if (side.kind === 'capped') expect(side.amount.amount).to.be.at.least(0);
          }
        }
      }),
      RUNS,
    );
  });

  it('R5: this month never drops below the peak charge, nor below next month', () => {
    fc.assert(
      fc.property(snapshotAndDraftArb('any'), ({ snapshot, draft }) => {
        for (const line of quote(snapshot, draft).lines) {
          const peakCharge = line.peak * line.unitPrice.amount;
          expect(line.thisMonth.before.amount).to.be.at.least(peakCharge);
          expect(line.thisMonth.after.amount).to.be.at.least(peakCharge);
          expect(line.thisMonth.after.amount).to.be.at.least(line.nextMonth.after.amount);
          expect(line.thisMonth.delta.amount).to.be.at.least(0);
          expect(line.heldAtPeak).to.equal(line.thisMonthUnits.to > line.units.to);
        }
      }),
      RUNS,
    );
  });

  it('R5: the quote prices exactly what applyDraft leaves (after = new peak × price)', () => {
    fc.assert(
      fc.property(snapshotAndDraftArb('any'), ({ snapshot, draft }) => {
        const after = applyDraft(snapshot, draft);
        for (const line of quote(snapshot, draft).lines) {
          // A retention change re-prices a recording type nobody bought yet without adding a line.
          const applied = after.lines.find((l) => l.typeId === line.typeId) ?? { count: 0, peak: 0 };
          expect(applied.count).to.equal(line.count.to);
          expect(line.thisMonth.after.amount).to.equal(applied.peak * line.unitPrice.amount);
        }
      }),
      RUNS,
    );
  });

  it('R9: the quote of an empty or no-op draft is zero change', () => {
    fc.assert(
      fc.property(snapshotArb(), fc.boolean(), (snapshot, explicit) => {
        const q = quote(snapshot, explicit ? noOpDraft(snapshot) : {});
        expect(q.lines).to.deep.equal([]);
        expect(q.retention).to.equal(undefined);
        expect(q.speechToText).to.equal(undefined);
        expect(q.powerPack).to.equal(undefined);
        for (const c of [q.totals.thisMonth, q.totals.nextMonth]) {
          expect(c.delta.amount).to.equal(0);
          expect(c.before.amount).to.equal(0);
        }
        expect(validate(snapshot, noOpDraft(snapshot))).to.deep.equal([
          { code: 'nothing-to-commit', severity: 'error' },
        ]);
        expect(isEmptyDraft(snapshot, noOpDraft(snapshot))).to.equal(true);
      }),
      RUNS,
    );
  });

  it('R9: after applying a valid draft, the draft is a no-op and nothing is left to commit', () => {
    let checked = 0;
    fc.assert(
      fc.property(validArb, ({ snapshot, draft }) => {
        const after = applyDraft(snapshot, draft);
        const nothing = [{ code: 'nothing-to-commit', severity: 'error' }];
        expect(validate(after, {})).to.deep.equal(nothing);
        expect(validate(after, draft)).to.deep.equal(nothing);
        expect(validate(after, noOpDraft(after))).to.deep.equal(nothing);
        expect(applyDraft(after, draft)).to.deep.equal(after);
        expect(applyDraft(after, {})).to.deep.equal(after);
        expect(quote(after, draft).lines).to.deep.equal([]);
        checked += 1;
      }),
      RUNS,
    );
    expect(checked).to.equal(RUNS.numRuns);
  });

  it('R9: a valid draft, applied, still holds every invariant a fresh snapshot has', () => {
    fc.assert(
      fc.property(validArb, ({ snapshot, draft }) => {
        const after = applyDraft(snapshot, draft);
        for (const line of after.lines) {
          expect(line.inUse).to.be.at.most(line.count);
          const type = after.catalog.find((t) => t.id === line.typeId)!;
          if (type.max !== undefined) expect(line.count).to.be.at.most(type.max);
          if (type.requires !== undefined) {
            const required = after.lines.find((l) => l.typeId === type.requires)?.count ?? 0;
            expect(line.count).to.be.at.most(required);
          }
        }
      }),
      RUNS,
    );
  });

  it('R9: applyDraft of an empty or no-op draft is a no-op, and neither applyDraft, quote nor validate mutates', () => {
    fc.assert(
      fc.property(snapshotAndDraftArb('any'), ({ snapshot, draft }) => {
        const frozen = deepFreeze(structuredClone(snapshot));
        const frozenDraft = deepFreeze(structuredClone(draft));
        expect(applyDraft(frozen, {})).to.deep.equal(snapshot);
        expect(applyDraft(frozen, noOpDraft(frozen))).to.deep.equal(snapshot);
        applyDraft(frozen, frozenDraft);
        quote(frozen, frozenDraft);
        validate(frozen, frozenDraft);
        normaliseDraft(frozen, frozenDraft);
        expect(frozen).to.deep.equal(snapshot);
        expect(frozenDraft).to.deep.equal(draft);
      }),
      RUNS,
    );
  });

  it('R9: normaliseDraft is idempotent and changes neither verdict nor price', () => {
    fc.assert(
      fc.property(snapshotAndDraftArb('any'), ({ snapshot, draft }) => {
        const once = normaliseDraft(snapshot, draft);
        expect(normaliseDraft(snapshot, once)).to.deep.equal(once);
        expect(normaliseDraft(snapshot, mergeDraft({}, draft))).to.deep.equal(once);
        expect(validate(snapshot, once)).to.deep.equal(validate(snapshot, draft));
        expect(quote(snapshot, once)).to.deep.equal(quote(snapshot, draft));
        expect(applyDraft(snapshot, once)).to.deep.equal(applyDraft(snapshot, draft));
      }),
      RUNS,
    );
  });

  it('R1: without update permission every change is refused', () => {
    fc.assert(
      fc.property(snapshotAndDraftArb('any', { permission: 'view' }), ({ snapshot, draft }) => {
        const issues = validate(snapshot, draft);
        expect(canCommit(issues)).to.equal(false);
        if (!isEmptyDraft(snapshot, draft))
          expect(issues[0]).to.deep.equal({
            code: 'permission-denied',
            severity: 'error',
            permission: 'view',
          });
      }),
      RUNS,
    );
  });

  it('money never leaves safe integers, and validate never throws on a well-formed account', () => {
    fc.assert(
      fc.property(snapshotAndDraftArb('any'), ({ snapshot, draft }) => {
        for (const m of moneyIn(quote(snapshot, draft))) {
          expect(Number.isSafeInteger(m.amount), JSON.stringify(m)).to.equal(true);
          expect(Object.is(m.amount, -0)).to.equal(false);
          expect(m.currency).to.match(/^[A-Z]{3}$/);
        }
        const after: LicensingSnapshot = applyDraft(snapshot, draft);
        for (const line of after.lines) {
          expect(Number.isSafeInteger(line.count) && Number.isSafeInteger(line.peak)).to.equal(true);
        }
        for (const issue of validate(snapshot, draft))
          expect(issue.severity).to.be.oneOf(['error', 'warning']);
      }),
      RUNS,
    );
  });
});
