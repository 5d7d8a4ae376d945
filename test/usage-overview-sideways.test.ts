// A grid wider than <usage-overview>: the keys scroll sideways so the focused cell is fully in
// view and never under the agent column, which sticks to the start edge.
import './helpers/lit-warnings.js';
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { MemoryAdapter } from '../src/adapters/memory/index.js';
import '../src/elements/usage-overview/usage-overview.js';
import type { UsageOverview } from '../src/elements/usage-overview/usage-overview.component.js';
import { smallSeed } from './helpers/fixtures.js';
import { until } from './helpers/grid-host.js';

const root = (el: UsageOverview) => el.shadowRoot!;
const grid = (el: UsageOverview) => root(el).querySelector<HTMLElement>('[role="grid"]')!;
const focusedCol = (el: UsageOverview) => (root(el).activeElement as HTMLElement | null)?.dataset.col;

/**
 * Whether the focused cell is wholly visible: inside the grid's client area (its border and
 * scrollbar excluded) and, unless it is the agent cell, clear of the sticky agent column.
 */
function wholly(el: UsageOverview): boolean {
  const active = root(el).activeElement as HTMLElement;
  const cell = active.getBoundingClientRect();
  const name = active.parentElement!.firstElementChild!.getBoundingClientRect();
  const box = grid(el).getBoundingClientRect();
  const style = getComputedStyle(grid(el));
  const left = box.left + parseFloat(style.borderLeftWidth);
  const right = box.right - parseFloat(style.borderRightWidth);
  const width = grid(el).clientWidth;
  // The vertical scrollbar sits on the end edge in right-to-left (Chromium: the left).
  const [from, to] = style.direction === 'rtl' ? [right - width, right] : [left, left + width];
  const inside = cell.left >= from - 1 && cell.right <= to + 1;
  if (active.dataset.col === '0') return inside;
  const clear = style.direction === 'rtl' ? cell.right <= name.left + 1 : cell.left >= name.right - 1;
  return inside && clear;
}

async function narrow(dir: 'ltr' | 'rtl'): Promise<UsageOverview> {
  const el = await fixture<UsageOverview>(
    html`<usage-overview dir=${dir} .adapter=${new MemoryAdapter(smallSeed())}></usage-overview>`,
  );
  // The agent column and four licence columns need about 41rem; give the element 38rem, still wide
  // enough for the grid (below 600 px each agent is a card: usage-overview-cards.test.ts).
  el.style.width = '38rem';
  await until(() => root(el).querySelector('[data-row="0"] .agent-name') !== null, 'the rows');
  // An update user on an adapter that assigns: the selection's checkbox column loads on first use
  // and widens the agent column; measure once it is there (Firefox's layout can come after a key).
  await until(() => root(el).querySelector('input.pick') !== null, 'the selection column');
  expect(grid(el).scrollWidth).to.be.greaterThan(grid(el).clientWidth);
  root(el).querySelector<HTMLElement>('[tabindex="0"]')!.focus();
  return el;
}

async function press(el: UsageOverview, key: string, col: string): Promise<void> {
  await sendKeys({ press: key });
  await until(() => focusedCol(el) === col, `${key} to column ${col}`);
}

for (const dir of ['ltr', 'rtl'] as const) {
  describe(`usage-overview in a narrow space (${dir})`, () => {
    it('scrolls sideways to the focused cell, and back to the start edge', async () => {
      const el = await narrow(dir);
      const [toEnd, toStart] = dir === 'ltr' ? ['ArrowRight', 'ArrowLeft'] : ['ArrowLeft', 'ArrowRight'];
      await press(el, 'End', '4');
      expect(Math.abs(grid(el).scrollLeft)).to.be.greaterThan(0);
      expect(wholly(el), 'the last column in view').to.equal(true);
      // Back towards the start: each cell comes out from under the sticky agent column.
      for (const col of ['3', '2', '1']) {
        await press(el, toStart, col);
        expect(wholly(el), `column ${col} in view`).to.equal(true);
      }
      expect(Math.abs(grid(el).scrollLeft)).to.be.lessThan(2);
      await press(el, toEnd, '2');
      await press(el, 'End', '4');
      await press(el, 'Home', '0');
      expect(wholly(el), 'the agent column').to.equal(true);
      await press(el, 'End', '4');
      expect(wholly(el), 'the last column again').to.equal(true);
    });
  });
}
