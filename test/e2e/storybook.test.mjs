// Storybook as a catalogue: every story of the static build renders in headless Chromium with no
// error and no axe violation (the same rules Storybook's a11y addon runs), in light and dark.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import process from 'node:process';
import { after, before, describe, it } from 'node:test';
import { launchChromium, newPage, projectRoot, serveStatic } from './harness.mjs';

const out = join(projectRoot, 'node_modules', '.storybook-check');
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
  let server;
  let browser;
  let stories;
  before(async () => {
    // The preview reads the custom elements manifest, which is generated, not committed.
    execFileSync('npm', ['run', 'manifest', '--silent'], {
      cwd: projectRoot,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    execFileSync('npx', ['storybook', 'build', '--quiet', '-o', out], {
      cwd: projectRoot,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, STORYBOOK_DISABLE_TELEMETRY: '1' },
    });
    const index = JSON.parse(readFileSync(join(out, 'index.json'), 'utf8'));
    stories = Object.values(index.entries).filter((entry) => entry.type === 'story');
    server = await serveStatic(out);
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
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
          server.url,
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
