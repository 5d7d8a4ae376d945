// <usage-overview> narrower than 600 px (a phone, a side panel): each agent is a card with every
// licence type and whether they hold it, not one column of a wide grid; the keys still work.
import './helpers/lit-warnings.js';
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { MemoryAdapter } from '../src/adapters/memory/index.js';
import '../src/elements/usage-overview/usage-overview.js';
import type { UsageOverview } from '../src/elements/usage-overview/usage-overview.component.js';
import '../src/locales/cs.js';
import { smallSeed, smallSnapshot } from './helpers/fixtures.js';
import { until } from './helpers/grid-host.js';

const root = (el: UsageOverview) => el.shadowRoot!;
const grid = (el: UsageOverview) => root(el).querySelector<HTMLElement>('[role="grid"]')!;
const row = (el: UsageOverview, index: number) =>
  root(el).querySelector<HTMLElement>(`[role="row"][data-row="${index}"]`)!;
const cells = (el: UsageOverview, index: number) => [
  ...row(el, index).querySelectorAll<HTMLElement>('[role="gridcell"]'),
];
const rect = (node: Element) => node.getBoundingClientRect();
const focused = (el: UsageOverview) => root(el).activeElement as HTMLElement | null;
/** What a sighted user reads in a licence cell: the glyph and the type's name beside it. */
const shown = (cell: HTMLElement) => {
  const glyph = getComputedStyle(cell, '::before').content;
  const label = getComputedStyle(cell, '::after').content;
  return { glyph, label: label === 'none' ? '' : cell.dataset.type };
};

/** Whether `inner` lies wholly inside `outer` (1 px of rounding allowed). */
const within = (inner: DOMRect, outer: DOMRect) =>
  inner.left >= outer.left - 1 &&
  inner.right <= outer.right + 1 &&
  inner.top >= outer.top - 1 &&
  inner.bottom <= outer.bottom + 1;

async function overview(width: string, lang = 'en', snapshot = smallSnapshot()): Promise<UsageOverview> {
  const el = await fixture<UsageOverview>(
    html`<usage-overview
      lang=${lang}
      .adapter=${new MemoryAdapter({ ...smallSeed(), snapshot })}
    ></usage-overview>`,
  );
  el.style.width = width;
  el.style.setProperty('--usage-overview-height', '30rem');
  await until(() => root(el).querySelector('[data-row="0"] .agent-name') !== null, 'the rows');
  // The ResizeObserver has reported the card's height: rows sit one card apart.
  await until(() => rect(row(el, 1)).top - rect(row(el, 0)).top === rect(row(el, 0)).height, 'the cards');
  return el;
}

describe('usage-overview narrower than 600 px', () => {
  it('shows each agent as a card with every licence type, nothing cut off or sideways', async () => {
    const el = await overview('390px');
    expect(grid(el).scrollWidth, 'no sideways scrolling').to.be.at.most(grid(el).clientWidth);
    // The column headers are read by screen readers, not shown: each card names its types.
    const header = root(el).querySelector<HTMLElement>('[part~="header"]')!;
    expect(rect(header).height).to.be.at.most(1);
    const card = row(el, 0);
    expect(card.querySelector('.agent-name')!.textContent).to.equal('Anna Nováková');
    const marks = cells(el, 0);
    expect(marks.map((cell) => shown(cell).label)).to.deep.equal([
      'Voice',
      'Outbound',
      'Email',
      'Call recording',
    ]);
    expect(marks.map((cell) => cell.textContent)).to.deep.equal([
      'has licence',
      'has licence',
      'no licence',
      'has licence',
    ]);
    // Stacked in one column at this width, each inside its card and below the agent's name.
    const name = rect(card.querySelector('[role="rowheader"]')!);
    for (const cell of marks) {
      expect(within(rect(cell), rect(card)), `${cell.dataset.type} inside the card`).to.equal(true);
      expect(rect(cell).top).to.be.at.least(name.bottom - 1);
      expect(rect(cell).left).to.equal(rect(marks[0]!).left);
    }
  });

  it('puts the types in two columns when the card has room, still inside it', async () => {
    const el = await overview('520px');
    const marks = cells(el, 1);
    expect(rect(marks[1]!).top).to.equal(rect(marks[0]!).top);
    expect(rect(marks[1]!).left).to.be.greaterThan(rect(marks[0]!).right - 1);
    // Four types, two lines of two.
    expect(rect(marks[2]!).top).to.be.at.least(rect(marks[0]!).bottom - 1);
    expect(rect(marks[2]!).left).to.equal(rect(marks[0]!).left);
    expect(shown(marks[3]!).label).to.equal('Call recording');
    for (const cell of marks) expect(within(rect(cell), rect(row(el, 1)))).to.equal(true);
  });

  it('names the types in the page language on a Czech page', async () => {
    const snapshot = smallSnapshot();
    const el = await overview('390px', 'cs', {
      ...snapshot,
      catalog: snapshot.catalog.map((type) =>
        type.id === 'voice' ? { ...type, names: { cs: 'Hlas' } } : type,
      ),
    });
    expect(shown(cells(el, 0)[0]!).label).to.equal('Hlas');
    expect(cells(el, 0)[0]!.textContent).to.equal('má licenci');
    expect(root(el).querySelector('[part~="count"]')!.textContent!.trim()).to.equal('4 agenti');
  });

  it('moves with the keys from licence to licence and from card to card, keeping the focused one in view', async () => {
    const el = await overview('390px');
    root(el).querySelector<HTMLElement>('[tabindex="0"]')!.focus();
    expect(focused(el)!.getAttribute('role')).to.equal('rowheader');
    await sendKeys({ press: 'ArrowRight' });
    await until(() => focused(el)?.dataset.col === '1', 'the first licence');
    expect(shown(focused(el)!).label).to.equal('Voice');
    await sendKeys({ press: 'ArrowDown' });
    await until(() => focused(el)?.closest<HTMLElement>('[data-row]')?.dataset.row === '1', 'the next card');
    expect(focused(el)!.dataset.col).to.equal('1');
    // Ctrl+End as the browser dispatches it (WebDriver's sendKeys holds no modifiers in WebKit).
    focused(el)!.dispatchEvent(
      new KeyboardEvent('keydown', {
        key: 'End',
        ctrlKey: true,
        bubbles: true,
        composed: true,
        cancelable: true,
      }),
    );
    await until(() => focused(el)?.closest<HTMLElement>('[data-row]')?.dataset.row === '3', 'the last card');
    expect(focused(el)!.dataset.col).to.equal('4');
    expect(within(rect(focused(el)!), rect(grid(el))), 'the focused licence in view').to.equal(true);
  });

  it('turns back into the grid when the element widens', async () => {
    const el = await overview('390px');
    el.style.width = '900px';
    await until(() => rect(row(el, 0)).height < 60, 'the grid rows');
    const header = root(el).querySelector<HTMLElement>('[part~="header"]')!;
    expect(rect(header).height).to.be.greaterThan(20);
    const marks = cells(el, 0);
    // One line: every cell beside the agent, under its column header, with no name of its own.
    for (const cell of marks) {
      expect(rect(cell).top).to.equal(rect(marks[0]!).top);
      expect(shown(cell).label).to.equal('');
    }
  });
});
