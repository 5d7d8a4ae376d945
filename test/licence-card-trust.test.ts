// Issue #15, the seat card at the moment of purchase: the month's peak before any edit, a retention
// change as a pending line, a stepper that stops where the rules do and says why, another admin's
// change on the card, the focus ring round the whole field, and plain values with `view`. Each runs
// on the memory adapter and on the REST adapter over MSW (the contract's handlers).
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { SetupWorker } from 'msw/browser';
import type { LicensingAdapter } from '../src/adapters/adapter.js';
import { MemoryAdapter } from '../src/adapters/memory/index.js';
import '../src/elements/licence-card/licence-card.js';
import '../src/elements/licence-cart/licence-cart.js';
import '../src/elements/licence-provider/licence-provider.js';
import '../src/elements/retention-picker/retention-picker.js';
import type { LicenceCard } from '../src/elements/licence-card/licence-card.component.js';
import type { LicenceCart } from '../src/elements/licence-cart/licence-cart.component.js';
import type { RetentionPicker } from '../src/elements/retention-picker/retention-picker.component.js';
import type { ChangeSet, LicensingSnapshot } from '../src/core/index.js';
import { registerMessages } from '../src/i18n/locale.js';
import { common as csCommon } from '../src/locales/cs/common.js';
import { messages as csCard } from '../src/locales/cs/licence-card.js';
import { sharedStoreFor } from '../src/state/controller.js';
import { smallSeed } from './helpers/fixtures.js';
import { typeText } from './helpers/keys.js';
import { settle } from './helpers/settle.js';
import { deepQueryAll, deepText } from './helpers/widget-states.js';

interface Mode {
  name: string;
  /** The adapter the widgets use, and the backend behind it (another admin commits there). */
  make(
    overrides?: Partial<LicensingSnapshot>,
  ): Promise<{ adapter: LicensingAdapter; backend: MemoryAdapter }>;
}

let worker: SetupWorker | undefined;
let nextBase = 0;

const modes: Mode[] = [
  {
    name: 'memory adapter',
    make: (overrides) => {
      const backend = new MemoryAdapter(smallSeed(overrides));
      return Promise.resolve({ adapter: backend, backend });
    },
  },
  {
    name: 'REST adapter over MSW',
    make: async (overrides) => {
      const { setupWorker } = await import('msw/browser');
      const { createLicensingHandlers } = await import('../src/mocks/index.js');
      const { RestAdapter } = await import('../src/adapters/rest/index.js');
      const backend = new MemoryAdapter(smallSeed(overrides));
      const baseUrl = `/trust-${++nextBase}`;
      const handlers = createLicensingHandlers({ backend, baseUrl }).handlers;
      if (worker) worker.use(...handlers);
      else {
        worker = setupWorker(...handlers);
        await worker.start({ quiet: true, onUnhandledFrame: 'bypass' });
      }
      return { adapter: new RestAdapter({ baseUrl }), backend };
    },
  },
];

after(() => worker?.stop());

async function card(adapter: LicensingAdapter, typeId = 'voice') {
  const el = await fixture<LicenceCard>(
    html`<licence-card type-id=${typeId} .adapter=${adapter}></licence-card>`,
  );
  await until(el, typeId === 'voice' ? 'Voice' : 'Call recording');
  return el;
}

/** Waits until `el` shows `text` (the REST adapter answers after a round trip, not in one task). */
async function until(el: Element, text: string) {
  await waitUntil(() => deepText(el).includes(text), `shows "${text}"; shows: ${deepText(el)}`, {
    timeout: 3000,
  });
  await settle(el);
}

const spinbutton = (el: Element) => deepQueryAll<HTMLInputElement>(el, '[role="spinbutton"]')[0];
const button = (el: Element, name: string) =>
  deepQueryAll<HTMLButtonElement>(el, 'button').find(
    (b) => b.textContent!.trim() === name || b.getAttribute('aria-label') === name,
  )!;

async function type(el: Element, text: string) {
  const input = spinbutton(el)!;
  input.focus();
  input.select();
  await sendKeys({ press: 'Backspace' });
  await typeText(text);
  await settle(el);
}

for (const mode of modes) {
  describe(`licence-card before an admin spends (issue #15), ${mode.name}`, () => {
    it("shows the month's peak before any edit, so a raise up to it costs nothing this month (R5)", async () => {
      const { adapter } = await mode.make();
      const el = await card(adapter);
      // Voice: 10 set, 12 at the month's highest.
      expect(deepText(el)).to.contain('Highest this month: 12 — this month is billed at 12 (€288.00).');
      await type(el, '12');
      expect(deepText(el)).to.contain('10 → 12, +€48.00 per month');
      expect(deepText(el)).to.contain('this month is billed at 12 (€288.00).');
      await type(el, '14');
      expect(deepText(el)).to.contain('Highest this month: 12 — this month is billed at 14 (€336.00).');
      await expect(el).to.be.accessible();
    });

    it('shows a retention change on the call-recording card as a pending line (R6)', async () => {
      const { adapter } = await mode.make();
      const root = await fixture<HTMLElement>(
        html`<licence-provider .adapter=${adapter}>
          <retention-picker></retention-picker>
          <licence-card type-id="call-recording"></licence-card>
        </licence-provider>`,
      );
      const el = root.querySelector('licence-card')!;
      await until(el, 'Call recording');
      const picker = root.querySelector<RetentionPicker>('retention-picker')!;
      await until(picker, 'Call recording retention');
      const select = picker.shadowRoot!.querySelector('select')!;
      select.value = 'P12M';
      select.dispatchEvent(new Event('change', { bubbles: true }));
      await settle(el);
      // 3 licences: ×3 → ×4 units per user, 3 more units at €3.00.
      expect(deepText(el)).to.contain('×3 → ×4 units per user, +€9.00 per month');
      expect(deepText(el)).not.to.contain('3 → 3');
      expect(deepText(el)).to.contain('×4 units per user');
      expect(deepText(el)).to.contain('€36.00 per month');
      expect(el.matches(':state(pending)')).to.equal(true);
    });

    it('stops the stepper at what is in use and says why on the control; typing lower still errs (R3)', async () => {
      const { adapter } = await mode.make({
        lines: [
          { typeId: 'voice', count: 10, inUse: 6, peak: 12 },
          { typeId: 'outbound', count: 4, inUse: 2, peak: 4 },
        ],
      });
      const el = await card(adapter);
      spinbutton(el)!.focus();
      await sendKeys({ press: 'PageDown' });
      await settle(el);
      expect(spinbutton(el)!.value).to.equal('6');
      expect(spinbutton(el)!.getAttribute('aria-valuemin')).to.equal('6');
      expect(button(el, 'Decrease Voice licences').disabled).to.equal(true);
      const hint = deepQueryAll(el, '[part="message"]').find((p) => p.id === 'message')!;
      expect(hint.textContent!.trim()).to.equal("6 in use — can't go lower");
      // The hint describes the field to a screen reader.
      expect(spinbutton(el)!.getAttribute('aria-describedby')).to.equal('message description');
      await type(el, '5');
      expect(deepText(el)).to.contain('6 Voice licences are in use. Free 1 agent first');
      expect(sharedStoreFor(adapter).state.canSave).to.equal(false);
      await expect(el).to.be.accessible();
    });

    it('stops Voice at what Outbound needs and names it (R4)', async () => {
      const { adapter } = await mode.make();
      const el = await card(adapter);
      spinbutton(el)!.focus();
      await sendKeys({ press: 'Home' });
      await settle(el);
      // 3 Voice in use, but 4 Outbound need as many Voice.
      expect(spinbutton(el)!.value).to.equal('4');
      expect(deepText(el)).to.contain("4 needed by Outbound — can't go lower");
    });

    /**
     * A card for `typeId` with a cart; the user types `count`, then another admin saves `theirs`.
     * Over REST nothing is pushed: the user's save meets the conflict, and the store lists what moved.
     */
    async function anotherAdminSaves(typeId: string, count: string, theirs: ChangeSet) {
      const { adapter, backend } = await mode.make();
      const root = await fixture<HTMLElement>(
        html`<licence-provider .adapter=${adapter}>
          <licence-card type-id=${typeId}></licence-card>
          <licence-cart></licence-cart>
        </licence-provider>`,
      );
      const el = root.querySelector('licence-card')!;
      await waitUntil(() => spinbutton(el), 'the card is loaded');
      await type(el, count);
      await backend.commit(theirs, { expectedVersion: 'v1', idempotencyKey: `another-admin-${typeId}` });
      if (mode.name.startsWith('REST')) {
        const cart = root.querySelector<LicenceCart>('licence-cart')!;
        await cart.review();
        button(cart, 'Save changes').click();
      }
      return el;
    }

    it("shows another admin's change on the card", async () => {
      const el = await anotherAdminSaves('voice', '14', { counts: { voice: 20 } });
      await until(el, 'Changed by someone else: now 20');
      // The draft is kept and re-priced on the new count.
      expect(deepText(el)).to.contain('20 → 14');
      expect(spinbutton(el)!.value).to.equal('14');
      await expect(el).to.be.accessible();
    });

    it("shows another admin's retention change on the call-recording card", async () => {
      const el = await anotherAdminSaves('call-recording', '5', { retention: { months: 12 } });
      await until(el, 'Retention changed by someone else: now 1 year');
      expect(spinbutton(el)!.value).to.equal('5');
    });

    it('shows the count as plain text with view permission, and leaves the sentence to the host', async () => {
      const { adapter } = await mode.make({ permission: 'view' });
      const root = await fixture<HTMLElement>(
        html`<licence-provider .adapter=${adapter}>
          <licence-card type-id="voice"></licence-card>
          <licence-card type-id="email" no-read-only-note></licence-card>
          <retention-picker no-read-only-note></retention-picker>
        </licence-provider>`,
      );
      const [voice, email] = [...root.querySelectorAll('licence-card')];
      const picker = root.querySelector('retention-picker')!;
      await until(voice!, 'Voice licences: 10');
      await until(picker, 'Call recording retention');
      expect(spinbutton(voice!)).to.equal(undefined);
      expect(
        deepQueryAll(voice!, 'button').filter((b) => /Increase|Decrease/.test(b.ariaLabel ?? '')),
      ).to.have.length(0);
      expect(deepText(voice!)).to.contain('You can view licences but not change them.');
      expect(deepText(email!)).to.contain('Email licences: 2');
      expect(deepText(email!)).not.to.contain('You can view licences');
      expect(deepText(picker)).not.to.contain('You can view licences');
      expect(email!.noReadOnlyNote).to.equal(true);
      await expect(voice!).to.be.accessible();
    });
  });
}

describe('licence-card: the number field (issue #15)', () => {
  it('draws the focus ring round the whole control, not clipped inside it (WCAG 2.4.11)', async () => {
    const el = await card(new MemoryAdapter(smallSeed()));
    const input = spinbutton(el)!;
    input.focus();
    await sendKeys({ press: 'ArrowUp' });
    await settle(el);
    const control = deepQueryAll<HTMLElement>(el, '[part="control"]')[0]!;
    expect(getComputedStyle(control).outlineStyle).to.equal('solid');
    expect(getComputedStyle(control).outlineWidth).to.equal('2px');
    // The input's own ring would be cut off by the control's rounded clip.
    expect(getComputedStyle(input).outlineStyle).to.equal('none');
  });

  it('says it all in Czech', async () => {
    registerMessages('cs', 'common', csCommon);
    registerMessages('cs', 'licence-card', csCard);
    const adapter = new MemoryAdapter(smallSeed());
    const el = await fixture<LicenceCard>(
      html`<licence-card lang="cs" type-id="voice" .adapter=${adapter}></licence-card>`,
    );
    await settle(el);
    expect(deepText(el)).to.match(
      /Nejvyšší stav v tomto měsíci: 12 — za tento měsíc se účtuje 12 \(288,00\s€\)\./,
    );
    spinbutton(el)!.focus();
    await sendKeys({ press: 'Home' });
    await settle(el);
    expect(deepText(el)).to.contain('Outbound potřebuje 4 — méně nastavit nelze');
  });
});
