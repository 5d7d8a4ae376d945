// The decoders' field checks as an integrator meets them: a backend's installation licence refused
// by the RestAdapter with a BadResponseError naming the field and what came, and a change set
// refused by `decodeChangeSet` (what a server speaking the contract runs on a request body).
import { expect } from '@open-wc/testing';
import { DecodeError } from '../src/adapters/decode/fields.js';
import { BadResponseError } from '../src/adapters/errors.js';
import { RestAdapter, decodeChangeSet } from '../src/adapters/rest/index.js';
import type { LicensingSnapshot } from '../src/core/index.js';
import { installationLicence, smallSnapshot } from './helpers/fixtures.js';

const licence = installationLicence();

const serving = (body: unknown) =>
  new RestAdapter({
    baseUrl: '/api',
    retries: 0,
    fetch: () =>
      Promise.resolve(
        new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json' } }),
      ),
  });

async function refusal(body: unknown): Promise<string> {
  try {
    await serving(body).getInstallationLicense!();
  } catch (error) {
    expect(error).to.be.instanceOf(BadResponseError);
    return (error as BadResponseError).message;
  }
  throw new Error('expected a refusal');
}

function decodeRefusal(body: unknown): DecodeError {
  try {
    decodeChangeSet(body);
  } catch (error) {
    expect(error).to.be.instanceOf(DecodeError);
    return error as DecodeError;
  }
  throw new Error('expected a refusal');
}

describe('RestAdapter: an installation licence that breaks the contract', () => {
  it('passes untouched', async () => {
    expect(await serving(licence).getInstallationLicense!()).to.deep.equal(licence);
  });

  const cases: [string, Record<string, unknown>, string][] = [
    ['an empty token', { token: '' }, 'token is empty (got "")'],
    [
      'a switch that is not true or false',
      { updatesAllowed: 'yes' },
      'updatesAllowed is not true or false (got "yes")',
    ],
    ['a list that is a string', { channels: 'voice' }, 'channels is not an array (got "voice")'],
    ['an expiry that is not a date', { expiresAt: 'soon' }, 'expiresAt is not an ISO 8601 date (got "soon")'],
    [
      'a long value, cut short in the message',
      { plan: 'x'.repeat(60) },
      `plan is not one of monthly, annual (got "${'x'.repeat(36)}...)`,
    ],
  ];
  for (const [what, patch, words] of cases) {
    it(`refuses ${what}, naming the field and what came`, async () => {
      expect(await refusal({ ...licence, ...patch })).to.contain(words);
    });
  }
});

describe('decodeChangeSet: a change set that breaks the contract', () => {
  it('names a misspelt field instead of saving nothing', () => {
    expect(decodeRefusal({ count: { voice: 3 } }).message).to.equal('count is not a known field');
    const inner = decodeRefusal({ speechToText: { limit: 100 } });
    expect(inner.path).to.equal('speechToText.limit');
    expect(decodeRefusal({ powerPack: { enable: true } }).path).to.equal('powerPack.enable');
  });

  it('names a count that is not a number, quoting what came', () => {
    expect(decodeRefusal({ counts: { voice: 'five' } }).message).to.equal(
      'counts["voice"] is not a number (got "five")',
    );
  });

  it('tells a JavaScript caller what it passed, even values JSON cannot hold', () => {
    expect(decodeRefusal({ counts: { voice: undefined } }).message).to.equal(
      'counts["voice"] is not a number (got nothing)',
    );
    expect(decodeRefusal({ counts: { voice: 10n } }).message).to.equal(
      'counts["voice"] is not a number (got 10)',
    );
    expect(decodeRefusal({ speechToText: { enabled: Symbol('on') } }).message).to.equal(
      'speechToText.enabled is not true or false (got Symbol(on))',
    );
  });

  it('accepts a well-formed change set as it is', () => {
    const changes = {
      counts: { voice: 12 },
      retention: { days: 14 },
      speechToText: { enabled: true, limitOverBase: null },
      powerPack: { enabled: false, limits: { 'smart-routing': 3 } },
    };
    expect(decodeChangeSet(changes)).to.deep.equal(changes);
  });
});

describe('RestAdapter: names and descriptions per language in a snapshot', () => {
  const withVoice = (patch: Record<string, unknown>): LicensingSnapshot => {
    const snapshot = smallSnapshot();
    return { ...snapshot, catalog: snapshot.catalog.map((t) => (t.id === 'voice' ? { ...t, ...patch } : t)) };
  };
  const loadRefusal = async (body: unknown): Promise<string> => {
    try {
      await serving(body).load();
    } catch (error) {
      expect(error).to.be.instanceOf(BadResponseError);
      return (error as BadResponseError).message;
    }
    throw new Error('expected a refusal');
  };

  it('passes names, descriptions and service names through untouched', async () => {
    const snapshot = withVoice({
      names: { cs: 'Hlas', 'pt-BR': 'Voz' },
      descriptions: { cs: 'Příchozí hovory.' },
    });
    const body = {
      ...snapshot,
      powerPack: {
        ...snapshot.powerPack!,
        services: snapshot.powerPack!.services.map((s) => ({ ...s, names: { cs: `${s.name} (cs)` } })),
      },
    };
    expect(await serving(body).load()).to.deep.equal(body);
  });

  const cases: [string, LicensingSnapshot | Record<string, unknown>, string][] = [
    [
      'names that are one string',
      withVoice({ names: 'Hlas' }),
      'catalog[0].names is not an object (got "Hlas")',
    ],
    ['an empty name', withVoice({ names: { cs: '' } }), 'catalog[0].names["cs"] is empty (got "")'],
    [
      'a key that is not a language tag',
      withVoice({ descriptions: { 'Czech please': 'Příchozí hovory.' } }),
      'catalog[0].descriptions["Czech please"] is not a BCP 47 language tag',
    ],
    [
      "a service's name that is not text",
      (() => {
        const snapshot = smallSnapshot();
        const [first, ...rest] = snapshot.powerPack!.services;
        return {
          ...snapshot,
          powerPack: { ...snapshot.powerPack!, services: [{ ...first!, names: { cs: 7 } }, ...rest] },
        };
      })(),
      'powerPack.services[0].names["cs"] is not a string (got 7)',
    ],
  ];
  for (const [what, body, words] of cases) {
    it(`refuses ${what}, naming the field`, async () => {
      expect(await loadRefusal(body)).to.contain(words);
    });
  }
});
