// The demo host page (`npm start`), end to end in headless Chromium.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { launchChromium, newPage, startVite } from './harness.mjs';

describe('demo: the Licensing page', () => {
  let server;
  let browser;
  before(async () => {
    server = await startVite({ root: 'demo' });
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('loads licence-manager on the memory adapter with no errors', async () => {
    const page = await newPage(browser);
    await page.goto(server.url, { waitUntil: 'load' });
    await page.locator('::-p-aria([name="Voice licences"][role="spinbutton"])').wait();
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  it('serves the MSW worker, so the REST adapter can reach the mock backend', async () => {
    const response = await fetch(new URL('mockServiceWorker.js', server.url));
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /javascript/);
  });
});
