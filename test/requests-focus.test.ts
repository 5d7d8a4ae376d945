// Change requests (R1) by keyboard, as users meet them on <licence-manager requests>: where focus
// goes after the decline form and after sending a request, what a request's lines say about money,
// and the request review's "When each change applies". Memory and REST over MSW.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { LicensingAdapter } from '../src/adapters/adapter.js';
import { MemoryAdapter } from '../src/adapters/memory/index.js';
import '../src/elements/licence-manager/licence-manager.js';
import type { LicenceManager } from '../src/elements/licence-manager/licence-manager.component.js';
import { adapterFor, adapterModes, adapterOver, loaded } from './helpers/adapter-modes.js';
import { smallSeed } from './helpers/fixtures.js';
import { typeText } from './helpers/keys.js';
import { settle } from './helpers/settle.js';
import { deepQueryAll, deepText } from './helpers/widget-states.js';

async function manager(adapter: LicensingAdapter) {
  const el = await fixture<LicenceManager>(
    html`<licence-manager requests .adapter=${adapter}></licence-manager>`,
  );
  await loaded(el, adapter);
  await settle(el);
  return el;
}

/** The element that has focus, through every shadow root. */
function focused(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

const buttons = (el: Element, name: string) =>
  deepQueryAll<HTMLButtonElement>(el, 'button').filter((b) => b.textContent!.trim() === name);

/** Focuses the visible button named `name` and presses Enter on it. */
async function press(el: Element, name: string, index = 0) {
  const button = buttons(el, name)[index];
  if (!button) throw new Error(`no button "${name}"`);
  button.focus();
  await sendKeys({ press: 'Enter' });
}

async function until(el: Element, check: () => boolean, what: string) {
  await waitUntil(check, what, { timeout: 5000 });
  await settle(el);
}

const shows = (el: Element, text: string) => until(el, () => deepText(el).includes(text), `"${text}"`);

/** Two pending requests of Eva's, seen by an update user. */
async function twoRequests(mode: (typeof adapterModes)[number]) {
  const eva = new MemoryAdapter(smallSeed({ permission: 'view' }), { user: 'Eva' });
  await eva.requestChange({ counts: { voice: 12 } }, '', { idempotencyKey: 'k1' });
  await eva.requestChange({ counts: { email: 3 } }, '', { idempotencyKey: 'k2' });
  eva.setPermission('update');
  return manager(await adapterOver(mode, eva));
}

for (const mode of adapterModes) {
  describe(`change requests by keyboard (${mode})`, () => {
    it('keeps focus in the panel through Decline…, Cancel and Decline request', async () => {
      const el = await twoRequests(mode);
      await until(el, () => buttons(el, 'Decline…').length === 2, 'two requests to decline');
      const [first, second] = deepQueryAll<HTMLElement>(el, 'li[data-request]');
      await press(el, 'Decline…', 0);
      await until(el, () => focused()?.tagName === 'TEXTAREA', 'focus in the reason');
      expect(first!.contains(focused())).to.equal(true);
      await press(el, 'Cancel');
      await until(el, () => focused()?.textContent?.trim() === 'Decline…', 'focus back on Decline…');
      expect(first!.contains(focused())).to.equal(true);
      await press(el, 'Decline…', 0);
      await until(el, () => focused()?.tagName === 'TEXTAREA', 'focus in the reason again');
      await typeText('No budget');
      await press(el, 'Decline request');
      await shows(el, 'The request was declined.');
      await until(el, () => second!.contains(focused()), "focus on the next request's first button");
      expect(focused()!.textContent!.trim()).to.equal('Review in cart');
      // The last pending request declined: nothing left to act on, the list's heading takes focus.
      await press(el, 'Decline…', 0);
      await until(el, () => focused()?.tagName === 'TEXTAREA', 'focus in the second reason');
      await typeText('Not now');
      await press(el, 'Decline request');
      await until(el, () => focused()?.textContent?.trim() === 'Change requests', 'focus on the heading');
      expect(focused()!.tagName).to.equal('H3');
      await expect(el).to.be.accessible();
    });

    it('puts focus on the bar that says the request went, and the review says when it would apply', async () => {
      const adapter = await adapterFor(mode, smallSeed({ permission: 'view' }));
      const el = await manager(adapter);
      const card = deepQueryAll(el, 'licence-card').find((c) => c.getAttribute('type-id') === 'voice')!;
      deepQueryAll<HTMLButtonElement>(card, 'button')
        .find((b) => b.getAttribute('aria-label')?.startsWith('Increase'))!
        .click();
      await shows(el, 'Request: 1 change');
      await press(el, 'Review request');
      await shows(el, 'When each change applies');
      const dialog = deepQueryAll<HTMLDialogElement>(el, 'dialog').find((d) => d.open)!;
      const timeline = dialog.querySelector('[part~="timeline"]')!;
      expect(deepText(timeline)).to.contain('Usable as soon as you save.');
      // The timeline's "save" is the approval's: the review says its dates assume a save now.
      expect(deepText(dialog)).to.contain('when it would apply if it were saved now');
      expect(deepText(timeline)).to.contain("This month: billed at the month's peak, 12 licences");
      expect(deepText(timeline)).to.match(/From Dec(ember)? 1, 2026: billed at the new count, 11 licences/);
      await expect(deepQueryAll(el, 'licence-cart')[0]).to.be.accessible();
      // Back returns to "Review request".
      await press(el, 'Back');
      await until(el, () => focused()?.textContent?.trim() === 'Review request', 'focus on Review request');
      await press(el, 'Review request');
      await until(el, () => dialog.open, 'the review again');
      await press(el, 'Send request');
      await until(el, () => !dialog.open, 'the review closed');
      await until(
        el,
        () => !!focused()?.textContent?.includes('Your request was sent.'),
        'focus on the bar that says it was sent',
      );
      expect(focused()!.getAttribute('part')).to.equal('summary');
    });

    it("leaves a retention row's price out when the recording line carries it", async () => {
      const backend = new MemoryAdapter(smallSeed({ permission: 'view' }), { user: 'Eva' });
      await backend.requestChange({ counts: { 'call-recording': 4 }, retention: { months: 3 } }, '', {
        idempotencyKey: 'k1',
      });
      backend.setPermission('update');
      const el = await manager(await adapterOver(mode, backend));
      await shows(el, 'Eva,');
      const lines = deepQueryAll(el, 'ul[aria-label="Requested change"] > li').map((li) => deepText(li));
      expect(lines).to.have.length(2);
      expect(lines[0]).to.match(/^Call recording: 3 → 4 .* next month, if saved now: .*€/);
      expect(lines[1]).to.match(/^Call recording retention: 9 months → 3 months/);
      expect(lines[1]).not.to.contain('if saved now');
    });
  });
}
