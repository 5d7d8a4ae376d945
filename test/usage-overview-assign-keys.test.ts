// The selection toolbar of <usage-overview> by keyboard (issue #22, WAI-ARIA APG "Toolbar"): one
// Tab stop, arrows / Home / End between its controls (wrapping), the last control focused is where
// Tab comes back, an action that cannot be taken stays focusable and says why, the type chooser
// keeps Up / Down. And filtered on a type, the toolbar acts on that type only: "Select all N
// matching" counts right, on the memory adapter and over REST + MSW.
import './helpers/lit-warnings.js';
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { MemoryAdapter } from '../src/adapters/memory/index.js';
import type { UsageOverview } from '../src/elements/usage-overview/usage-overview.component.js';
import { adapterModes, adapterOver } from './helpers/adapter-modes.js';
import {
  assignOverview,
  assignSeed,
  button,
  checkbox,
  dialog,
  liveCount,
  root,
  text,
  toolbar,
} from './helpers/assign-fixtures.js';
import { until } from './helpers/grid-host.js';

const click = (el: HTMLElement) =>
  el.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
/** Ticks an agent's checkbox once its row is drawn (a busy machine draws the rows a frame later). */
async function tick(el: UsageOverview, agent: string): Promise<void> {
  await until(() => checkbox(el, agent) !== null, `the row of ${agent}`);
  click(checkbox(el, agent)!);
}

/** The focused element in the overview (its shadow root), named as a user hears it. */
const focused = (el: UsageOverview) => root(el).activeElement as HTMLElement | null;
const name = (control: Element | null) =>
  control instanceof HTMLSelectElement ? `select ${control.value}` : text(control);
/** The toolbar's controls that Tab can reach: exactly one. */
const stops = (el: UsageOverview) =>
  [...toolbar(el)!.querySelectorAll<HTMLElement>('button, select')].filter((c) => c.tabIndex === 0).map(name);
const tools = (el: UsageOverview) => [...toolbar(el)!.querySelectorAll('button, select')].map(name);

async function press(el: UsageOverview, key: string, expected: string): Promise<void> {
  await sendKeys({ press: key });
  await until(() => name(focused(el)) === expected, `${key} → ${expected} (on ${name(focused(el))})`);
}

/** Tab from the export button (the control before the toolbar) into the toolbar. */
async function tabIn(el: UsageOverview, expected: string): Promise<void> {
  root(el).querySelector<HTMLElement>('[part~="export-button"]')!.focus();
  await press(el, 'Tab', expected);
}

describe('usage-overview selection toolbar by keyboard', () => {
  it('is one Tab stop; arrows wrap, Home / End, Tab leaves and comes back to the control last focused', async () => {
    const el = await assignOverview(new MemoryAdapter(assignSeed()), '');
    await tick(el, 'Cleo Agent');
    await tick(el, 'Lea Agent');
    await until(() => liveCount(el) === '2 selected', '2 selected');
    expect(tools(el)).to.deep.equal([
      'Select all 12 matching',
      'Clear selection',
      'select voice',
      'Remove Voice licence from 1 agent',
      'Assign Voice to 1 agent',
    ]);
    expect(stops(el)).to.deep.equal(['Select all 12 matching']);

    await tabIn(el, 'Select all 12 matching');
    await press(el, 'ArrowRight', 'Clear selection');
    await press(el, 'ArrowRight', 'select voice');
    // The type chooser keeps Up / Down: the type changes, focus stays.
    await press(el, 'ArrowDown', 'select outbound');
    await until(() => tools(el).at(-1) === 'Assign Outbound to 2 agents', 'the Outbound actions');
    expect(tools(el)).to.deep.equal([
      'Select all 12 matching',
      'Clear selection',
      'select outbound',
      'Assign Outbound to 2 agents',
    ]);
    await press(el, 'ArrowRight', 'Assign Outbound to 2 agents');
    // No Outbound licence is free: the button is off but stays reachable, and says why.
    const assign = focused(el)!;
    expect(assign.getAttribute('aria-disabled')).to.equal('true');
    const why = root(el).getElementById(assign.getAttribute('aria-describedby')!);
    expect(text(why)).to.equal(
      'You selected 2 agents without Outbound, and no Outbound licences are available: select fewer or add licences in the cart first.',
    );
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: ' ' });
    await el.updateComplete;
    expect(dialog(el), 'an action that is off opens nothing').to.equal(null);
    // From the last control Right wraps to the first, and Left back.
    await press(el, 'ArrowRight', 'Select all 12 matching');
    await press(el, 'ArrowLeft', 'Assign Outbound to 2 agents');
    await press(el, 'Home', 'Select all 12 matching');
    await press(el, 'End', 'Assign Outbound to 2 agents');
    await press(el, 'ArrowLeft', 'select outbound');
    expect(stops(el)).to.deep.equal(['select outbound']);

    // Tab leaves the toolbar for the grid; coming back lands on the control focused last.
    await sendKeys({ press: 'Tab' });
    await until(() => focused(el)?.closest('[role="grid"]') != null, 'Tab leaves for the grid');
    await tabIn(el, 'select outbound');
    await expect(el).to.be.accessible();
  });

  it('keeps focus in the toolbar after "Select all", and puts it on the grid after "Clear selection"', async () => {
    const el = await assignOverview(new MemoryAdapter(assignSeed()));
    await tick(el, 'Cleo Agent');
    await until(() => liveCount(el) === '1 selected', '1 selected');
    await tabIn(el, 'Select all 11 matching');
    await sendKeys({ press: 'Enter' });
    await until(() => liveCount(el) === '11 selected', 'all 11');
    // Its button is gone: focus is on the first control left, the toolbar's Tab stop.
    await until(() => name(focused(el)) === 'Clear selection', 'focus on Clear selection');
    expect(stops(el)).to.deep.equal(['Clear selection']);
    await press(el, 'End', 'Remove Voice licence from 11 agents');
    await press(el, 'Home', 'Clear selection');
    await sendKeys({ press: ' ' });
    await until(() => toolbar(el) === null, 'the toolbar goes');
    await until(() => focused(el)?.closest('[data-row="0"]') != null, 'focus on the grid’s first row');
    expect(liveCount(el)).to.equal('');
  });
});

for (const mode of adapterModes) {
  describe(`usage-overview "Select all N matching" and the type acted on (${mode})`, () => {
    it('filtered on a type acts on that type only and counts its holders; unfiltered counts by type', async () => {
      const backend = new MemoryAdapter(assignSeed());
      const adapter = await adapterOver(mode, backend);
      const el = await assignOverview(adapter, 'outbound');
      await tick(el, 'Ada Agent');
      await until(() => liveCount(el) === '1 selected', '1 selected');
      expect(toolbar(el)!.querySelector('select'), 'no type to choose').to.equal(null);
      button(toolbar(el)!, 'Select all 2 matching')!.click();
      await until(() => liveCount(el) === '2 selected', 'all 2', 5000);
      expect(tools(el)).to.deep.equal(['Clear selection', 'Remove Outbound licence from 2 agents']);
      expect(text(toolbar(el)!.querySelector('[part~="available"]'))).to.equal(
        '0 Outbound licences available',
      );

      // Every type: the toolbar's type is chosen, and the counts come from the query's per-type counts.
      el.typeId = '';
      await until(() => toolbar(el) === null, 'another filter starts empty');
      await until(() => checkbox(el, 'Lea Agent') !== null, 'every agent', 5000);
      await tick(el, 'Lea Agent');
      await until(() => liveCount(el) === '1 selected', 'Lea selected');
      button(toolbar(el)!, 'Select all 12 matching')!.click();
      await until(() => liveCount(el) === '12 selected', 'all 12', 5000);
      expect(tools(el)).to.deep.equal([
        'Clear selection',
        'select voice',
        'Remove Voice licence from 11 agents',
        'Assign Voice to 1 agent',
      ]);
      const type = toolbar(el)!.querySelector('select')!;
      type.value = 'email';
      type.dispatchEvent(new Event('change'));
      await until(() => tools(el).includes('Assign Email to 12 agents'), 'the Email actions');
      expect(tools(el)).to.deep.equal(['Clear selection', 'select email', 'Assign Email to 12 agents']);
      expect(button(toolbar(el)!, 'Assign Email to 12 agents')!.getAttribute('aria-disabled')).to.equal(
        'true',
      );
      await expect(el).to.be.accessible();
    });
  });
}
