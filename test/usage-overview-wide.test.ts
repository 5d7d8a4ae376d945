// <usage-overview> when its grid is wider than its box (ten types at 1440 px in the usage dialog,
// issue #22): the type the selection toolbar acts on scrolls into view, clear of the sticky agent
// column. (Its styled scrollbar cannot be checked here: the headless browser hides scrollbars.)
import './helpers/lit-warnings.js';
import { expect } from '@open-wc/testing';
import { MemoryAdapter } from '../src/adapters/memory/index.js';
import { assignOverview, assignSeed, checkbox, root, text } from './helpers/assign-fixtures.js';
import { settle } from './helpers/settle.js';

const rect = (node: Element) => node.getBoundingClientRect();

describe('usage-overview wider than its box', () => {
  it('brings the column of the type the toolbar acts on into view', async () => {
    const el = await assignOverview(new MemoryAdapter(assignSeed()), '');
    el.style.width = '620px';
    await settle(el);
    const table = root(el).querySelector<HTMLElement>('.table')!;
    expect(table.scrollWidth, 'the grid is wider than its box').to.be.above(table.clientWidth);

    checkbox(el, 'Cleo Agent')!.click();
    checkbox(el, 'Dan Agent')!.click();
    await settle(el);
    const select = root(el).querySelector<HTMLSelectElement>('[role="toolbar"] select')!;
    select.value = 'call-recording';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await settle(el);
    const header = [...root(el).querySelectorAll('[role="columnheader"]')].find(
      (cell) => text(cell) === 'Call recording',
    )!;
    const agent = root(el).querySelector('[role="columnheader"]')!;
    expect(rect(header).left, 'right of the agent column').to.be.at.least(rect(agent).right - 1);
    expect(rect(header).right, 'inside the grid').to.be.at.most(rect(table).right + 1);
    expect(text(root(el).querySelector('[role="toolbar"]'))).to.contain('Assign Call recording to 2 agents');
  });
});
