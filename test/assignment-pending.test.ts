// R12 with a pending count (docs/rules.md): what a type has free now and once the cart's pending
// count is saved, and what an assignment now would leave to free before it can be saved.
import { expect } from '@open-wc/testing';
import { availability, mustFreeAfter } from '../src/core/index.js';
import { smallSnapshot } from './helpers/fixtures.js';

const voice = (count: number, inUse: number) =>
  smallSnapshot({ lines: [{ typeId: 'voice', count, inUse, peak: inUse }] });

describe('core/assignment availability (R12 with a pending count)', () => {
  it('says free now and once a pending reduction is saved, and what assigning now undoes', () => {
    const freed = availability(voice(221, 208), 'voice', { voice: 208 });
    expect(freed).to.deep.equal({ now: 13, inUse: 208, pending: 208, afterSave: 0, mustFree: 0 });
    expect(mustFreeAfter(freed, 2)).to.equal(2);
    const blocked = availability(voice(221, 211), 'voice', { voice: 208 });
    expect(blocked).to.deep.equal({ now: 10, inUse: 211, pending: 208, afterSave: 0, mustFree: 3 });
    expect(mustFreeAfter(blocked, 2)).to.equal(5);
    const room = availability(voice(221, 200), 'voice', { voice: 208 });
    expect(room.afterSave).to.equal(8);
    expect(mustFreeAfter(room, 8)).to.equal(0);
    expect(mustFreeAfter(room, 9)).to.equal(1);
  });

  it('a pending increase gives more once saved; no pending count (or the saved one) gives none', () => {
    expect(availability(voice(10, 8), 'voice', { voice: 15 }).afterSave).to.equal(7);
    const none = availability(voice(10, 8), 'voice', { email: 3 });
    expect(none).to.deep.equal({ now: 2, inUse: 8, pending: undefined, afterSave: undefined, mustFree: 0 });
    expect(mustFreeAfter(none, 5)).to.equal(0);
    expect(availability(voice(10, 8), 'voice', { voice: 10 }).pending).to.equal(undefined);
    expect(availability(voice(10, 12), 'voice').now).to.equal(0);
  });
});
