// usage-overview on RestAdapter against the reference backend, over real HTTP: the first rows, Ctrl+End
// to the last agent and a licence-type filter show what the server's pages hold. The page is the
// benchmark's (bench/usage-overview-rest.html), at 3,000 agents; bench/usage-overview-rest.mjs
// runs it at 1,000,000 and reports times and long tasks, which this test does not assert.
import assert from 'node:assert/strict';
import process from 'node:process';
import { after, before, describe, it } from 'node:test';
import { launchChromium, newPage, startReferenceServer, startVite, waitFor } from './harness.mjs';

describe('usage-overview on the reference backend (RestAdapter)', () => {
  let backend;
  let site;
  let browser;
  before(async () => {
    backend = await startReferenceServer({ args: ['--agents', '3000'] });
    process.env.LICENCE_KIT_API = backend.url;
    site = await startVite({ root: 'bench' });
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await site?.close();
    await backend?.close();
  });

  it('shows the first agents, reaches the last with Ctrl+End and filters by type, as the server pages them', async () => {
    const page = await newPage(browser);
    await page.goto(`${site.url}usage-overview-rest.html`, { waitUntil: 'load' });
    // The page checks each step against the server's own answer before it moves on.
    const results = await waitFor(page, () => window.benchResults, {
      timeout: 60_000,
      message: 'first rows, Ctrl+End to the last agent, and the filtered first row',
    }).then((handle) => handle.jsonValue());
    assert.equal(results.total, 3000);
    for (const step of ['dataToPaint', 'ctrlEndToPaint', 'filterToPaint']) {
      assert.equal(typeof results[step], 'number', `${step}: reached the row the server's page holds`);
    }
    assert.deepEqual(page.problems, []);
  });
});
