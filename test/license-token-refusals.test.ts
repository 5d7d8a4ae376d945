// license-token: a refused licence key says why in the page's language, from the reason code of the
// contract's 422 (`malformed`, `unsigned`, `bad-signature`, `expired`, `wrong-token`), on the memory
// adapter and on the REST adapter over MSW; a code the widget does not know shows the server's words.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';
import type { LicensingAdapter } from '../src/adapters/adapter.js';
import { MemoryAdapter, makeLicenseKey } from '../src/adapters/memory/index.js';
import { RestAdapter } from '../src/adapters/rest/index.js';
import '../src/elements/license-token/license-token.js';
import type { LicenseToken } from '../src/elements/license-token/license-token.component.js';
import '../src/locales/cs.js';
import { createLicensingHandlers, type LicensingHandlers } from '../src/mocks/index.js';
import { installationLicence, smallSeed } from './helpers/fixtures.js';
import { settle } from './helpers/settle.js';
import { deepQueryAll, deepText } from './helpers/widget-states.js';

const NOW = new Date('2026-11-23T10:00:00Z');
const backend = () =>
  new MemoryAdapter({ ...smallSeed(), installationLicense: installationLicence() }, { now: () => NOW });

const worker = setupWorker();
let api: LicensingHandlers | undefined;
before(() => worker.start({ quiet: true, onUnhandledFrame: 'bypass' }));
after(() => worker.stop());
afterEach(() => {
  api?.reset();
  api = undefined;
  worker.resetHandlers();
});

const adapters: Record<'memory' | 'REST over MSW', () => LicensingAdapter> = {
  memory: backend,
  'REST over MSW': () => {
    api = createLicensingHandlers({ backend: backend() });
    worker.use(...api.handlers);
    return new RestAdapter({ baseUrl: '/api', retries: 0 });
  },
};

/** Pastes `key` into the manual update and applies it; returns the field and what the alert says. */
async function refuse(adapter: LicensingAdapter, key: string, lang: 'en' | 'cs' = 'en') {
  const el = await fixture<LicenseToken>(
    html`<license-token lang=${lang} .adapter=${adapter} .now=${NOW}></license-token>`,
  );
  // Over HTTP the licence may take a few rounds more than settle() waits for.
  await waitUntil(() => deepQueryAll(el, '[part~="edit-button"]')[0], 'the licence is shown');
  deepQueryAll<HTMLButtonElement>(el, '[part~="edit-button"]')[0]!.click();
  await settle(el);
  const field = deepQueryAll<HTMLTextAreaElement>(el, 'textarea')[0]!;
  field.focus();
  field.value = key;
  field.dispatchEvent(new InputEvent('input', { inputType: 'insertFromPaste', bubbles: true }));
  await settle(el);
  deepQueryAll<HTMLButtonElement>(el, '[part~="apply-button"]')[0]!.click();
  const alert = deepQueryAll(el, '[part~="key-error"]')[0]!;
  // Over HTTP the answer takes a few rounds more than settle() waits for.
  await waitUntil(() => alert.textContent, 'the refusal is shown');
  expect(alert.getAttribute('role')).to.equal('alert');
  return { el, field, said: alert.textContent };
}

const keys = {
  malformed: 'not a licence',
  expired: makeLicenseKey({ plan: 'monthly', expiresAt: '2026-11-01T00:00:00Z' }),
  'wrong-token': makeLicenseKey({ token: 'another-server', expiresAt: '2027-12-31T00:00:00Z' }),
};

const said = {
  en: {
    malformed:
      'The licence was not applied: This is not a licence key. Paste it exactly as the licensing team sent it.',
    expired:
      'The licence was not applied: The licence key has expired. Ask the licensing team for a new one.',
    'wrong-token':
      'The licence was not applied: The licence key is for another server. Ask for one for this server’s token.',
    unsigned: 'The licence was not applied: The licence key is not signed. Paste all of it, exactly as sent.',
    'bad-signature':
      'The licence was not applied: The licence key was changed after it was signed. Copy it again from the message.',
  },
  cs: {
    malformed:
      'Licence nebyla použita: Toto není licenční klíč. Vložte ho přesně tak, jak ho licenční tým poslal.',
    expired: 'Licence nebyla použita: Platnost licenčního klíče vypršela. Požádejte licenční tým o nový.',
    'wrong-token':
      'Licence nebyla použita: Licenční klíč patří k jinému serveru. Požádejte o klíč pro token tohoto serveru.',
    unsigned: 'Licence nebyla použita: Licenční klíč není podepsaný. Vložte ho celý, přesně tak, jak přišel.',
    'bad-signature':
      'Licence nebyla použita: Licenční klíč byl po podepsání změněn. Zkopírujte ho znovu ze zprávy.',
  },
};

for (const [mode, create] of Object.entries(adapters)) {
  describe(`license-token on the ${mode} adapter: a refused key says why in the page's language`, () => {
    for (const reason of ['malformed', 'expired', 'wrong-token'] as const) {
      it(`${reason}: in English and in Czech, never the server's English words inside Czech`, async () => {
        const en = await refuse(create(), keys[reason]);
        expect(en.said).to.equal(said.en[reason]);
        expect(en.field.value).to.equal(keys[reason]);
        expect(en.field.getAttribute('aria-invalid')).to.equal('true');
        const cs = await refuse(create(), keys[reason], 'cs');
        expect(cs.said).to.equal(said.cs[reason]);
        expect(deepText(cs.el)).not.to.match(/licence key|starts with|expired on/i);
        await expect(cs.el).to.be.accessible();
      });
    }
  });
}

describe('license-token on the REST adapter: reason codes a signing server sends', () => {
  /** The 422 the reference server answers, with `reason` as given (or none). */
  function server(reason: string | undefined, detail: string): LicensingAdapter {
    const adapter = adapters['REST over MSW']();
    worker.use(
      http.put('/api/license/key', () =>
        HttpResponse.json(
          {
            type: 'urn:licence-kit:problem:validation',
            title: 'Unprocessable Content',
            status: 422,
            detail,
            issues: [],
            ...(reason === undefined ? {} : { reason }),
          },
          { status: 422, headers: { 'Content-Type': 'application/problem+json' } },
        ),
      ),
    );
    return adapter;
  }

  for (const reason of ['unsigned', 'bad-signature'] as const) {
    it(`${reason}: in English and in Czech`, async () => {
      const detail = 'This licence key is not what the server expects.';
      expect((await refuse(server(reason, detail), 'LK1.x')).said).to.equal(said.en[reason]);
      expect((await refuse(server(reason, detail), 'LK1.x', 'cs')).said).to.equal(said.cs[reason]);
    });
  }

  it("a code it has no words for, or none, shows the server's own words", async () => {
    const detail = 'This licence key was revoked by the licensing team.';
    expect((await refuse(server('revoked', detail), 'LK1.x')).said).to.equal(
      `The licence was not applied: ${detail}`,
    );
    expect((await refuse(server('toString', detail), 'LK1.x', 'cs')).said).to.equal(
      `Licence nebyla použita: ${detail}`,
    );
    const noCode = 'This server cannot check licence keys: it was started without --license-public-key.';
    expect((await refuse(server(undefined, noCode), 'LK1.x')).said).to.equal(
      `The licence was not applied: ${noCode}`,
    );
  });
});
