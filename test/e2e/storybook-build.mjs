// The static Storybook build the accessibility e2e tests load their stories from, in a throw-away
// folder (other test files may be building their own meanwhile), served on loopback.
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import process from 'node:process';
import { newPage, projectRoot, serveStatic } from './harness.mjs';
import { settled, showStory } from './story-checks.mjs';

/**
 * Builds Storybook (after the manifest its preview reads) and serves it. Resolves to
 * `{ url, stories, close }`, `stories` being the index's story entries.
 */
export async function buildStorybook() {
  const out = await mkdtemp(join(tmpdir(), 'licence-kit-stories-'));
  execFileSync('npm', ['run', 'manifest', '--silent'], {
    cwd: projectRoot,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  execFileSync('npx', ['storybook', 'build', '--quiet', '-o', out], {
    cwd: projectRoot,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, STORYBOOK_DISABLE_TELEMETRY: '1' },
  });
  const index = JSON.parse(await readFile(join(out, 'index.json'), 'utf8'));
  const stories = Object.values(index.entries).filter((entry) => entry.type === 'story');
  const server = await serveStatic(out);
  return {
    url: server.url,
    stories,
    async close() {
      await server.close();
      await rm(out, { recursive: true, force: true });
    },
  };
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
