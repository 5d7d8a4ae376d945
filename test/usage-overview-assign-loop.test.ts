// Issue #22's "done when": from "cannot reduce Voice below 11 in use" to a saved reduction without
// leaving the page, by keyboard alone: the card's "See who uses Voice" → the overview filtered with
// "Free 3 Voice licences to reduce to 8" → select 3 with Space → remove → confirm → "Back to the
// cart" → save.
import './helpers/lit-warnings.js';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { MemoryAdapter } from '../src/adapters/memory/index.js';
import '../src/elements/licence-manager/licence-manager.js';
import type { LicenceManager } from '../src/elements/licence-manager/licence-manager.component.js';
import { assignSeed, text } from './helpers/assign-fixtures.js';
import { typeText } from './helpers/keys.js';
import { settle } from './helpers/settle.js';
import { deepQueryAll, deepText } from './helpers/widget-states.js';

/** The focused element, through shadow roots. */
function focused(): HTMLElement | null {
  let active = document.activeElement as HTMLElement | null;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement as HTMLElement;
  return active;
}

/**
 * WebKit runs through WebDriver, where the test runner's sendKeys has `press` and `type` but no
 * held modifier: there Shift+Tab cannot be sent, and going back is a focus() on the control it
 * would reach (Chromium and Firefox press the keys).
 */
const noShift = /AppleWebKit/.test(navigator.userAgent) && !/Chrome|Firefox/.test(navigator.userAgent);

/** Presses Tab (Shift+Tab with `back`) until `wanted` holds for the focused element. */
async function tabTo(wanted: (el: HTMLElement) => boolean, what: string, back = false): Promise<HTMLElement> {
  if (back && noShift) {
    const manager = document.querySelector('licence-manager')!;
    const target = deepQueryAll<HTMLElement>(manager, 'button, input, select, [tabindex]').find(wanted);
    if (!target) throw new Error(`no ${what} to go back to`);
    target.focus();
  }
  for (let i = 0; i < 60; i++) {
    const el = focused();
    if (el && wanted(el)) return el;
    if (back) await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    if (back) await sendKeys({ up: 'Shift' });
  }
  throw new Error(`Tab never reached ${what}`);
}

const named = (label: string) => (el: HTMLElement) => text(el) === label;

describe('usage-overview assignment, the loop from a blocked reduction', () => {
  it('goes from a blocked Voice reduction to a saved one by keyboard alone', async () => {
    const backend = new MemoryAdapter(assignSeed());
    const el = await fixture<LicenceManager>(html`<licence-manager .adapter=${backend}></licence-manager>`);
    await settle(el);
    const voice = deepQueryAll<HTMLElement>(el, 'licence-card').find(
      (c) => c.getAttribute('type-id') === 'voice',
    )!;
    const input = deepQueryAll<HTMLInputElement>(voice, '[role="spinbutton"]')[0]!;
    input.focus();
    input.select();
    await typeText('8');
    await settle(el);
    expect(deepText(voice)).to.contain('11 Voice licences are in use');

    await tabTo(named('See who uses Voice'), 'the card link');
    await sendKeys({ press: 'Enter' });
    const dialog = el.shadowRoot!.querySelector('dialog')!;
    await waitUntil(() => dialog.open, 'the usage dialog');
    const overview = dialog.querySelector('usage-overview')!;
    const banner = () => text(overview.shadowRoot?.querySelector('[part~="banner"]'));
    await waitUntil(() => banner() === 'Free 3 Voice licences to reduce to 8', 'the banner');

    // Into the grid, past Ada and Ben (they hold Outbound), then Space on three agents.
    await tabTo((cell) => cell.dataset.col === '0' && cell.closest('[data-row]') !== null, 'the grid');
    await waitUntil(
      () => overview.shadowRoot!.querySelector('input[type="checkbox"]') !== null,
      'checkboxes',
    );
    // ' ' rather than 'Space': Firefox's WebDriver BiDi knows no key by that name.
    for (const key of ['ArrowDown', 'ArrowDown', ' ', 'ArrowDown', ' ', 'ArrowDown', ' '])
      await sendKeys({ press: key });
    const count = () => text(overview.shadowRoot!.querySelector('[part~="selected-count"]'));
    await waitUntil(() => count() === '3 selected', '3 selected');

    // Back into the selection's toolbar (one Tab stop, its first control), then End to its last.
    await tabTo((tool) => tool.closest('[role="toolbar"]') !== null, 'the selection toolbar', true);
    expect(text(focused())).to.equal('Select all 11 matching');
    await sendKeys({ press: 'End' });
    await waitUntil(
      () => text(focused()) === 'Remove Voice licence from 3 agents',
      'focus on the remove button',
    );
    await sendKeys({ press: 'Enter' });
    const confirm = () => overview.shadowRoot!.querySelector<HTMLDialogElement>('dialog');
    await waitUntil(() => confirm()?.open === true, 'the confirmation');
    await waitUntil(() => text(focused()) === 'Remove', 'focus on Remove');
    await sendKeys({ press: 'Enter' });

    // Enough are free: the banner says so and its button has focus.
    await waitUntil(
      () => banner() === 'Enough Voice licences are free: the reduction to 8 can be saved. Back to the cart',
      'the banner says the reduction can be saved',
    );
    await waitUntil(() => text(focused()) === 'Back to the cart', 'focus on Back to the cart');
    expect(text(voice.shadowRoot!.querySelector('[part~="usage"]'))).to.contain('In use: 8 of');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !dialog.open, 'the overview closes');
    await waitUntil(() => text(focused()) === 'Save', 'focus on the cart’s Save');
    await sendKeys({ press: 'Enter' });
    await tabTo(named('Save changes'), 'the review’s Save changes');
    await sendKeys({ press: 'Enter' });
    await waitUntil(
      async () => (await backend.load()).lines.find((l) => l.typeId === 'voice')!.count === 8,
      'Voice saved at 8',
    );
    const saved = (await backend.load()).lines.find((line) => line.typeId === 'voice')!;
    expect(saved).to.include({ count: 8, inUse: 8 });
  });
});
