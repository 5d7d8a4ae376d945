// Issue #16 in the rule book: one ceiling for a count, a retention above the plan's maximum, and
// what a conflict notice lists.
import { expect } from '@open-wc/testing';
import { MAX_QUANTITY, type LicensingSnapshot } from '../../src/core/index.js';
import { countCeiling } from '../../src/core/ceiling.js';
import { changedByOthers } from '../../src/core/conflict-notice.js';
import { retentionChoices } from '../../src/core/retention-choices.js';
import { account, withLine } from './fixtures.js';

describe('core: countCeiling (R2, one ceiling)', () => {
  it("is the catalog's max, never above MAX_QUANTITY", () => {
    expect(countCeiling(500)).to.equal(500);
    expect(countCeiling()).to.equal(MAX_QUANTITY);
    expect(countCeiling(5 * MAX_QUANTITY)).to.equal(MAX_QUANTITY);
    expect(countCeiling(Number.NaN)).to.equal(MAX_QUANTITY);
  });
});

describe('core: retentionChoices (R6)', () => {
  it('lists a retention above the maximum in its place, flagged', () => {
    const { options, aboveMax } = retentionChoices({ months: 36 }, 24);
    expect(aboveMax).to.equal(true);
    expect(options[0]).to.deep.equal({ days: 14 });
    expect(options.at(-1)).to.deep.equal({ months: 36 });
    expect(options).to.have.length(1 + 8 + 1);
  });

  it('changes nothing for a retention the plan allows', () => {
    expect(retentionChoices({ months: 9 }, 24)).to.deep.equal({
      options: retentionChoices({ days: 14 }, 24).options,
      aboveMax: false,
    });
  });
});

describe('core: changedByOthers (R9, the conflict notice)', () => {
  const base = account();
  const later = (voice: number, chat = 0): LicensingSnapshot => ({
    ...withLine(withLine(base, { typeId: 'voice', count: voice, inUse: 8, peak: voice }), {
      typeId: 'chat',
      count: chat,
      inUse: 0,
      peak: chat,
    }),
    version: 'v2',
  });

  it("never lists the user's own applied change as another's", () => {
    expect(changedByOthers(base, later(12), { counts: { voice: 12 } })).to.deep.equal([]);
    expect(changedByOthers(base, later(11), { counts: { voice: 12 } })).to.deep.equal([
      { kind: 'count', typeId: 'voice', from: 10, to: 11 },
    ]);
  });

  it('lists what changed elsewhere when nothing the draft touches did', () => {
    expect(changedByOthers(base, later(10, 3), { counts: { voice: 12 } })).to.deep.equal([
      { kind: 'count', typeId: 'chat', from: 0, to: 3 },
    ]);
  });
});
