// One channel has one name in each language: the names a backend gives per language (`names`,
// `descriptions`) are what every widget shows under that `lang`, through the memory adapter and
// the REST adapter over the MSW contract alike; the plain `name` everywhere else.
import './helpers/lit-warnings.js';
import { expect, fixture, html } from '@open-wc/testing';
import { setupWorker } from 'msw/browser';
import type { LicensingAdapter } from '../src/adapters/adapter.js';
import { MemoryAdapter } from '../src/adapters/memory/index.js';
import { RestAdapter } from '../src/adapters/rest/index.js';
import type { LicensingSnapshot } from '../src/core/index.js';
import '../src/elements/licence-card/licence-card.js';
import '../src/elements/licence-cart/licence-cart.js';
import type { LicenceCart } from '../src/elements/licence-cart/licence-cart.component.js';
import '../src/elements/licence-provider/licence-provider.js';
import '../src/elements/license-details/license-details.js';
import '../src/elements/power-pack-limits/power-pack-limits.js';
import '../src/elements/usage-overview/usage-overview.js';
import '../src/locales/cs.js';
import { createLicensingHandlers, type LicensingHandlers } from '../src/mocks/index.js';
import { installationLicence, smallSeed, smallSnapshot } from './helpers/fixtures.js';
import { until } from './helpers/grid-host.js';
import { deepQueryAll, deepText } from './helpers/widget-states.js';
import { settle } from './helpers/settle.js';

/** The small fixture, as a backend speaking English with Czech names for some of its data. */
function bilingual(): LicensingSnapshot {
  const plain = smallSnapshot();
  return {
    ...plain,
    catalog: plain.catalog.map((type) =>
      type.id === 'voice'
        ? {
            ...type,
            names: { cs: 'Hlas' },
            description: 'Inbound calls.',
            descriptions: { cs: 'Příchozí hovory.' },
          }
        : type.id === 'outbound'
          ? { ...type, names: { cs: 'Odchozí' } }
          : type,
    ),
    powerPack: {
      ...plain.powerPack!,
      services: plain.powerPack!.services.map((service) =>
        service.id === 'smart-routing' ? { ...service, names: { cs: 'Chytré směrování' } } : service,
      ),
    },
  };
}

const seed = () => ({
  ...smallSeed(),
  snapshot: bilingual(),
  installationLicense: installationLicence({ channels: ['voice', 'email'] }),
});

async function page(adapter: LicensingAdapter, lang: string) {
  const el = await fixture<HTMLElement>(html`
    <licence-provider lang=${lang} .adapter=${adapter}>
      <licence-card type-id="voice"></licence-card>
      <licence-card type-id="outbound"></licence-card>
      <power-pack-limits></power-pack-limits>
      <license-details .now=${new Date('2026-11-15T10:00:00Z')}></license-details>
      <usage-overview></usage-overview>
      <licence-cart></licence-cart>
    </licence-provider>
  `);
  const usage = el.querySelector('usage-overview')!;
  await until(() => usage.shadowRoot!.querySelector('[data-row="0"] .agent-name') !== null, 'the rows');
  await settle(el.querySelector('license-details'));
  return el;
}

const texts = (root: Element, selector: string) =>
  deepQueryAll(root, selector).map((node) => node.textContent!.trim());

/** The name of the installation details' first channel (voice). */
const channelName = (el: HTMLElement) =>
  el.querySelector('license-details')!.shadowRoot!.querySelector('[data-id="voice"] [part~="item-name"]')!
    .textContent;

const modes: [string, () => { adapter: LicensingAdapter; done?: () => void }][] = [
  ['memory adapter', () => ({ adapter: new MemoryAdapter(seed()) })],
  [
    'REST adapter over the MSW contract',
    () => {
      const api: LicensingHandlers = createLicensingHandlers({ backend: new MemoryAdapter(seed()) });
      worker.use(...api.handlers);
      return { adapter: new RestAdapter({ baseUrl: '/api', retries: 0 }), done: () => api.reset() };
    },
  ],
];

const worker = setupWorker();
before(() => worker.start({ quiet: true, onUnhandledFrame: 'bypass' }));
after(() => worker.stop());
afterEach(() => worker.resetHandlers());

for (const [mode, make] of modes) {
  describe(`names per language (${mode})`, () => {
    let done: (() => void) | undefined;
    afterEach(() => done?.());

    it('a Czech page calls Voice "Hlas" in the card, the usage columns, the details and the review', async () => {
      const made = make();
      done = made.done;
      const el = await page(made.adapter, 'cs');
      const [voice, outbound] = [...el.querySelectorAll('licence-card')];
      expect(texts(voice!, 'h3')).to.deep.equal(['Hlas']);
      expect(deepText(voice!)).to.contain('Příchozí hovory.');
      expect(deepText(voice!)).not.to.contain('Inbound calls.');
      expect(texts(outbound!, 'h3')).to.deep.equal(['Odchozí']);
      // A type without a Czech name keeps its plain name: the column of Email is still "Email".
      const usage = el.querySelector('usage-overview')!;
      expect(texts(usage, '[role="columnheader"]')).to.deep.equal([
        'Agent',
        'Hlas',
        'Odchozí',
        'Email',
        'Call recording',
      ]);
      expect(texts(usage, 'option')[1]).to.match(/^Hlas \(3\)$/);
      expect(channelName(el)).to.equal('Hlas');
      expect(texts(el.querySelector('power-pack-limits')!, 'h4')).to.include('Chytré směrování');
      // The review names the change the same way.
      const plus = deepQueryAll<HTMLButtonElement>(voice!, 'button').find(
        (b) => b.getAttribute('aria-label') === 'Zvýšit: Licence Hlas',
      );
      expect(plus, 'the + button named in Czech').to.exist;
      plus!.click();
      const cart = el.querySelector<LicenceCart>('licence-cart')!;
      await settle(cart);
      await cart.review();
      await settle(cart);
      const review = deepText(cart.shadowRoot!.querySelector('dialog')!);
      expect(review).to.contain('Hlas');
      expect(review).not.to.contain('Voice');
    });

    it('an English page shows the plain names, and no Czech', async () => {
      const made = make();
      done = made.done;
      const el = await page(made.adapter, 'en');
      expect(texts(el.querySelector('licence-card')!, 'h3')).to.deep.equal(['Voice']);
      expect(texts(el.querySelector('usage-overview')!, '[role="columnheader"]')[1]).to.equal('Voice');
      expect(channelName(el)).to.equal('Voice');
      expect(texts(el.querySelector('power-pack-limits')!, 'h4')).to.include('Smart routing');
      const text = deepText(el);
      for (const czech of ['Hlas', 'Odchozí', 'Příchozí', 'Chytré']) expect(text).not.to.contain(czech);
    });
  });
}

describe('Czech and English text', () => {
  /** Whether the placeholder of `input` fits its content box, measured in its own font. */
  function fits(input: HTMLInputElement): boolean {
    const style = getComputedStyle(input);
    const context = document.createElement('canvas').getContext('2d')!;
    context.font = style.font;
    const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    return context.measureText(input.placeholder).width <= room;
  }

  it('shows the "no limit" placeholder of a limit whole, in Czech and in English', async () => {
    for (const [lang, placeholder] of [
      ['cs', 'Bez limitu'],
      ['en', 'No limit'],
    ] as const) {
      const el = await fixture<HTMLElement>(
        html`<power-pack-limits lang=${lang} .adapter=${new MemoryAdapter(seed())}></power-pack-limits>`,
      );
      await settle(el);
      // AI Topics has no limit in the fixture: its field is empty and shows the placeholder.
      const input = deepQueryAll<HTMLInputElement>(el, 'input').find(
        (i) => i.placeholder === placeholder && i.value === '',
      );
      expect(input, `the ${lang} placeholder in an empty field`).to.exist;
      expect(fits(input!), `"${placeholder}" fits its field`).to.equal(true);
    }
  });

  it('spells the noun "licence" on the whole page in English, never "license"', async () => {
    const el = await page(new MemoryAdapter(seed()), 'en');
    const text = deepText(el);
    expect(text).to.match(/Licence/);
    expect(text).not.to.match(/\blicen[sz]e/i);
  });
});
