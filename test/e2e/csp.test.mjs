// Every widget under the strictest policy a host page may send: no inline scripts or styles, no
// eval, and Trusted Types enforced for every HTML sink. The page (test/e2e/csp/) is built with
// Vite for production, because the dev server injects inline styles, with the CSS of Lit's `css`
// literals minified and its `html` literals collapsed as the library build ships them
// (scripts/vite-minify-css-literals.ts, scripts/vite-minify-html-literals.ts), and served with the
// policy as a response header. A user flow runs through each widget; any CSP
// violation, console error, page error or failed request fails the test.
//
// `trusted-types lit-html` names the one policy on the page: lit-html's own, which only passes
// the template strings Lit wrote. licence-kit creates no policy of its own (it writes no HTML
// outside Lit templates), so there is no `licence-kit` policy to allow.
import assert from 'node:assert/strict';
import { Buffer } from 'node:buffer';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { launchChromium, newPage, projectRoot, serveStatic, waitFor } from './harness.mjs';

const POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html',
].join('; ');

const root = join(projectRoot, 'test/e2e/csp');
const TOKEN = '7f3c9a2e-51d8-4b6e-9c0a-e2d41f8b7a65';

/** A key the memory adapter accepts: `XCL1-` and base64 JSON of the fields it changes. */
const licenceKey = (fields) => `XCL1-${Buffer.from(JSON.stringify(fields)).toString('base64')}`;

const aria = (name, role) => `::-p-aria([name="${name}"][role="${role}"])`;

/** The visible text of the first element matching a (piercing) selector, whitespace collapsed. */
async function textOf(page, selector) {
  const handle = await page.waitForSelector(selector, { visible: true });
  const text = await handle.evaluate((el) => el.textContent.replace(/\s+/g, ' ').trim());
  await handle.dispose();
  return text;
}

/** Waits until a (piercing) selector's text matches `pattern`; resolves to the text. */
async function textMatches(page, selector, pattern) {
  let last = '';
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    last = await textOf(page, selector).catch(() => '');
    if (pattern.test(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${selector} reads "${last}", not ${pattern}`);
}

/** The name of the first file to finish downloading into `dir`. */
async function downloaded(dir) {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const names = (await readdir(dir)).filter((name) => !name.endsWith('.crdownload'));
    if (names.length) return names[0];
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no file was downloaded into ${dir}`);
}

describe('strict CSP and Trusted Types: every widget, end to end', () => {
  let outDir;
  let downloads;
  let server;
  let browser;

  before(async () => {
    const { build, runnerImport } = await import('vite');
    const { minifyCssLiterals } = (
      await runnerImport(join(projectRoot, 'scripts/vite-minify-css-literals.ts'))
    ).module;
    const { minifyHtmlLiterals } = (
      await runnerImport(join(projectRoot, 'scripts/vite-minify-html-literals.ts'))
    ).module;
    outDir = await mkdtemp(join(tmpdir(), 'licence-kit-csp-'));
    downloads = await mkdtemp(join(tmpdir(), 'licence-kit-csp-downloads-'));
    await build({
      root,
      configFile: false,
      publicDir: false,
      logLevel: 'warn',
      plugins: [minifyCssLiterals(), minifyHtmlLiterals()],
      // Production mode: Lit's production build, and no dev-server style injection.
      mode: 'production',
      build: {
        outDir,
        emptyOutDir: true,
        target: 'es2022',
        minify: false,
        reportCompressedSize: false,
        rollupOptions: { input: { index: join(root, 'index.html'), manager: join(root, 'manager.html') } },
      },
    });
    server = await serveStatic(outDir, { headers: { 'Content-Security-Policy': POLICY } });
    browser = await launchChromium();
    await browser
      .defaultBrowserContext()
      .overridePermissions(new URL(server.url).origin, [
        'clipboard-read',
        'clipboard-write',
        'clipboard-sanitized-write',
      ]);
    const session = await browser.target().createCDPSession();
    await session.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    if (outDir) await rm(outDir, { recursive: true, force: true });
    if (downloads) await rm(downloads, { recursive: true, force: true });
  });

  it('builds a page with no inline script or style for the policy to allow', async () => {
    for (const name of ['index.html', 'manager.html']) {
      const page = await readFile(join(outDir, name), 'utf8');
      assert.doesNotMatch(page, /<script(?![^>]*\bsrc=)[^>]*>/, `${name} has an inline script`);
      assert.doesNotMatch(page, /<style|\sstyle=/, `${name} has an inline style`);
    }
    // The widgets' styles are minified and their templates collapsed, as in dist/.
    const assets = join(outDir, 'assets');
    const scripts = await Promise.all(
      (await readdir(assets)).filter((f) => f.endsWith('.js')).map((f) => readFile(join(assets, f), 'utf8')),
    );
    assert.ok(scripts.some((code) => code.includes(':host([hidden]){display:none !important}')));
    assert.ok(
      scripts.some((code) => code.includes('<div part="status" role="status" aria-busy="true"> <span')),
    );
  });

  it('enforces the policy, and reports what breaks it', async () => {
    // Proves the page is under the policy and that the harness would see a violation.
    const page = await newPage(browser);
    const response = await page.goto(server.url, { waitUntil: 'load' });
    assert.equal(response.headers()['content-security-policy'], POLICY);
    await page.locator(aria('Voice licences', 'spinbutton')).wait();
    const refused = await page.evaluate(() => {
      const results = [];
      try {
        // eslint-disable-next-line no-restricted-syntax -- the sink the policy must refuse
        document.createElement('div').innerHTML = '<b>markup</b>';
        results.push('innerHTML allowed');
      } catch (error) {
        results.push(error.name);
      }
      try {
        trustedTypes.createPolicy('someone-else', { createHTML: (s) => s });
        results.push('policy allowed');
      } catch (error) {
        results.push(error.name);
      }
      return results;
    });
    assert.deepEqual(refused, ['TypeError', 'TypeError']);
    // eslint-disable-next-line no-restricted-syntax -- the attribute the policy must refuse
    await page.evaluate(() => document.body.setAttribute('style', 'color: red'));
    // Violation events are dispatched asynchronously.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const seen = page.problems.join('\n');
    assert.match(seen, /CSP violation: require-trusted-types-for/);
    assert.match(seen, /CSP violation: trusted-types/);
    assert.match(seen, /CSP violation: style-src-attr/);
    await page.close();
  });

  it('runs every widget in a licence-provider through a user flow with no violation or error', async () => {
    const page = await newPage(browser);
    await page.goto(server.url, { waitUntil: 'load' });

    // licence-card: edit a count by typing, as a user would.
    const voice = await page.locator(aria('Voice licences', 'spinbutton')).waitHandle();
    const before = Number(await voice.evaluate((input) => input.value));
    const inUseBefore = await textOf(page, 'licence-card[type-id="voice"] >>> [part="usage"]');
    assert.match(inUseBefore, new RegExp(`^In use: \\d+ of ${before}$`));
    await voice.click({ count: 3 });
    await page.keyboard.type(String(before + 2));
    await page.keyboard.press('Tab');
    await textMatches(
      page,
      'licence-card[type-id="voice"] >>> [part="pending"]',
      new RegExp(`^${before} → ${before + 2}, \\+`),
    );

    // The explanation popover (Floating UI positions it through CSSOM, not a style attribute).
    await page.locator(aria('About Voice', 'button')).click();
    await page
      .locator('licence-card[type-id="voice"] >>> lk-info-popover >>> .panel')
      .setVisibility('visible')
      .wait();
    await page.keyboard.press('Escape');

    // retention-picker: one year of retention is four billed units per recording user.
    const retention = await page.locator(aria('Call recording retention', 'combobox')).waitHandle();
    await retention.select('P12M');
    await textMatches(
      page,
      'retention-picker >>> [part="multiplier"]',
      /^×4 licence units per recording user$/,
    );

    // power-pack-limits: raise Smart routing's monthly limit by two packs with the + button.
    const increase = aria('Increase Smart routing: most packs per month', 'button');
    await page.locator(increase).click();
    await page.locator(increase).click();
    const smartRouting = await page
      .locator(aria('Smart routing: most packs per month', 'spinbutton'))
      .waitHandle();
    assert.equal(await smartRouting.evaluate((input) => input.value), '12');

    // licence-cart: the changes (the retention is one change, with the recording line's units), the review, then the commit.
    await textMatches(page, 'licence-cart >>> [part="count"]', /^3 changes$/);
    await page.locator(aria('Save', 'button')).click();
    const review = await textMatches(page, 'licence-cart >>> [part="dialog"]', /Review your changes/);
    assert.match(review, /Any changes you make here will affect your monthly invoice\./);
    assert.match(review, new RegExp(`Voice ${before} → ${before + 2}`));
    await page.locator(aria('Save changes', 'button')).click();
    await page.locator('::-p-text(Your changes are saved. You can use your licences now.)').wait();
    // The new state, in every widget that shows it.
    await textMatches(page, 'licence-cart >>> [part="summary"]', /^No pending changes\.$/);
    await textMatches(
      page,
      'licence-card[type-id="voice"] >>> [part="usage"]',
      new RegExp(`^In use: \\d+ of ${before + 2}$`),
    );
    assert.equal(
      await page.$eval('licence-card[type-id="voice"] >>> [part="pending"]', () => true).catch(() => false),
      false,
      'no pending change is left on the card',
    );
    await textMatches(page, 'retention-picker >>> [part="multiplier"]', /^×4 /);

    // usage-overview: filter by licence type; every listed agent holds it.
    const filter = await page.locator(aria('Licence type', 'combobox')).waitHandle();
    const all = await textMatches(page, 'usage-overview >>> [part="count"]', /^\d+ agents$/);
    const voiceOption = await filter.$eval('option[value="voice"]', (option) => option.textContent.trim());
    const holders = Number(/\((\d+)\)$/.exec(voiceOption)[1]);
    assert.ok(holders > 0 && holders < parseInt(all, 10), `${voiceOption} of ${all}`);
    await filter.select('voice');
    await textMatches(page, 'usage-overview >>> [part="count"]', new RegExp(`^${holders} agents$`));
    const marks = await waitFor(
      page,
      () => {
        const overview = document.querySelector('usage-overview').shadowRoot;
        const rows = [...overview.querySelectorAll('[part~="row"]')];
        if (!rows.length || rows.some((row) => row.matches('[part~="loading-row"]'))) return false;
        // Column 1 is Voice, the first catalog type.
        return rows.map((row) => row.querySelector('[data-col="1"]').getAttribute('part'));
      },
      { message: 'rows of the filtered overview' },
    ).then((handle) => handle.jsonValue());
    assert.ok(marks.length > 0);
    assert.deepEqual(new Set(marks), new Set(['mark mark-yes']));

    // license-token: copy the token. The page may use the clipboard (permission granted above),
    // so the real path is taken, not the select-and-press-Ctrl+C fallback.
    await page.bringToFront();
    await page.locator(aria('Copy token', 'button')).click();
    await textMatches(page, 'license-token >>> [part="copy-status"]', /^Token copied to the clipboard\.$/);
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), TOKEN);

    // license-token: the log file, with R10's toast (docs/rules.md).
    await page.locator(aria('Download licence log file', 'button')).click();
    await page.locator('::-p-text(Licence log file downloaded!)').wait();
    const file = await downloaded(downloads);
    assert.match(file, /^license-\d{4}-\d{2}-\d{2}\.log$/);
    assert.match(await readFile(join(downloads, file), 'utf8'), new RegExp(`token ${TOKEN}`));

    // license-token: a refused key keeps the text and says why; a good one updates license-details.
    await textMatches(page, 'license-details >>> [part="summary"]', /Type of licence Annual/);
    await page.locator(aria('Update licence manually', 'button')).click();
    const key = await page.locator(aria('Licence from the licensing team', 'textbox')).waitHandle();
    await key.type('not a licence');
    await page.locator(aria('Apply', 'button')).click();
    await textMatches(
      page,
      'license-token >>> [part="key-error"]',
      /^The licence was not applied: This is not a licence key\. Paste it exactly as the licensing team sent it\.$/,
    );
    assert.equal(await key.evaluate((textarea) => textarea.value), 'not a licence');
    await key.click({ count: 3 });
    await page.keyboard.press('Backspace');
    await key.type(licenceKey({ plan: 'monthly', expiresAt: '2031-01-15T00:00:00Z' }));
    await page.locator(aria('Apply', 'button')).click();
    await page.locator('::-p-text(Licence updated: monthly plan, valid until)').wait();
    await textMatches(page, 'license-details >>> [part="summary"]', /Type of licence Monthly/);
    await textMatches(page, 'license-details >>> [part="expiry"]', /2031/);

    assert.deepEqual(page.problems, []);
    await page.close();
  });

  it('runs licence-manager: edit, usage overview from its button, filter, close', async () => {
    const page = await newPage(browser);
    await page.goto(new URL('manager.html', server.url).href, { waitUntil: 'load' });
    await page.locator(aria('Outbound licences', 'spinbutton')).wait();
    await page.locator(aria('Increase Outbound licences', 'button')).click();
    await textMatches(page, 'licence-manager >>> licence-cart >>> [part="count"]', /^1 change$/);
    await page.locator(aria('Licence usage', 'button')).click();
    const filter = await page.locator(aria('Licence type', 'combobox')).waitHandle();
    await textMatches(page, 'licence-manager >>> usage-overview >>> [part="count"]', /^\d+ agents$/);
    await filter.select('email');
    const emailOption = await filter.$eval('option[value="email"]', (option) => option.textContent.trim());
    const holders = /\((\d+)\)$/.exec(emailOption)[1];
    await textMatches(
      page,
      'licence-manager >>> usage-overview >>> [part="count"]',
      new RegExp(`^${holders} agents$`),
    );
    await page.locator(aria('Close', 'button')).click();
    await waitFor(
      page,
      () => !document.querySelector('licence-manager').shadowRoot.querySelector('dialog').open,
      {
        message: 'the usage dialog closes',
      },
    );
    assert.deepEqual(page.problems, []);
    await page.close();
  });
});
