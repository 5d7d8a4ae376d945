import { expect, fixture, html } from '@open-wc/testing';
import { MAX_SCROLL_SPACE } from '../src/elements/usage-overview/row-layout.js';
import { renderedRows, table, until, type GridHost } from './helpers/grid-host.js';
import './helpers/grid-host.js';

const range = (first: number, last: number) => Array.from({ length: last - first + 1 }, (_, i) => first + i);

/** A host with `total` rows, once the margin rows beyond the view have come (a frame after the first). */
async function host(total: number): Promise<GridHost> {
  const el = await fixture<GridHost>(html`<test-grid-host .total=${total}></test-grid-host>`);
  const settled = range(0, Math.min(total, 7) - 1).join();
  await until(() => renderedRows(el).join() === settled, 'the rows in view and the margin');
  return el;
}

/** Where a row's box is, relative to the scroller's box. */
function place(el: GridHost, row: number): { top: number; bottom: number } {
  const box = table(el).getBoundingClientRect();
  const rect = el.shadowRoot!.querySelector(`[data-row="${row}"]`)!.getBoundingClientRect();
  return { top: rect.top - box.top, bottom: rect.bottom - box.top };
}

describe('usage-overview row window controller', () => {
  it('renders the rows in view and three more beyond the edge, at the height the CSS gives', async () => {
    const el = await fixture<GridHost>(html`<test-grid-host .total=${10_000}></test-grid-host>`);
    // 160 px under the header shows four 40 px rows; nothing above the first.
    await until(() => renderedRows(el).length === 7, 'four rows in view and three beyond');
    expect(renderedRows(el)).to.deep.equal(range(0, 6));
    expect(place(el, 0).top).to.equal(40);
    expect(table(el).scrollHeight).to.equal(40 + 10_000 * 40);
  });

  it('renders the rows scrolled to, in their place, and no others', async () => {
    const el = await host(10_000);
    table(el).scrollTop = 4000;
    await until(() => renderedRows(el)[0] === 97, 'the rows at 4000 px');
    expect(renderedRows(el)).to.deep.equal(range(97, 106));
    expect(place(el, 100).top).to.equal(40);
    // A scroll within the same rows moves them without rendering others.
    table(el).scrollTop = 4010;
    await until(() => place(el, 100).top === 30, 'row 100 ten px higher');
    expect(renderedRows(el)).to.deep.equal(range(97, 106));
  });

  it('follows the row height the CSS gives, without measuring rows', async () => {
    const el = await host(10_000);
    el.style.setProperty('--row-height', '20px');
    // Eight 20 px rows in view, and the margin.
    await until(() => renderedRows(el).length === 11, 'rows of 20 px');
    expect(renderedRows(el)).to.deep.equal(range(0, 10));
    expect(place(el, 1).top - place(el, 0).top).to.equal(20);
    expect(table(el).scrollHeight).to.equal(40 + 10_000 * 20);
  });

  it('scrolls the least that shows a row fully, and back to the top on reset', async () => {
    const el = await host(10_000);
    el.rowWindow.showRow(50);
    await el.updateComplete;
    expect(place(el, 50).bottom).to.equal(200);
    expect(renderedRows(el)).to.include.members([47, 50, 53]);
    // Already in view: nothing moves.
    el.rowWindow.showRow(48);
    await el.updateComplete;
    expect(table(el).scrollTop).to.equal(51 * 40 - 160);
    // Above the view: it comes in at the top, under the header.
    el.rowWindow.showRow(40);
    await el.updateComplete;
    expect(place(el, 40).top).to.equal(40);
    el.rowWindow.reset();
    el.requestUpdate();
    await el.updateComplete;
    expect(table(el).scrollTop).to.equal(0);
    expect(renderedRows(el)[0]).to.equal(0);
  });

  it('keeps 1,000,000 rows in a bounded scroll space and still reaches the last one', async () => {
    const el = await host(1_000_000);
    expect(table(el).scrollHeight).to.equal(40 + MAX_SCROLL_SPACE);
    table(el).scrollTop = table(el).scrollHeight;
    await until(() => renderedRows(el).includes(999_999), 'the last row');
    expect(renderedRows(el).length).to.be.at.most(12);
    expect(place(el, 999_999).bottom).to.be.closeTo(200, 1);
  });

  it('renders fewer rows when the list shrinks, and none for an empty list', async () => {
    const el = await host(10_000);
    el.total = 2;
    await el.updateComplete;
    expect(renderedRows(el)).to.deep.equal([0, 1]);
    el.total = 0;
    await el.updateComplete;
    expect(renderedRows(el)).to.deep.equal([]);
  });
});
