// Issue #22: after the overview's "Back to the cart" the admin sees what they are about to save —
// the card with the pending reduction in view above the sticky cart — with focus on Save, on a
// desktop and on a phone (where focusing the sticky Save used to scroll the page to its end). Where
// the browser's driver cannot set the viewport (WebKit's WebDriver), the page is a fixed box of the
// screen's size that scrolls: the manager lays out by container queries and scrolls whatever
// scrolls it, so the same outcome is checked there (that box alone did not bring the old jump back).
import './helpers/lit-warnings.js';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { MemoryAdapter } from '../src/adapters/memory/index.js';
import '../src/elements/licence-manager/licence-manager.js';
import type { LicenceManager } from '../src/elements/licence-manager/licence-manager.component.js';
import { assignSeed, button, checkbox, text } from './helpers/assign-fixtures.js';
import { typeText } from './helpers/keys.js';
import { settle } from './helpers/settle.js';
import { deepQueryAll } from './helpers/widget-states.js';

function focused(): HTMLElement | null {
  let active = document.activeElement as HTMLElement | null;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement as HTMLElement;
  return active;
}

/** Elements matching `selector` in `scope` (a card's shadow root, or a table row) and the shadow roots within. */
function within<T extends Element>(scope: Element, selector: string): T[] {
  const found: T[] = [];
  const walk = (node: Element | ShadowRoot) => {
    node.querySelectorAll<T>(selector).forEach((el) => found.push(el));
    node.querySelectorAll('*').forEach((el) => el.shadowRoot && walk(el.shadowRoot));
  };
  walk(scope.shadowRoot ?? scope);
  return found;
}

const link = (scope: Element, name: string) =>
  within<HTMLButtonElement>(scope, 'button').find((b) => text(b) === name);

for (const [width, height, layout] of [
  [1440, 900, 'cards'],
  [390, 844, 'cards'],
  [390, 844, 'table'],
] as const) {
  describe(`licence-manager: back to the cart at ${width}×${height}, ${layout}`, () => {
    /** The viewport could not be set: a box of that size stands for it. */
    let boxed = false;
    before(() => setViewport({ width, height }).catch(() => (boxed = true)));
    after(() => setViewport({ width: 800, height: 600 }).catch(() => undefined));

    it('shows Voice with its pending 12 → 8 above the cart, with focus on Save', async () => {
      const screen = await fixture<HTMLDivElement>(
        html`<div>
          <licence-manager layout=${layout} .adapter=${new MemoryAdapter(assignSeed())}></licence-manager>
        </div>`,
      );
      if (boxed)
        Object.assign(screen.style, {
          position: 'fixed',
          top: '0',
          left: '0',
          width: `${width}px`,
          height: `${height}px`,
          overflow: 'auto',
        });
      const el = screen.querySelector<LicenceManager>('licence-manager')!;
      await settle(el);
      // The Voice card, or the table's Voice row (the table loads on first use).
      const find = () =>
        layout === 'cards'
          ? deepQueryAll<HTMLElement>(el, 'licence-card').find(
              (card) => card.getAttribute('type-id') === 'voice',
            )
          : deepQueryAll<HTMLElement>(el, 'tr').find((tr) => text(tr.querySelector('th')) === 'Voice');
      await waitUntil(() => find() && within(find()!, '[role="spinbutton"]').length > 0, 'Voice');
      const voice = find()!;
      const input = within<HTMLInputElement>(voice, '[role="spinbutton"]')[0]!;
      input.focus();
      input.select();
      await typeText('8');
      await settle(el);
      link(voice, 'See who uses Voice')!.click();
      const dialog = el.shadowRoot!.querySelector('dialog')!;
      await waitUntil(() => dialog.open, 'the usage dialog');
      const overview = dialog.querySelector('usage-overview')!;
      await waitUntil(() => checkbox(overview, 'Eva Agent') !== null, 'the checkboxes');
      for (const name of ['Cleo Agent', 'Dan Agent', 'Eva Agent']) checkbox(overview, name)!.click();
      await waitUntil(
        () => button(overview.shadowRoot!, 'Remove Voice licence from 3 agents'),
        'the remove button',
      );
      button(overview.shadowRoot!, 'Remove Voice licence from 3 agents')!.click();
      await waitUntil(() => overview.shadowRoot!.querySelector('dialog')?.open, 'the confirmation');
      button(overview.shadowRoot!.querySelector('dialog')!, 'Remove')!.click();
      await waitUntil(() => button(overview.shadowRoot!, 'Back to the cart'), 'Back to the cart');
      button(overview.shadowRoot!, 'Back to the cart')!.click();
      await waitUntil(() => !dialog.open, 'the overview closes');
      await waitUntil(() => text(focused()) === 'Save', 'focus on the cart’s Save');
      await settle(el);

      const cart = el.shadowRoot!.querySelector('[part~="cart"]')!.getBoundingClientRect();
      const card = voice.getBoundingClientRect();
      if (layout === 'cards')
        expect(text(voice.shadowRoot!.querySelector('[part~="pending"]'))).to.contain('12 → 8');
      else expect(within<HTMLInputElement>(voice, '[role="spinbutton"]')[0]!.value).to.equal('8');
      const shown = boxed ? screen.getBoundingClientRect() : { top: 0, bottom: innerHeight };
      expect(card.top, 'the card’s top is on screen').to.be.at.least(shown.top);
      expect(card.bottom, 'the card ends above the cart').to.be.at.most(cart.top + 1);
      expect(focused()!.getBoundingClientRect().bottom, 'Save is on screen').to.be.at.most(shown.bottom);
      await expect(el).to.be.accessible();
    });
  });
}
