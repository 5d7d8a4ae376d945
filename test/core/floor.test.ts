import { expect } from '@open-wc/testing';
import { countFloor } from '../../src/core/floor.js';
import { applyDraft, validate, type ChangeSet } from '../../src/core/index.js';
import { smallSnapshot } from '../helpers/fixtures.js';

// The stepper stops at countFloor: it must be exactly where validate starts to object (R3, R4).
describe('R3/R4 countFloor', () => {
  const blocks = (typeId: string, draft: ChangeSet, snapshot = smallSnapshot()) =>
    validate(snapshot, draft).some(
      (i) =>
        (i.code === 'reduce-below-in-use' || i.code === 'below-dependent-licence') && i.typeId === typeId,
    );

  const cases: [string, ReturnType<typeof smallSnapshot>, ChangeSet, string, number, string | undefined][] = [
    ['what is in use holds Email', smallSnapshot(), {}, 'email', 1, undefined],
    ['Outbound (4) needs as many Voice, above the 3 in use', smallSnapshot(), {}, 'voice', 4, 'outbound'],
    [
      'a planned Outbound of 2 leaves what is in use',
      smallSnapshot(),
      { counts: { outbound: 2 } },
      'voice',
      3,
      undefined,
    ],
    [
      'a planned Outbound of 9 holds Voice at its saved 10 at most',
      smallSnapshot(),
      { counts: { outbound: 9 } },
      'voice',
      9,
      'outbound',
    ],
    [
      'a count already below what is in use may stay',
      smallSnapshot({ lines: [{ typeId: 'email', count: 1, inUse: 3, peak: 1 }] }),
      {},
      'email',
      1,
      undefined,
    ],
  ];
  for (const [what, snapshot, draft, typeId, min, neededBy] of cases) {
    it(`${what}: ${min}`, () => {
      const floor = countFloor(snapshot, applyDraft(snapshot, draft), typeId);
      expect(floor).to.deep.equal({ min, neededBy });
      for (let count = 0; count <= 12; count++) {
        const next = { ...draft, counts: { ...draft.counts, [typeId]: count } };
        expect(blocks(typeId, next, snapshot), `${typeId} at ${count}`).to.equal(count < min);
      }
    });
  }
});
