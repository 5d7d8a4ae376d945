// <usage-overview> with an `update` user and an adapter that can assign (issue #22, R12): select
// agents, free or give them a licence after a confirmation, undo; read-only otherwise.
import './helpers/lit-warnings.js';
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { LicensingAdapter } from '../src/adapters/adapter.js';
import { MemoryAdapter } from '../src/adapters/memory/index.js';
import type { UsageOverview } from '../src/elements/usage-overview/usage-overview.component.js';
import {
  assignOverview,
  assignSeed,
  button,
  checkbox,
  dialog,
  liveCount,
  root,
  row,
  text,
  toast,
  toolbar,
} from './helpers/assign-fixtures.js';
import { until } from './helpers/grid-host.js';

const inUse = (adapter: MemoryAdapter, typeId: string) =>
  adapter.load().then((s) => s.lines.find((line) => line.typeId === typeId)!.inUse);

/** Clicks the checkboxes of `names` (Shift held for a range when `shift`). */
function pick(el: UsageOverview, name: string, shift = false): void {
  checkbox(el, name)!.dispatchEvent(
    new MouseEvent('click', { bubbles: true, composed: true, shiftKey: shift }),
  );
}

async function openConfirm(el: UsageOverview, label: string): Promise<HTMLDialogElement> {
  button(toolbar(el)!, label)!.click();
  await until(() => dialog(el)?.open === true, 'the confirmation');
  return dialog(el)!;
}

describe('usage-overview assignment', () => {
  it('selects with the checkbox, Shift-click and Space, and names the selection in a toolbar', async () => {
    const adapter = new MemoryAdapter(assignSeed());
    const el = await assignOverview(adapter);
    expect(toolbar(el), 'no toolbar before a selection').to.equal(null);
    const grid = root(el).querySelector('[role="grid"]')!;
    expect(grid.getAttribute('aria-multiselectable')).to.equal('true');

    pick(el, 'Ada Agent');
    await until(() => liveCount(el) === '1 selected', '1 selected');
    expect(row(el, 0).getAttribute('aria-selected')).to.equal('true');
    pick(el, 'Dan Agent', true);
    await until(() => liveCount(el) === '4 selected', 'a range of 4');
    expect([0, 1, 2, 3, 4].map((i) => row(el, i).getAttribute('aria-selected'))).to.deep.equal([
      'true',
      'true',
      'true',
      'true',
      'false',
    ]);
    // Space on the focused row (the grid's keys move focus by row).
    row(el, 5).querySelector<HTMLElement>('[data-col="0"]')!.focus();
    // ' ' rather than 'Space': Firefox's WebDriver BiDi knows no key by that name.
    await sendKeys({ press: ' ' });
    await until(() => liveCount(el) === '5 selected', 'Space selects the focused row');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: ' ' });
    await until(() => liveCount(el) === '6 selected', 'Space on the next row');

    const bar = toolbar(el)!;
    expect(bar.getAttribute('aria-label')).to.equal('Selected agents');
    expect(root(el).querySelector('[part~="selected-count"]')!.getAttribute('role')).to.equal('status');
    // Off is `aria-disabled` (it stays in the toolbar's arrow keys, WAI-ARIA APG), never `disabled`.
    expect(button(bar, 'Remove Voice licence from 6 agents')!.getAttribute('aria-disabled')).to.equal(
      'false',
    );
    // All six hold Voice already: nobody to assign it to, so no such button.
    expect([...bar.querySelectorAll('button')].map((b) => text(b))).to.deep.equal([
      'Select all 11 matching',
      'Clear selection',
      'Remove Voice licence from 6 agents',
    ]);
    expect(text(bar.querySelector('[part~="available"]'))).to.equal('1 Voice licence available');
    await expect(el).to.be.accessible();

    button(bar, 'Clear selection')!.click();
    await until(() => toolbar(el) === null, 'cleared');
    expect(liveCount(el)).to.equal('');
  });

  it('removes Voice after a confirmation in words; rows, counts and the store follow; Undo gives it back', async () => {
    const adapter = new MemoryAdapter(assignSeed());
    const el = await assignOverview(adapter);
    pick(el, 'Cleo Agent');
    pick(el, 'Eva Agent', true);
    await until(() => liveCount(el) === '3 selected', '3 selected');
    const opener = button(toolbar(el)!, 'Remove Voice licence from 3 agents')!;
    const confirm = await openConfirm(el, 'Remove Voice licence from 3 agents');
    expect(text(root(el).getElementById('assign-title'))).to.equal('Remove Voice licence from 3 agents?');
    expect(confirm.getAttribute('aria-labelledby')).to.equal('assign-title');
    expect(text(confirm.querySelector('#assign-text'))).to.equal(
      'Voice will be removed from 3 agents. Voice licences in use go from 11 to 8 of 12. The number of licences you pay for does not change.',
    );
    expect(confirm.contains(root(el).activeElement), 'focus is in the dialog').to.equal(true);
    await expect(el).to.be.accessible();
    expect(opener.isConnected).to.equal(true);

    button(confirm, 'Remove')!.click();
    await until(() => toast(el).startsWith('Removed Voice from 3 agents'), 'the toast');
    expect(await inUse(adapter, 'voice')).to.equal(8);
    // The grid, the filter's count and the match count follow the new snapshot without a reload.
    await until(() => text(root(el).querySelector('[part~="count"]')) === '8 agents', '8 agents match');
    const option = [...root(el).querySelectorAll('option')].find((o) => o.value === 'voice')!;
    await until(() => text(option) === 'Voice (8)', 'the filter counts 8');
    expect(toolbar(el), 'the selection is done').to.equal(null);
    // Focus goes back where the admin acted (the grid), not onto the toast; Tab reaches its Undo.
    expect(root(el).activeElement?.closest('[role="grid"]'), 'focus in the grid').not.to.equal(null);
    expect(toast(el)).to.equal('Removed Voice from 3 agents Undo');

    const undo = button(root(el).querySelector('[part~="toast"]')!, 'Undo')!;
    undo.focus();
    undo.click();
    await until(() => toast(el) === 'Undone: Voice is back for 3 agents', 'undone');
    // Undo took its own button away: focus is on the grid's Tab stop, not lost to the page.
    expect(root(el).activeElement?.closest('[role="grid"]'), 'focus back in the grid').not.to.equal(null);
    expect(await inUse(adapter, 'voice')).to.equal(11);
    await until(() => text(root(el).querySelector('[part~="count"]')) === '11 agents', '11 again');
  });

  it('cancels with Escape and puts focus back on the button that asked', async () => {
    const adapter = new MemoryAdapter(assignSeed());
    const el = await assignOverview(adapter);
    pick(el, 'Cleo Agent');
    await until(() => liveCount(el) === '1 selected', '1 selected');
    const opener = button(toolbar(el)!, 'Remove Voice licence from 1 agent')!;
    opener.focus();
    await openConfirm(el, 'Remove Voice licence from 1 agent');
    await sendKeys({ press: 'Escape' });
    await until(() => dialog(el) === null, 'the dialog closes');
    await waitUntil(() => root(el).activeElement === opener, 'focus back on the button');
    expect(await inUse(adapter, 'voice')).to.equal(11);
    expect(liveCount(el)).to.equal('1 selected');
  });

  it('says in words that Outbound needs Voice, and removes both when asked', async () => {
    const adapter = new MemoryAdapter(assignSeed());
    const el = await assignOverview(adapter);
    pick(el, 'Ada Agent');
    pick(el, 'Cleo Agent', true);
    await until(() => liveCount(el) === '3 selected', '3 selected');
    const confirm = await openConfirm(el, 'Remove Voice licence from 3 agents');
    expect(text(confirm.querySelector('[part~="refusal"]'))).to.equal(
      'Outbound needs Voice: 2 of these agents hold Outbound. Remove Outbound from them too?',
    );
    button(confirm, 'Remove Voice and Outbound')!.click();
    await until(() => toast(el).startsWith('Removed Voice from 3 agents'), 'the toast');
    expect(toast(el)).to.equal('Removed Voice from 3 agents and Outbound from 2 of them Undo');
    expect(await inUse(adapter, 'voice')).to.equal(8);
    expect(await inUse(adapter, 'outbound')).to.equal(0);
    // Undo gives Outbound (with Voice) back to Ada and Ben, Voice to Cleo.
    button(root(el).querySelector('[part~="toast"]')!, 'Undo')!.click();
    await until(() => toast(el) === 'Undone: Voice is back for 3 agents, Outbound for 2 of them', 'undone');
    expect(await inUse(adapter, 'voice')).to.equal(11);
    expect(await inUse(adapter, 'outbound')).to.equal(2);
  });

  it('assigns only as many as are available, and says how many are', async () => {
    const adapter = new MemoryAdapter(assignSeed());
    const el = await assignOverview(adapter, '');
    pick(el, 'Ada Agent');
    pick(el, 'Cleo Agent', true);
    await until(() => liveCount(el) === '3 selected', '3 selected');
    const bar = toolbar(el)!;
    const type = bar.querySelector('select')!;
    type.value = 'email';
    type.dispatchEvent(new Event('change'));
    await until(() => button(bar, 'Assign Email to 3 agents') !== undefined, 'the email actions');
    expect(button(bar, 'Assign Email to 3 agents')!.getAttribute('aria-disabled')).to.equal('true');
    button(bar, 'Assign Email to 3 agents')!.click();
    await el.updateComplete;
    expect(dialog(el), 'an action that is off opens nothing').to.equal(null);
    expect(text(bar.querySelector('[part~="available"]'))).to.equal(
      'You selected 3 agents without Email, and only 2 Email licences are available: select fewer or add licences in the cart first.',
    );
    pick(el, 'Cleo Agent');
    await until(
      () => button(bar, 'Assign Email to 2 agents')?.getAttribute('aria-disabled') === 'false',
      'two fit',
    );
    expect(text(bar.querySelector('[part~="available"]'))).to.equal('2 Email licences available');
    const confirm = await openConfirm(el, 'Assign Email to 2 agents');
    expect(text(confirm.querySelector('#assign-text'))).to.contain(
      'Email licences in use go from 0 to 2 of 2',
    );
    button(confirm, 'Assign')!.click();
    await until(() => toast(el).startsWith('Assigned Email to 2 agents'), 'the toast');
    expect(await inUse(adapter, 'email')).to.equal(2);
  });

  it('selects all N matching across pages without loading them, and acts on the query', async () => {
    const backend = new MemoryAdapter(assignSeed());
    const queries: unknown[] = [];
    const adapter: LicensingAdapter = {
      load: (o) => backend.load(o),
      listUsage: (q, o) => backend.listUsage(q, o),
      commit: (c, o) => backend.commit(c, o),
      assign: (t, s, o) => backend.assign!(t, s, o),
      unassign: (t, s, o) => (queries.push(s), backend.unassign!(t, s, o)),
    };
    // Pages of 5: "all 11" reaches past the rows loaded.
    const el = await assignOverview(adapter, 'voice', { pageSize: 5 });
    pick(el, 'Cleo Agent');
    await until(() => liveCount(el) === '1 selected', '1 selected');
    button(toolbar(el)!, 'Select all 11 matching')!.click();
    await until(() => liveCount(el) === '11 selected', 'all 11');
    expect(button(toolbar(el)!, 'Select all 11 matching')).to.equal(undefined);
    const confirm = await openConfirm(el, 'Remove Voice licence from 11 agents');
    button(confirm, 'Remove')!.click();
    // The two Outbound holders are among them: the adapter refuses (R12) and the dialog asks.
    await until(() => text(confirm.querySelector('[part~="refusal"]')) !== '', 'the refusal');
    expect(text(confirm.querySelector('[part~="refusal"]'))).to.equal(
      'Outbound needs Voice: 2 of these agents hold Outbound. Remove Outbound from them too?',
    );
    expect(queries).to.deep.equal([{ query: { typeId: 'voice' } }]);
    button(confirm, 'Remove Voice and Outbound')!.click();
    await until(() => toast(el).startsWith('Removed Voice from 11 agents'), 'the toast');
    expect(toast(el)).to.equal('Removed Voice from 11 agents and Outbound from 2 of them Undo');
    expect(await inUse(backend, 'voice')).to.equal(0);
  });

  it('says plainly what failed and keeps the selection', async () => {
    const adapter = new MemoryAdapter(assignSeed());
    const el = await assignOverview(adapter);
    pick(el, 'Cleo Agent');
    await until(() => liveCount(el) === '1 selected', '1 selected');
    adapter.failNext('unassign', 'network');
    const confirm = await openConfirm(el, 'Remove Voice licence from 1 agent');
    button(confirm, 'Remove')!.click();
    await until(() => text(confirm.querySelector('[part~="message"]')) !== '', 'the failure');
    expect(text(confirm.querySelector('[part~="message"]'))).to.match(/^Nothing was changed\. \S/);
    expect(await inUse(adapter, 'voice')).to.equal(11);
    button(confirm, 'Cancel')!.click();
    await until(() => dialog(el) === null, 'closed');
    expect(liveCount(el)).to.equal('1 selected');
  });

  it('stays read-only for a view user and without the adapter methods: no checkbox, no toolbar', async () => {
    const seed = assignSeed();
    const view = await assignOverview(
      new MemoryAdapter({ ...seed, snapshot: { ...seed.snapshot, permission: 'view' } }),
      'voice',
      { picks: false },
    );
    const backend = new MemoryAdapter(assignSeed());
    const without = await assignOverview(
      {
        load: (o) => backend.load(o),
        listUsage: (q, o) => backend.listUsage(q, o),
        commit: (c, o) => backend.commit(c, o),
      },
      'voice',
      { picks: false },
    );
    // Give a lazy load its chance: it must not come.
    await new Promise((resolve) => setTimeout(resolve, 100));
    for (const el of [view, without]) {
      expect(root(el).querySelector('input[type="checkbox"]')).to.equal(null);
      expect(root(el).querySelector('[role="grid"]')!.hasAttribute('aria-multiselectable')).to.equal(false);
      expect(row(el, 0).hasAttribute('aria-selected')).to.equal(false);
      expect(root(el).querySelector('[part~="selected-count"]')).to.equal(null);
      row(el, 0).querySelector<HTMLElement>('[data-col="0"]')!.focus();
      await sendKeys({ press: ' ' });
      expect(toolbar(el)).to.equal(null);
      await expect(el).to.be.accessible();
    }
  });
});
