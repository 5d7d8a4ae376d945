// The usage overview's assignment over the REST adapter and the contract's MSW handlers (issue
// #22): the same words and the same outcome as on the memory adapter, R12 judged by the handler.
import './helpers/lit-warnings.js';
import { expect } from '@open-wc/testing';
import { MemoryAdapter } from '../src/adapters/memory/index.js';
import { adapterOver } from './helpers/adapter-modes.js';
import {
  assignOverview,
  assignSeed,
  button,
  checkbox,
  dialog,
  liveCount,
  root,
  text,
  toast,
  toolbar,
} from './helpers/assign-fixtures.js';
import { until } from './helpers/grid-host.js';

const inUse = (backend: MemoryAdapter, typeId: string) =>
  backend.load().then((s) => s.lines.find((line) => line.typeId === typeId)!.inUse);

const click = (el: HTMLElement, shiftKey = false) =>
  el.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, shiftKey }));

describe('usage-overview assignment over REST and MSW', () => {
  it('removes Voice after the confirmation, follows the new snapshot, and undoes it', async () => {
    const backend = new MemoryAdapter(assignSeed());
    const el = await assignOverview(await adapterOver('rest over MSW', backend));
    click(checkbox(el, 'Cleo Agent')!);
    click(checkbox(el, 'Eva Agent')!, true);
    await until(() => liveCount(el) === '3 selected', '3 selected');
    button(toolbar(el)!, 'Remove Voice licence from 3 agents')!.click();
    await until(() => dialog(el)?.open === true, 'the confirmation');
    button(dialog(el)!, 'Remove')!.click();
    await until(() => toast(el).startsWith('Removed Voice from 3 agents'), 'the toast', 5000);
    expect(await inUse(backend, 'voice')).to.equal(8);
    await until(() => text(root(el).querySelector('[part~="count"]')) === '8 agents', '8 agents', 5000);
    button(root(el).querySelector('[part~="toast"]')!, 'Undo')!.click();
    await until(() => toast(el) === 'Undone: Voice is back for 3 agents', 'undone', 5000);
    expect(await inUse(backend, 'voice')).to.equal(11);
  });

  it('words the handler’s R12 refusal of "all 11 matching" and removes both when asked', async () => {
    const backend = new MemoryAdapter(assignSeed());
    const el = await assignOverview(await adapterOver('rest over MSW', backend));
    click(checkbox(el, 'Cleo Agent')!);
    await until(() => liveCount(el) === '1 selected', '1 selected');
    button(toolbar(el)!, 'Select all 11 matching')!.click();
    await until(() => liveCount(el) === '11 selected', 'all 11');
    button(toolbar(el)!, 'Remove Voice licence from 11 agents')!.click();
    await until(() => dialog(el)?.open === true, 'the confirmation');
    const confirm = dialog(el)!;
    button(confirm, 'Remove')!.click();
    await until(() => text(confirm.querySelector('[part~="refusal"]')) !== '', 'the refusal', 5000);
    expect(text(confirm.querySelector('[part~="refusal"]'))).to.equal(
      'Outbound needs Voice: 2 of these agents hold Outbound. Remove Outbound from them too?',
    );
    expect(await inUse(backend, 'voice')).to.equal(11);
    button(confirm, 'Remove Voice and Outbound')!.click();
    await until(() => toast(el).startsWith('Removed Voice from 11 agents'), 'the toast', 5000);
    expect(toast(el)).to.equal('Removed Voice from 11 agents and Outbound from 2 of them Undo');
    expect(await inUse(backend, 'voice')).to.equal(0);
    expect(await inUse(backend, 'outbound')).to.equal(0);
    await expect(el).to.be.accessible();
  });
});
