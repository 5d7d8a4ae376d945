import { expect } from '@open-wc/testing';
import {
  UNLIMITED,
  applyDraft,
  capped,
  quote,
  seatNextMonthCharge,
  type ChangeSet,
  type LicensingSnapshot,
  type Quote,
} from '../../src/core/index.js';
import { account, eur, withLine } from './fixtures.js';

const zeroCharge = { before: eur(0), after: eur(0), delta: eur(0) };

describe('core/quote (R5 with R6–R8)', () => {
  it('quotes an empty draft as no change at all', () => {
    const expected: Quote = {
      currency: 'EUR',
      lines: [],
      totals: { thisMonth: zeroCharge, nextMonth: zeroCharge },
    };
    expect(quote(account(), {})).to.deep.equal(expected);
    expect(
      quote(account(), { counts: { voice: 10 }, retention: { months: 9 }, speechToText: { enabled: true } }),
    ).to.deep.equal(expected);
  });

  it('charges an increase this month at once and next month', () => {
    const q = quote(account(), { counts: { voice: 12 } });
    expect(q.lines).to.deep.equal([
      {
        typeId: 'voice',
        unitPrice: eur(1000),
        count: { from: 10, to: 12 },
        multiplier: { from: 1, to: 1 },
        units: { from: 10, to: 12 },
        peak: 10,
        thisMonthUnits: { from: 10, to: 12 },
        heldAtPeak: false,
        thisMonth: { before: eur(10_000), after: eur(12_000), delta: eur(2000) },
        nextMonth: { before: eur(10_000), after: eur(12_000), delta: eur(2000) },
      },
    ]);
    expect(q.totals).to.deep.equal({ thisMonth: q.lines[0]!.thisMonth, nextMonth: q.lines[0]!.nextMonth });
  });

  it('keeps this month at the peak of 10 when reducing 10 → 8; next month drops', () => {
    const [line] = quote(account(), { counts: { voice: 8 } }).lines;
    expect(line!.thisMonth).to.deep.equal({ before: eur(10_000), after: eur(10_000), delta: eur(0) });
    expect(line!.nextMonth).to.deep.equal({ before: eur(10_000), after: eur(8000), delta: eur(-2000) });
    expect(line!.thisMonthUnits).to.deep.equal({ from: 10, to: 10 });
    expect(line!.heldAtPeak).to.equal(true);
  });

  it("charges a rise after an earlier reduction only above the month's peak", () => {
    // Reduced from 6 to 4 earlier this month; going to 5 costs nothing more this month.
    const [line] = quote(account(), { counts: { outbound: 5 } }).lines;
    expect(line!.thisMonth).to.deep.equal({ before: eur(3000), after: eur(3000), delta: eur(0) });
    expect(line!.nextMonth).to.deep.equal({ before: eur(2000), after: eur(2500), delta: eur(500) });
    expect(line!.heldAtPeak).to.equal(true);
  });

  it('adds a line for a type bought for the first time', () => {
    const [line] = quote(account(), { counts: { chat: 3 } }).lines;
    expect(line).to.include({ typeId: 'chat', peak: 0, heldAtPeak: false });
    expect(line!.count).to.deep.equal({ from: 0, to: 3 });
    expect(line!.thisMonth).to.deep.equal({ before: eur(0), after: eur(2400), delta: eur(2400) });
  });

  it('re-prices the recording line when only the retention changes: 9 → 12 months is ×3 → ×4', () => {
    const q = quote(account(), { retention: { months: 12 } });
    expect(q.retention).to.deep.equal({
      from: { months: 9 },
      to: { months: 12 },
      multiplier: { from: 3, to: 4 },
    });
    expect(q.lines).to.have.length(1);
    expect(q.lines[0]).to.deep.include({
      typeId: 'recording',
      count: { from: 5, to: 5 },
      multiplier: { from: 3, to: 4 },
      units: { from: 15, to: 20 },
      thisMonth: { before: eur(4500), after: eur(6000), delta: eur(1500) },
      nextMonth: { before: eur(4500), after: eur(6000), delta: eur(1500) },
    });
  });

  it('prices 14 days as free from next month; this month stays at the peak', () => {
    const q = quote(account(), { retention: { days: 14 } });
    expect(q.retention!.multiplier).to.deep.equal({ from: 3, to: 0 });
    expect(q.lines[0]).to.deep.include({
      units: { from: 15, to: 0 },
      thisMonth: { before: eur(4500), after: eur(4500), delta: eur(0) },
      nextMonth: { before: eur(4500), after: eur(0), delta: eur(-4500) },
    });
  });

  it('prices recording count and retention changes together, in catalog order with other lines', () => {
    const q = quote(account(), { counts: { recording: 6, voice: 11 }, retention: { months: 3 } });
    expect(q.lines.map((l) => l.typeId)).to.deep.equal(['voice', 'recording']);
    expect(q.lines[1]).to.deep.include({ units: { from: 15, to: 6 } });
    expect(q.totals.nextMonth).to.deep.equal({ before: eur(14_500), after: eur(12_800), delta: eur(-1700) });
    expect(q.totals.thisMonth).to.deep.equal({ before: eur(14_500), after: eur(15_500), delta: eur(1000) });
  });

  it('leaves out entries validate rejects as malformed, and features the snapshot lacks', () => {
    expect(
      quote(account(), { counts: { voice: 1.5, ghost: 3, chat: -1 }, retention: { months: 4 } }).lines,
    ).to.deep.equal([]);
    const bare = account({ recording: undefined, speechToText: undefined, powerPack: undefined });
    const q = quote(bare, {
      retention: { months: 3 },
      speechToText: { enabled: false },
      powerPack: { enabled: true },
    });
    expect(q).to.deep.equal({
      currency: 'EUR',
      lines: [],
      totals: { thisMonth: zeroCharge, nextMonth: zeroCharge },
    });
  });

  it('shows Speech-to-Text as its maximum monthly spend over the base: max 7000 minutes → limit 2000', () => {
    const off: LicensingSnapshot = account({ speechToText: { ...account().speechToText!, enabled: false } });
    expect(quote(off, { speechToText: { enabled: true } }).speechToText).to.deep.equal({
      enabled: { from: false, to: true },
      limitOverBase: { from: 2000, to: 2000 },
      totalMinutes: { from: 7000, to: 7000 },
      minutePrice: eur(2),
      maxSpend: { before: capped(eur(0)), after: capped(eur(4000)), delta: eur(4000) },
    });
    expect(quote(account(), { speechToText: { limitOverBase: 3000 } }).speechToText!.maxSpend).to.deep.equal({
      before: capped(eur(4000)),
      after: capped(eur(6000)),
      delta: eur(2000),
    });
    const unlimited = quote(account(), { speechToText: { limitOverBase: null } }).speechToText!;
    expect(unlimited.totalMinutes).to.deep.equal({ from: 7000, to: null });
    expect(unlimited.maxSpend).to.deep.equal({ before: capped(eur(4000)), after: UNLIMITED, delta: null });
  });

  it('shows the Power Pack as Σ limit × pack price per service; no cap if any limit is empty', () => {
    const pp = quote(account(), { powerPack: { enabled: true } }).powerPack!;
    expect(pp.enabled).to.deep.equal({ from: false, to: true });
    expect(pp.packPrice).to.deep.equal(eur(5000));
    expect(pp.maxSpend).to.deep.equal({ before: capped(eur(0)), after: UNLIMITED, delta: null });
    expect(pp.services).to.deep.equal([
      {
        serviceId: 'smart-routing',
        limit: { from: 10, to: 10 },
        maxSpend: { before: capped(eur(0)), after: capped(eur(50_000)), delta: eur(50_000) },
      },
      {
        serviceId: 'ai-topics',
        limit: { from: null, to: null },
        maxSpend: { before: capped(eur(0)), after: UNLIMITED, delta: null },
      },
      {
        serviceId: 'ai-qa',
        limit: { from: 5, to: 5 },
        maxSpend: { before: capped(eur(0)), after: capped(eur(25_000)), delta: eur(25_000) },
      },
    ]);
    const capsOnly = quote(account(), {
      powerPack: { enabled: true, limits: { 'ai-topics': 2 } },
    }).powerPack!;
    expect(capsOnly.maxSpend).to.deep.equal({
      before: capped(eur(0)),
      after: capped(eur(85_000)),
      delta: eur(85_000),
    });
    // A limit change while the pack is off changes what it would cost, not what it costs.
    const whileOff = quote(account(), { powerPack: { limits: { 'ai-qa': 9 } } }).powerPack!;
    expect(whileOff.services[2]!.limit).to.deep.equal({ from: 5, to: 9 });
    expect(whileOff.maxSpend).to.deep.equal({ before: capped(eur(0)), after: capped(eur(0)), delta: eur(0) });
  });

  it('keeps usage-based caps out of the seat totals', () => {
    const q = quote(account(), { speechToText: { limitOverBase: 3000 }, powerPack: { enabled: true } });
    expect(q.lines).to.deep.equal([]);
    expect(q.totals).to.deep.equal({ thisMonth: zeroCharge, nextMonth: zeroCharge });
  });

  it('takes the currency from the prices, or ISO 4217 "no currency" when nothing is priced', () => {
    const usd = { amount: 1, currency: 'USD' };
    const base = account({ catalog: [], lines: [], recording: undefined });
    expect(quote(base, {}).currency).to.equal('EUR');
    expect(
      quote({ ...base, speechToText: { ...base.speechToText!, minutePrice: usd } }, {}).currency,
    ).to.equal('USD');
    expect(
      quote({ ...base, speechToText: undefined, powerPack: { ...base.powerPack!, packPrice: usd } }, {})
        .currency,
    ).to.equal('USD');
    expect(
      quote({ ...base, speechToText: undefined, powerPack: undefined }, {}).totals.thisMonth.after,
    ).to.deep.equal({ amount: 0, currency: 'XXX' });
  });

  it('ignores a line whose type is not in the catalog', () => {
    const s = withLine(account(), { typeId: 'legacy', count: 3, inUse: 0, peak: 3 });
    expect(quote(s, { counts: { legacy: 1 } }).lines).to.deep.equal([]);
  });
});

describe("core/quote: one definition of a line's monthly charge (R5, R6)", () => {
  const drafts: ChangeSet[] = [
    { counts: { voice: 12 } },
    { counts: { voice: 8, chat: 0 } },
    { retention: { months: 3 } },
    { retention: { days: 14 }, counts: { recording: 7 } },
  ];
  for (const draft of drafts) {
    it(`next month of every quoted line is seatNextMonthCharge of the snapshot and of applyDraft: ${JSON.stringify(draft)}`, () => {
      const snapshot = account();
      const after = applyDraft(snapshot, draft);
      const q = quote(snapshot, draft);
      expect(q.lines.length).to.be.greaterThan(0);
      for (const line of q.lines) {
        const type = snapshot.catalog.find((t) => t.id === line.typeId)!;
        expect(line.nextMonth.before).to.deep.equal(seatNextMonthCharge(snapshot, type));
        expect(line.nextMonth.after).to.deep.equal(seatNextMonthCharge(after, type));
      }
    });
  }
});

describe('core/quote: a stored peak below the current units (issue #16, Money)', () => {
  // A backend storing the recording peak in licences (5) while retention multiplies units (5 × 3).
  const lowPeak = () => withLine(account(), { typeId: 'recording', count: 5, inUse: 5, peak: 5 });

  it('bills this month at max(peak, current units): a reduction is never a refund this month', () => {
    const q = quote(lowPeak(), { retention: { months: 6 } });
    const line = q.lines.find((l) => l.typeId === 'recording')!;
    expect(line.peak).to.equal(15);
    expect(line.thisMonthUnits).to.deep.equal({ from: 15, to: 15 });
    expect(line.thisMonth).to.deep.equal({ before: eur(4500), after: eur(4500), delta: eur(0) });
    expect(line.heldAtPeak).to.equal(true);
    expect(q.totals.thisMonth.delta).to.deep.equal(eur(0));
    const fewer = quote(withLine(account(), { typeId: 'voice', count: 10, inUse: 0, peak: 3 }), {
      counts: { voice: 4 },
    });
    expect(fewer.totals.thisMonth.delta).to.deep.equal(eur(0));
    expect(fewer.totals.nextMonth.delta).to.deep.equal(eur(-6000));
  });
});
