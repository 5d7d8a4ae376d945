// The static Storybook build the e2e tests load their stories from, served on loopback.
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import process from 'node:process';
import { newPage, projectRoot, serveStatic } from './harness.mjs';
import { settled, showStory } from './story-checks.mjs';

/**
 * The static Storybook these tests load their stories from, served on loopback: the one build of
 * the e2e run (`scripts/e2e.mjs` builds it once and names its folder in `LK_STORYBOOK_DIR`, so four
 * test files don't build it four times), or, for a test file run on its own, a build of its own in
 * a throw-away folder. Resolves to `{ url, stories, close }`, `stories` being the index's entries.
 */
export async function buildStorybook() {
  const shared = process.env.LK_STORYBOOK_DIR;
  const out = shared || (await mkdtemp(join(tmpdir(), 'licence-kit-stories-')));
  if (!shared) buildStorybookInto(out);
  const index = JSON.parse(await readFile(join(out, 'index.json'), 'utf8'));
  const stories = Object.values(index.entries).filter((entry) => entry.type === 'story');
  const server = await serveStatic(out);
  return {
    url: server.url,
    stories,
    async close() {
      await server.close();
      if (!shared) await rm(out, { recursive: true, force: true });
    },
  };
}

/** Builds Storybook into `out`, after the manifest its preview reads (generated, not committed). */
export function buildStorybookInto(out) {
  execFileSync('npm', ['run', 'manifest', '--silent'], {
    cwd: projectRoot,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  execFileSync('npx', ['storybook', 'build', '--quiet', '-o', out], {
    cwd: projectRoot,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, STORYBOOK_DISABLE_TELEMETRY: '1' },
  });
}

/**
 * A page showing story `id` of `storybook` once it has rendered and its data has arrived: a new one
 * (of `viewport`), or `page`, in whose preview (once loaded) the story is switched to through
 * Storybook's channel, as its sidebar does (much faster than loading the preview again).
 */
export async function openStory(browser, storybook, id, { viewport, page } = {}) {
  page ??= await newPage(browser, { viewport });
  if (page.story) {
    await page.evaluate(showStory, id);
  } else {
    const url = new URL(`iframe.html?id=${id}&viewMode=story&globals=a11y.manual:!true`, storybook.url);
    await page.goto(url.href, { waitUntil: 'load' });
    await page.waitForFunction(() => document.querySelector('#storybook-root')?.childElementCount > 0, {
      timeout: 15_000,
    });
  }
  page.story = id;
  await page.evaluate(settled);
  return page;
}
