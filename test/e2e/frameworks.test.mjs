// The React 19 and Vue 3 example apps (demo/react/, demo/vue/), end to end in headless Chromium:
// each loads cleanly, its widgets show the data of the adapter the app passed as a property, and
// the app's own text shows the typed events it listened to (a count changed, the cart committed).
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { newPage, projectRoot, useDemo, waitFor } from './harness.mjs';

const aria = (name, role) => `::-p-aria([name="${name}"][role="${role}"])`;

/** The host app's own status line in `section` (light DOM, the app's markup). */
const hostStatus = (page, section) =>
  page.$eval(`${section} .host-status`, (status) => status.textContent.trim());

async function waitForHostStatus(page, section, text) {
  await waitFor(page, (selector, want) => document.querySelector(selector)?.textContent.trim() === want, {
    args: [`${section} .host-status`, text],
    message: `${section} says "${text}" (it says "${await hostStatus(page, section)}")`,
  });
}

/** A control inside one example of the page, found by role and name through shadow roots. */
async function control(page, section, name, role) {
  const scope = await page.$(section);
  assert.ok(scope, `${section} is on the page`);
  return scope.waitForSelector(aria(name, role), { timeout: 15_000 });
}

/** Voice licences in the built-in demo data, read in the page from the same source module. */
function demoVoiceCount(page) {
  const module = `/@fs${join(projectRoot, 'src/adapters/memory/index.ts')}`;
  return page.evaluate(async (url) => {
    const { createDemoSeed } = await import(url);
    return createDemoSeed().snapshot.lines.find((line) => line.typeId === 'voice').count;
  }, module);
}

/** One Voice licence more in `section`, then the host says one change is pending. */
async function addVoiceLicence(page, section) {
  const input = await control(page, section, 'Voice licences', 'spinbutton');
  const before = Number(await input.evaluate((el) => el.value));
  await (await control(page, section, 'Increase Voice licences', 'button')).click();
  await waitForHostStatus(page, section, 'Pending changes: 1');
  assert.equal(Number(await input.evaluate((el) => el.value)), before + 1);
}

/** Save opens the review, Save changes commits; the host then names the new version. */
async function commitCart(page, section) {
  await (await control(page, section, 'Save', 'button')).click();
  // The review is a modal dialog: the page's only one, outside the section in the accessibility tree.
  await page.locator(aria('Save changes', 'button')).click();
  await waitForHostStatus(page, section, 'Saved version v2');
  // The cart's "saved" toast sits over the bottom of the page for a while; a user closes it.
  await (await control(page, section, 'Dismiss', 'button')).click();
}

const apps = [
  { name: 'React 19', path: 'react/', widgets: 'a card and a cart through the @lit/react wrappers' },
  { name: 'Vue 3', path: 'vue/', widgets: 'a card and a cart sharing one adapter, no provider' },
];

describe('framework apps', () => {
  // The side navigation starts on the demo page, whose default adapter is the reference backend.
  const demo = useDemo({ backend: true });

  for (const app of apps) {
    describe(`${app.name} (demo/${app.path})`, () => {
      let page;
      before(async () => {
        page = await newPage(demo.browser);
        await page.goto(new URL(app.path, demo.server.url).href, { waitUntil: 'load' });
      });
      after(() => page?.close());

      it(`${app.widgets}: shows the adapter's data; the host hears licence-change and licence-commit`, async () => {
        const input = await control(page, '#widgets', 'Voice licences', 'spinbutton');
        assert.equal(Number(await input.evaluate((el) => el.value)), await demoVoiceCount(page));
        assert.equal(await hostStatus(page, '#widgets'), 'Pending changes: 0');

        await addVoiceLicence(page, '#widgets');
        await commitCart(page, '#widgets');
        // The other example has its own adapter: nothing moved there.
        assert.equal(await hostStatus(page, '#whole-page'), 'Pending changes: 0');
      });

      it('licence-manager: the host hears a change and the commit', async () => {
        await addVoiceLicence(page, '#whole-page');
        await commitCart(page, '#whole-page');
      });

      it('logs no error, failed request or CSP violation', () => {
        assert.deepEqual(page.problems, []);
      });
    });
  }

  it('the demo side navigation leads to both apps', async () => {
    const page = await newPage(demo.browser);
    for (const app of apps) {
      await page.goto(demo.server.url, { waitUntil: 'load' });
      await Promise.all([
        page.waitForNavigation({ waitUntil: 'load' }),
        page.locator(aria(`${app.name.split(' ')[0]} app`, 'link')).click(),
      ]);
      await page.locator(aria(`Licensing in a ${app.name} app`, 'heading')).wait();
    }
    assert.deepEqual(page.problems, []);
    await page.close();
  });
});
