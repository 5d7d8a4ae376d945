// Change requests (R1) in the settings: a `view` user in <licence-manager requests> drafts a
// request in the retention picker and the Power Pack limits as in the seat cards — marked
// "Request", never as a purchase — and the cart counts it. Memory and REST over MSW.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { LicensingAdapter } from '../src/adapters/adapter.js';
import '../src/elements/licence-manager/licence-manager.js';
import '../src/elements/licence-card/licence-card.js';
import '../src/locales/cs.js';
import type { LicenceManager } from '../src/elements/licence-manager/licence-manager.component.js';
import { sharedStoreFor } from '../src/state/controller.js';
import { adapterFor, adapterModes, loaded } from './helpers/adapter-modes.js';
import { smallSeed } from './helpers/fixtures.js';
import { typeText } from './helpers/keys.js';
import { settle } from './helpers/settle.js';
import { deepQueryAll, deepText } from './helpers/widget-states.js';

async function manager(adapter: LicensingAdapter, lang = 'en', requests = true) {
  const el = await fixture<LicenceManager>(
    html`<licence-manager lang=${lang} ?requests=${requests} .adapter=${adapter}></licence-manager>`,
  );
  await loaded(el, adapter);
  await settle(el);
  return el;
}

const part = (el: Element, tag: string) => deepQueryAll(el, tag)[0]!;

async function shows(el: Element, text: string) {
  await waitUntil(() => deepText(el).includes(text), `"${text}"; it shows: ${deepText(el)}`, {
    timeout: 5000,
  });
  await settle(el);
}

for (const mode of adapterModes) {
  describe(`requests in the settings (${mode})`, () => {
    it('lets a view user request a retention and a Power Pack limit, each marked as a request', async () => {
      const adapter = await adapterFor(mode, smallSeed({ permission: 'view' }));
      const el = await manager(adapter);
      const picker = part(el, 'retention-picker');
      const limits = part(el, 'power-pack-limits');
      for (const widget of [picker, limits]) {
        const badge = widget.shadowRoot!.querySelector('[part~="request-badge"]');
        expect(badge?.textContent?.trim()).to.equal('Request');
      }
      // The retention: a list to choose from, by keyboard.
      const select = picker.shadowRoot!.querySelector('select')!;
      expect(select.labels[0]!.textContent!.trim()).to.equal('Call recording retention');
      expect(select.disabled).to.equal(false);
      select.value = 'P3M';
      select.dispatchEvent(new Event('change'));
      await shows(el, 'Request: 1 change');
      expect(deepText(picker)).to.contain('Requested: −€18.00 per month');
      // A Power Pack limit: a stepper, typed into.
      const input = deepQueryAll<HTMLInputElement>(limits, '[role="spinbutton"]')[0]!;
      expect(input.readOnly).to.equal(false);
      input.focus();
      input.select();
      await sendKeys({ press: 'Backspace' });
      await typeText('12');
      await sendKeys({ press: 'Tab' });
      await shows(el, 'Request: 2 changes');
      expect(sharedStoreFor(adapter).state.draft).to.deep.equal({
        retention: { months: 3 },
        powerPack: { limits: { 'smart-routing': 12 } },
      });
      // The page says once that changes are requests (the widgets leave their own note out).
      expect(deepText(el)).to.contain('You can view licences and request changes');
      expect(deepText(el)).not.to.contain('You can view licences but not change them.');
      // Nothing was bought.
      expect((await adapter.load()).recording!.retention).to.deep.equal({ months: 9 });
      await expect(el).to.be.accessible();
    });

    it('keeps them read-only for a view user without requests', async () => {
      const adapter = await adapterFor(mode, smallSeed({ permission: 'view' }));
      const el = await manager(adapter, 'en', false);
      expect(part(el, 'retention-picker').shadowRoot!.querySelector('select')).to.equal(null);
      expect(deepQueryAll(part(el, 'power-pack-limits'), '[role="spinbutton"]')).to.have.length(0);
      expect(deepQueryAll(el, '[part~="request-badge"]')).to.have.length(0);
    });
  });
}

describe('requests in the settings, in Czech', () => {
  it('marks the retention and the Power Pack as a request in Czech', async () => {
    const adapter = await adapterFor('memory', smallSeed({ permission: 'view' }));
    const el = await manager(adapter, 'cs');
    const badges = deepQueryAll(el, 'retention-picker, power-pack-limits').map((w) =>
      w.shadowRoot!.querySelector('[part~="request-badge"]')?.textContent?.trim(),
    );
    expect(badges).to.deep.equal(['Žádost', 'Žádost']);
  });
});

describe('the request badge in a narrow card', () => {
  it('sits under the name, so "Call recording" stays on one line at a narrow column', async () => {
    const adapter = await adapterFor('memory', smallSeed({ permission: 'view' }));
    sharedStoreFor(adapter).allowRequests();
    const host = await fixture<HTMLDivElement>(
      html`<div>
        <licence-card type-id="call-recording" .adapter=${adapter}></licence-card>
      </div>`,
    );
    host.style.inlineSize = '17rem'; // a four-up column at 1440 px
    const card = host.querySelector('licence-card')!;
    await loaded(card, adapter);
    const name = card.shadowRoot!.querySelector('[part~="name"]')!;
    const badge = card.shadowRoot!.querySelector('[part~="request-badge"]')!;
    const range = document.createRange();
    range.selectNodeContents(name);
    const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
    expect(lines.size).to.equal(1);
    expect(badge.getBoundingClientRect().top).to.be.at.least(name.getBoundingClientRect().bottom);
  });
});
