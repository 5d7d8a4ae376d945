import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { focusedCell, renderedRows, table, until, type GridHost } from './helpers/grid-host.js';
import './helpers/grid-host.js';

/** A grid of `total` rows and four columns (c0–c3), four rows in view, its first cell focused. */
async function focusedGrid(total = 1000, dir = 'ltr'): Promise<GridHost> {
  const el = await fixture<GridHost>(html`<test-grid-host dir=${dir} .total=${total}></test-grid-host>`);
  await until(() => renderedRows(el).length === Math.min(total, 7), 'the rows in view');
  el.shadowRoot!.querySelector<HTMLElement>('[tabindex="0"]')!.focus();
  return el;
}

/** Presses `key` and waits for focus to land on `cell`. */
async function press(el: GridHost, key: string, cell: string): Promise<void> {
  await sendKeys({ press: key });
  await until(() => focusedCell(el) === cell, `${key} to ${cell}`);
}

/**
 * Ctrl+key on the focused element. WebDriver's `sendKeys` (WebKit here) has no held modifiers, so
 * the chord is dispatched as the browser would.
 */
async function chord(el: GridHost, key: string, cell: string, modifier: 'ctrlKey' | 'altKey' = 'ctrlKey') {
  const target = el.shadowRoot!.activeElement ?? table(el);
  const event = new KeyboardEvent('keydown', {
    key,
    [modifier]: true,
    bubbles: true,
    composed: true,
    cancelable: true,
  });
  target.dispatchEvent(event);
  await until(() => focusedCell(el) === cell, `${modifier} ${key} to ${cell}`);
  return event;
}

const tabStops = (el: GridHost) =>
  [...el.shadowRoot!.querySelectorAll('[tabindex="0"]')].map((e) => e.textContent!.trim());

describe('usage-overview grid keyboard controller', () => {
  it('has one tab stop, the first cell, and moves it with the arrows, Home and End', async () => {
    const el = await focusedGrid();
    expect(tabStops(el)).to.deep.equal(['r0c0']);
    expect(focusedCell(el)).to.equal('r0c0');
    await press(el, 'ArrowDown', 'r1c0');
    await press(el, 'ArrowRight', 'r1c1');
    await press(el, 'End', 'r1c3');
    await press(el, 'ArrowLeft', 'r1c2');
    await press(el, 'Home', 'r1c0');
    await press(el, 'ArrowUp', 'r0c0');
    expect(tabStops(el)).to.deep.equal(['r0c0']);
  });

  it('stops at the edges instead of wrapping or leaving the grid', async () => {
    const el = await focusedGrid(3);
    await press(el, 'ArrowUp', 'r0c0');
    await press(el, 'ArrowLeft', 'r0c0');
    await press(el, 'End', 'r0c3');
    await press(el, 'ArrowRight', 'r0c3');
    await press(el, 'PageDown', 'r2c3');
    await press(el, 'ArrowDown', 'r2c3');
  });

  it('moves by a screen with Page Down / Page Up, scrolling the rows along', async () => {
    const el = await focusedGrid();
    // Four rows in view: a screen is three rows, keeping one for context.
    await press(el, 'PageDown', 'r3c0');
    await press(el, 'PageDown', 'r6c0');
    expect(table(el).scrollTop).to.be.above(0);
    await press(el, 'PageUp', 'r3c0');
  });

  it('goes to the last and the first row with Ctrl+End and Ctrl+Home, rendering them', async () => {
    const el = await focusedGrid(10_000);
    await chord(el, 'End', 'r9999c3');
    expect(renderedRows(el)).to.include(9999);
    expect(renderedRows(el)).not.to.include(0);
    expect(tabStops(el)).to.deep.equal(['r9999c3']);
    await chord(el, 'Home', 'r0c0');
    expect(table(el).scrollTop).to.equal(0);
  });

  it('leaves Alt+arrows and other keys to the browser', async () => {
    const el = await focusedGrid();
    const event = new KeyboardEvent('keydown', {
      key: 'ArrowDown',
      altKey: true,
      bubbles: true,
      composed: true,
      cancelable: true,
    });
    el.shadowRoot!.activeElement!.dispatchEvent(event);
    const letter = new KeyboardEvent('keydown', {
      key: 'a',
      bubbles: true,
      composed: true,
      cancelable: true,
    });
    el.shadowRoot!.activeElement!.dispatchEvent(letter);
    await el.updateComplete;
    expect([event.defaultPrevented, letter.defaultPrevented]).to.deep.equal([false, false]);
    expect(focusedCell(el)).to.equal('r0c0');
  });

  it('follows the reading direction: in right-to-left, Arrow Left goes to the next column', async () => {
    const el = await focusedGrid(1000, 'rtl');
    await press(el, 'ArrowLeft', 'r0c1');
    await press(el, 'ArrowRight', 'r0c0');
  });

  it('makes a clicked cell the tab stop, and the keys go on from there', async () => {
    const el = await focusedGrid();
    el.shadowRoot!.querySelector<HTMLElement>('[data-row="2"] > [data-col="2"]')!.focus();
    await el.updateComplete;
    expect(tabStops(el)).to.deep.equal(['r2c2']);
    await press(el, 'ArrowDown', 'r3c2');
  });

  it('keeps the tab stop in a list that got shorter, and where it was while no rows are known', async () => {
    const el = await focusedGrid();
    await press(el, 'PageDown', 'r3c0');
    await press(el, 'PageDown', 'r6c0');
    el.total = 3;
    await el.updateComplete;
    expect(tabStops(el)).to.deep.equal(['r2c0']);
    // A reload: no rows known for a moment, then the list again.
    el.total = 0;
    await el.updateComplete;
    el.total = 1000;
    await until(() => tabStops(el).length === 1, 'the rows back');
    expect(tabStops(el)).to.deep.equal(['r2c0']);
  });

  it('keeps focus in the grid when the focused row scrolls away, and goes on from that row', async () => {
    const el = await focusedGrid();
    await press(el, 'ArrowDown', 'r1c0');
    table(el).scrollTop = 20_000;
    await until(() => focusedCell(el) === 'grid', 'focus on the grid');
    // The grid is the tab stop while the active row is away.
    expect(table(el).tabIndex).to.equal(0);
    await press(el, 'ArrowDown', 'r2c0');
    expect(table(el).tabIndex).to.equal(-1);
  });
});

describe('usage-overview grid keyboard controller: focus', () => {
  it('passes a focus on the grid itself (a click on its scrollbar) on to the active cell', async () => {
    const el = await focusedGrid();
    await press(el, 'ArrowDown', 'r1c0');
    table(el).focus();
    expect(focusedCell(el)).to.equal('r1c0');
    expect(table(el).scrollTop).to.equal(0);
  });

  it('takes a key pressed as the rows went away, and keeps its place for when they are back', async () => {
    const el = await focusedGrid();
    // What a page's error reporting would pick up.
    const errors: unknown[] = [];
    const onRejection = (event: PromiseRejectionEvent) => (event.preventDefault(), errors.push(event.reason));
    window.addEventListener('unhandledrejection', onRejection);
    try {
      el.shadowRoot!.activeElement!.dispatchEvent(
        new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, composed: true, cancelable: true }),
      );
      // A reload empties the list before the grid rendered the key's move.
      el.total = 0;
      await el.updateComplete;
      await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      window.removeEventListener('unhandledrejection', onRejection);
    }
    expect(errors.map(String)).to.deep.equal([]);
    expect(renderedRows(el)).to.deep.equal([]);
    expect(el.shadowRoot!.activeElement === null, 'nothing in the grid to focus').to.equal(true);
    el.total = 1000;
    await until(() => tabStops(el).length === 1, 'the rows back');
    expect(tabStops(el)).to.deep.equal(['r1c0']);
  });

  it('lands on the cell of the last of two keys pressed before the grid rendered', async () => {
    const el = await focusedGrid();
    const down = () =>
      el.shadowRoot!.activeElement!.dispatchEvent(
        new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, composed: true, cancelable: true }),
      );
    down();
    down();
    await until(() => focusedCell(el) === 'r2c0', 'two rows down');
    await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(focusedCell(el)).to.equal('r2c0');
    expect(tabStops(el)).to.deep.equal(['r2c0']);
  });
});
