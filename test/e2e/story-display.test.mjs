// Beyond axe (issue #23), over the static Storybook build in headless Chromium: every story at
// 320 CSS px (400 % zoom) reflows without a horizontal page scroll and keeps every interactive
// control at least 24 × 24 CSS px (WCAG 2.5.8); under forced colours (Windows High Contrast,
// emulated) no control loses both its border and its text; and each switch, meter and status looks
// different in its two states under forced colours (a screenshot of each differs).
import assert from 'node:assert/strict';
import { Buffer } from 'node:buffer';
import { after, before, describe, it } from 'node:test';
import { launchChromium, newPage } from './harness.mjs';
import { buildStorybook } from './storybook-build.mjs';
import { pageChecks, settled, showStory } from './story-checks.mjs';

const forced = [{ name: 'forced-colors', value: 'active' }];

describe('Storybook: every story at 320 px and under forced colours', () => {
  let storybook;
  let browser;
  let stories;
  before(async () => {
    storybook = await buildStorybook();
    stories = storybook.stories;
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await storybook?.close();
  });

  /**
   * Shows a story and waits until it has rendered and its data has arrived: the first one loads
   * the preview, the others are switched to through Storybook's channel (loading the preview for
   * each of them would take several times as long).
   */
  async function open(page, id) {
    if (page.story === id) return;
    if (!page.story) {
      const url = new URL(`iframe.html?id=${id}&viewMode=story&globals=a11y.manual:!true`, storybook.url);
      await page.goto(url.href, { waitUntil: 'load' });
      await page.waitForFunction(() => document.querySelector('#storybook-root')?.childElementCount > 0, {
        timeout: 15_000,
      });
    } else {
      await page.evaluate(showStory, id);
    }
    page.story = id;
    await page.evaluate(settled);
  }

  it('reflows at 320 px, keeps targets at 24 × 24 px and, under forced colours, every control visible', async () => {
    assert.ok(stories.length > 50, `only ${stories.length} stories`);
    const page = await newPage(browser, { viewport: { width: 320, height: 640 } });
    const failures = [];
    for (const story of stories) {
      await page.emulateMediaFeatures([]);
      try {
        await open(page, story.id);
      } catch (error) {
        failures.push(`${story.id}: ${error.message}`);
        continue;
      }
      const plain = await page.evaluate(pageChecks, false);
      await page.emulateMediaFeatures(forced);
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done))));
      const underForced = await page.evaluate(pageChecks, true);
      for (const problem of new Set([...plain, ...underForced])) failures.push(`${story.id}: ${problem}`);
    }
    await page.close();
    assert.deepEqual(failures, []);
  });

  /**
   * The pairs: a state as [story, path to the element (each selector inside the previous one's
   * shadow root)] and the other state. Each pair's two screenshots must differ.
   */
  const pp = 'power-pack-power-pack-limits--';
  const stt = 'seat-licences-licence-card--speech-to-text';
  const details = 'installation-licence-license-details--';
  const badge = ['license-details', '[part~="badge"]'];
  const service = (n, rest) => ['power-pack-limits', `[part~="service"]:nth-child(${n}) ${rest}`];
  const pairs = [
    [
      'Power Pack switch on / off',
      [`${pp}on-with-limits`, ['power-pack-limits', 'lk-switch', '.track']],
      [`${pp}off`, ['power-pack-limits', 'lk-switch', '.track']],
    ],
    [
      'Speech-to-Text switch on / off',
      [stt, ['licence-card', 'lk-switch', '.track']],
      [`${stt}-off-in-draft`, ['licence-card', 'lk-switch', '.track']],
    ],
    [
      'Power Pack meter part used / full',
      [`${pp}on-with-limits`, service(1, 'meter')],
      [`${pp}on-with-limits`, service(2, 'meter')],
    ],
    [
      'Speech-to-Text meter used / on / off',
      [stt, ['licence-card', 'meter']],
      [`${stt}-off-in-draft`, ['licence-card', 'meter']],
    ],
    [
      'prerequisite met / missing',
      [`${pp}on-with-limits`, service(1, '.badge')],
      [`${pp}prerequisites-missing`, service(1, '.badge')],
    ],
    ['status active / grace', [`${details}annual`, badge], [`${details}grace-period`, badge]],
    ['status grace / deactivated', [`${details}grace-period`, badge], [`${details}deactivated`, badge]],
    ['status deactivated / expired', [`${details}deactivated`, badge], [`${details}expired`, badge]],
    ['status active / expired', [`${details}annual`, badge], [`${details}expired`, badge]],
  ];

  it('shows each switch, meter and status differently in its two states under forced colours', async () => {
    const page = await newPage(browser, { viewport: { width: 1024, height: 900 } });
    await page.emulateMediaFeatures(forced);
    const shoot = async (id, path) => {
      await open(page, id);
      const handle = await page.evaluateHandle((selectors) => {
        let node = document.querySelector('#storybook-root');
        for (const selector of selectors) node = (node.shadowRoot ?? node).querySelector(selector);
        return node;
      }, path);
      const element = handle.asElement();
      assert.ok(element, `${id}: no ${path.join(' > ')}`);
      return Buffer.from(await element.screenshot());
    };
    const same = [];
    for (const [name, first, second] of pairs) {
      const a = await shoot(...first);
      const b = await shoot(...second);
      if (a.equals(b)) same.push(name);
    }
    await page.close();
    assert.deepEqual(same, []);
  });
});
