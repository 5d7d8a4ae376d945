import { expect } from '@open-wc/testing';
import {
  MAX_QUANTITY,
  canCommit,
  maxQuantityFor,
  validate,
  type ChangeSet,
  type LicensingSnapshot,
  type ValidationIssue,
} from '../../src/core/index.js';
import { account, withLine } from './fixtures.js';

// The account: voice 10 (8 in use, max 500), outbound 4 (4 in use, requires voice), recording 5 at
// 9 months (max 24), chat with no line; STT on, limit 2000 over 5000, 6000 used; Power Pack off with
// smart-routing 10 (3 used), ai-topics no limit, ai-qa 5 (5 used); 2 email queues, 1 call queue with
// AI Topics, 1 AI QA form.

const MAX = Number.MAX_SAFE_INTEGER;
const ppOn = (s: LicensingSnapshot = account()): LicensingSnapshot => ({
  ...s,
  powerPack: { ...s.powerPack!, enabled: true },
});
const sttOff = (s: LicensingSnapshot = account()): LicensingSnapshot => ({
  ...s,
  speechToText: { ...s.speechToText!, enabled: false },
});

describe('core/validate', () => {
  describe('R9 nothing to commit', () => {
    it('reports an empty draft, and one whose every entry is the current value', () => {
      const only: ValidationIssue[] = [{ code: 'nothing-to-commit', severity: 'error' }];
      expect(validate(account(), {})).to.deep.equal(only);
      expect(validate(account(), { counts: {}, speechToText: {}, powerPack: { limits: {} } })).to.deep.equal(
        only,
      );
      expect(
        validate(account(), {
          counts: { voice: 10, chat: 0 },
          retention: { months: 9 },
          speechToText: { enabled: true, limitOverBase: 2000 },
          powerPack: { enabled: false, limits: { 'ai-topics': null } },
        }),
      ).to.deep.equal(only);
      // Even without permission: there is nothing to refuse.
      expect(validate(account({ permission: 'view' }), {})).to.deep.equal(only);
    });

    it('returns no issue for a plain valid change', () => {
      expect(validate(account(), { counts: { voice: 12 } })).to.deep.equal([]);
    });
  });

  describe('R1 permission', () => {
    it('refuses any change without update permission', () => {
      expect(validate(account({ permission: 'view' }), { counts: { voice: 12 } })).to.deep.equal([
        { code: 'permission-denied', severity: 'error', permission: 'view' },
      ]);
      expect(validate(account({ permission: 'none' }), { retention: { months: 12 } })).to.deep.equal([
        { code: 'permission-denied', severity: 'error', permission: 'none' },
      ]);
    });
  });

  describe('R2 counts', () => {
    it('refuses an unknown licence type', () => {
      expect(validate(account(), { counts: { ghost: 1 } })).to.deep.equal([
        { code: 'unknown-licence-type', severity: 'error', typeId: 'ghost' },
      ]);
    });

    it('refuses counts that are not whole numbers', () => {
      for (const requested of [1.5, Number.NaN, Infinity, -Infinity]) {
        expect(validate(account(), { counts: { voice: requested } }), String(requested)).to.deep.equal([
          { code: 'count-not-whole', severity: 'error', typeId: 'voice', requested },
        ]);
      }
    });

    it('refuses negative counts', () => {
      expect(validate(account(), { counts: { chat: -1 } })).to.deep.equal([
        { code: 'count-negative', severity: 'error', typeId: 'chat', requested: -1 },
      ]);
    });

    it("refuses counts above the type's max, or above MAX_QUANTITY without one (the stepper's and the store's ceiling)", () => {
      expect(validate(account(), { counts: { voice: 501 } })).to.deep.equal([
        { code: 'count-above-max', severity: 'error', typeId: 'voice', requested: 501, max: 500 },
      ]);
      expect(validate(account(), { counts: { voice: 500 } })).to.deep.equal([]);
      expect(validate(account(), { counts: { chat: 1e300 } })).to.deep.equal([
        { code: 'count-above-max', severity: 'error', typeId: 'chat', requested: 1e300, max: MAX_QUANTITY },
      ]);
      expect(validate(account(), { counts: { chat: MAX } })).to.deep.equal([
        { code: 'count-above-max', severity: 'error', typeId: 'chat', requested: MAX, max: MAX_QUANTITY },
      ]);
      // A catalog max above MAX_QUANTITY does not lift the ceiling.
      const big = account();
      const lifted = { ...big, catalog: big.catalog.map((t) => (t.id === 'chat' ? { ...t, max: 1e12 } : t)) };
      expect(maxQuantityFor(lifted.catalog.find((t) => t.id === 'chat'))).to.equal(MAX_QUANTITY);
      expect(validate(lifted, { counts: { chat: MAX_QUANTITY + 1 } })).to.deep.equal([
        {
          code: 'count-above-max',
          severity: 'error',
          typeId: 'chat',
          requested: MAX_QUANTITY + 1,
          max: MAX_QUANTITY,
        },
      ]);
      expect(validate(lifted, { counts: { chat: MAX_QUANTITY } })).to.deep.equal([]);
    });

    it('refuses a sum the money arithmetic cannot hold exactly as amount-too-large, without throwing', () => {
      const s = account();
      const dear = {
        ...s,
        catalog: s.catalog.map((t) =>
          t.id === 'chat' ? { ...t, unitPrice: { amount: 1e10, currency: 'EUR' } } : t,
        ),
      };
      expect(validate(dear, { counts: { chat: MAX_QUANTITY } })).to.deep.equal([
        { code: 'amount-too-large', severity: 'error' },
      ]);
    });

    it('reports a snapshot that mixes currencies as currency-mismatch instead of throwing', () => {
      const s = account();
      const mixed = {
        ...s,
        catalog: s.catalog.map((t) =>
          t.id === 'chat' ? { ...t, unitPrice: { amount: 1, currency: 'USD' } } : t,
        ),
      };
      expect(validate(mixed, { counts: { voice: 11, chat: 1 } })).to.deep.equal([
        { code: 'currency-mismatch', severity: 'error' },
      ]);
    });
  });

  describe('R3 reductions', () => {
    it('names how many users must be freed first', () => {
      expect(validate(account(), { counts: { voice: 6 } })).to.deep.equal([
        {
          code: 'reduce-below-in-use',
          severity: 'error',
          typeId: 'voice',
          inUse: 8,
          requested: 6,
          mustFree: 2,
        },
      ]);
      const s = withLine(account(), { typeId: 'voice', count: 14, inUse: 12, peak: 14 });
      expect(validate(s, { counts: { voice: 10 } })).to.deep.equal([
        {
          code: 'reduce-below-in-use',
          severity: 'error',
          typeId: 'voice',
          inUse: 12,
          requested: 10,
          mustFree: 2,
        },
      ]);
    });

    it('allows reducing down to in-use', () => {
      expect(validate(account(), { counts: { voice: 8 } })).to.deep.equal([]);
    });

    it('judges only reductions: raising a count still below in-use is not blocked', () => {
      const s = withLine(account(), { typeId: 'voice', count: 5, inUse: 8, peak: 5 });
      expect(validate(s, { counts: { voice: 6 } })).to.deep.equal([]);
    });
  });

  describe('R4 dependencies (outbound ≤ voice, both ways)', () => {
    it('refuses raising outbound above voice', () => {
      expect(validate(account(), { counts: { outbound: 11 } })).to.deep.equal([
        {
          code: 'exceeds-required-licence',
          severity: 'error',
          typeId: 'outbound',
          requiredTypeId: 'voice',
          requested: 11,
          requiredCount: 10,
          shortBy: 1,
        },
      ]);
      expect(validate(account(), { counts: { outbound: 10 } })).to.deep.equal([]);
      expect(validate(account(), { counts: { outbound: 11, voice: 11 } })).to.deep.equal([]);
    });

    it('refuses lowering voice below outbound', () => {
      const s = withLine(account(), { typeId: 'voice', count: 10, inUse: 2, peak: 10 });
      expect(validate(s, { counts: { voice: 3 } })).to.deep.equal([
        {
          code: 'below-dependent-licence',
          severity: 'error',
          typeId: 'voice',
          dependentTypeId: 'outbound',
          requested: 3,
          dependentCount: 4,
          minimum: 4,
        },
      ]);
      expect(validate(s, { counts: { voice: 4 } })).to.deep.equal([]);
    });

    it('reports both sides when both move the wrong way', () => {
      const s = withLine(account(), { typeId: 'voice', count: 10, inUse: 2, peak: 10 });
      expect(validate(s, { counts: { voice: 9, outbound: 12 } }).map((i) => i.code)).to.deep.equal([
        'exceeds-required-licence',
        'below-dependent-licence',
      ]);
    });

    it('judges the change, not the account: an old excess does not block unrelated changes or a partial fix', () => {
      const s = withLine(account(), { typeId: 'outbound', count: 14, inUse: 0, peak: 14 });
      expect(validate(s, { counts: { chat: 1 } })).to.deep.equal([]);
      expect(validate(s, { counts: { outbound: 12 } })).to.deep.equal([]);
      expect(validate(s, { counts: { voice: 11 } })).to.deep.equal([]);
    });

    it('ignores a malformed count when judging the pair (it has its own error)', () => {
      expect(validate(account(), { counts: { outbound: 11.5 } }).map((i) => i.code)).to.deep.equal([
        'count-not-whole',
      ]);
    });

    it('ignores a `requires` that names no catalog type', () => {
      const s = account();
      const dangling = {
        ...s,
        catalog: s.catalog.map((t) => (t.id === 'chat' ? { ...t, requires: 'ghost' } : t)),
      };
      expect(validate(dangling, { counts: { chat: 3 } })).to.deep.equal([]);
    });
  });

  describe('R6 retention', () => {
    it('refuses a retention the rules do not allow', () => {
      for (const requested of [{ months: 4 }, { months: 0 }, { days: 7 as 14 }]) {
        expect(validate(account(), { retention: requested }), JSON.stringify(requested)).to.deep.equal([
          { code: 'retention-invalid', severity: 'error', field: 'retention', requested },
        ]);
      }
    });

    it("refuses a retention above the account's maximum", () => {
      expect(validate(account(), { retention: { months: 27 } })).to.deep.equal([
        {
          code: 'retention-above-max',
          severity: 'error',
          field: 'retention',
          requestedMonths: 27,
          maxMonths: 24,
        },
      ]);
      expect(validate(account(), { retention: { months: 24 } })).to.deep.equal([]);
      const s = account();
      const noMax = { ...s, recording: { typeId: 'recording', retention: { months: 9 } } };
      expect(validate(noMax, { retention: { months: 300 } })).to.deep.equal([]);
    });

    it('warns that shortening drops older recordings', () => {
      expect(validate(account(), { retention: { months: 3 } })).to.deep.equal([
        {
          code: 'retention-shortened',
          severity: 'warning',
          field: 'retention',
          from: { months: 9 },
          to: { months: 3 },
        },
      ]);
      expect(validate(account(), { retention: { days: 14 } })).to.deep.equal([
        {
          code: 'retention-shortened',
          severity: 'warning',
          field: 'retention',
          from: { months: 9 },
          to: { days: 14 },
        },
      ]);
    });

    it('refuses a retention change without call recording', () => {
      expect(validate(account({ recording: undefined }), { retention: { months: 3 } })).to.deep.equal([
        { code: 'feature-unavailable', severity: 'error', field: 'retention' },
      ]);
    });
  });

  describe('R7 Speech-to-Text', () => {
    it('refuses a limit that is not whole and ≥ 0, or above MAX_QUANTITY', () => {
      for (const requested of [-1, 1.5, Number.NaN, MAX_QUANTITY + 1]) {
        expect(
          validate(account(), { speechToText: { limitOverBase: requested } }),
          String(requested),
        ).to.deep.equal([
          {
            code: 'speech-to-text-limit-invalid',
            severity: 'error',
            field: 'speech-to-text',
            requested,
          },
        ]);
      }
    });

    it('accepts null (no limit) and 0', () => {
      expect(validate(account(), { speechToText: { limitOverBase: null } })).to.deep.equal([]);
      expect(
        validate(account({ speechToText: { ...account().speechToText!, usedMinutes: 10 } }), {
          speechToText: { limitOverBase: 0 },
        }),
      ).to.deep.equal([]);
    });

    it('warns that STT stops at once when usage already reached base + limit', () => {
      const stops = (limitOverBase: number): ValidationIssue => ({
        code: 'speech-to-text-stops-now',
        severity: 'warning',
        field: 'speech-to-text',
        limitOverBase,
        baseMinutes: 5000,
        usedMinutes: 6000,
        usedOverBase: 1000,
        totalMinutes: 5000 + limitOverBase,
      });
      expect(validate(account(), { speechToText: { limitOverBase: 500 } })).to.deep.equal([stops(500)]);
      // 6000 of 6000 minutes used: nothing is left, so it stops too.
      expect(validate(account(), { speechToText: { limitOverBase: 1000 } })).to.deep.equal([stops(1000)]);
      expect(validate(account(), { speechToText: { limitOverBase: 1001 } })).to.deep.equal([]);
      // Turning it on with a used-up limit stops it at once as well.
      const off = sttOff(account({ speechToText: { ...account().speechToText!, limitOverBase: 500 } }));
      expect(validate(off, { speechToText: { enabled: true } })).to.deep.equal([stops(500)]);
      // Off it cannot stop.
      expect(validate(account(), { speechToText: { enabled: false, limitOverBase: 500 } })).to.deep.equal([]);
    });

    it('refuses an STT change without Speech-to-Text', () => {
      expect(
        validate(account({ speechToText: undefined }), { speechToText: { enabled: true } }),
      ).to.deep.equal([{ code: 'feature-unavailable', severity: 'error', field: 'speech-to-text' }]);
    });
  });

  describe('R8 Power Pack', () => {
    it('refuses a limit for a service the pack does not have', () => {
      expect(validate(account(), { powerPack: { limits: { ghost: 1 } } })).to.deep.equal([
        { code: 'unknown-power-pack-service', severity: 'error', field: 'power-pack', serviceId: 'ghost' },
      ]);
    });

    it('refuses a limit that is not whole and ≥ 0, or above MAX_QUANTITY', () => {
      for (const requested of [-1, MAX_QUANTITY + 1]) {
        expect(validate(account(), { powerPack: { limits: { 'smart-routing': requested } } })).to.deep.equal([
          {
            code: 'power-pack-limit-invalid',
            severity: 'error',
            field: 'power-pack',
            serviceId: 'smart-routing',
            requested,
          },
        ]);
      }
    });

    it('warns that a service whose limit is used up stops at once, only while the pack is on', () => {
      // Enabling the pack starts every service; ai-qa already used its 5 packs.
      expect(validate(account(), { powerPack: { enabled: true } })).to.deep.equal([
        {
          code: 'power-pack-service-stops-now',
          severity: 'warning',
          field: 'power-pack',
          serviceId: 'ai-qa',
          limit: 5,
          used: 5,
        },
      ]);
      expect(validate(ppOn(), { powerPack: { limits: { 'smart-routing': 2 } } })).to.deep.equal([
        {
          code: 'power-pack-service-stops-now',
          severity: 'warning',
          field: 'power-pack',
          serviceId: 'smart-routing',
          limit: 2,
          used: 3,
        },
      ]);
      expect(
        validate(ppOn(), { powerPack: { limits: { 'smart-routing': 4, 'ai-qa': null } } }),
      ).to.deep.equal([]);
      expect(validate(account(), { powerPack: { limits: { 'smart-routing': 2 } } })).to.deep.equal([]);
      // Turning the pack off never warns.
      expect(validate(ppOn(), { powerPack: { enabled: false } })).to.deep.equal([]);
    });

    it('keeps service ids as data: an unknown service gets limits and warnings, no prerequisite', () => {
      const s = ppOn();
      const custom = {
        ...s,
        powerPack: { ...s.powerPack!, services: [{ id: 'sentiment', name: 'Sentiment', limit: 9, used: 4 }] },
      };
      expect(validate(custom, { powerPack: { limits: { sentiment: 4 } } })).to.deep.equal([
        {
          code: 'power-pack-service-stops-now',
          severity: 'warning',
          field: 'power-pack',
          serviceId: 'sentiment',
          limit: 4,
          used: 4,
        },
      ]);
    });

    it('refuses a Power Pack change without a Power Pack', () => {
      expect(validate(account({ powerPack: undefined }), { powerPack: { enabled: true } })).to.deep.equal([
        { code: 'feature-unavailable', severity: 'error', field: 'power-pack' },
      ]);
    });

    describe('prerequisites (warnings, only while the pack is or becomes on)', () => {
      const noPrerequisites = { emailQueues: 0, callQueuesWithAiTopics: 0, aiQaForms: 0 };
      const codes = (s: LicensingSnapshot, draft: Parameters<typeof validate>[1]) =>
        validate(s, draft).map((i) => i.code);

      it('Smart routing needs email queues', () => {
        const s = account({ prerequisites: { ...noPrerequisites, aiQaForms: 1 } });
        expect(validate(s, { powerPack: { enabled: true } })).to.deep.include({
          code: 'smart-routing-needs-email-queues',
          severity: 'warning',
          field: 'power-pack',
          serviceId: 'smart-routing',
        });
        expect(codes(ppOn(s), { powerPack: { limits: { 'smart-routing': 20 } } })).to.deep.equal([
          'smart-routing-needs-email-queues',
        ]);
        // A change elsewhere does not repeat it.
        expect(codes(ppOn(s), { counts: { voice: 11 } })).to.deep.equal([]);
      });

      it('AI QA needs a QA form allowed for AI QA', () => {
        const s = ppOn(
          account({ prerequisites: { emailQueues: 1, callQueuesWithAiTopics: 0, aiQaForms: 0 } }),
        );
        expect(validate(s, { powerPack: { limits: { 'ai-qa': 8 } } })).to.deep.equal([
          { code: 'ai-qa-needs-form', severity: 'warning', field: 'power-pack', serviceId: 'ai-qa' },
        ]);
      });

      it('AI Topics on call queues needs STT on: warned when enabling the pack with STT off', () => {
        expect(validate(sttOff(), { powerPack: { enabled: true, limits: { 'ai-qa': 6 } } })).to.deep.equal([
          {
            code: 'ai-topics-needs-speech-to-text',
            severity: 'warning',
            field: 'power-pack',
            serviceId: 'ai-topics',
            callQueuesWithAiTopics: 1,
          },
        ]);
        expect(
          codes(account({ speechToText: undefined }), {
            powerPack: { enabled: true, limits: { 'ai-qa': 6 } },
          }),
        ).to.deep.equal(['ai-topics-needs-speech-to-text']);
      });

      it('… and when turning STT off while the pack is on', () => {
        expect(validate(ppOn(), { speechToText: { enabled: false } })).to.deep.equal([
          {
            code: 'ai-topics-needs-speech-to-text',
            severity: 'warning',
            field: 'speech-to-text',
            serviceId: 'ai-topics',
            callQueuesWithAiTopics: 1,
          },
        ]);
      });

      it('… but not when no call queue uses AI Topics, STT stays on, or the pack stays off', () => {
        const s = account({ prerequisites: { emailQueues: 1, callQueuesWithAiTopics: 0, aiQaForms: 1 } });
        expect(codes(ppOn(s), { speechToText: { enabled: false } })).to.deep.equal([]);
        expect(codes(ppOn(), { powerPack: { limits: { 'ai-topics': 3 } } })).to.deep.equal([]);
        expect(codes(account(), { speechToText: { enabled: false } })).to.deep.equal([]);
        expect(codes(sttOff(ppOn()), { counts: { voice: 11 } })).to.deep.equal([]);
      });

      it('says nothing when the backend reports no prerequisites', () => {
        expect(
          codes(sttOff(account({ prerequisites: undefined })), {
            powerPack: { enabled: true, limits: { 'ai-qa': 6 } },
          }),
        ).to.deep.equal([]);
        expect(codes(account({ powerPack: undefined }), { speechToText: { enabled: false } })).to.deep.equal(
          [],
        );
      });
    });
  });

  it('reports every problem of a draft in a stable order', () => {
    const s = account({ permission: 'view', recording: undefined });
    expect(
      validate(s, {
        counts: { ghost: 1, voice: 6 },
        retention: { months: 3 },
        speechToText: { limitOverBase: -1 },
        powerPack: { limits: { ghost: 1 } },
      }).map((i) => i.code),
    ).to.deep.equal([
      'permission-denied',
      'unknown-licence-type',
      'reduce-below-in-use',
      'feature-unavailable',
      'speech-to-text-limit-invalid',
      'unknown-power-pack-service',
    ]);
  });

  it('canCommit: errors block, warnings do not (R9)', () => {
    expect(canCommit([])).to.equal(true);
    expect(canCommit(validate(account(), { retention: { months: 3 } }))).to.equal(true);
    expect(canCommit(validate(account(), { counts: { voice: 6 } }))).to.equal(false);
    expect(canCommit(validate(account(), {}))).to.equal(false);
  });
});

describe('core/validate on snapshots no decoder checked', () => {
  // An integrator's adapter may skip the decoders: whatever reaches validate is reported, never
  // thrown, so the store and every widget keep working.
  const base = account();
  const snapshots: [string, LicensingSnapshot][] = [
    [
      'two currencies',
      {
        ...base,
        catalog: base.catalog.map((t) =>
          t.id === 'chat' ? { ...t, unitPrice: { amount: 1, currency: 'USD' } } : t,
        ),
      },
    ],
    [
      'an invalid currency code',
      { ...base, powerPack: { ...base.powerPack!, packPrice: { amount: 1, currency: 'eur' } } },
    ],
    [
      'a price beyond safe integers',
      {
        ...base,
        catalog: base.catalog.map((t) => ({ ...t, unitPrice: { amount: 2 ** 60, currency: 'EUR' } })),
      },
    ],
    [
      'a fractional price',
      { ...base, catalog: base.catalog.map((t) => ({ ...t, unitPrice: { amount: 10.5, currency: 'EUR' } })) },
    ],
    [
      'a negative price',
      { ...base, catalog: base.catalog.map((t) => ({ ...t, unitPrice: { amount: -100, currency: 'EUR' } })) },
    ],
    [
      'duplicate lines',
      { ...base, lines: [...base.lines, { typeId: 'voice', count: 3, inUse: 1, peak: 3 }] },
    ],
    [
      'requires naming no type',
      { ...base, catalog: base.catalog.map((t) => (t.id === 'outbound' ? { ...t, requires: 'fax' } : t)) },
    ],
    [
      'fractional and NaN counts',
      { ...base, lines: base.lines.map((l) => ({ ...l, count: 2.5, peak: Number.NaN })) },
    ],
    [
      'a retention above maxMonths',
      { ...base, recording: { ...base.recording!, retention: { months: 48 } } },
    ],
    [
      'a prototype name as a type id',
      {
        ...base,
        catalog: [
          ...base.catalog,
          { id: 'constructor', name: 'C', unitPrice: { amount: 1, currency: 'EUR' } },
        ],
      },
    ],
    [
      'a huge pack price',
      {
        ...base,
        powerPack: { ...base.powerPack!, enabled: true, packPrice: { amount: 2 ** 52, currency: 'EUR' } },
      },
    ],
  ];
  const drafts: ChangeSet[] = [
    { counts: { voice: 12, chat: 1, constructor: 2 } },
    { counts: { toString: 1 } },
    { retention: { months: 12 } },
    { speechToText: { enabled: false, limitOverBase: 10 } },
    { powerPack: { enabled: true, limits: { 'smart-routing': 3, hasOwnProperty: 1 } } },
  ];
  for (const [what, snapshot] of snapshots) {
    it(`reports instead of throwing: ${what}`, () => {
      for (const draft of drafts) {
        let issues: ValidationIssue[] = [];
        expect(() => (issues = validate(snapshot, draft)), JSON.stringify(draft)).not.to.throw();
        expect(Array.isArray(issues)).to.equal(true);
      }
    });
  }
});
