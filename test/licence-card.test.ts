import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { typeText } from './helpers/keys.js';
import type { LicensingAdapter } from '../src/adapters/adapter.js';
import { MemoryAdapter } from '../src/adapters/memory/index.js';
import '../src/elements/licence-card/licence-card.js';
import type { LicenceCard } from '../src/elements/licence-card/licence-card.component.js';
import '../src/elements/licence-provider/licence-provider.js';
import { registerMessages } from '../src/i18n/locale.js';
import { common as csCommon } from '../src/locales/cs/common.js';
import { messages as csCard } from '../src/locales/cs/licence-card.js';
import { messages as csIssues } from '../src/locales/cs/issues.js';
import { sharedStoreFor } from '../src/state/controller.js';
import { adapterFor, adapterModes, loaded } from './helpers/adapter-modes.js';
import { smallSeed } from './helpers/fixtures.js';
import { deepQueryAll, deepText, describeWidgetStates } from './helpers/widget-states.js';
import { settle } from './helpers/settle.js';
import {
  canEdit,
  canView,
  lineFor,
  unitMultiplier,
  type ChangeSet,
  type LicensingSnapshot,
  type Permission,
} from '../src/core/index.js';
import { messages as cardMessages } from '../src/elements/licence-card/licence-card.messages.js';

async function card(typeId: string, adapter: LicensingAdapter = new MemoryAdapter(smallSeed())) {
  const el = await fixture<LicenceCard>(
    html`<licence-card type-id=${typeId} .adapter=${adapter}></licence-card>`,
  );
  await settle(el);
  return el;
}

function spinbutton(el: LicenceCard): HTMLInputElement {
  return deepQueryAll<HTMLInputElement>(el, '[role="spinbutton"]')[0]!;
}

async function type(el: LicenceCard, input: HTMLInputElement, text: string) {
  input.focus();
  input.select();
  await sendKeys({ press: 'Backspace' });
  if (text) await typeText(text);
  await settle(el);
}

describeWidgetStates({
  tag: 'licence-card',
  render: (adapter) => html`<licence-card type-id="voice" .adapter=${adapter}></licence-card>`,
  seed: () => smallSeed(),
  readyText: 'Voice',
});

describe('licence-card: seat licence', () => {
  it('shows name, count, in use, unit price and monthly subtotal', async () => {
    const el = await card('voice');
    const text = deepText(el);
    expect(text).to.contain('Voice');
    expect(text).to.contain('In use: 3 of 10');
    expect(text).to.contain('€24.00 per licence per month');
    expect(text).to.contain('€240.00 per month');
    expect(spinbutton(el).value).to.equal('10');
    expect(spinbutton(el).getAttribute('aria-valuenow')).to.equal('10');
  });

  it('puts a typed count into the shared draft and shows the pending change and its cost', async () => {
    const adapter = new MemoryAdapter(smallSeed());
    const el = await card('voice', adapter);
    const changes: unknown[] = [];
    el.addEventListener('licence-change', (e) => changes.push(e.detail.draft));
    await type(el, spinbutton(el), '12');
    expect(sharedStoreFor(adapter).state.draft).to.deep.equal({ counts: { voice: 12 } });
    expect(deepText(el)).to.contain('10 → 12, +€48.00 per month');
    expect(changes.at(-1)).to.deep.equal({ counts: { voice: 12 } });
    await expect(el).to.be.accessible();
  });

  it('steps with arrow keys and Page Up / Page Down', async () => {
    const adapter = new MemoryAdapter(smallSeed());
    const el = await card('email', adapter);
    spinbutton(el).focus();
    await sendKeys({ press: 'ArrowUp' });
    await settle(el);
    expect(sharedStoreFor(adapter).state.draft.counts?.email).to.equal(3);
    await sendKeys({ press: 'PageUp' });
    await settle(el);
    expect(sharedStoreFor(adapter).state.draft.counts?.email).to.equal(13);
    await sendKeys({ press: 'PageDown' });
    await sendKeys({ press: 'PageDown' });
    await settle(el);
    // Clamped at what is in use (1 of Email's): never below it, so never negative (R3).
    expect(spinbutton(el).value).to.equal('1');
  });

  it('steps with the − / + buttons', async () => {
    const adapter = new MemoryAdapter(smallSeed());
    const el = await card('email', adapter);
    const plus = deepQueryAll<HTMLButtonElement>(el, 'button').find(
      (b) => b.getAttribute('aria-label') === 'Increase Email licences',
    )!;
    plus.click();
    plus.click();
    await settle(el);
    expect(sharedStoreFor(adapter).state.draft.counts?.email).to.equal(4);
  });

  for (const [text, says] of [
    ['1.5', 'without decimals'],
    ['-1', '0 or more'],
    ['12abc', 'whole number in digits'],
    ['', 'Enter a number'],
    ['99999999999999999999', 'or less'],
  ] as const) {
    it(`answers "${text}" at the field and keeps it out of the draft`, async () => {
      const adapter = new MemoryAdapter(smallSeed());
      const el = await card('voice', adapter);
      await type(el, spinbutton(el), text);
      expect(deepText(el)).to.contain(says);
      expect(spinbutton(el).getAttribute('aria-invalid')).to.equal('true');
      expect(sharedStoreFor(adapter).state.draft).to.deep.equal({});
    });
  }

  it('blocks a reduction below in-use, says how many users to free and offers to show them (R3)', async () => {
    const adapter = new MemoryAdapter(smallSeed());
    const el = await card('voice', adapter);
    await type(el, spinbutton(el), '1');
    const text = deepText(el);
    expect(text).to.contain('3 Voice licences are in use. Free 2 agents first');
    const asked: string[] = [];
    el.addEventListener('licence-show-usage', (e) => asked.push(e.detail.typeId));
    const link = deepQueryAll<HTMLButtonElement>(el, 'button').find((b) =>
      b.textContent!.includes('See who uses Voice'),
    )!;
    link.click();
    expect(asked).to.deep.equal(['voice']);
    expect(sharedStoreFor(adapter).state.canSave).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('says why outbound cannot exceed voice (R4)', async () => {
    const el = await card('outbound');
    await type(el, spinbutton(el), '11');
    expect(deepText(el)).to.contain('Every Outbound user also needs a Voice licence: you have 10');
  });

  it('says this month stays at the peak after a reduction (R5)', async () => {
    const el = await card('voice');
    await type(el, spinbutton(el), '8');
    expect(deepText(el)).to.contain('10 → 8, −€48.00 per month');
    expect(deepText(el)).to.contain('Highest this month: 12 — this month is billed at 12 (€288.00).');
  });

  it('prices the recording card in units of the retention (R6)', async () => {
    const el = await card('call-recording');
    expect(deepText(el)).to.contain('×3 units per user');
    // 3 licences × 3 units × €3.00
    expect(deepText(el)).to.contain('€27.00 per month');
  });

  it('is read-only with view permission and says why', async () => {
    const el = await card('voice', new MemoryAdapter(smallSeed({ permission: 'view' })));
    // Plain values, no control that looks editable (issue #15).
    expect(spinbutton(el)).to.equal(undefined);
    expect(deepText(el)).to.contain('Voice licences: 10');
    expect(deepText(el)).to.contain('You can view licences but not change them.');
  });

  it('says when the type does not exist', async () => {
    const el = await card('fax');
    expect(deepText(el)).to.contain('There is no licence type "fax"');
    await expect(el).to.be.accessible();
  });

  it('renders hostile names as text', async () => {
    const seed = smallSeed();
    seed.snapshot = {
      ...seed.snapshot,
      catalog: seed.snapshot.catalog.map((t) =>
        t.id === 'voice' ? { ...t, name: '<img src=x onerror="window.hacked=1">' } : t,
      ),
    };
    const el = await card('voice', new MemoryAdapter(seed));
    expect(deepQueryAll(el, 'img')).to.have.length(0);
    expect(deepText(el)).to.contain('<img src=x');
  });

  it('explains the pricing rule in an info popover that Escape closes', async () => {
    const el = await card('voice');
    const info = deepQueryAll<HTMLButtonElement>(el, 'button').find(
      (b) => b.getAttribute('aria-label') === 'About Voice',
    )!;
    info.click();
    await settle(el);
    const panel = deepQueryAll<HTMLElement>(el, '[role="note"]')[0]!;
    expect(panel.hidden).to.equal(false);
    expect(info.getAttribute('aria-expanded')).to.equal('true');
    // Floating UI (loaded on this first open) places the panel under its button.
    await waitUntil(() => panel.style.translate !== '', 'the panel is positioned');
    expect(panel.getBoundingClientRect().top).to.be.at.least(info.getBoundingClientRect().bottom);
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await settle(el);
    expect(panel.hidden).to.equal(true);
  });

  it('speaks Czech under lang="cs"', async () => {
    registerMessages('cs', 'common', csCommon);
    registerMessages('cs', 'licence-card', csCard);
    const adapter = new MemoryAdapter(smallSeed());
    // lang on the element itself: a plain <div> fixture waits for an animation frame, which a
    // background tab (two test files at once) may not give.
    const el = await fixture<LicenceCard>(
      html`<licence-card lang="cs" type-id="voice" .adapter=${adapter}></licence-card>`,
    );
    await settle(el);
    expect(deepText(el)).to.contain('Používá se: 3 z 10');
    expect(deepText(el)).to.match(/24,00\s€ za licenci měsíčně/);
  });

  it('in Czech, a blocked reduction says how many agents to free, beside the link to them', async () => {
    registerMessages('cs', 'common', csCommon);
    registerMessages('cs', 'licence-card', csCard);
    registerMessages('cs', 'issues', csIssues);
    const el = await fixture<LicenceCard>(
      html`<licence-card
        lang="cs"
        type-id="voice"
        .adapter=${new MemoryAdapter(smallSeed())}
      ></licence-card>`,
    );
    await settle(el);
    await type(el, spinbutton(el), '1');
    expect(deepText(el)).to.contain(
      'Licencí Voice se používá 3. Nejdřív licenci odeberte 2 agentům, pak snižte.',
    );
  });
});

describe('licence-card: Speech-to-Text', () => {
  it('shows the switch, the limit over the base pack and the total cap (R7: max 7000 → 2000)', async () => {
    const el = await card('speech-to-text');
    const text = deepText(el);
    expect(text).to.contain('At most 7,000 minutes a month (5,000 base + 2,000)');
    expect(text).to.contain('5,500 of 7,000 minutes used this month');
    const sw = deepQueryAll(el, '[role="switch"]')[0]!;
    expect(sw.getAttribute('aria-checked')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('an empty limit means no limit', async () => {
    const adapter = new MemoryAdapter(smallSeed());
    const el = await card('speech-to-text', adapter);
    await type(el, spinbutton(el), '');
    expect(sharedStoreFor(adapter).state.draft).to.deep.equal({ speechToText: { limitOverBase: null } });
    expect(deepText(el)).to.contain('No limit');
    expect(deepText(el)).to.contain('No cap on monthly spend');
  });

  it('warns that a limit below what is used stops STT at once', async () => {
    const el = await card('speech-to-text');
    await type(el, spinbutton(el), '100');
    expect(deepText(el)).to.contain('Speech-to-Text stops at once until next month');
  });

  it('turning it off goes into the draft and warns about AI Topics on call queues (R8)', async () => {
    const adapter = new MemoryAdapter(smallSeed());
    const el = await card('speech-to-text', adapter);
    (deepQueryAll(el, '[role="switch"]')[0] as HTMLButtonElement).click();
    await settle(el);
    expect(sharedStoreFor(adapter).state.draft).to.deep.equal({ speechToText: { enabled: false } });
    expect(deepText(el)).to.contain('needs Speech-to-Text on');
  });

  it('shows the stopped state until the next month', async () => {
    const seed = smallSeed();
    seed.snapshot = { ...seed.snapshot, speechToText: { ...seed.snapshot.speechToText!, usedMinutes: 7000 } };
    const el = await card('speech-to-text', new MemoryAdapter(seed));
    expect(deepText(el)).to.contain('Speech-to-Text is stopped until December 1, 2026');
  });
});

describe('licence-card: Power Pack', () => {
  it('is a switch whose change goes into the draft', async () => {
    const adapter = new MemoryAdapter(smallSeed());
    const el = await card('power-pack', adapter);
    expect(deepText(el)).to.contain('Power Pack');
    (deepQueryAll(el, '[role="switch"]')[0] as HTMLButtonElement).click();
    await settle(el);
    expect(sharedStoreFor(adapter).state.draft).to.deep.equal({ powerPack: { enabled: false } });
    await expect(el).to.be.accessible();
  });

  it('says when the account has no Power Pack', async () => {
    const seed = smallSeed();
    const { powerPack: _omit, ...snapshot } = seed.snapshot;
    void _omit;
    const el = await card('power-pack', new MemoryAdapter({ ...seed, snapshot }));
    expect(deepText(el)).to.contain('Power Pack is not part of this account');
  });
});

describe('licence-card: after the draft changes elsewhere', () => {
  it('steps from the discarded value, not from what was typed before', async () => {
    const adapter = new MemoryAdapter(smallSeed());
    const el = await card('email', adapter);
    const plus = deepQueryAll<HTMLButtonElement>(el, 'button').find(
      (b) => b.getAttribute('aria-label') === 'Increase Email licences',
    )!;
    plus.click();
    await settle(el);
    expect(sharedStoreFor(adapter).state.draft.counts?.email).to.equal(3);
    sharedStoreFor(adapter).discard();
    await settle(el);
    expect(spinbutton(el).value).to.equal('2');
    plus.click();
    await settle(el);
    expect(sharedStoreFor(adapter).state.draft.counts?.email).to.equal(3);
  });
});

// The card shows what the rule book derives; these fail if the card computed it another way.
describe('licence-card: says what the rules say', () => {
  const drafts: [string, string, ChangeSet][] = [
    ['a count raised', 'voice', { counts: { voice: 14 } }],
    ['a count lowered below the peak', 'voice', { counts: { voice: 8 } }],
    ['a type nobody bought yet', 'email', { counts: { email: 3 } }],
    ['a retention change only', 'call-recording', { retention: { months: 3 } }],
    [
      'a retention and a count change',
      'call-recording',
      { retention: { months: 24 }, counts: { 'call-recording': 5 } },
    ],
    ['the free retention', 'call-recording', { retention: { days: 14 } }],
  ];
  for (const [what, typeId, draft] of drafts) {
    it(`count, unit multiplier and subtotal are the planned snapshot's and the quote's: ${what}`, async () => {
      const adapter = new MemoryAdapter(smallSeed());
      const el = await card(typeId, adapter);
      const store = sharedStoreFor(adapter);
      expect(store.edit(draft).ok).to.equal(true);
      await settle(el);
      const { planned, quote, snapshot } = store.state;
      const type = snapshot!.catalog.find((t) => t.id === typeId)!;
      const quoted = quote!.lines.find((l) => l.typeId === typeId)!;
      expect(spinbutton(el).value).to.equal(String(lineFor(planned!, typeId).count));
      expect(quoted.count.to).to.equal(lineFor(planned!, typeId).count);
      const subtotal = deepQueryAll(el, '[part="subtotal"]')[0]!.textContent!.trim();
      expect(subtotal).to.equal(cardMessages.subtotal(quoted.nextMonth.after));
      const price = deepQueryAll(el, '[part="price"]')[0]!.textContent!.trim();
      const multiplier = unitMultiplier(planned!, typeId);
      expect(multiplier).to.equal(quoted.multiplier.to);
      expect(price).to.equal(
        snapshot!.recording?.typeId === typeId
          ? cardMessages.unitPriceRecording(type.unitPrice, multiplier)
          : cardMessages.unitPrice(type.unitPrice),
      );
    });
  }

  for (const permission of ['none', 'view', 'update'] as Permission[]) {
    it(`follows canView / canEdit with ${permission} permission (R1)`, async () => {
      const el = await card('voice', new MemoryAdapter(smallSeed({ permission })));
      expect(el.matches(':state(no-access)')).to.equal(!canView(permission));
      expect(el.matches(':state(read-only)')).to.equal(canView(permission) && !canEdit(permission));
      const input = deepQueryAll<HTMLInputElement>(el, '[role="spinbutton"]')[0];
      // With view permission the count is plain text: no field at all, read-only or not.
      if (!canEdit(permission)) expect(input).to.equal(undefined);
      else expect(input!.readOnly).to.equal(false);
    });
  }
});

// Issue #15: the switch cards' figures follow the pending change and their words follow the switch;
// in every adapter mode of the demo.
for (const mode of adapterModes) {
  describe(`licence-card: switch cards, trust at the moment of purchase (${mode})`, () => {
    const withStt = (
      change: Partial<NonNullable<LicensingSnapshot['speechToText']>>,
      permission?: Permission,
    ) => {
      const seed = smallSeed(permission ? { permission } : {});
      seed.snapshot = { ...seed.snapshot, speechToText: { ...seed.snapshot.speechToText!, ...change } };
      return seed;
    };
    async function shown(typeId: string, seed = smallSeed()) {
      const adapter = await adapterFor(mode, seed);
      const el = await fixture<LicenceCard>(
        html`<licence-card type-id=${typeId} .adapter=${adapter}></licence-card>`,
      );
      await loaded(el, adapter);
      return { el, store: sharedStoreFor(adapter) };
    }
    const usage = (el: LicenceCard) =>
      el.shadowRoot!.querySelector('[part="usage"]')!.textContent!.replace(/\s+/g, ' ').trim();
    const meter = (el: LicenceCard) => el.shadowRoot!.querySelector('meter');

    it('a pending limit below what is used: the planned total, and it stops as soon as you save', async () => {
      const { el, store } = await shown('speech-to-text', withStt({ usedMinutes: 5830 }));
      expect(usage(el)).to.equal('5,830 of 7,000 minutes used this month');
      await type(el, spinbutton(el), '500');
      expect(store.state.draft).to.deep.equal({ speechToText: { limitOverBase: 500 } });
      expect(usage(el)).to.equal('5,830 of 5,500 minutes used this month — stops as soon as you save');
      expect([meter(el)!.max, meter(el)!.value]).to.deep.equal([5500, 5500]); // full
      expect(deepText(el)).to.contain('At most 5,500 minutes a month (5,000 base + 500)');
      expect(deepText(el)).not.to.contain('is stopped until');
      await expect(el).to.be.accessible();
      el.style.colorScheme = 'dark';
      await expect(el).to.be.accessible();
    });

    it('a stopped Speech-to-Text given room says it resumes when you save, not that it is stopped', async () => {
      const { el } = await shown('speech-to-text', withStt({ usedMinutes: 7000 }));
      expect(deepText(el)).to.contain('Speech-to-Text is stopped until December 1, 2026');
      await type(el, spinbutton(el), '3000');
      expect(usage(el)).to.equal('7,000 of 8,000 minutes used this month — resumes when you save');
      expect(meter(el)!.max).to.equal(8000);
      expect(deepText(el)).not.to.contain('stopped');
      await type(el, spinbutton(el), '');
      expect(usage(el)).to.equal('7,000 minutes used this month — resumes when you save');
      expect(meter(el)).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('the switch is named Speech-to-Text and its state follows it; off, the limit is inactive', async () => {
      const { el, store } = await shown('speech-to-text');
      const sw = deepQueryAll<HTMLButtonElement>(el, '[role="switch"]')[0]!;
      const state = el.shadowRoot!.querySelector('[part="state"]')!;
      expect(sw.textContent!.trim()).to.equal('Speech-to-Text');
      expect([sw.getAttribute('aria-checked'), state.textContent]).to.deep.equal(['true', 'On']);
      expect(Number(getComputedStyle(meter(el)!).opacity)).to.equal(1);
      sw.click();
      await settle(el);
      expect(store.state.draft).to.deep.equal({ speechToText: { enabled: false } });
      expect([sw.getAttribute('aria-checked'), state.textContent]).to.deep.equal(['false', 'Off']);
      expect(deepText(el.shadowRoot!.querySelector('.toggle')!)).to.equal('Speech-to-Text Off');
      expect(spinbutton(el).disabled).to.equal(true);
      expect(Number(getComputedStyle(meter(el)!).opacity)).to.be.lessThan(1);
      await expect(el).to.be.accessible();
      el.style.colorScheme = 'dark';
      await expect(el).to.be.accessible();
    });

    it('read-only (view): the switch and the limit are plain values, not faint controls', async () => {
      const { el } = await shown('speech-to-text', withStt({}, 'view'));
      expect(deepQueryAll(el, '[role="switch"], [role="spinbutton"]')).to.have.length(0);
      expect(el.shadowRoot!.querySelector('.toggle')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal(
        'Speech-to-Text On',
      );
      expect(deepText(el)).to.contain('Limit over the base pack (minutes per month): 2,000');
      await expect(el).to.be.accessible();
    });

    it('the Power Pack card: the switch is named Power Pack and says On, then Off', async () => {
      const { el, store } = await shown('power-pack');
      const sw = deepQueryAll<HTMLButtonElement>(el, '[role="switch"]')[0]!;
      const state = el.shadowRoot!.querySelector('[part="state"]')!;
      expect([sw.textContent!.trim(), state.textContent]).to.deep.equal(['Power Pack', 'On']);
      sw.click();
      await settle(el);
      expect(store.state.draft).to.deep.equal({ powerPack: { enabled: false } });
      expect([sw.getAttribute('aria-checked'), state.textContent]).to.deep.equal(['false', 'Off']);
      expect(deepText(el.shadowRoot!.querySelector('.toggle')!)).to.equal('Power Pack Off');
    });
  });
}

describe('licence-card: switch cards in Czech', () => {
  it('says the state and what saving does in Czech', async () => {
    registerMessages('cs', 'common', csCommon);
    registerMessages('cs', 'licence-card', csCard);
    const seed = smallSeed();
    seed.snapshot = { ...seed.snapshot, speechToText: { ...seed.snapshot.speechToText!, usedMinutes: 5830 } };
    const el = await fixture<LicenceCard>(
      html`<licence-card
        lang="cs"
        type-id="speech-to-text"
        .adapter=${new MemoryAdapter(seed)}
      ></licence-card>`,
    );
    await settle(el);
    await type(el, spinbutton(el), '500');
    const text = deepText(el);
    expect(text).to.contain('Převod řeči na text Zapnuto');
    expect(text).to.match(/Tento měsíc využito 5\s830 z 5\s500 minut – po uložení se hned zastaví/);
  });
});
