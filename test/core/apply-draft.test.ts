import { expect } from '@open-wc/testing';
import {
  applyDraft,
  changedUnderneath,
  isEmptyDraft,
  mergeDraft,
  normaliseDraft,
  type ChangeSet,
  type LicensingSnapshot,
} from '../../src/core/index.js';
import { account, deepFreeze, withLine } from './fixtures.js';

describe('core/apply (applyDraft: the snapshot after a commit)', () => {
  it("replaces counts and raises each line's peak to its new billed units (R5)", () => {
    const after = applyDraft(account(), { counts: { voice: 12, outbound: 2 } });
    expect(after.lines).to.deep.equal([
      { typeId: 'voice', count: 12, inUse: 8, peak: 12 },
      { typeId: 'outbound', count: 2, inUse: 4, peak: 6 },
      { typeId: 'recording', count: 5, inUse: 5, peak: 15 },
    ]);
  });

  it('re-prices the recording line by the new retention (R6)', () => {
    const after = applyDraft(account(), { retention: { months: 15 } });
    expect(after.recording).to.deep.equal({ typeId: 'recording', retention: { months: 15 }, maxMonths: 24 });
    expect(after.lines.find((l) => l.typeId === 'recording')).to.deep.equal({
      typeId: 'recording',
      count: 5,
      inUse: 5,
      peak: 25,
    });
    const free = applyDraft(account(), { retention: { days: 14 } });
    expect(free.lines.find((l) => l.typeId === 'recording')!.peak).to.equal(15);
  });

  it('adds a line for a catalog type bought for the first time', () => {
    const after = applyDraft(account(), { counts: { chat: 3 } });
    expect(after.lines.at(-1)).to.deep.equal({ typeId: 'chat', count: 3, inUse: 0, peak: 3 });
  });

  it('replaces the Speech-to-Text and Power Pack settings', () => {
    const after = applyDraft(account(), {
      speechToText: { enabled: false, limitOverBase: null },
      powerPack: { enabled: true, limits: { 'ai-qa': 9, 'smart-routing': null } },
    });
    expect(after.speechToText).to.include({ enabled: false, limitOverBase: null, usedMinutes: 6000 });
    expect(after.powerPack!.enabled).to.equal(true);
    expect(after.powerPack!.services.map((s) => s.limit)).to.deep.equal([null, null, 9]);
    const limitOnly = applyDraft(account(), {
      speechToText: { limitOverBase: 10 },
      powerPack: { limits: { 'ai-qa': 0 } },
    });
    expect(limitOnly.speechToText).to.include({ enabled: true, limitOverBase: 10 });
    expect(limitOnly.powerPack).to.include({ enabled: false });
  });

  it('does not bump the version (the adapter does) and never mutates its input', () => {
    const before = deepFreeze(account());
    const draft = deepFreeze<ChangeSet>({
      counts: { voice: 12, chat: 1 },
      retention: { months: 3 },
      powerPack: { enabled: true },
    });
    const after = applyDraft(before, draft);
    expect(after.version).to.equal('v1');
    expect(after).not.to.equal(before);
    expect(before).to.deep.equal(account());
  });

  it('skips what no snapshot can hold: unknown ids, malformed numbers, missing features', () => {
    const s = account();
    const after = applyDraft(s, {
      counts: { ghost: 1, voice: 1.5, chat: -2, outbound: Number.NaN, recording: 1e300 },
      retention: { months: 4 },
      speechToText: { limitOverBase: -1 },
      powerPack: { limits: { ghost: 1, 'ai-qa': 2.5 } },
    });
    expect(after).to.deep.equal(s);
    const bare = account({ recording: undefined, speechToText: undefined, powerPack: undefined });
    expect(
      applyDraft(bare, {
        retention: { months: 3 },
        speechToText: { enabled: true },
        powerPack: { enabled: true },
      }),
    ).to.deep.equal(bare);
  });

  it("applies a change that breaks a rule but can be held (judging is validate's job)", () => {
    expect(applyDraft(account(), { counts: { voice: 1 } }).lines[0]!.count).to.equal(1);
  });

  it('treats ids that name Object.prototype members as plain data', () => {
    const s = withLine(
      {
        ...account(),
        catalog: [
          ...account().catalog,
          { id: 'constructor', name: 'C', unitPrice: account().catalog[0]!.unitPrice },
        ],
      },
      { typeId: 'constructor', count: 2, inUse: 0, peak: 2 },
    );
    expect(applyDraft(s, {}).lines.find((l) => l.typeId === 'constructor')!.count).to.equal(2);
    const pp = { ...s.powerPack!, services: [{ id: 'toString', name: 'T', limit: 3, used: 0 }] };
    expect(
      applyDraft({ ...s, powerPack: pp }, { powerPack: { enabled: true } }).powerPack!.services[0]!.limit,
    ).to.equal(3);
  });
});

describe('core/draft (R9 the cart)', () => {
  it('normaliseDraft drops no-op entries and empty sub-objects', () => {
    const s = account();
    expect(
      normaliseDraft(s, {
        counts: { voice: 10, outbound: 5, chat: 0 },
        retention: { months: 9 },
        speechToText: { enabled: true, limitOverBase: 2000 },
        powerPack: { enabled: false, limits: { 'ai-topics': null, 'ai-qa': 6 } },
      }),
    ).to.deep.equal({ counts: { outbound: 5 }, powerPack: { limits: { 'ai-qa': 6 } } });
    expect(
      normaliseDraft(s, { speechToText: { limitOverBase: null }, powerPack: { enabled: true } }),
    ).to.deep.equal({
      speechToText: { limitOverBase: null },
      powerPack: { enabled: true },
    });
    expect(normaliseDraft(s, { retention: { months: 3 }, speechToText: { enabled: false } })).to.deep.equal({
      retention: { months: 3 },
      speechToText: { enabled: false },
    });
  });

  it('normaliseDraft keeps entries validate must reject', () => {
    const bare = account({ recording: undefined, speechToText: undefined, powerPack: undefined });
    const draft: ChangeSet = {
      counts: { ghost: 0, voice: Number.NaN },
      retention: { days: 14 },
      speechToText: { enabled: false, limitOverBase: null },
      powerPack: { enabled: false, limits: { ghost: null } },
    };
    expect(normaliseDraft(bare, draft)).to.deep.equal(draft);
  });

  it('normaliseDraft ignores entries set to undefined', () => {
    const draft = {
      counts: { voice: undefined },
      speechToText: { limitOverBase: undefined },
      powerPack: { limits: { 'ai-qa': undefined } },
    };
    expect(normaliseDraft(account(), draft as unknown as ChangeSet)).to.deep.equal({});
  });

  it('normaliseDraft keeps an id such as __proto__ as plain data', () => {
    const counts = JSON.parse('{"__proto__": 3}') as Record<string, number>;
    const out = normaliseDraft(account(), { counts });
    expect(Object.keys(out.counts!)).to.deep.equal(['__proto__']);
    expect(Object.getPrototypeOf(out.counts)).to.equal(Object.prototype);
  });

  it('isEmptyDraft', () => {
    expect(isEmptyDraft(account(), {})).to.equal(true);
    expect(isEmptyDraft(account(), { counts: { voice: 10 } })).to.equal(true);
    expect(isEmptyDraft(account(), { counts: { voice: 11 } })).to.equal(false);
  });

  it('mergeDraft lays a patch over a draft entry by entry; null is a value', () => {
    const base: ChangeSet = {
      counts: { voice: 12 },
      retention: { months: 12 },
      speechToText: { enabled: false, limitOverBase: 100 },
      powerPack: { enabled: true, limits: { 'ai-qa': 1 } },
    };
    expect(
      mergeDraft(base, {
        counts: { outbound: 6 },
        speechToText: { limitOverBase: null },
        powerPack: { limits: { 'smart-routing': null } },
      }),
    ).to.deep.equal({
      counts: { voice: 12, outbound: 6 },
      retention: { months: 12 },
      speechToText: { enabled: false, limitOverBase: null },
      powerPack: { enabled: true, limits: { 'ai-qa': 1, 'smart-routing': null } },
    });
    expect(mergeDraft({}, {})).to.deep.equal({});
    expect(mergeDraft({}, { retention: { days: 14 }, powerPack: { enabled: false } })).to.deep.equal({
      retention: { days: 14 },
      powerPack: { enabled: false },
    });
    expect(
      mergeDraft({ powerPack: { enabled: true } }, { powerPack: { enabled: undefined } } as ChangeSet),
    ).to.deep.equal({
      powerPack: { enabled: true },
    });
    expect(mergeDraft({ speechToText: { enabled: true } }, {})).to.deep.equal({
      speechToText: { enabled: true },
    });
  });

  it('mergeDraft then normaliseDraft drops an edit that went back to the current value', () => {
    const s = account();
    const draft = mergeDraft({ counts: { voice: 12, outbound: 6 } }, { counts: { voice: 10 } });
    expect(normaliseDraft(s, draft)).to.deep.equal({ counts: { outbound: 6 } });
  });

  describe('changedUnderneath (rebase after a conflict)', () => {
    const base = account();
    const draft: ChangeSet = {
      counts: { voice: 12, chat: 2 },
      retention: { months: 12 },
      speechToText: { enabled: false, limitOverBase: 10 },
      powerPack: { enabled: true, limits: { 'ai-qa': 7, ghost: 1 } },
    };

    it('lists nothing when nothing the draft touches changed', () => {
      const latest: LicensingSnapshot = {
        ...withLine(base, { typeId: 'outbound', count: 9, inUse: 0, peak: 9 }),
        version: 'v2',
      };
      expect(changedUnderneath(base, latest, draft)).to.deep.equal([]);
    });

    it('lists the permission and every touched value someone else changed', () => {
      const latest: LicensingSnapshot = {
        ...withLine(withLine(base, { typeId: 'voice', count: 11, inUse: 8, peak: 11 }), {
          typeId: 'chat',
          count: 1,
          inUse: 0,
          peak: 1,
        }),
        version: 'v2',
        permission: 'view',
        recording: { ...base.recording!, retention: { months: 3 } },
        speechToText: { ...base.speechToText!, enabled: false, limitOverBase: null },
        powerPack: {
          ...base.powerPack!,
          enabled: true,
          services: base.powerPack!.services.map((s) => (s.id === 'ai-qa' ? { ...s, limit: 8 } : s)),
        },
      };
      expect(changedUnderneath(base, latest, draft)).to.deep.equal([
        { kind: 'permission', from: 'update', to: 'view' },
        { kind: 'count', typeId: 'voice', from: 10, to: 11 },
        { kind: 'count', typeId: 'chat', from: 0, to: 1 },
        { kind: 'retention', from: { months: 9 }, to: { months: 3 } },
        { kind: 'speech-to-text-enabled', from: true, to: false },
        { kind: 'speech-to-text-limit', from: 2000, to: null },
        { kind: 'power-pack-enabled', from: false, to: true },
        { kind: 'power-pack-limit', serviceId: 'ai-qa', from: 5, to: 8 },
      ]);
      // Only what the draft touches: the same latest against a counts-only draft.
      expect(
        changedUnderneath(base, latest, { counts: { voice: 12 }, speechToText: {}, powerPack: {} }),
      ).to.deep.equal([
        { kind: 'permission', from: 'update', to: 'view' },
        { kind: 'count', typeId: 'voice', from: 10, to: 11 },
      ]);
    });

    it('leaves a feature that disappeared to validate', () => {
      const latest = account({ recording: undefined, speechToText: undefined, powerPack: undefined });
      expect(changedUnderneath(base, latest, draft)).to.deep.equal([]);
      expect(changedUnderneath(latest, base, draft)).to.deep.equal([]);
      expect(changedUnderneath(base, { ...base, permission: 'none' }, {})).to.deep.equal([
        { kind: 'permission', from: 'update', to: 'none' },
      ]);
    });
  });
});

describe('core/apply: a stored peak below the current units (issue #16, Money)', () => {
  it('raises the peak to at least the current billed units, so the next quote charges no less', () => {
    const low = withLine(account(), { typeId: 'recording', count: 5, inUse: 5, peak: 5 });
    const after = applyDraft(low, { retention: { months: 6 } });
    expect(after.lines.find((l) => l.typeId === 'recording')!.peak).to.equal(15);
    const voice = applyDraft(withLine(account(), { typeId: 'voice', count: 10, inUse: 0, peak: 3 }), {
      counts: { voice: 4 },
    });
    expect(voice.lines.find((l) => l.typeId === 'voice')!.peak).to.equal(10);
  });
});
