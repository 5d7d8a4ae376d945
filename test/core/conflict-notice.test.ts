// R9, the conflict notice (changedByOthers) for every kind of value: the user's own applied value
// is never listed as another's, someone else's is, and a snapshot without retention or Power Pack
// still lists what changed elsewhere.
import { expect } from '@open-wc/testing';
import type { ChangeSet, LicensingSnapshot } from '../../src/core/index.js';
import { changedByOthers } from '../../src/core/conflict-notice.js';
import { account } from './fixtures.js';

const base = account();
const later = (overrides: Partial<LicensingSnapshot>): LicensingSnapshot => ({
  ...base,
  ...overrides,
  version: 'v2',
});
const stt = (patch: Partial<NonNullable<LicensingSnapshot['speechToText']>>) =>
  later({ speechToText: { ...base.speechToText!, ...patch } });
const pp = (patch: Partial<NonNullable<LicensingSnapshot['powerPack']>>) =>
  later({ powerPack: { ...base.powerPack!, ...patch } });
const limit = (serviceId: string, value: number | null) =>
  pp({ services: base.powerPack!.services.map((s) => (s.id === serviceId ? { ...s, limit: value } : s)) });

describe('core: changedByOthers for each kind of value (R9)', () => {
  const cases: {
    name: string;
    draft: ChangeSet;
    own: LicensingSnapshot;
    theirs: LicensingSnapshot;
    listed: ReturnType<typeof changedByOthers>;
  }[] = [
    {
      name: 'retention',
      draft: { retention: { months: 12 } },
      own: later({ recording: { ...base.recording!, retention: { months: 12 } } }),
      theirs: later({ recording: { ...base.recording!, retention: { days: 14 } } }),
      listed: [{ kind: 'retention', from: { months: 9 }, to: { days: 14 } }],
    },
    {
      name: 'the Speech-to-Text switch',
      draft: { speechToText: { enabled: false } },
      own: stt({ enabled: false }),
      theirs: stt({ enabled: false, limitOverBase: 500 }),
      listed: [{ kind: 'speech-to-text-limit', from: 2000, to: 500 }],
    },
    {
      name: 'the Speech-to-Text limit',
      draft: { speechToText: { limitOverBase: 3000 } },
      own: stt({ limitOverBase: 3000 }),
      theirs: stt({ limitOverBase: 1000 }),
      listed: [{ kind: 'speech-to-text-limit', from: 2000, to: 1000 }],
    },
    {
      name: 'the Power Pack switch',
      draft: { powerPack: { enabled: true } },
      own: pp({ enabled: true }),
      theirs: limit('ai-qa', 9),
      listed: [{ kind: 'power-pack-limit', serviceId: 'ai-qa', from: 5, to: 9 }],
    },
    {
      name: 'a Power Pack limit',
      draft: { powerPack: { limits: { 'smart-routing': 20 } } },
      own: limit('smart-routing', 20),
      theirs: limit('smart-routing', null),
      listed: [{ kind: 'power-pack-limit', serviceId: 'smart-routing', from: 10, to: null }],
    },
  ];

  for (const { name, draft, own, theirs, listed } of cases) {
    it(`${name}: the user's own value is not listed; someone else's is`, () => {
      expect(changedByOthers(base, own, draft)).to.deep.equal([]);
      expect(changedByOthers(base, theirs, draft)).to.deep.equal(listed);
    });
  }

  it('the Speech-to-Text switch turned by someone else is listed', () => {
    expect(
      changedByOthers(base, stt({ enabled: false }), { speechToText: { limitOverBase: 3000 } }),
    ).to.deep.equal([{ kind: 'speech-to-text-enabled', from: true, to: false }]);
  });

  it('a changed permission is always listed, even when the draft holds', () => {
    const latest = later({ permission: 'view', lines: base.lines.map((l) => ({ ...l, count: 12 })) });
    expect(changedByOthers(base, latest, { counts: { voice: 12 } })).to.deep.equal([
      { kind: 'permission', from: 'update', to: 'view' },
    ]);
  });

  it('without retention or Power Pack in the latest snapshot, still lists what changed elsewhere', () => {
    const bare: LicensingSnapshot = { ...base, recording: undefined, powerPack: undefined };
    const latest: LicensingSnapshot = {
      ...bare,
      version: 'v2',
      lines: [...base.lines, { typeId: 'chat', count: 2, inUse: 0, peak: 2 }],
    };
    expect(changedByOthers(bare, latest, { counts: { voice: 12 } })).to.deep.equal([
      { kind: 'count', typeId: 'chat', from: 0, to: 2 },
    ]);
  });
});
