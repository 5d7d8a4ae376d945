import { expect } from '@open-wc/testing';
import {
  DEFAULT_THRESHOLDS,
  crossedThresholds,
  highestCrossed,
  DAYS_TO_PROJECT,
  limitToKeepRunning,
  suggestLimit,
  newCrossings,
  parseThresholds,
  usagePercent,
} from '../../src/core/index.js';

const november = { start: '2026-11-01', end: '2026-11-30' };

describe('core/thresholds: usage alerts (R11)', () => {
  describe('parseThresholds', () => {
    it('reads "50,80,100" and defaults to 75, 90, 100 without the attribute', () => {
      expect(parseThresholds('50,80,100')).to.deep.equal({ ok: true, thresholds: [50, 80, 100] });
      expect(parseThresholds(null)).to.deep.equal({ ok: true, thresholds: [75, 90, 100] });
      expect(parseThresholds(undefined).thresholds).to.equal(DEFAULT_THRESHOLDS);
      expect(parseThresholds('   ').thresholds).to.deep.equal([75, 90, 100]);
    });

    it('allows spaces and any order, counts a repeat once and sorts ascending', () => {
      expect(parseThresholds(' 100, 60 ,60,1 ')).to.deep.equal({ ok: true, thresholds: [1, 60, 100] });
    });

    it('refuses the whole text for one bad entry, says which and why, and falls back to the default', () => {
      expect(parseThresholds('50,,100')).to.deep.equal({
        ok: false,
        thresholds: [75, 90, 100],
        reason: 'empty',
        entry: '',
      });
      expect(parseThresholds('50,half')).to.include({ ok: false, reason: 'not-a-number', entry: 'half' });
      expect(parseThresholds('50%')).to.include({ reason: 'not-a-number', entry: '50%' });
      expect(parseThresholds('0x10')).to.include({ reason: 'not-a-number' });
      expect(parseThresholds('1e2')).to.include({ reason: 'not-a-number' });
      expect(parseThresholds('50.5,90')).to.include({ reason: 'not-whole', entry: '50.5' });
      expect(parseThresholds('0,50')).to.include({ reason: 'out-of-range', entry: '0' });
      expect(parseThresholds('50,120')).to.include({ reason: 'out-of-range', entry: '120' });
      expect(parseThresholds('-5')).to.include({ reason: 'out-of-range' });
      expect(parseThresholds('50,120').thresholds).to.deep.equal([75, 90, 100]);
    });
  });

  describe('crossing', () => {
    it('counts a threshold as crossed from the exact level on, as the stop rules count "reached"', () => {
      expect(crossedThresholds(DEFAULT_THRESHOLDS, 74, 100)).to.deep.equal([]);
      expect(crossedThresholds(DEFAULT_THRESHOLDS, 75, 100)).to.deep.equal([75]);
      expect(crossedThresholds(DEFAULT_THRESHOLDS, 6300, 7000)).to.deep.equal([75, 90]);
      expect(crossedThresholds(DEFAULT_THRESHOLDS, 7000, 7000)).to.deep.equal([75, 90, 100]);
      expect(highestCrossed(DEFAULT_THRESHOLDS, 6300, 7000)).to.equal(90);
      expect(highestCrossed(DEFAULT_THRESHOLDS, 10, 7000)).to.equal(undefined);
    });

    it('never crosses without a limit, and a limit of 0 is all used at once', () => {
      expect(crossedThresholds(DEFAULT_THRESHOLDS, 1_000_000, null)).to.deep.equal([]);
      expect(usagePercent(5, null)).to.equal(null);
      expect(crossedThresholds(DEFAULT_THRESHOLDS, 0, 0)).to.deep.equal([75, 90, 100]);
      expect(usagePercent(0, 0)).to.equal(100);
      expect(usagePercent(45, 60)).to.equal(75);
    });

    it('does not let float rounding move 7 of 10 packs past 70 %', () => {
      expect(crossedThresholds([70], 7, 10)).to.deep.equal([70]);
      expect(crossedThresholds([70], 6, 10)).to.deep.equal([]);
    });
  });

  describe('newCrossings (once per crossing)', () => {
    const at = (used: number, limit: number | null = 100, period = november.start) => ({
      period,
      used,
      limit,
    });

    it('a first reading past thresholds crosses each of them; the same reading again crosses none', () => {
      expect(newCrossings(DEFAULT_THRESHOLDS, undefined, at(92))).to.deep.equal([75, 90]);
      expect(newCrossings(DEFAULT_THRESHOLDS, at(92), at(92))).to.deep.equal([]);
      expect(newCrossings(DEFAULT_THRESHOLDS, at(92), at(95))).to.deep.equal([]);
      expect(newCrossings(DEFAULT_THRESHOLDS, at(92), at(100))).to.deep.equal([100]);
    });

    it('crosses again after the usage fell below (a raised limit) and reaches the threshold again', () => {
      const fell = at(80, 200);
      expect(newCrossings(DEFAULT_THRESHOLDS, at(80), fell)).to.deep.equal([]);
      expect(newCrossings(DEFAULT_THRESHOLDS, fell, at(150, 200))).to.deep.equal([75]);
    });

    it('starts afresh in a new period', () => {
      expect(newCrossings(DEFAULT_THRESHOLDS, at(80), at(80, 100, '2026-12-01'))).to.deep.equal([75]);
    });
  });

  describe('limitToKeepRunning', () => {
    it('projects the pace so far to the end of the period: 300 used by the 10th of 30 days → 900', () => {
      expect(limitToKeepRunning(300, november, '2026-11-10')).to.equal(900);
      expect(limitToKeepRunning(7000, november, '2026-11-21')).to.equal(10_000);
    });

    it('is always above what was used, so the service runs again at once', () => {
      expect(limitToKeepRunning(30, november, '2026-11-30')).to.equal(31);
      expect(limitToKeepRunning(30, november, '2027-01-15')).to.equal(31);
      expect(limitToKeepRunning(0, november, '2026-11-01')).to.equal(1);
      expect(limitToKeepRunning(30, november, '2026-10-15')).to.equal(31);
      expect(limitToKeepRunning(30, { start: 'soon', end: 'later' }, '2026-11-10')).to.equal(31);
    });

    it('rounds up: 10 packs by the 3rd of 30 days → 100, 11 → 110, 7 by the 9th → 24', () => {
      expect(limitToKeepRunning(10, november, '2026-11-03')).to.equal(100);
      expect(limitToKeepRunning(11, november, '2026-11-03')).to.equal(110);
      expect(limitToKeepRunning(7, november, '2026-11-09')).to.equal(24);
    });
  });

  describe('suggestLimit', () => {
    it('early in the month offers one above what was used, not two days extrapolated', () => {
      expect(suggestLimit(5, november, '2026-11-02')).to.deep.equal({ basis: 'resume', limit: 6 });
      expect(suggestLimit(7000, november, '2026-11-01')).to.deep.equal({ basis: 'resume', limit: 7001 });
      expect(suggestLimit(4.2, november, '2026-11-03')).to.deep.equal({ basis: 'resume', limit: 6 });
    });

    it('projects from the 7th day on: the 6th resumes, the 7th is the pace', () => {
      expect(DAYS_TO_PROJECT).to.equal(7);
      expect(suggestLimit(5, november, '2026-11-06')).to.deep.equal({ basis: 'resume', limit: 6 });
      expect(suggestLimit(5, november, '2026-11-07')).to.deep.equal({ basis: 'pace', limit: 22 });
      expect(suggestLimit(5, november, '2026-11-20')).to.deep.equal({ basis: 'pace', limit: 8 });
      expect(suggestLimit(300, november, '2026-11-10')).to.deep.equal({ basis: 'pace', limit: 900 });
    });

    it('after the period counts its last day; before it, or without a date, only resumes', () => {
      expect(suggestLimit(30, november, '2027-01-15')).to.deep.equal({ basis: 'pace', limit: 31 });
      expect(suggestLimit(30, november, '2026-10-15')).to.deep.equal({ basis: 'resume', limit: 31 });
      expect(suggestLimit(30, november, 'today')).to.deep.equal({ basis: 'resume', limit: 31 });
      expect(suggestLimit(30, { start: 'soon', end: 'later' }, '2026-11-10')).to.deep.equal({
        basis: 'resume',
        limit: 31,
      });
    });
  });
});
