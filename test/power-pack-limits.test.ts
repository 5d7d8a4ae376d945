import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { typeText } from './helpers/keys.js';
import type { LicensingAdapter } from '../src/adapters/adapter.js';
import { MemoryAdapter } from '../src/adapters/memory/index.js';
import {
  isPowerPackServiceStopped,
  powerPackServiceMaxSpend,
  powerPackServiceOnSave,
  powerPackServiceSpend,
  type ChangeSet,
  type LicensingSnapshot,
  type PowerPackService,
} from '../src/core/index.js';
import { messages as limitsMessages } from '../src/elements/power-pack-limits/power-pack-limits.messages.js';
import '../src/elements/power-pack-limits/power-pack-limits.js';
import type { PowerPackLimits } from '../src/elements/power-pack-limits/power-pack-limits.component.js';
import { sharedStoreFor } from '../src/state/controller.js';
import { registerMessages } from '../src/i18n/locale.js';
import { common as csCommon } from '../src/locales/cs/common.js';
import { messages as csLimits } from '../src/locales/cs/power-pack-limits.js';
import { adapterFor, adapterModes, loaded } from './helpers/adapter-modes.js';
import { smallSeed } from './helpers/fixtures.js';
import { deepQueryAll, deepText, describeWidgetStates } from './helpers/widget-states.js';
import { settle } from './helpers/settle.js';

function seed(change: (s: LicensingSnapshot) => LicensingSnapshot = (s) => s) {
  const base = smallSeed();
  const snapshot = change({
    ...base.snapshot,
    powerPack: {
      ...base.snapshot.powerPack!,
      services: [
        { id: 'smart-routing', name: 'Smart routing', limit: 10, used: 4 },
        { id: 'ai-topics', name: 'AI Topics', limit: 5, used: 5 },
        { id: 'ai-qa', name: 'AI QA', limit: null, used: 2 },
      ],
    },
  });
  return { ...base, snapshot };
}

async function limits(adapter: LicensingAdapter = new MemoryAdapter(seed())) {
  const el = await fixture<PowerPackLimits>(
    html`<power-pack-limits .adapter=${adapter}></power-pack-limits>`,
  );
  await settle(el);
  return el;
}

/** The Power Pack with these services, as the backend sends them. */
const withServices = (services: PowerPackService[]) =>
  new MemoryAdapter(seed((s) => ({ ...s, powerPack: { ...s.powerPack!, services } })));

const field = (el: PowerPackLimits, service: string) =>
  deepQueryAll<HTMLInputElement>(el, '[role="spinbutton"]').find(
    (input) =>
      input.getRootNode() instanceof ShadowRoot &&
      ((input.getRootNode() as ShadowRoot).host as HTMLElement).getAttribute('label')!.startsWith(service),
  )!;

async function type(el: PowerPackLimits, input: HTMLInputElement, text: string) {
  input.focus();
  input.select();
  await sendKeys({ press: 'Backspace' });
  if (text) await typeText(text);
  await settle(el);
}

describeWidgetStates({
  tag: 'power-pack-limits',
  render: (adapter) => html`<power-pack-limits .adapter=${adapter}></power-pack-limits>`,
  seed: () => seed(),
  readyText: 'Smart routing',
});

describe('power-pack-limits', () => {
  it('lists every service from the snapshot with its limit, usage and maximum spend', async () => {
    const el = await limits();
    const text = deepText(el);
    expect(text).to.contain('4 of 10 packs used this month');
    expect(text).to.contain('At most €490.00 a month'); // 10 × €49
    expect(text).to.contain('2 packs used this month'); // AI QA, no limit
    expect(text).to.contain('No cap on monthly spend');
    expect(field(el, 'AI QA').value).to.equal('');
    await expect(el).to.be.accessible();
  });

  it('shows a service that reached its limit as stopped until next month', async () => {
    const el = await limits();
    expect(deepText(el)).to.contain('Limit reached: stopped until December 1, 2026.');
  });

  it('shows each prerequisite and whether it is met, in words', async () => {
    const el = await limits();
    const text = deepText(el);
    // One state each (issue #15): "Ready" never sits beside "Needs: …".
    expect(text).to.contain('Ready 1 email queue set up.');
    expect(text).to.contain('Ready Speech-to-Text is on');
    expect(text).to.contain('Missing A QA form allowed for AI QA: set one in Manage → Settings → QA Forms');
    expect(text).not.to.contain('Needs');
  });

  it('says AI Topics stops working on call queues when the draft turns STT off', async () => {
    const adapter = new MemoryAdapter(seed());
    const el = await limits(adapter);
    sharedStoreFor(adapter).setSpeechToText({ enabled: false });
    await settle(el);
    expect(deepText(el)).to.contain('Speech-to-Text is off: AI Topics will not work on the 1 call queues');
  });

  it('puts a typed limit into the draft, and empty means no limit', async () => {
    const adapter = new MemoryAdapter(seed());
    const el = await limits(adapter);
    await type(el, field(el, 'Smart routing'), '12');
    expect(sharedStoreFor(adapter).state.draft).to.deep.equal({
      powerPack: { limits: { 'smart-routing': 12 } },
    });
    expect(deepText(el)).to.contain('At most €588.00 a month');
    await type(el, field(el, 'Smart routing'), '');
    expect(sharedStoreFor(adapter).state.draft).to.deep.equal({
      powerPack: { limits: { 'smart-routing': null } },
    });
  });

  it('warns that lowering a limit below what is used stops the service at once', async () => {
    const el = await limits();
    await type(el, field(el, 'Smart routing'), '3');
    expect(deepText(el)).to.contain(
      'Smart routing already used 4 packs this month: with this limit it stops at once',
    );
    await expect(el).to.be.accessible();
  });

  for (const bad of ['abc', '-2', '2.5', '123456789012345678901']) {
    it(`answers "${bad}" at the field and keeps it out of the draft`, async () => {
      const adapter = new MemoryAdapter(seed());
      const el = await limits(adapter);
      await type(el, field(el, 'Smart routing'), bad);
      expect(field(el, 'Smart routing').getAttribute('aria-invalid')).to.equal('true');
      expect(sharedStoreFor(adapter).state.draft).to.deep.equal({});
    });
  }

  it('turning the Power Pack off disables the limits and says so', async () => {
    const adapter = new MemoryAdapter(seed());
    const el = await limits(adapter);
    (deepQueryAll(el, '[role="switch"]')[0] as HTMLButtonElement).click();
    await settle(el);
    expect(sharedStoreFor(adapter).state.draft).to.deep.equal({ powerPack: { enabled: false } });
    expect(deepText(el)).to.contain('The Power Pack is off');
    expect(deepQueryAll<HTMLInputElement>(el, '[role="spinbutton"]').every((i) => i.disabled)).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('shows a service the rule book does not know, without a prerequisite', async () => {
    const el = await limits(withServices([{ id: 'translator', name: 'Translator', limit: 2, used: 0 }]));
    expect(deepText(el)).to.contain('Translator');
    expect(deepText(el)).not.to.contain('Needs:');
  });

  it('says when the account has no Power Pack', async () => {
    const el = await limits(
      new MemoryAdapter(
        seed((s) => {
          const { powerPack: _omit, ...rest } = s;
          void _omit;
          return rest;
        }),
      ),
    );
    expect(deepText(el)).to.contain('The Power Pack is not part of this account.');
  });
});

describe('power-pack-limits: service ids from the backend', () => {
  it('names each service in the list by its name, whatever characters its id holds', async () => {
    const el = await limits(
      withServices([
        { id: 'smart routing v2', name: 'Smart routing', limit: 10, used: 4 },
        { id: 'ai-qa', name: 'AI QA', limit: null, used: 2 },
      ]),
    );
    const root = el.shadowRoot!;
    const names = [...root.querySelectorAll('[part~="service"]')].map((item) =>
      (item.getAttribute('aria-labelledby') ?? '')
        .split(/\s+/)
        .map((id) => root.getElementById(id)?.textContent?.trim() ?? `(no element #${id})`)
        .join(' '),
    );
    expect(names).to.deep.equal(['Smart routing', 'AI QA']);
    await expect(el).to.be.accessible();
  });
});

// Stopped and maximum spend are the rule book's; these fail if the element judged them itself.
describe('power-pack-limits: says what the rules say (R8)', () => {
  const drafts: [string, ChangeSet][] = [
    ['as saved', {}],
    ['switched off in the draft', { powerPack: { enabled: false } }],
    [
      'limits changed in the draft',
      { powerPack: { limits: { 'smart-routing': 3, 'ai-topics': null, 'ai-qa': 2 } } },
    ],
  ];
  for (const [what, draft] of drafts) {
    it(`stopped and maximum spend per service are isPowerPackServiceStopped's and powerPackServiceMaxSpend's: ${what}`, async () => {
      const adapter = new MemoryAdapter(seed());
      const el = await limits(adapter);
      const store = sharedStoreFor(adapter);
      store.edit(draft);
      await settle(el);
      const planned = store.state.planned!.powerPack!;
      const items = deepQueryAll(el, '[part="service"]');
      const services = store.state.snapshot!.powerPack!.services;
      expect(items).to.have.length(services.length);
      services.forEach((service, i) => {
        // The planned service: a raised limit is not "stopped" (issue #15).
        const next = planned.services.find((s) => s.id === service.id)!;
        const stopped = isPowerPackServiceStopped(planned, next);
        const onSave = powerPackServiceOnSave(store.state.snapshot!.powerPack!, service, planned, next);
        expect(items[i]!.hasAttribute('data-stopped'), service.id).to.equal(stopped);
        expect(items[i]!.querySelector('[part="stopped"]') !== null, service.id).to.equal(
          onSave === 'stopped',
        );
        const limit = next.limit;
        const spend = powerPackServiceMaxSpend(planned, limit);
        expect(items[i]!.querySelector('[part="spend"]')!.textContent!.trim(), service.id).to.equal(
          limitsMessages.maxSpend(spend.kind === 'capped' ? spend.amount : null),
        );
      });
    });
  }
});

describe('power-pack-limits: money it cannot hold exactly', () => {
  it('renders a pack price whose limit × price leaves safe integers, saying the spend is too large to show', async () => {
    const adapter = new MemoryAdapter(
      seed((s) => ({
        ...s,
        powerPack: { ...s.powerPack!, enabled: true, packPrice: { amount: 2e15, currency: 'EUR' } },
      })),
    );
    const el = await limits(adapter);
    const items = deepQueryAll(el, '[part="service"]');
    expect(items).to.have.length(3);
    const spends = items.map((item) => item.querySelector('[part="spend"]')!.textContent!.trim());
    // smart-routing 10 × 2e15 and ai-topics 5 × 2e15 are beyond 2^53; ai-qa has no limit.
    expect(spends).to.deep.equal([
      limitsMessages.maxSpendTooLarge,
      limitsMessages.maxSpendTooLarge,
      limitsMessages.maxSpend(null),
    ]);
    expect(field(el, 'Smart routing')).to.exist;
    expect(
      powerPackServiceSpend({ enabled: true, packPrice: { amount: 2e15, currency: 'EUR' } }, 10),
    ).to.deep.equal({ kind: 'too-large' });
    expect(
      powerPackServiceSpend({ enabled: true, packPrice: { amount: 250, currency: 'EUR' } }, 4),
    ).to.deep.equal(
      powerPackServiceMaxSpend({ enabled: true, packPrice: { amount: 250, currency: 'EUR' } }, 4),
    );
  });
});

// Issue #15: the figures follow the pending change, statuses never contradict, read-only shows
// plain values; in every adapter mode of the demo.
for (const mode of adapterModes) {
  describe(`power-pack-limits: trust at the moment of purchase (${mode})`, () => {
    async function shown(data = seed()) {
      const adapter = await adapterFor(mode, data);
      const el = await fixture<PowerPackLimits>(
        html`<power-pack-limits .adapter=${adapter}></power-pack-limits>`,
      );
      await loaded(el, adapter);
      return { el, store: sharedStoreFor(adapter) };
    }
    const item = (el: PowerPackLimits, name: string) =>
      deepQueryAll<HTMLElement>(el, '[part="service"]').find(
        (li) => li.querySelector('h4')!.textContent === name,
      )!;
    const text = (node: Element) => node.textContent!.replace(/\s+/g, ' ').trim();
    const meter = (el: PowerPackLimits, name: string) => item(el, name).querySelector('meter')!;

    it('a service at its limit whose limit is raised says it resumes on save, not that it is stopped', async () => {
      const { el, store } = await shown();
      expect(text(item(el, 'AI Topics'))).to.contain('Limit reached: stopped until December 1, 2026.');
      await type(el, field(el, 'AI Topics'), '8');
      expect(store.state.draft).to.deep.equal({ powerPack: { limits: { 'ai-topics': 8 } } });
      const topics = text(item(el, 'AI Topics'));
      expect(topics).to.contain('5 of 8 packs used this month — resumes when you save');
      expect(topics).not.to.contain('stopped');
      expect(item(el, 'AI Topics').hasAttribute('data-stopped')).to.equal(false);
      expect([meter(el, 'AI Topics').max, meter(el, 'AI Topics').value]).to.deep.equal([8, 5]);
      await expect(el).to.be.accessible();
    });

    it('a limit lowered below what is used says the service stops as soon as the draft is saved', async () => {
      const { el } = await shown();
      await type(el, field(el, 'Smart routing'), '3');
      const routing = text(item(el, 'Smart routing'));
      expect(routing).to.contain('4 of 3 packs used this month — stops as soon as you save');
      expect(routing).not.to.contain('Limit reached');
      expect(meter(el, 'Smart routing').max).to.equal(3);
      expect(item(el, 'Smart routing').hasAttribute('data-stopped')).to.equal(true);
      el.style.colorScheme = 'dark';
      await expect(el).to.be.accessible();
    });

    it('the switch is labelled with the name and its state follows it: On, then Off', async () => {
      const { el, store } = await shown();
      const sw = deepQueryAll<HTMLButtonElement>(el, '[role="switch"]')[0]!;
      const state = el.shadowRoot!.querySelector('[part="state"]')!;
      expect(text(sw)).to.equal('Power Pack');
      expect([sw.getAttribute('aria-checked'), state.textContent]).to.deep.equal(['true', 'On']);
      sw.click();
      await settle(el);
      expect(store.state.draft).to.deep.equal({ powerPack: { enabled: false } });
      expect([sw.getAttribute('aria-checked'), state.textContent]).to.deep.equal(['false', 'Off']);
      expect(deepText(el)).not.to.match(/Power Pack on\b/);
      await expect(el).to.be.accessible();
    });

    it('switched off, the limits and the prerequisite badges look inactive', async () => {
      const { el } = await shown();
      const badge = () => item(el, 'Smart routing').querySelector('.badge')!;
      const on = getComputedStyle(badge());
      const [onColour, onBorder] = [on.color, on.borderStyle];
      deepQueryAll<HTMLButtonElement>(el, '[role="switch"]')[0]!.click();
      await settle(el);
      const off = getComputedStyle(badge());
      expect([off.color, off.borderStyle]).not.to.deep.equal([onColour, onBorder]);
      expect(off.color).to.equal(getComputedStyle(item(el, 'Smart routing')).color);
      expect(deepQueryAll<HTMLInputElement>(el, '[role="spinbutton"]').every((i) => i.disabled)).to.equal(
        true,
      );
      await expect(el).to.be.accessible();
      el.style.colorScheme = 'dark';
      await expect(el).to.be.accessible();
    });

    it('shows one prerequisite state: Ready with what is there, or Missing with what to do', async () => {
      const { el } = await shown(
        seed((s) => ({ ...s, prerequisites: { emailQueues: 6, callQueuesWithAiTopics: 2, aiQaForms: 0 } })),
      );
      expect(text(item(el, 'Smart routing').querySelector('[part="prerequisite"]')!)).to.equal(
        'Ready 6 email queues set up.',
      );
      expect(text(item(el, 'AI QA').querySelector('[part="prerequisite"]')!)).to.match(/^Missing A QA form/);
      expect(deepText(el)).not.to.contain('Needs');
    });

    it('read-only (view): the switch and the limits are plain values, not faint controls', async () => {
      const { el } = await shown(seed((s) => ({ ...s, permission: 'view' })));
      expect(deepQueryAll(el, '[role="switch"], [role="spinbutton"], button')).to.have.length(0);
      const header = text(el.shadowRoot!.querySelector('header')!);
      expect(header).to.equal('Power Pack limits Power Pack On');
      expect(text(item(el, 'Smart routing'))).to.contain('Limit: 10 packs a month');
      expect(text(item(el, 'AI QA'))).to.contain('No limit');
      expect(deepText(el)).to.contain('You can view licences but not change them.');
      await expect(el).to.be.accessible();
    });

    it('the services fill the row: no empty column at its end', async () => {
      const { el } = await shown();
      el.style.width = '1200px'; // room for four columns of 16rem, three services
      await settle(el);
      const list = el.shadowRoot!.querySelector('ul')!.getBoundingClientRect();
      const last = deepQueryAll(el, '[part="service"]').at(-1)!.getBoundingClientRect();
      expect(Math.abs(list.right - last.right)).to.be.lessThan(1);
    });
  });
}

describe('power-pack-limits: Czech for the pending change and the switch', () => {
  it('says On / Off and resumes on save in Czech', async () => {
    registerMessages('cs', 'common', csCommon);
    registerMessages('cs', 'power-pack-limits', csLimits);
    const adapter = new MemoryAdapter(seed());
    const el = await fixture<PowerPackLimits>(
      html`<power-pack-limits lang="cs" .adapter=${adapter}></power-pack-limits>`,
    );
    await settle(el);
    await type(el, field(el, 'AI Topics'), '8');
    const text = deepText(el);
    expect(text).to.contain('Power Pack Zapnuto');
    expect(text).to.contain('Tento měsíc využito 5 z 8 balíčků – po uložení se znovu spustí');
    expect(text).to.contain('Připraveno 1 nastavená e-mailová fronta.');
  });

  it('names what is missing in the nominative, after "Chybí"', async () => {
    registerMessages('cs', 'common', csCommon);
    registerMessages('cs', 'power-pack-limits', csLimits);
    const adapter = new MemoryAdapter(
      seed((s) => ({ ...s, prerequisites: { emailQueues: 0, callQueuesWithAiTopics: 1, aiQaForms: 0 } })),
    );
    const el = await fixture<PowerPackLimits>(
      html`<power-pack-limits lang="cs" .adapter=${adapter}></power-pack-limits>`,
    );
    await settle(el);
    expect(deepText(el)).to.contain('Chybí E-mailová fronta: nastavte chytré směrování');
    expect(deepText(el)).to.contain('Chybí Formulář QA povolený pro AI QA');
  });
});
