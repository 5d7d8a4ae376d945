import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { typeText } from './helpers/keys.js';
import type { LicensingAdapter } from '../src/adapters/adapter.js';
import { MemoryAdapter } from '../src/adapters/memory/index.js';
import {
  isPowerPackServiceStopped,
  powerPackServiceMaxSpend,
  powerPackServiceSpend,
  type ChangeSet,
  type LicensingSnapshot,
  type PowerPackService,
} from '../src/core/index.js';
import { messages as limitsMessages } from '../src/elements/power-pack-limits/power-pack-limits.messages.js';
import '../src/elements/power-pack-limits/power-pack-limits.js';
import type { PowerPackLimits } from '../src/elements/power-pack-limits/power-pack-limits.component.js';
import { sharedStoreFor } from '../src/state/controller.js';
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
    expect(text).to.contain('Ready Needs: 1 email queue set up.');
    expect(text).to.contain('Ready Needs: Speech-to-Text is on');
    expect(text).to.contain(
      'Missing Needs: A QA form allowed for AI QA: set one in Manage → Settings → QA Forms',
    );
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
        const stopped = isPowerPackServiceStopped(planned, service);
        expect(items[i]!.hasAttribute('data-stopped'), service.id).to.equal(stopped);
        expect(items[i]!.querySelector('[part="stopped"]') !== null, service.id).to.equal(stopped);
        const limit = planned.services.find((s) => s.id === service.id)!.limit;
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
