// Live updates end to end, in Chromium: a page of <licence-manager> on RestAdapter with
// `liveUpdates` commits through one server process; another page, on another server process on
// the same PostgreSQL database, shows the new count within a second, and its pending cart is
// rebased, not lost (it says what changed underneath). On PGlite (one process owns the folder) both
// pages are on the one process. Each server is a real `node server/src/main.ts` child, killed
// after the test whatever happens; pages reach them cross-origin (`--cors-origin`) with a bearer
// token, so the adapter streams with fetch.

import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { build } from 'esbuild';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { createDemoSeed } from '../../src/adapters/memory/demo-data.js';
import { backendKind } from './helpers/harness.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const serverDir = fileURLToPath(new URL('../', import.meta.url));

interface Browsers {
  chromiumPath: string;
  chromiumArgs: string[];
}

/** The page: licence-manager on RestAdapter with live updates, `?api=…&token=…`. */
async function pageBundle(): Promise<string> {
  const result = await build({
    stdin: {
      contents: `
        import './src/index.ts';
        import { liveUpdates, RestAdapter } from './src/adapters/rest/index.ts';
        const params = new URLSearchParams(location.search);
        const manager = document.createElement('licence-manager');
        manager.adapter = new RestAdapter({
          baseUrl: params.get('api'),
          headers: () => ({ Authorization: 'Bearer ' + params.get('token') }),
          liveUpdates,
        });
        document.body.append(manager);`,
      resolveDir: repoRoot,
      loader: 'ts',
    },
    bundle: true,
    format: 'esm',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

/** Serves the page and its script on loopback. */
async function servePage(script: string): Promise<{ origin: string; server: Server }> {
  const server = createServer((request, response) => {
    if (request.url?.startsWith('/app.js')) {
      response.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8' }).end(script);
    } else {
      response
        .writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
        .end(
          '<!doctype html><html lang="en"><body><script type="module" src="/app.js"></script></body></html>',
        );
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  return { origin: `http://127.0.0.1:${address.port}`, server };
}

/** `node server/src/main.ts --port 0 …` as `npm run server` runs it; resolves with its URL. */
async function startProcess(args: string[], children: ChildProcess[]): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', '--port', '0', ...args], {
    cwd: serverDir,
    env: process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  return new Promise((done, fail) => {
    const onData = (chunk: Buffer) => {
      output += String(chunk);
      const match = /reference backend on (http:\/\/\S+)\/api/.exec(output);
      if (match) done(match[1]!);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => fail(new Error(`the server exited (${code}):\n${output}`)));
  });
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((done) => child.once('exit', done));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

// In the page, as source text: tsx compiles this file with helpers (`__name`) a function handed
// to page.evaluate would carry into the page, where they do not exist.
/** The page's text, shadow roots included, as an expression. */
const DEEP_TEXT = `(() => {
  let text = '';
  const walk = (node) => {
    if (node instanceof Element && node.shadowRoot) walk(node.shadowRoot);
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) text += (child.textContent ?? '') + ' ';
      else walk(child);
    }
  };
  walk(document.body);
  return text.replace(/\\s+/g, ' ');
})()`;

const deepText = (page: Page) => page.evaluate(DEEP_TEXT) as Promise<string>;

const voiceField = '::-p-aria([name="Voice licences"][role="spinbutton"])';
const addVoice = '::-p-aria([name="Increase Voice licences"][role="button"])';

describe(`live updates between two browsers on ${backendKind === 'postgres' ? 'two server processes on one PostgreSQL' : 'one PGlite server process'}`, () => {
  const children: ChildProcess[] = [];
  let page: { origin: string; server: Server } | undefined;
  let browser: Browser | undefined;
  let dataDir: string | undefined;
  const token = `update-${randomUUID()}`;
  let apiA = '';
  let apiB = '';

  before(async () => {
    const { chromiumPath, chromiumArgs } = (await import(
      new URL('../../scripts/browsers.mjs', import.meta.url).href
    )) as Browsers;
    page = await servePage(await pageBundle());
    dataDir = await mkdtemp(join(tmpdir(), 'licence-kit-live-'));
    const demo = createDemoSeed({ agents: 20 });
    const seedFile = join(dataDir, 'seed.json');
    await writeFile(
      seedFile,
      JSON.stringify({
        accounts: [
          {
            id: `live-${randomUUID()}`,
            snapshot: demo.snapshot,
            agents: demo.agents,
            installationLicense: demo.installationLicense,
            users: [{ token, name: 'Live admin', permission: 'update' }],
          },
        ],
      }),
    );
    const common = ['--cors-origin', page.origin];
    const a = await startProcess([...common, '--seed', seedFile, '--data', join(dataDir, 'pg')], children);
    const b = backendKind === 'postgres' ? await startProcess(common, children) : a;
    apiA = `${a}/api`;
    apiB = `${b}/api`;
    browser = await puppeteer.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
  });

  after(async () => {
    await browser?.close();
    for (const child of children) await stopProcess(child);
    await new Promise((done) => page?.server.close(done));
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it("a commit in one page shows in the other within a second; the other's pending cart is rebased, not lost", async (t) => {
    const problems: string[] = [];
    const open = async (api: string) => {
      const context = await browser!.createBrowserContext();
      const tab = await context.newPage();
      tab.on('pageerror', (error) => problems.push(`page error: ${String(error)}`));
      tab.on('console', (message) => {
        if (message.type() === 'error') problems.push(`console.error: ${message.text()}`);
      });
      tab.on('requestfailed', (request) => {
        // The pages' own streams are cut when the test ends.
        if (!request.url().endsWith('/licensing/events')) problems.push(`failed: ${request.url()}`);
      });
      await tab.goto(`${page!.origin}/?api=${encodeURIComponent(api)}&token=${token}`, {
        waitUntil: 'domcontentloaded',
      });
      await tab
        .locator(voiceField)
        .setTimeout(15_000)
        .wait()
        .catch((error: unknown) => {
          throw new Error(`the page did not show the Voice count: ${problems.join('; ')}`, { cause: error });
        });
      return tab;
    };
    const one = await open(apiA);
    const two = await open(apiB);
    const count = async (tab: Page) =>
      Number(
        await tab
          .locator(voiceField)
          .map((input) => (input as HTMLInputElement).value)
          .wait(),
      );
    const before = await count(one);
    assert.equal(await count(two), before);

    // Page two has a cart: Voice +2, not saved.
    await two.locator(addVoice).click();
    await two.locator(addVoice).click();
    for (let tries = 0; (await count(two)) !== before + 2 && tries < 50; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.equal(await count(two), before + 2);

    // Page one saves Voice +1 through the other process.
    await one.locator(addVoice).click();
    await one.locator('::-p-aria([name="Save"][role="button"])').click();
    await one.locator('::-p-aria([name="Review your changes"][role="dialog"])').wait();
    const answered = one.waitForResponse(
      (response) => response.request().method() === 'POST' && response.url().endsWith('/licensing/changes'),
    );
    await one.locator('::-p-aria([name="Save changes"][role="button"])').click();
    assert.equal((await answered).status(), 200);
    const saved = Date.now();
    const notice = `Changed by someone else: now ${before + 1}`;
    await two.waitForFunction(`${DEEP_TEXT}.includes(${JSON.stringify(notice)})`, {
      timeout: 5000,
      polling: 20,
    });
    const took = Date.now() - saved;
    t.diagnostic(`page two showed it ${took} ms after the server answered page one`);
    assert.ok(took < 1000, `page two showed the change ${took} ms after the server answered page one`);

    const text = await deepText(two);
    assert.equal(await count(two), before + 2, 'the cart is kept: Voice still at +2 over what page two had');
    assert.match(text, /Someone else changed the licences meanwhile\./, 'the cart says it was rebased');
    assert.ok(text.includes(`Voice: was ${before}, now ${before + 1}`), `what changed underneath: ${text}`);
    assert.deepEqual(problems, []);
  });
});
