// <usage-overview>'s assignment (issue #22): "Remove Voice and Outbound" says both in its toast and
// its Undo gives each agent back exactly what it had (R12's undoAssignment), on the memory adapter
// and over REST + MSW; unticking one agent of "Select all N matching" keeps the others.
import './helpers/lit-warnings.js';
import { expect } from '@open-wc/testing';
import type { LicensingAdapter } from '../src/adapters/adapter.js';
import { MemoryAdapter } from '../src/adapters/memory/index.js';
import type { UsageOverview } from '../src/elements/usage-overview/usage-overview.component.js';
import '../src/locales/cs.js';
import { adapterOver } from './helpers/adapter-modes.js';
import {
  assignOverview,
  assignSeed,
  button,
  checkbox,
  dialog,
  liveCount,
  root,
  toast,
  toolbar,
} from './helpers/assign-fixtures.js';
import { until } from './helpers/grid-host.js';

const inUse = (backend: MemoryAdapter, typeId: string) =>
  backend.load().then((s) => s.lines.find((line) => line.typeId === typeId)!.inUse);

/** Who holds what, as the backend lists it. */
const holdings = async (backend: MemoryAdapter, ids: readonly string[]) => {
  const { agents } = await backend.listUsage({ offset: 0, limit: 100 });
  return ids.map((id) => [...agents.find((agent) => agent.id === id)!.licences].sort().join('+'));
};

const click = (el: HTMLElement, shiftKey = false) =>
  el.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, shiftKey }));

const undo = (el: UsageOverview) => button(root(el).querySelector('[part~="toast"]')!, 'Undo')!.click();

for (const mode of ['memory', 'rest over MSW'] as const) {
  const over = async (backend: MemoryAdapter): Promise<LicensingAdapter> =>
    mode === 'memory' ? backend : adapterOver(mode, backend);

  describe(`usage-overview assignment of both linked types (${mode})`, () => {
    it('says "Removed Voice and Outbound from 2 agents", and Undo gives both back to each', async () => {
      const backend = new MemoryAdapter(assignSeed());
      const el = await assignOverview(await over(backend));
      // Ada and Ben (g1, g2) hold Voice and Outbound.
      click(checkbox(el, 'Ada Agent')!);
      click(checkbox(el, 'Ben Agent')!);
      await until(() => liveCount(el) === '2 selected', '2 selected');
      button(toolbar(el)!, 'Remove Voice licence from 2 agents')!.click();
      await until(() => dialog(el)?.open === true, 'the confirmation');
      button(dialog(el)!, 'Remove Voice and Outbound')!.click();
      await until(() => toast(el).startsWith('Removed'), 'the toast', 5000);
      expect(toast(el)).to.equal('Removed Voice and Outbound from 2 agents Undo');
      expect(await holdings(backend, ['g1', 'g2'])).to.deep.equal(['', '']);
      undo(el);
      await until(
        () => toast(el) === 'Undone: Voice is back for 2 agents, Outbound for 2 of them',
        'undone',
        5000,
      );
      expect(await holdings(backend, ['g1', 'g2'])).to.deep.equal(['outbound+voice', 'outbound+voice']);
      expect(await inUse(backend, 'voice')).to.equal(11);
      expect(await inUse(backend, 'outbound')).to.equal(2);
    });

    it('unticking one after "Select all 11 matching" keeps the other 10 selected', async () => {
      const backend = new MemoryAdapter(assignSeed());
      const el = await assignOverview(await over(backend));
      click(checkbox(el, 'Cleo Agent')!);
      await until(() => liveCount(el) === '1 selected', '1 selected');
      button(toolbar(el)!, 'Select all 11 matching')!.click();
      await until(() => liveCount(el) === '11 selected', 'all 11');
      click(checkbox(el, 'Cleo Agent')!);
      await until(() => liveCount(el) === '10 selected', 'all but Cleo');
      expect(checkbox(el, 'Cleo Agent')!.checked).to.equal(false);
      expect(checkbox(el, 'Dan Agent')!.checked).to.equal(true);
      button(toolbar(el)!, 'Remove Voice licence from 10 agents')!.click();
      await until(() => dialog(el)?.open === true, 'the confirmation');
      button(dialog(el)!, 'Remove Voice and Outbound')!.click();
      await until(() => toast(el).startsWith('Removed'), 'the toast', 5000);
      expect(toast(el)).to.equal('Removed Voice from 10 agents and Outbound from 2 of them Undo');
      // Cleo (g3) kept her Voice.
      expect(await holdings(backend, ['g3'])).to.deep.equal(['voice']);
      expect(await inUse(backend, 'voice')).to.equal(1);
    });
  });
}

/** Sixty agents holding Voice: far more than a few pages of 5 load. */
function manySeed() {
  const seed = assignSeed();
  const agents = Array.from({ length: 60 }, (_, i) => ({
    id: `m${String(i).padStart(2, '0')}`,
    name: `Agent ${String(i).padStart(2, '0')}`,
    email: `agent${i}@example.com`,
    licences: ['voice'],
  }));
  const lines = seed.snapshot.lines.map((line) =>
    line.typeId === 'voice' ? { ...line, count: 60, inUse: 60 } : { ...line, inUse: 0 },
  );
  return { ...seed, agents, snapshot: { ...seed.snapshot, lines } };
}

describe('usage-overview selection: all N matching beyond the loaded rows', () => {
  it('unticking one keeps the agents loaded so far, says so, and offers all N again', async () => {
    const backend = new MemoryAdapter(manySeed());
    const el = await assignOverview(backend, 'voice', { pageSize: 5 });
    click(checkbox(el, 'Agent 00')!);
    await until(() => liveCount(el) === '1 selected', '1 selected');
    button(toolbar(el)!, 'Select all 60 matching')!.click();
    await until(() => liveCount(el) === '60 selected', 'all 60');
    click(checkbox(el, 'Agent 01')!);
    await until(() => liveCount(el) !== '60 selected', 'narrowed');
    const said = /^(\d+) of 60 selected: only the agents loaded so far stay selected$/.exec(liveCount(el));
    expect(said, liveCount(el)).not.to.equal(null);
    // The loaded pages of 5, less the one unticked: not the whole 60, not nothing.
    const kept = Number(said![1]);
    expect(kept % 5).to.equal(4);
    expect(kept).to.be.within(4, 54);
    expect(checkbox(el, 'Agent 00')!.checked).to.equal(true);
    expect(checkbox(el, 'Agent 01')!.checked).to.equal(false);
    expect(button(toolbar(el)!, `Remove Voice licence from ${kept} agents`)).not.to.equal(undefined);
    expect(button(toolbar(el)!, 'Select all 60 matching')).not.to.equal(undefined);
    await expect(el).to.be.accessible();
  });
});

describe('usage-overview assignment of both, in Czech', () => {
  it('says "Licence Voice a Outbound odebrány 2 agentům"', async () => {
    const backend = new MemoryAdapter(assignSeed());
    const el = await assignOverview(backend, 'voice', { lang: 'cs' });
    click(root(el).querySelector('input[aria-label="Vybrat: Ada Agent"]')!);
    click(root(el).querySelector('input[aria-label="Vybrat: Ben Agent"]')!, true);
    await until(() => liveCount(el) === 'Vybráno: 2', 'Vybráno: 2');
    button(toolbar(el)!, 'Odebrat licenci Voice 2 agentům')!.click();
    await until(() => dialog(el)?.open === true, 'the confirmation');
    button(dialog(el)!, 'Odebrat Voice i Outbound')!.click();
    await until(() => toast(el).startsWith('Licence'), 'the toast');
    expect(toast(el)).to.equal('Licence Voice a Outbound odebrány 2 agentům Vrátit zpět');
  });
});
