// The demo on the reference backend, end to end: Chromium drives the demo page, whose RestAdapter
// reaches the server (server/, PGlite in a throw-away folder) through Vite's /api proxy. A saved
// change survives a reload because the server's database holds it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { newPage, useDemo, waitFor } from './harness.mjs';

const voiceField = '::-p-aria([name="Voice licences"][role="spinbutton"])';
const addVoice = '::-p-aria([name="Increase Voice licences"][role="button"])';

const fieldValue = (page, selector) =>
  page
    .locator(selector)
    .map((input) => input.value)
    .wait();

describe('demo on the reference backend', () => {
  const demo = useDemo({ backend: true });

  /** The snapshot the server holds, as the update user sees it. */
  const serverSnapshot = async () =>
    (
      await fetch(`${demo.backend.url}/api/licensing`, { headers: { Authorization: 'Bearer demo-update' } })
    ).json();

  it('changes a count, Save, Save again; after a reload the change is there, and in the server', async () => {
    const context = await demo.browser.createBrowserContext();
    const page = await newPage(context);
    await page.goto(demo.server.url, { waitUntil: 'load' });
    assert.equal(await page.$eval('#panel select[name="adapter"]', (s) => s.value), 'server', 'the default');

    const before = Number(await fieldValue(page, voiceField));
    const voiceOnServer = (snapshot) => snapshot.lines.find((line) => line.typeId === 'voice').count;
    assert.equal(before, voiceOnServer(await serverSnapshot()), 'the page shows what the server holds');
    await page.locator(addVoice).click();
    await page.locator('::-p-aria([name="Save"][role="button"])').click();
    await page.locator('::-p-aria([name="Review your changes"][role="dialog"])').wait();
    await page.locator('::-p-aria([name="Save changes"][role="button"])').click();
    await waitFor(page, () => /^Saved: version v2\./.test(document.querySelector('#status').textContent), {
      message: 'the host page reports the commit the server answered',
    });
    assert.equal(voiceOnServer(await serverSnapshot()), before + 1, "the server's database holds it");

    await page.reload({ waitUntil: 'load' });
    assert.equal(await fieldValue(page, voiceField), String(before + 1), 'still there after a reload');
    assert.deepEqual(page.problems, []);
    await context.close();
  });

  it('picks the token of the chosen permission (view: requests only), with the failure switches on', async () => {
    const context = await demo.browser.createBrowserContext();
    const page = await newPage(context);
    await page.goto(demo.server.url, { waitUntil: 'load' });
    await page.evaluate(() =>
      localStorage.setItem(
        'licence-kit-demo:settings',
        JSON.stringify({ adapter: 'server', permission: 'view' }),
      ),
    );
    await page.reload({ waitUntil: 'load' });
    await waitFor(
      page,
      () =>
        document
          .querySelector('licence-manager')
          .shadowRoot.querySelector('[part="read-only"]')
          ?.textContent.startsWith('You can view licences and request changes'),
      { message: 'the view notice for the view token' },
    );
    // The server's demo controls give server mode the failure switches (demo-states.test.mjs drives them).
    assert.equal(
      await page.$eval('button[data-fail="commit"]', (button) => button.disabled),
      false,
      'the failure switches are on in server mode',
    );
    assert.deepEqual(page.problems, []);
    await context.close();
  });
});
