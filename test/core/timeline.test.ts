import { expect } from '@open-wc/testing';
import { changeRecord, lineTimeline, quote, type ChangeSet } from '../../src/core/index.js';
import { account, eur } from './fixtures.js';

const timelineOf = (draft: ChangeSet, snapshot = account()) =>
  quote(snapshot, draft).lines.map((line) => lineTimeline(line, snapshot.period));

describe('core/timeline (R5: when each line applies and is billed)', () => {
  it('an increase is usable now, billed this month at the new peak and from 1 April at the new count', () => {
    // Voice €10, 10 licences, peak 10 → 12.
    expect(timelineOf({ counts: { voice: 12 } })).to.deep.equal([
      {
        typeId: 'voice',
        kind: 'increase',
        perUnit: false,
        thisMonth: { peak: 12, amount: eur(12000), heldAtPeak: false },
        nextMonth: { start: '2025-04-01', units: 12, amount: eur(12000) },
      },
    ]);
  });

  it('a reduction applies now, this month keeps the peak, next month is billed at the new count', () => {
    const [voice] = timelineOf({ counts: { voice: 8 } });
    expect(voice).to.deep.include({ kind: 'reduction' });
    expect(voice!.thisMonth).to.deep.equal({ peak: 10, amount: eur(10000), heldAtPeak: true });
    expect(voice!.nextMonth).to.deep.equal({ start: '2025-04-01', units: 8, amount: eur(8000) });
  });

  it('a rise that stays under an earlier peak is billed this month at that peak', () => {
    // Outbound €5: reduced 6 → 4 earlier this month (peak 6); going to 5 still costs 6 this month.
    const [outbound] = timelineOf({ counts: { outbound: 5 } });
    expect(outbound).to.deep.include({ kind: 'increase' });
    expect(outbound!.thisMonth).to.deep.equal({ peak: 6, amount: eur(3000), heldAtPeak: true });
    expect(outbound!.nextMonth).to.deep.equal({ start: '2025-04-01', units: 5, amount: eur(2500) });
  });

  it('counts the recording line in billed units (R6), and a shorter retention as a reduction', () => {
    // 5 recording licences at 9 months (×3 = 15 units, peak 15); 3 months is ×1 = 5 units.
    const [recording] = timelineOf({ retention: { months: 3 } });
    expect(recording).to.deep.include({ typeId: 'recording', kind: 'reduction', perUnit: true });
    expect(recording!.thisMonth).to.deep.equal({ peak: 15, amount: eur(4500), heldAtPeak: true });
    expect(recording!.nextMonth).to.deep.equal({ start: '2025-04-01', units: 5, amount: eur(1500) });
  });

  it('takes next month from the period, across a year', () => {
    const december = account({ period: { start: '2025-12-01', end: '2025-12-31' } });
    expect(timelineOf({ counts: { voice: 11 } }, december)[0]!.nextMonth.start).to.equal('2026-01-01');
  });
});

describe('core/change-record (the reviewed change for finance and audits)', () => {
  const at = '2025-03-14T09:30:00.000Z';

  it('records before, after and the quote of each line, who and when', () => {
    const snapshot = account();
    const draft: ChangeSet = {
      counts: { voice: 12, outbound: 3 },
      speechToText: { limitOverBase: null },
      powerPack: { enabled: true, limits: { 'ai-qa': 8 } },
    };
    const record = changeRecord(snapshot, draft, { at, who: 'Jana Dvořáková' });
    const q = quote(snapshot, draft);
    expect(record).to.deep.include({
      at,
      who: 'Jana Dvořáková',
      version: 'v1',
      period: snapshot.period,
      currency: 'EUR',
      changes: draft,
      totals: q.totals,
    });
    expect(record.lines).to.deep.equal([
      {
        kind: 'count',
        id: 'voice',
        before: 10,
        after: 12,
        thisMonth: { before: eur(10000), after: eur(12000), delta: eur(2000) },
        nextMonth: { before: eur(10000), after: eur(12000), delta: eur(2000) },
      },
      {
        kind: 'count',
        id: 'outbound',
        before: 4,
        after: 3,
        thisMonth: { before: eur(3000), after: eur(3000), delta: eur(0) },
        nextMonth: { before: eur(2000), after: eur(1500), delta: eur(-500) },
      },
      // 2000 minutes over the base at €0.02 → no limit: no cap.
      {
        kind: 'speech-to-text-limit',
        before: 2000,
        after: null,
        maxSpend: { before: eur(4000), after: null },
      },
      // Off → on: 10 + 8 packs capped, AI Topics unlimited, so the pack has no cap.
      { kind: 'power-pack-enabled', before: false, after: true, maxSpend: { before: eur(0), after: null } },
      {
        kind: 'power-pack-limit',
        id: 'ai-qa',
        before: 5,
        after: 8,
        maxSpend: { before: eur(0), after: eur(40000) },
      },
    ]);
    // The record is plain data: JSON keeps all of it.
    expect(JSON.parse(JSON.stringify(record))).to.deep.equal(record);
  });

  it('puts the money of a retention change on the retention line, or on the count line when it changes too', () => {
    const alone = changeRecord(account(), { retention: { months: 12 } }, { at, who: null });
    expect(alone.who).to.equal(null);
    expect(alone.lines).to.deep.equal([
      {
        kind: 'retention',
        before: 'P9M',
        after: 'P12M',
        // 5 licences ×3 → ×4 at €3: €45 → €60 both months.
        thisMonth: { before: eur(4500), after: eur(6000), delta: eur(1500) },
        nextMonth: { before: eur(4500), after: eur(6000), delta: eur(1500) },
      },
    ]);
    const both = changeRecord(
      account(),
      { retention: { months: 12 }, counts: { recording: 6 } },
      { at, who: null },
    );
    expect(both.lines.map((l) => [l.kind, 'thisMonth' in l])).to.deep.equal([
      ['count', true],
      ['retention', false],
    ]);
    expect(both.lines[0]!.nextMonth!.after).to.deep.equal(eur(7200)); // 6 × 4 units × €3
  });

  it('records switching Speech-to-Text off and on as its own line', () => {
    const record = changeRecord(account(), { speechToText: { enabled: false } }, { at, who: null });
    expect(record.lines).to.deep.equal([
      {
        kind: 'speech-to-text-enabled',
        before: true,
        after: false,
        maxSpend: { before: eur(4000), after: eur(0) },
      },
    ]);
  });
});
