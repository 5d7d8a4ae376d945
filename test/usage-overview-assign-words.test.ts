// <usage-overview>'s assignment (issue #22): assigning a type that needs another, undo that fails,
// and the words in Czech, with their plural forms.
import './helpers/lit-warnings.js';
import { expect } from '@open-wc/testing';
import { MemoryAdapter } from '../src/adapters/memory/index.js';
import type { UsageOverview } from '../src/elements/usage-overview/usage-overview.component.js';
import '../src/locales/cs.js';
import {
  assignOverview,
  assignSeed,
  button,
  dialog,
  liveCount,
  root,
  text,
  toast,
  toolbar,
} from './helpers/assign-fixtures.js';
import { until } from './helpers/grid-host.js';

const inUse = (adapter: MemoryAdapter, typeId: string) =>
  adapter.load().then((s) => s.lines.find((line) => line.typeId === typeId)!.inUse);

/** Clicks the checkbox of row `index` (Shift held for a range). */
function pickRow(el: UsageOverview, index: number, shiftKey = false): void {
  root(el)
    .querySelector(`[data-row="${index}"] input[type="checkbox"]`)!
    .dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, shiftKey }));
}

/** A seed where Outbound has room: 4 set, 2 in use. */
function roomySeed() {
  const seed = assignSeed();
  const lines = seed.snapshot.lines.map((line) =>
    line.typeId === 'outbound' ? { ...line, count: 4 } : line,
  );
  return { ...seed, snapshot: { ...seed.snapshot, lines } };
}

describe('usage-overview assignment: linked types, undo, Czech', () => {
  it('says Outbound needs Voice when assigning it, assigns both when asked, and Undo takes both back', async () => {
    const adapter = new MemoryAdapter(roomySeed());
    const el = await assignOverview(adapter, '');
    // Rows are by name: Lea (no licence) is the last; Karel holds Voice only.
    await until(() => root(el).querySelector('[data-row="11"] input') !== null, 'Lea’s row');
    pickRow(el, 10);
    pickRow(el, 11);
    await until(() => liveCount(el) === '2 selected', '2 selected');
    const bar = toolbar(el)!;
    const type = bar.querySelector('select')!;
    type.value = 'outbound';
    type.dispatchEvent(new Event('change'));
    await until(() => button(bar, 'Assign Outbound to 2 agents') !== undefined, 'the outbound action');
    expect(text(bar.querySelector('[part~="available"]'))).to.equal('2 Outbound licences available');
    button(bar, 'Assign Outbound to 2 agents')!.click();
    await until(() => dialog(el)?.open === true, 'the confirmation');
    const confirm = dialog(el)!;
    expect(text(confirm.querySelector('[part~="refusal"]'))).to.equal(
      'Outbound needs Voice: 1 of these agents has no Voice. Assign Voice to them too?',
    );
    button(confirm, 'Assign Voice and Outbound')!.click();
    await until(() => toast(el).startsWith('Assigned Outbound to 2 agents'), 'the toast');
    expect(toast(el)).to.equal('Assigned Outbound to 2 agents and Voice to 1 of them Undo');
    expect(await inUse(adapter, 'outbound')).to.equal(4);
    expect(await inUse(adapter, 'voice')).to.equal(12);
    button(root(el).querySelector('[part~="toast"]')!, 'Undo')!.click();
    await until(
      () => toast(el) === 'Undone: Outbound is taken back from 2 agents, Voice from 1 of them',
      'undone',
    );
    expect(await inUse(adapter, 'outbound')).to.equal(2);
    // Lea had no Voice before: it goes too; Karel keeps his.
    expect(await inUse(adapter, 'voice')).to.equal(11);
  });

  it('says so when Undo fails, and changes nothing', async () => {
    const adapter = new MemoryAdapter(assignSeed());
    const el = await assignOverview(adapter);
    pickRow(el, 2);
    await until(() => liveCount(el) === '1 selected', '1 selected');
    button(toolbar(el)!, 'Remove Voice licence from 1 agent')!.click();
    await until(() => dialog(el)?.open === true, 'the confirmation');
    button(dialog(el)!, 'Remove')!.click();
    await until(() => toast(el).startsWith('Removed Voice from 1 agent'), 'the toast');
    adapter.failNext('assign', 'network');
    button(root(el).querySelector('[part~="toast"]')!, 'Undo')!.click();
    await until(() => toast(el).startsWith('Nothing was changed.'), 'the failure');
    expect(toast(el).length).to.be.above('Nothing was changed.'.length);
    expect(await inUse(adapter, 'voice')).to.equal(10);
  });

  it('takes the toast away after its time (focus stays in the grid), but not while the admin is on its Undo', async () => {
    const adapter = new MemoryAdapter(assignSeed());
    const el = await assignOverview(adapter);
    // The toast's timers (10 s, then 5 s while focus is on it) run when the test says.
    const timers: (() => void)[] = [];
    const real = window.setTimeout;
    window.setTimeout = ((handler: () => void, ms?: number) =>
      ms === 10_000 || ms === 5_000 ? timers.push(handler) : real(handler, ms)) as typeof setTimeout;
    try {
      pickRow(el, 2);
      await until(() => liveCount(el) === '1 selected', '1 selected');
      button(toolbar(el)!, 'Remove Voice licence from 1 agent')!.click();
      await until(() => dialog(el)?.open === true, 'the confirmation');
      button(dialog(el)!, 'Remove')!.click();
      await until(() => toast(el) === 'Removed Voice from 1 agent Undo', 'the toast');
      expect(root(el).activeElement?.closest('[role="grid"]'), 'focus in the grid').not.to.equal(null);
      timers.shift()!();
      await el.updateComplete;
      expect(toast(el), 'gone after its time').to.equal('');
      // The next change: the admin tabs to its Undo, and the toast waits while focus is there.
      pickRow(el, 3);
      await until(() => liveCount(el) === '1 selected', '1 selected');
      button(toolbar(el)!, 'Remove Voice licence from 1 agent')!.click();
      await until(() => dialog(el)?.open === true, 'the confirmation');
      button(dialog(el)!, 'Remove')!.click();
      await until(() => toast(el) === 'Removed Voice from 1 agent Undo', 'the toast');
      button(root(el).querySelector('[part~="toast"]')!, 'Undo')!.focus();
      timers.shift()!();
      await el.updateComplete;
      expect(toast(el)).to.equal('Removed Voice from 1 agent Undo');
      root(el).querySelector<HTMLElement>('[data-row="0"] [data-col="0"]')!.focus();
      timers.shift()!();
      await el.updateComplete;
      expect(toast(el)).to.equal('');
      // A newer action hides an older change's toast: asking for the next confirmation.
      pickRow(el, 4);
      await until(() => liveCount(el) === '1 selected', '1 selected');
      button(toolbar(el)!, 'Remove Voice licence from 1 agent')!.click();
      await until(() => dialog(el)?.open === true, 'the confirmation');
      button(dialog(el)!, 'Remove')!.click();
      await until(() => toast(el) === 'Removed Voice from 1 agent Undo', 'the toast');
      pickRow(el, 5);
      await until(() => liveCount(el) === '1 selected', '1 selected');
      button(toolbar(el)!, 'Remove Voice licence from 1 agent')!.click();
      await until(() => dialog(el)?.open === true, 'the confirmation');
      expect(toast(el), 'no older Undo offered').to.equal('');
    } finally {
      window.setTimeout = real;
    }
  });

  it('speaks Czech, with its plural forms (the type names are the data’s: these have no Czech ones)', async () => {
    const adapter = new MemoryAdapter(assignSeed());
    const el = await assignOverview(adapter, 'voice', { lang: 'cs' });
    expect(root(el).querySelector('input[aria-label="Vybrat: Ada Agent"]')).not.to.equal(null);
    pickRow(el, 2);
    await until(() => liveCount(el) === 'Vybráno: 1', 'Vybráno: 1');
    const bar = toolbar(el)!;
    expect(bar.getAttribute('aria-label')).to.equal('Vybraní agenti');
    expect(button(bar, 'Odebrat licenci Voice 1 agentovi')).not.to.equal(undefined);
    expect(text(bar.querySelector('[part~="available"]'))).to.equal('1 volná licence Voice');
    pickRow(el, 4, true);
    await until(() => liveCount(el) === 'Vybráno: 3', 'Vybráno: 3');
    expect(button(bar, 'Vybrat všech 11 odpovídajících agentů')).not.to.equal(undefined);
    button(bar, 'Odebrat licenci Voice 3 agentům')!.click();
    await until(() => dialog(el)?.open === true, 'the confirmation');
    expect(text(root(el).getElementById('assign-title'))).to.equal('Odebrat licenci Voice 3 agentům?');
    expect(text(dialog(el)!.querySelector('#assign-text'))).to.equal(
      '3 agenti už nebudou mít licenci Voice. Používaných licencí Voice bude 8 z 12 (nyní 11). Počet licencí, které platíte, se nemění.',
    );
    button(dialog(el)!, 'Odebrat')!.click();
    await until(() => toast(el).startsWith('Licence Voice odebrána 3 agentům'), 'the toast');
    button(root(el).querySelector('[part~="toast"]')!, 'Vrátit zpět')!.click();
    await until(() => toast(el) === 'Vráceno zpět: 3 agenti mají znovu licenci Voice', 'vráceno');
    await expect(el).to.be.accessible();
  });
});
