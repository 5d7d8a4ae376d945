// Data from a backend is text, never markup: names, emails, tokens, ids, the server's own error
// words and whatever a user pastes are shown literally in every widget, create no element, run no
// script and make no link. Lit's text bindings give that for free; these tests keep it so when a
// template changes (an `unsafeHTML`, an `innerHTML`, an `href` from data).
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { AdapterMethod, LicensingAdapter } from '../src/adapters/adapter.js';
import { ServerError, ValidationError } from '../src/adapters/errors.js';
import { MemoryAdapter } from '../src/adapters/memory/index.js';
import type { Agent, InstallationLicense, LicensingSnapshot } from '../src/core/index.js';
import '../src/index.js';
import type { LicenseToken } from '../src/elements/license-token/license-token.component.js';
import { sharedStoreFor } from '../src/state/controller.js';
import { smallAgents, smallSnapshot } from './helpers/fixtures.js';
import { typeText } from './helpers/keys.js';
import { deepQueryAll, deepText } from './helpers/widget-states.js';

declare global {
  interface Window {
    /** Set by the hostile strings' payloads if any of them ever runs. */
    __pwned?: unknown;
  }
}

const IMG = '<img src=x onerror="window.__pwned=1">';
const SCRIPT = '"><script>window.__pwned=1</script>';
// eslint-disable-next-line no-script-url -- the hostile data under test, never navigated to
const JS_URL = 'javascript:alert(1)';

const NOW = new Date('2026-11-23T10:00:00Z');
const DAY = 24 * 60 * 60 * 1000;

const VOICE = `Voice ${IMG}`;
const VOICE_DESCRIPTION = `Calls ${SCRIPT} ${JS_URL}`;
const OUTBOUND = `Outbound ${SCRIPT}`;
const OUTBOUND_DESCRIPTION = `Campaigns ${IMG}`;
const SMART_ROUTING = `Smart routing ${IMG}`;
const TOKEN = `${SCRIPT}${IMG}`;
const PREVIOUS_TOKEN = `${JS_URL} ${IMG}`;

function hostileSnapshot(overrides: Partial<LicensingSnapshot> = {}): LicensingSnapshot {
  const base = smallSnapshot(overrides);
  return {
    ...base,
    catalog: base.catalog.map((type) =>
      type.id === 'voice'
        ? { ...type, name: VOICE, description: VOICE_DESCRIPTION }
        : type.id === 'outbound'
          ? { ...type, name: OUTBOUND, description: OUTBOUND_DESCRIPTION }
          : type,
    ),
    powerPack: {
      ...base.powerPack!,
      services: [
        ...base.powerPack!.services.map((service) =>
          service.id === 'smart-routing' ? { ...service, name: SMART_ROUTING } : service,
        ),
        // A service the rule book does not know has no built-in description.
        { id: 'custom-service', name: 'Custom service', limit: null, used: 0 },
      ],
    },
  };
}

/** Agents sort by name, and `"` and `<` sort before letters: these are the first rows. */
const hostileAgents: Agent[] = [
  { id: 'h1', name: IMG, email: JS_URL, licences: ['voice'] },
  { id: 'h2', name: SCRIPT, email: `${IMG}@example.com`, licences: ['voice', 'outbound'] },
  ...smallAgents,
];

const hostileLicence: InstallationLicense = {
  token: TOKEN,
  plan: 'annual',
  expiresAt: '2027-06-01T00:00:00Z',
  staff: { users: 300, agents: 250, telephones: 260, mobileAgents: 40 },
  channels: ['voice', IMG],
  // Ids that are also names on Object.prototype must show as themselves, not as a function.
  modules: [SCRIPT, 'constructor', 'toString'],
  addOns: [JS_URL],
  ai: [],
  sessions: { ivrChannels: 60, channelSessions: 400 },
  updatesAllowed: true,
  appZone: true,
  status: {
    state: 'grace',
    reason: 'hardware-change',
    graceEndsAt: new Date(NOW.getTime() + 3 * DAY).toISOString(),
    previousToken: PREVIOUS_TOKEN,
  },
};

function hostileAdapter(): MemoryAdapter {
  return new MemoryAdapter(
    { snapshot: hostileSnapshot(), agents: hostileAgents, installationLicense: hostileLicence },
    { now: () => NOW },
  );
}

/**
 * The memory adapter with some methods replaced by failures, as a backend that answers with its
 * own words (or markup) in its errors.
 */
function failing(base: MemoryAdapter, failures: Partial<Record<AdapterMethod, unknown>>): LicensingAdapter {
  const fails = (name: AdapterMethod) => name in failures;
  return {
    load: (o) => (fails('load') ? Promise.reject(failures.load) : base.load(o)),
    listUsage: (q, o) => (fails('listUsage') ? Promise.reject(failures.listUsage) : base.listUsage(q, o)),
    commit: (c, o) => (fails('commit') ? Promise.reject(failures.commit) : base.commit(c, o)),
    getInstallationLicense: (o) =>
      fails('getInstallationLicense')
        ? Promise.reject(failures.getInstallationLicense)
        : base.getInstallationLicense!(o),
    applyLicenseKey: (key, o) =>
      fails('applyLicenseKey') ? Promise.reject(failures.applyLicenseKey) : base.applyLicenseKey!(key, o),
    downloadLicenseLog: (o) =>
      fails('downloadLicenseLog') ? Promise.reject(failures.downloadLicenseLog) : base.downloadLicenseLog!(o),
  };
}

/** Waits until the widget's text, as a user reads it, contains every one of `texts`. */
async function shows(el: Element, texts: readonly string[]): Promise<void> {
  await waitUntil(
    () => texts.every((text) => deepText(el).includes(text)),
    `${el.localName} shows ${JSON.stringify(texts.filter((text) => !deepText(el).includes(text)))} as text`,
    { timeout: 3000 },
  );
}

/**
 * Nothing the data holds became markup in the widget or any shadow root inside it: no `img` or
 * `script` element (the widgets draw their icons as inline SVG), no inline handler, no
 * `javascript:` link, and no payload ran.
 */
async function expectInert(el: Element): Promise<void> {
  // An injected <img src=x> would fail to load and run its onerror within a few frames.
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(deepQueryAll(el, 'img, script, [onerror]').map((found) => found.outerHTML)).to.deep.equal([]);
  const links = deepQueryAll(el, '[href]').map((link) => link.getAttribute('href') ?? '');
  expect(links.filter((href) => /^\s*javascript:/i.test(href))).to.deep.equal([]);
  expect(window.__pwned).to.equal(undefined);
}

function button(el: Element, part: string): HTMLButtonElement {
  const found = deepQueryAll<HTMLButtonElement>(el, `[part~="${part}"]`);
  expect(found, part).to.have.length(1);
  return found[0]!;
}

describe('hostile data renders as text', () => {
  afterEach(() => {
    delete window.__pwned;
  });

  it('licence-card shows licence type names and descriptions, and rule messages naming them, as text', async () => {
    const adapter = hostileAdapter();
    const voice = await fixture(html`<licence-card .adapter=${adapter} type-id="voice"></licence-card>`);
    const outbound = await fixture(
      html`<licence-card .adapter=${adapter} type-id="outbound"></licence-card>`,
    );
    await shows(voice, [VOICE, VOICE_DESCRIPTION]);
    await shows(outbound, [OUTBOUND, OUTBOUND_DESCRIPTION]);
    // R3 (below in use) and R4 (outbound ≤ voice) messages put the names into sentences.
    sharedStoreFor(adapter).edit({ counts: { voice: 1 } });
    await shows(voice, [VOICE]);
    await waitUntil(() => deepQueryAll(voice, '[part~="message"]').length > 0, 'a rule message on the card');
    expect(deepQueryAll(voice, '[part~="message"]')[0]!.textContent).to.contain(VOICE);
    // The explanation popover opens too.
    button(voice, 'button').click();
    await expectInert(voice);
    await expectInert(outbound);
  });

  it('licence-cart shows the names in its lines and its blocking errors as text', async () => {
    const adapter = hostileAdapter();
    const provider = await fixture(
      html`<licence-provider .adapter=${adapter}>
        <licence-cart></licence-cart>
      </licence-provider>`,
    );
    const cart = provider.querySelector('licence-cart')!;
    await waitUntil(() => sharedStoreFor(adapter).state.status === 'ready', 'the snapshot');
    sharedStoreFor(adapter).edit({ counts: { voice: 1, outbound: 4 } });
    // The bar names the card with the first problem, as text; the review does not open on errors.
    await waitUntil(() => deepQueryAll(cart, '[part~="problem-button"]').length === 1, 'the problem');
    expect(deepQueryAll(cart, '[part~="problem-button"]')[0]!.textContent!.trim()).to.equal(`Go to ${VOICE}`);
    await expectInert(cart);
    // Errors that arrive while the review is open show in it.
    sharedStoreFor(adapter).edit({ counts: { voice: 11 } });
    await waitUntil(() => deepQueryAll(cart, '[part~="save-button"]:not([disabled])').length === 1, 'Save');
    button(cart, 'save-button').click();
    await waitUntil(() => deepQueryAll<HTMLDialogElement>(cart, 'dialog')[0]?.open, 'the review');
    sharedStoreFor(adapter).edit({ counts: { voice: 1 } });
    await shows(cart, [VOICE, OUTBOUND]);
    const errors = deepQueryAll(cart, '[part~="errors"]')[0]!;
    expect(errors.textContent, 'R3 and R4 name the types').to.contain(VOICE).and.contain(OUTBOUND);
    await expectInert(cart);
  });

  it('usage-overview shows agent names, emails and licence type names as text', async () => {
    const el = await fixture(html`<usage-overview .adapter=${hostileAdapter()}></usage-overview>`);
    await shows(el, [IMG, SCRIPT, JS_URL, `${IMG}@example.com`, VOICE, OUTBOUND]);
    const options = [...el.shadowRoot!.querySelectorAll('option')].map((o) => o.textContent!.trim());
    expect(options.some((text) => text.startsWith(VOICE))).to.equal(true);
    await expectInert(el);
    // Filtered to a type whose name is markup: the same rows, still text.
    const select = el.shadowRoot!.querySelector('select')!;
    select.value = 'outbound';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    const holders = hostileAgents.filter((agent) => agent.licences.includes('outbound')).length;
    await waitUntil(
      () => deepQueryAll(el, '[part~="count"]')[0]!.textContent!.trim() === `${holders} agents`,
      'the filtered count',
    );
    await shows(el, [SCRIPT, `${IMG}@example.com`]);
    await expectInert(el);
  });

  it('power-pack-limits shows service names as text, and no description for an unknown id', async () => {
    const el = await fixture(html`<power-pack-limits .adapter=${hostileAdapter()}></power-pack-limits>`);
    await shows(el, [SMART_ROUTING]);
    expect(deepText(el)).to.contain('Custom service').and.not.contain('[native code]');
    await expectInert(el);
  });

  it('power-pack-limits shows no description for a service id that is an Object.prototype name', async () => {
    // The decoders refuse such an id (test/hostile-snapshots.test.ts); an integrator's adapter that
    // does not decode may still send one, and the widget must not show Object's function for it.
    const snapshot = hostileSnapshot();
    const prototypeNamed = {
      ...snapshot,
      powerPack: {
        ...snapshot.powerPack!,
        services: [
          ...snapshot.powerPack!.services,
          { id: 'constructor', name: 'Constructor service', limit: null, used: 0 },
        ],
      },
    };
    const adapter = { ...failing(hostileAdapter(), {}), load: () => Promise.resolve(prototypeNamed) };
    const el = await fixture(html`<power-pack-limits .adapter=${adapter}></power-pack-limits>`);
    await shows(el, [SMART_ROUTING, 'Constructor service']);
    expect(deepText(el)).not.to.contain('[native code]');
    await expectInert(el);
  });

  it('license-token shows the token and the old token of a move as text', async () => {
    const el = await fixture<LicenseToken>(
      html`<license-token .adapter=${hostileAdapter()} .now=${NOW}></license-token>`,
    );
    await shows(el, [TOKEN, PREVIOUS_TOKEN]);
    const tokens = deepQueryAll(el, '[part~="token"]').map((token) => token.textContent);
    // This server's token once (issue #15: the grace state shows it once), and the old one.
    expect(tokens).to.have.members([TOKEN, PREVIOUS_TOKEN]);
    await expectInert(el);
  });

  it('license-token keeps a pasted licence as text, refused by the adapter or echoed back by a server', async () => {
    const pasted = `${SCRIPT}${IMG} ${JS_URL}`;
    const echo = failing(hostileAdapter(), {
      applyLicenseKey: new ValidationError(undefined, { detail: `Unknown licence ${pasted}` }),
    });
    for (const adapter of [hostileAdapter(), echo]) {
      const el = await fixture<LicenseToken>(
        html`<license-token .adapter=${adapter} .now=${NOW}></license-token>`,
      );
      await shows(el, [TOKEN]);
      button(el, 'edit-button').click();
      await waitUntil(() => deepQueryAll(el, 'textarea').length === 1, 'the licence field');
      const field = deepQueryAll<HTMLTextAreaElement>(el, 'textarea')[0]!;
      field.focus();
      await typeText(pasted);
      button(el, 'apply-button').click();
      const error = () => deepQueryAll(el, '[part~="key-error"]')[0]?.textContent?.trim() ?? '';
      await waitUntil(() => error() !== '', 'the refusal');
      expect(field.value, 'the pasted text is kept as typed').to.equal(pasted);
      if (adapter === echo)
        expect(error()).to.equal(`The licence was not applied: Unknown licence ${pasted}`);
      // The memory adapter's refusal has a reason code (malformed): the widget's words for it.
      else
        expect(error()).to.equal(
          'The licence was not applied: This is not a licence key. Paste it exactly as the licensing team sent it.',
        );
      await expectInert(el);
    }
  });

  it('license-details shows channel, module and add-on ids as text, prototype names included', async () => {
    const el = await fixture(
      html`<license-details .adapter=${hostileAdapter()} .now=${NOW}></license-details>`,
    );
    await shows(el, [IMG, SCRIPT, JS_URL]);
    const names = deepQueryAll(el, '[part~="item-name"]').map((name) => name.textContent);
    expect(names).to.include.members([IMG, SCRIPT, JS_URL, 'constructor', 'toString']);
    expect(deepText(el)).not.to.contain('[native code]');
    await expectInert(el);
  });

  it('licence-manager shows all of it as text on one page', async () => {
    const el = await fixture(html`<licence-manager .adapter=${hostileAdapter()}></licence-manager>`);
    await shows(el, [VOICE, VOICE_DESCRIPTION, OUTBOUND, SMART_ROUTING, TOKEN, PREVIOUS_TOKEN]);
    button(el, 'usage-button').click();
    await shows(el, [`${IMG}@example.com`, JS_URL]);
    await expectInert(el);
  });

  describe('server error messages', () => {
    const words = `${IMG} ${SCRIPT} ${JS_URL}`;

    it("shows the server's words in a failed load as text in every widget", async () => {
      const adapter = failing(hostileAdapter(), { load: new ServerError(words, { detail: words }) });
      const provider = await fixture(
        html`<licence-provider .adapter=${adapter}>
          <licence-card type-id="voice"></licence-card>
          <licence-cart></licence-cart>
          <usage-overview></usage-overview>
          <power-pack-limits></power-pack-limits>
          <retention-picker></retention-picker>
          <license-token></license-token>
          <license-details></license-details>
        </licence-provider>`,
      );
      const manager = await fixture(html`<licence-manager .adapter=${adapter}></licence-manager>`);
      for (const el of [...provider.children, manager]) {
        await shows(el, [words]);
        await expectInert(el);
      }
    });

    it('keeps markup in an error message that is not meant for users out of the page', async () => {
      // A plain Error (a bug, not a server's answer) is shown as "the service failed": its
      // message is for developers. It must still never become markup.
      const adapter = failing(hostileAdapter(), { load: new Error(words) });
      const el = await fixture(html`<licence-card .adapter=${adapter} type-id="voice"></licence-card>`);
      await shows(el, ['The licensing service failed.']);
      expect(deepText(el)).not.to.contain(IMG);
      await expectInert(el);
    });

    it("shows the server's words in failed usage, installation, commit and download calls as text", async () => {
      const base = hostileAdapter();
      const adapter = failing(base, {
        listUsage: new ServerError(undefined, { detail: `usage ${words}` }),
        getInstallationLicense: new ServerError(undefined, { detail: `licence ${words}` }),
        commit: new ServerError(undefined, { detail: `commit ${words}` }),
      });
      const usage = await fixture(html`<usage-overview .adapter=${adapter}></usage-overview>`);
      const details = await fixture(html`<license-details .adapter=${adapter}></license-details>`);
      await shows(usage, [`usage ${words}`]);
      await shows(details, [`licence ${words}`]);

      const cart = await fixture(html`<licence-cart .adapter=${adapter}></licence-cart>`);
      await waitUntil(() => sharedStoreFor(adapter).state.status === 'ready', 'the snapshot');
      sharedStoreFor(adapter).edit({ counts: { voice: 11 } });
      await waitUntil(() => deepQueryAll(cart, '[part~="save-button"]:not([disabled])').length === 1, 'Save');
      button(cart, 'save-button').click();
      await waitUntil(() => deepQueryAll(cart, '[part~="confirm-button"]:not([disabled])').length === 1);
      button(cart, 'confirm-button').click();
      await shows(cart, [`commit ${words}`]);

      const download = failing(base, {
        downloadLicenseLog: new ServerError(undefined, { detail: `log ${words}` }),
      });
      const token = await fixture(html`<license-token .adapter=${download} .now=${NOW}></license-token>`);
      await shows(token, [TOKEN]);
      button(token, 'download-button').click();
      await shows(token, [`log ${words}`]);

      for (const el of [usage, details, cart, token]) await expectInert(el);
    });
  });
});
