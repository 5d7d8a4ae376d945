// What a screen-reader user meets on <licence-manager> (issue #23), read from Chromium's
// accessibility tree (puppeteer's snapshot, deep through shadow roots) over the Storybook build:
//
// - the focus-stop snapshot: the licence-manager story with `update` permission (fixed data, not
//   the demo), 1440 × 900, English; Tab pressed 40 times, each stop's role and accessible name
//   compared with test/e2e/focus-stops.snapshot.txt (one stop a line). A difference fails with the
//   stops that changed. `UPDATE_SNAPSHOTS=1 node --test test/e2e/screen-reader.test.mjs` rewrites
//   the file; a change to it must be explained in the commit that makes it.
// - each stepper's limit and error as its description, the meters' value in words (English and
//   Czech), the review dialog named by its heading, one announcement per change of the cart total,
//   and the usage grid's row position.
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import process from 'node:process';
import { after, before, describe, it } from 'node:test';
import { launchChromium } from './harness.mjs';
import { buildStorybook, openStory } from './storybook-build.mjs';

const SNAPSHOT = join(import.meta.dirname, 'focus-stops.snapshot.txt');
const MANAGER = 'pages-licence-manager--default';
const desktop = { width: 1440, height: 900 };

/** Every node of the page's accessibility tree, flattened (ignored nodes left out). */
async function axNodes(page) {
  const nodes = [];
  const walk = (node) => {
    nodes.push(node);
    for (const child of node.children ?? []) walk(child);
  };
  walk(await page.accessibility.snapshot({ interestingOnly: false }));
  return nodes;
}

/** The one node of `role` whose name matches `name` (a string: equal; a RegExp: matches). */
async function axNode(page, role, name) {
  const found = (await axNodes(page)).filter(
    (n) => n.role === role && (typeof name === 'string' ? n.name === name : name.test(n.name ?? '')),
  );
  assert.equal(found.length, 1, `${found.length} ${role} nodes named ${name}`);
  return found[0];
}

/**
 * The value in words of the meter named `name`: its role and name from the accessibility tree, its
 * `aria-valuetext` from the element (Chromium's tree reports no value text for a meter).
 */
async function meterWords(page, name) {
  const node = await axNode(page, 'meter', name);
  const element = await node.elementHandle();
  return element.evaluate((meter) => meter.getAttribute('aria-valuetext'));
}

/** "role  name" of the focused node, or a line saying focus has left the page. */
async function focusStop(page) {
  const focused = (await axNodes(page)).find((n) => n.focused && n.role !== 'RootWebArea');
  return focused ? { role: focused.role, name: focused.name ?? '' } : null;
}

const line = (index, stop) =>
  `${String(index).padStart(2, '0')}  ${stop ? `${stop.role.padEnd(11)} ${stop.name}` : '(focus leaves the page)'}`;

describe('a screen reader on licence-manager', () => {
  let browser;
  let storybook;
  before(async () => {
    storybook = await buildStorybook();
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await storybook?.close();
  });

  it('meets the same 40 focus stops, each named and with a sensible role', async () => {
    const page = await openStory(browser, storybook, MANAGER, { viewport: desktop });
    const stops = [];
    for (let i = 1; i <= 40; i++) {
      await page.keyboard.press('Tab');
      stops.push(await focusStop(page));
    }
    const lines = stops.map((stop, i) => line(i + 1, stop));
    const roles = new Set([
      'button',
      'link',
      'spinbutton',
      'switch',
      'combobox',
      'textbox',
      'checkbox',
      'grid',
      'gridcell',
      'rowheader',
      'dialog',
    ]);
    const unnamed = stops.flatMap((stop, i) =>
      stop && (!stop.name.trim() || !roles.has(stop.role))
        ? [`stop ${i + 1}: ${stop.role} "${stop.name}"`]
        : [],
    );
    assert.deepEqual(unnamed, [], 'every focus stop has a name and the role of a control');
    assert.deepEqual(page.problems, []);
    await page.close();

    const text = `${lines.join('\n')}\n`;
    if (process.env.UPDATE_SNAPSHOTS === '1') {
      await writeFile(SNAPSHOT, text);
      return;
    }
    const expected = (await readFile(SNAPSHOT, 'utf8')).trimEnd().split('\n');
    const changed = [];
    for (let i = 0; i < Math.max(expected.length, lines.length); i++)
      if (expected[i] !== lines[i])
        changed.push(`stop ${i + 1}:\n  was ${expected[i] ?? '(none)'}\n  now ${lines[i] ?? '(none)'}`);
    assert.ok(
      changed.length === 0,
      `the focus stops changed (rewrite with UPDATE_SNAPSHOTS=1 and explain why in the commit):\n${changed.join('\n')}`,
    );
  });

  it('hears each stepper with its limit and its error, and each meter as a value in words', async () => {
    const page = await openStory(browser, storybook, MANAGER, { viewport: desktop });
    assert.equal((await axNode(page, 'spinbutton', 'Voice licences')).description, 'In use: 211 of 221');
    // The floor is an error and a limit: both, the message first.
    assert.equal(
      (await axNode(page, 'spinbutton', 'Chat licences')).description,
      "111 in use — can't go lower In use: 111 of 111",
    );
    assert.equal(
      (await axNode(page, 'spinbutton', 'Limit over the base pack (minutes per month)')).description,
      'At most 7,000 minutes a month (5,000 base + 2,000). 5,830 of 7,000 minutes used this month',
    );
    assert.equal(
      (await axNode(page, 'spinbutton', 'AI Topics: most packs per month')).description,
      '5 of 5 packs used this month. At most €245.00 a month',
    );
    assert.equal(await meterWords(page, 'Speech-to-Text'), '5,830 of 7,000 minutes');
    assert.equal(await meterWords(page, 'Smart routing'), '4 of 10 packs');
    assert.equal(await meterWords(page, 'AI Topics'), '5 of 5 packs');
    await page.close();

    // The seat table's steppers, the same way.
    const table = await openStory(browser, storybook, 'pages-licence-manager--table', { viewport: desktop });
    assert.equal((await axNode(table, 'spinbutton', 'Voice licences')).description, 'In use: 211 of 221');
    await table.close();

    const czech = await openStory(browser, storybook, 'pages-licence-manager--czech', { viewport: desktop });
    const minutes = await meterWords(czech, 'Převod řeči na text');
    assert.equal(minutes.replace(/\s/g, ' '), '5 830 minut z limitu 7 000');
    assert.equal(await meterWords(czech, 'AI Topics'), '5 balíčků z limitu 5');
    await czech.close();
  });

  it('announces the cart total once per change, not per keystroke, and names the review by its heading', async () => {
    const page = await openStory(browser, storybook, MANAGER, { viewport: desktop });
    // Every text the cart's live regions take, as a screen reader would hear them (were the visible
    // summary one of them, "1 change This month …" would be heard at each keystroke).
    await page.evaluate(() => {
      const cart = document.querySelector('licence-manager').shadowRoot.querySelector('licence-cart');
      window.heard = [];
      new MutationObserver(() => {
        for (const region of cart.shadowRoot.querySelectorAll('[role="status"], [aria-live="polite"]'))
          if (region.textContent.trim()) window.heard.push(region.textContent.trim());
      }).observe(cart.shadowRoot, { subtree: true, childList: true, characterData: true });
    });
    const voice = await page.waitForSelector('pierce/input[aria-valuetext="221"]');
    await voice.click({ count: 3 });
    await page.keyboard.type('230', { delay: 120 });
    await new Promise((done) => setTimeout(done, 1500));
    assert.deepEqual(await page.evaluate(() => [...new Set(window.heard)]), [
      'Cart total this month +€96.00',
    ]);

    const save = await page.waitForSelector('pierce/[part~="save-button"]');
    await save.click();
    await page.waitForSelector('pierce/dialog[open]');
    const dialog = await axNode(page, 'dialog', 'Review your changes');
    assert.equal(dialog.modal, true);
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  it('tells the usage grid row by row out of all agents', async () => {
    const page = await openStory(browser, storybook, 'usage-usage-overview--ten-thousand-agents', {
      viewport: desktop,
    });
    const cell = await page.waitForSelector('pierce/[role="rowheader"][tabindex="0"]');
    await cell.focus();
    for (let i = 0; i < 11; i++) await page.keyboard.press('ArrowDown');
    const position = () =>
      page.evaluate(() => {
        let active = document.activeElement;
        while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
        return {
          row: active.closest('[role="row"]').getAttribute('aria-rowindex'),
          of: active.closest('[role="grid"]').getAttribute('aria-rowcount'),
        };
      });
    // The header is row 1: the twelfth agent is row 13 of 10,001.
    assert.deepEqual(await position(), { row: '13', of: '10001' });
    await page.keyboard.down('Control');
    await page.keyboard.press('End');
    await page.keyboard.up('Control');
    await page.waitForFunction(() => true);
    assert.deepEqual(await position(), { row: '10001', of: '10001' });
    const focused = (await axNodes(page)).find((n) => n.focused);
    assert.ok(['rowheader', 'gridcell'].includes(focused.role), focused.role);
    assert.ok(focused.name, 'the focused row header names its agent');
    await page.close();
  });
});
