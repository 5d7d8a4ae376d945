// The demo pages (`npm start`), end to end in headless Chromium: what a newcomer does first.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { newPage, useDemo, waitFor } from './harness.mjs';

const voiceField = '::-p-aria([name="Voice licences"][role="spinbutton"])';
const addVoice = '::-p-aria([name="Increase Voice licences"][role="button"])';

/** The value a spinbutton shows, looked up by its accessible name through every shadow root. */
const fieldValue = (page, selector) =>
  page
    .locator(selector)
    .map((input) => input.value)
    .wait();

/** Waits until licence-manager's cart says `text` (in its bar or its review). */
const cartSays = (page, text, message) =>
  waitFor(
    page,
    (expected) =>
      document
        .querySelector('licence-manager')
        .shadowRoot.querySelector('licence-cart')
        ?.shadowRoot.textContent.includes(expected),
    { args: [text], message },
  );

/** Every enabled control inside licence-manager that could change something, by role and name. */
function editableControls() {
  const found = [];
  const walk = (root) => {
    for (const node of root.querySelectorAll('*')) {
      if (node.shadowRoot) walk(node.shadowRoot);
      const editable =
        (node.matches('input, select, textarea') && !node.disabled && !node.readOnly) ||
        (node.matches('[role="spinbutton"], [role="switch"]') &&
          node.getAttribute('aria-disabled') !== 'true' &&
          node.getAttribute('aria-readonly') !== 'true' &&
          !node.disabled &&
          !node.readOnly) ||
        (node.matches('button') &&
          !node.disabled &&
          node.getAttribute('aria-disabled') !== 'true' &&
          /^(increase|decrease|save|discard)/i.test(
            node.getAttribute('aria-label') ?? node.textContent.trim(),
          ));
      if (editable)
        found.push(`${node.localName} ${node.getAttribute('aria-label') ?? node.textContent.trim()}`);
    }
  };
  walk(document.querySelector('licence-manager').shadowRoot);
  return found;
}

describe('demo: the Licensing page', () => {
  const demo = useDemo({ backend: true });

  /** A fresh profile (empty localStorage), so each test starts from the demo data. */
  async function open(path = '') {
    const context = await demo.browser.createBrowserContext();
    const page = await newPage(context);
    await page.goto(new URL(path, demo.server.url).href, { waitUntil: 'load' });
    return { page, context };
  }

  /** Chooses `value` in the demo panel's select `name`, as a user would. */
  async function choose(page, name, value) {
    const navigation = name === 'adapter' ? page.waitForNavigation({ waitUntil: 'load' }) : null;
    await page.select(`#panel select[name="${name}"]`, value);
    await navigation;
  }

  /** Adds one Voice licence, reviews the cart and confirms; resolves when the save is reported. */
  async function addOneVoiceAndSave(page) {
    const before = Number(await fieldValue(page, voiceField));
    await page.locator(addVoice).click();
    await waitFor(page, () => document.querySelector('#status') !== null);
    await page.locator('::-p-aria([name="Save"][role="button"])').click();
    await page.locator('::-p-aria([name="Review your changes"][role="dialog"])').wait();
    await page.locator('::-p-aria([name="Save changes"][role="button"])').click();
    await waitFor(page, () => /^Saved: version/.test(document.querySelector('#status').textContent), {
      message: 'the host page reports the licence-commit event',
    });
    return before;
  }

  it('loads licence-manager on the memory adapter with no errors', async () => {
    const { page, context } = await open();
    await choose(page, 'adapter', 'memory');
    assert.equal(await fieldValue(page, voiceField), '221');
    await page.locator('::-p-aria([name="Licence usage"][role="button"])').wait();
    assert.deepEqual(page.problems, []);
    await context.close();
  });

  it('changes a count, reviews the cart, confirms, and keeps the new state across a reload', async () => {
    const { page, context } = await open();
    await choose(page, 'adapter', 'memory');
    const before = await addOneVoiceAndSave(page);
    await cartSays(page, 'No pending changes.', 'the cart is empty after the save');
    assert.equal(await fieldValue(page, voiceField), String(before + 1));

    await page.reload({ waitUntil: 'load' });
    assert.equal(await fieldValue(page, voiceField), String(before + 1), 'the memory adapter persisted it');

    await page.locator('#reset').click();
    await page.waitForNavigation({ waitUntil: 'load' }).catch(() => {});
    assert.equal(await fieldValue(page, voiceField), String(before), 'reset brings the demo data back');
    assert.deepEqual(page.problems, []);
    await context.close();
  });

  it('does the same through the REST adapter and the MSW worker', async () => {
    const { page, context } = await open();
    await choose(page, 'adapter', 'rest');
    assert.equal(await page.$eval('#panel select[name="adapter"]', (s) => s.value), 'rest');
    const before = await addOneVoiceAndSave(page);
    await waitFor(
      page,
      (expected) =>
        document
          .querySelector('licence-manager')
          .shadowRoot.querySelector('licence-card[type-id="voice"]')
          ?.shadowRoot.textContent.includes(`In use: 211 of ${expected}`),
      { args: [before + 1], message: 'the voice card shows the saved count' },
    );
    assert.deepEqual(page.problems, []);
    await context.close();
  });

  it('with view permission shows everything and turns every change into a request, never a purchase', async () => {
    const { page, context } = await open();
    await choose(page, 'permission', 'view');
    // Said once, at the top of the page (not by each card, nor by a cart with nothing to save).
    await waitFor(
      page,
      () =>
        document.querySelector('licence-manager').shadowRoot.querySelector('[part="read-only"]')
          ?.textContent ===
        'You can view licences and request changes: what you change here is sent as a request for an administrator to approve. Nothing is bought.',
      { message: 'the request notice' },
    );
    // The counts are still shown, in steppers marked as a request.
    await waitFor(
      page,
      () => {
        const voice = [
          ...document.querySelector('licence-manager').shadowRoot.querySelectorAll('licence-card'),
        ].find((card) => card.getAttribute('type-id') === 'voice');
        const deep = (root, selector) => {
          for (const node of root.querySelectorAll('*')) {
            if (node.matches(selector)) return node;
            const inner = node.shadowRoot && deep(node.shadowRoot, selector);
            if (inner) return inner;
          }
          return null;
        };
        return (
          voice?.shadowRoot.querySelector('[part="request-badge"]') &&
          deep(voice.shadowRoot, '[role="spinbutton"]')?.value === '221'
        );
      },
      { message: 'the Voice count in a request stepper' },
    );
    // Nothing on the page saves (buys): the cart only prepares a request.
    assert.deepEqual(
      (await page.evaluate(editableControls)).filter((control) => /save/i.test(control)),
      [],
    );
    assert.deepEqual(page.problems, []);
    await context.close();
  });

  it('keeps the cart whole when a save fails, then saves on the next try', async () => {
    const { page, context } = await open();
    await choose(page, 'adapter', 'memory');
    await page.locator('button[data-fail="commit"]').click();
    await page.locator(addVoice).click();
    await page.locator('::-p-aria([name="Save"][role="button"])').click();
    await page.locator('::-p-aria([name="Save changes"][role="button"])').click();
    await waitFor(page, () => /^Save /.test(document.querySelector('#status').textContent), {
      message: 'the host page reports licence-commit-error',
    });
    await cartSays(
      page,
      'Nothing was saved. Your changes are kept: try again.',
      'the cart says nothing was saved',
    );
    const review = await page.evaluate(() =>
      document
        .querySelector('licence-manager')
        .shadowRoot.querySelector('licence-cart')
        .shadowRoot.querySelector('dialog')
        .textContent.replace(/\s+/g, ' '),
    );
    assert.match(review, /Voice 221 → 222/, 'the review still holds the whole draft');
    await page.locator('::-p-aria([name="Save changes"][role="button"])').click();
    await waitFor(page, () => /^Saved: version/.test(document.querySelector('#status').textContent));
    assert.equal(await fieldValue(page, voiceField), '222', 'the second try saved it');
    assert.deepEqual(page.problems, []);
    await context.close();
  });
});

describe('demo: single widgets in a plain HTML page', () => {
  const demo = useDemo();

  it('shares one store between the widgets and submits the retention with the host form', async () => {
    const context = await demo.browser.createBrowserContext();
    const page = await newPage(context);
    await page.goto(new URL('embed.html', demo.server.url).href, { waitUntil: 'load' });
    assert.equal(await fieldValue(page, voiceField), '221');
    await page.locator(addVoice).click();
    await waitFor(
      page,
      () => document.querySelector('licence-cart').shadowRoot.textContent.includes('221 → 222'),
      { message: 'the cart, a separate element, shows the card’s change' },
    );
    await page.locator('::-p-aria([name="Show the form value"][role="button"])').click();
    await waitFor(page, () => /^retention=/.test(document.querySelector('output[name="result"]').value));
    await page.locator('usage-overview').wait();
    assert.deepEqual(page.problems, []);
    await context.close();
  });
});
