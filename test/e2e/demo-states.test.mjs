// The demo reaches every state without Storybook (issue #15): its panel puts the installation
// licence and the Power Pack prerequisites into each state, and its failure switches make the next
// load or save fail, on the reference server (the default, through its demo controls), the
// memory adapter and REST over the MSW worker. Chromium drives the panel as a user would and reads
// what the widgets then say.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { newPage, useDemo, waitFor } from './harness.mjs';

const addVoice = '::-p-aria([name="Increase Voice licences"][role="button"])';

/** The visible text of licence-manager's `tag` (inside its shadow root), spaces folded. */
const textOf = (page, tag) =>
  page.evaluate(
    (tag) =>
      document
        .querySelector('licence-manager')
        .shadowRoot.querySelector(tag)
        ?.shadowRoot?.textContent.replace(/\s+/g, ' ') ?? '',
    tag,
  );

/** Waits until every pattern matches the text of licence-manager's `tag`; names the text if not. */
async function says(page, tag, patterns, message) {
  const sources = patterns.map((pattern) => [pattern.source, pattern.flags]);
  await waitFor(
    page,
    (tag, sources) => {
      const root = document.querySelector('licence-manager').shadowRoot.querySelector(tag)?.shadowRoot;
      const text = root?.textContent.replace(/\s+/g, ' ') ?? '';
      return sources.every(([source, flags]) => new RegExp(source, flags).test(text));
    },
    { args: [tag, sources], message },
  ).catch(async (error) => {
    throw new Error(`${error.message}; ${tag} says: ${(await textOf(page, tag)).slice(0, 600)}`);
  });
}

/** What the licence token and the licence details say in each state of the panel. */
const licenceStates = [
  { state: 'active', token: [/^(?!.*Grace period)(?!.*deactivated)/], details: [/201 days left/] },
  { state: 'expiring', token: [/^(?!.*Grace period)/], details: [/expires in 12 days/] },
  {
    state: 'grace-hardware-change',
    token: [/Grace period: 5 days left/, /the server changed/, /Old token.*2b8e4d10-7c3a/],
    details: [],
  },
  { state: 'grace-late-payment', token: [/Grace period: 5 days left/, /a payment is overdue/], details: [] },
  { state: 'deactivated', token: [/The licence is deactivated/, /the server changed/], details: [] },
  {
    state: 'expired',
    token: [/The licence is deactivated/, /a payment is overdue/],
    details: [/expired 10 days ago/],
  },
];

describe('demo: every state on every data source', () => {
  const demo = useDemo({ backend: true });

  /** A fresh profile on `adapter`, the page loaded with the Power Pack and the licence shown. */
  async function open(adapter, { viewport } = {}) {
    const context = await demo.browser.createBrowserContext();
    const page = await newPage(context, viewport ? { viewport } : {});
    page.requested = [];
    page.on('request', (request) => page.requested.push(new URL(request.url()).pathname));
    await page.goto(demo.server.url, { waitUntil: 'load' });
    if (adapter !== 'server') {
      const navigation = page.waitForNavigation({ waitUntil: 'load' });
      await page.select('#panel select[name="adapter"]', adapter);
      await navigation;
    }
    // The panel's controls listen once the page's script has its adapter (the MSW worker may take a
    // while to start) and has put <licence-manager> in; the select shows "active" before that too.
    await waitFor(
      page,
      () =>
        document.querySelector('licence-manager') !== null &&
        document.querySelector('select[name="licence"]').value === 'active',
      { message: 'the panel shows the licence the data source holds' },
    );
    return { page, context };
  }

  /** Chooses `value` in the panel's select `name`, then waits until the panel says it is done. */
  async function choose(page, name, value) {
    await page.evaluate(() => (document.querySelector('#status').textContent = ''));
    await page.select(`#panel select[name="${name}"]`, value);
    await waitFor(page, () => document.querySelector('#status').textContent !== '', {
      message: `the panel reports ${name} ${value}`,
    });
  }

  for (const adapter of ['server', 'memory', 'rest']) {
    it(`${adapter}: puts the installation licence into each state, and the licence widgets follow`, async () => {
      const { page, context } = await open(adapter);
      for (const { state, token, details } of licenceStates) {
        await choose(page, 'licence', state);
        assert.doesNotMatch(
          await page.$eval('#status', (s) => s.textContent),
          /demo controls|failed/,
          `${state}: the data source took it`,
        );
        await says(page, 'license-token', token, `${adapter} ${state}: the token section`);
        await says(page, 'license-details', details, `${adapter} ${state}: the details`);
      }
      // The panel reads the state back from the data source after a reload.
      await page.reload({ waitUntil: 'load' });
      await waitFor(page, () => document.querySelector('select[name="licence"]').value === 'expired', {
        message: `${adapter}: the state outlives a reload`,
      });
      await choose(page, 'licence', 'active');
      assert.deepEqual(page.problems, []);
      await context.close();
    });

    it(`${adapter}: toggles the Power Pack prerequisites, and each service's "Needs" follows`, async () => {
      const { page, context } = await open(adapter);
      await choose(page, 'prerequisites', 'missing');
      await says(
        page,
        'power-pack-limits',
        [
          /An email queue: set up Smart routing in your email queues\./,
          /Speech-to-Text is off: AI Topics will not work on the 2 call queues/,
          /A QA form allowed for AI QA: set one/,
        ],
        `${adapter}: each service needs what is missing`,
      );
      await choose(page, 'prerequisites', 'met');
      await says(
        page,
        'power-pack-limits',
        [
          /6 email queues set up\./,
          /Speech-to-Text is on, as AI Topics on call queues needs\./,
          /1 QA form allowed for AI QA\./,
          /^(?!.*An email queue: set up)/,
        ],
        `${adapter}: every prerequisite met`,
      );
      assert.equal(await page.$eval('select[name="prerequisites"]', (s) => s.value), 'met');
      assert.deepEqual(page.problems, []);
      await context.close();
    });
  }

  it('server: the failure switches work there too (next load fails, next save fails, once each)', async () => {
    const { page, context } = await open('server');
    const voice = () =>
      page
        .locator('::-p-aria([name="Voice licences"][role="spinbutton"])')
        .map((input) => input.value)
        .wait();
    const before = await voice();

    const failedLoad = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/licensing');
    await page.locator('button[data-fail="load"]').click();
    assert.equal((await failedLoad).status(), 500, 'the next load fails');
    await waitFor(page, () => /load failed on purpose/.test(document.querySelector('#status').textContent), {
      message: 'the panel says the load failed',
    });
    assert.equal(await voice(), before, 'the page keeps the data it had');

    await page.locator('button[data-fail="commit"]').click();
    await page.locator(addVoice).click();
    await page.locator('::-p-aria([name="Save"][role="button"])').click();
    await page.locator('::-p-aria([name="Save changes"][role="button"])').click();
    await says(page, 'licence-cart', [/Nothing was saved\. Your changes are kept/], 'the save failed');
    await page.locator('::-p-aria([name="Save changes"][role="button"])').click();
    await waitFor(page, () => /^Saved: version/.test(document.querySelector('#status').textContent), {
      message: 'the second try saves',
    });
    assert.deepEqual(
      page.problems,
      ['HTTP 500: /api/licensing', 'HTTP 500: /api/licensing/changes'],
      'one failed load and one failed save, nothing else',
    );
    await context.close();
  });

  it('asks for no /favicon.ico, and the panel fits a phone in Czech', async () => {
    const { page, context } = await open('memory', { viewport: { width: 390, height: 844 } });
    await page.select('#panel select[name="lang"]', 'cs');
    await waitFor(page, () => document.querySelector('#app').lang === 'cs');
    const overflow = await page.evaluate(() => {
      const panel = document.querySelector('#panel').getBoundingClientRect();
      const sticking = [...document.querySelectorAll('#panel fieldset, #panel select, #panel button')]
        .filter((node) => node.getBoundingClientRect().right > panel.right + 0.5)
        .map((node) => node.textContent.trim().slice(0, 30) || node.name);
      return { sticking, page: document.documentElement.scrollWidth };
    });
    assert.deepEqual(overflow, { sticking: [], page: 390 }, 'nothing wider than the panel or the phone');
    assert.ok(page.requested.includes('/favicon.svg'), 'the page links its icon');
    assert.ok(!page.requested.includes('/favicon.ico'), 'and the browser asks for no other');
    assert.deepEqual(page.problems, []);
    await context.close();
  });
});
