// Storybook as a catalogue: every story of the static build renders in headless Chromium with no
// error and no axe violation (the same rules Storybook's a11y addon runs), in light and dark.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, describe, it } from 'node:test';
import { launchChromium, newPage } from './harness.mjs';
import { buildStorybook } from './storybook-build.mjs';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Waits until every Lit element under the story root has rendered, twice over (data arrives later). */
function settled() {
  const pending = [];
  const walk = (root) => {
    for (const node of root.querySelectorAll('*')) {
      if (node.updateComplete) pending.push(node.updateComplete);
      if (node.shadowRoot) walk(node.shadowRoot);
    }
  };
  walk(document.querySelector('#storybook-root'));
  return Promise.all(pending).then(
    () => new Promise((done) => requestAnimationFrame(() => setTimeout(done))),
  );
}

describe('Storybook: every story', () => {
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

  for (const theme of ['light', 'dark']) {
    it(`renders without errors or axe violations (${theme})`, async () => {
      assert.ok(stories.length > 50, `only ${stories.length} stories`);
      const page = await newPage(browser);
      const failures = [];
      for (const story of stories) {
        page.problems.length = 0;
        const url = new URL(
          `iframe.html?id=${story.id}&viewMode=story&globals=theme:${theme};a11y.manual:!true`,
          storybook.url,
        );
        try {
          await page.goto(url.href, { waitUntil: 'load' });
          await page.waitForFunction(() => document.querySelector('#storybook-root')?.childElementCount > 0, {
            timeout: 15_000,
          });
        } catch (error) {
          // Name the story that did not load (or did not let the page go), then go on with the rest.
          failures.push(`${story.id}: ${error.message}`);
          continue;
        }
        // Stories with a slow adapter show their data after a few hundred milliseconds.
        await new Promise((done) => setTimeout(done, 400));
        await page.evaluate(settled);
        await page.evaluate(axeSource);
        const violations = await page.evaluate(async () => {
          const root = document.querySelector('#storybook-root');
          // The a11y addon (set to manual above) may still be finishing a run of its own.
          const run = async (attempt) => {
            try {
              return await window.axe.run(root, { resultTypes: ['violations'] });
            } catch (error) {
              if (attempt > 50 || !/already running/.test(error.message)) throw error;
              await new Promise((done) => setTimeout(done, 100));
              return run(attempt + 1);
            }
          };
          const result = await run(0);
          return result.violations.map(
            (v) =>
              `${v.id} (${v.nodes.length}): ${v.nodes[0]?.target.join(' ')} ${v.nodes[0]?.failureSummary ?? ''}`,
          );
        });
        // Moving on to the next story while MSW's worker checks for an update aborts that check;
        // a designer clicking through stories quickly sees the same harmless rejection.
        const problems = page.problems.filter((p) => !/Failed to update a ServiceWorker/.test(p));
        for (const problem of [...problems, ...violations]) failures.push(`${story.id}: ${problem}`);
      }
      await page.close();
      assert.deepEqual(failures, []);
    });
  }
});
