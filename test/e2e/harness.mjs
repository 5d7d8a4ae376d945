// End-to-end harness: real pages (the demo, the framework apps, the strict-CSP page) served on
// loopback and driven in Debian's headless Chromium through puppeteer-core. Used by
// `test/e2e/*.test.mjs` under Node's own test runner (`npm run test:e2e`).
import { createServer as createHttpServer } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import process from 'node:process';
import { extname, join, normalize, resolve } from 'node:path';
import { after, before } from 'node:test';
import puppeteer from 'puppeteer-core';
import { chromiumArgs, chromiumPath } from '../../scripts/browsers.mjs';

export const projectRoot = resolve(import.meta.dirname, '../..');

/** A free TCP port on loopback. */
export function freePort() {
  return new Promise((done, fail) => {
    const server = createNetServer();
    server.unref();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });
}

/**
 * Starts Vite's dev server on `root` (a folder of the project, `demo` by default) with the
 * project's `vite.config.ts`, as `npm start` does. Resolves to `{ url, close }`.
 */
export async function startVite({ root = 'demo', configFile = 'vite.config.ts', ...inline } = {}) {
  const { createServer } = await import('vite');
  const port = await freePort();
  const server = await createServer({
    configFile: join(projectRoot, configFile),
    root: join(projectRoot, root),
    logLevel: 'warn',
    clearScreen: false,
    server: { host: '127.0.0.1', port, strictPort: true, hmr: false },
    ...inline,
  });
  await server.listen();
  return { url: `http://127.0.0.1:${port}/`, close: () => server.close() };
}

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.map': 'application/json',
};

/**
 * Serves the files of `dir` (a built page) with extra response `headers`, e.g. a strict
 * Content-Security-Policy. Resolves to `{ url, close }`.
 */
export async function serveStatic(dir, { headers = {} } = {}) {
  const base = resolve(projectRoot, dir);
  const server = createHttpServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://x').pathname);
    let file = normalize(join(base, path));
    if (!file.startsWith(base)) {
      response.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      response.writeHead(200, {
        'Content-Type': types[extname(file)] ?? 'application/octet-stream',
        ...headers,
      });
      response.end(body);
    } catch {
      response.writeHead(404, headers).end('not found');
    }
  });
  const port = await freePort();
  await new Promise((done) => server.listen(port, '127.0.0.1', done));
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((done) => server.close(done)) };
}

/** Debian's Chromium, headless, with the flags this closed network needs. */
export function launchChromium() {
  return puppeteer.launch({
    executablePath: chromiumPath,
    headless: true,
    args: chromiumArgs,
    protocolTimeout: 60_000,
  });
}

/**
 * A new page that records what a user of the host would call a failure: uncaught errors,
 * `console.error` and CSP violations. `page.problems` lists them; a test asserts it is empty.
 */
export async function newPage(browser, { viewport = { width: 1280, height: 900 } } = {}) {
  const page = await browser.newPage();
  await page.setViewport(viewport);
  const problems = [];
  page.problems = problems;
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    // A failed request is reported below with its URL.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
      problems.push(`console.error: ${message.text()}`);
  });
  page.on('response', (response) => {
    const url = new URL(response.url());
    // The browser asks for a favicon no host page here declares.
    if (response.status() >= 400 && url.pathname !== '/favicon.ico')
      problems.push(`HTTP ${response.status()}: ${url.pathname}${url.search}`);
  });
  // A page with a pending cart asks before it is left (beforeunload, issue #16): the tests leave
  // as a user who confirms. Each prompt is counted, so a test can assert that one was shown.
  page.leavePrompts = 0;
  page.on('dialog', (dialog) => {
    if (dialog.type() === 'beforeunload') page.leavePrompts += 1;
    else problems.push(`unexpected ${dialog.type()} dialog: ${dialog.message()}`);
    void dialog.accept();
  });
  await page.evaluateOnNewDocument(() => {
    document.addEventListener('securitypolicyviolation', (event) =>
      console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline'}`),
    );
  });
  return page;
}

/**
 * Waits until `predicate` (run in the page, may pierce shadow roots itself) returns truthy;
 * fails with `message` after `timeout` ms.
 */
export async function waitFor(page, predicate, { timeout = 15_000, message, args = [] } = {}) {
  try {
    return await page.waitForFunction(predicate, { timeout, polling: 50 }, ...args);
  } catch (error) {
    throw new Error(`${message ?? 'condition'} not met within ${timeout} ms`, { cause: error });
  }
}

/**
 * For a `describe` block: starts Vite on `root` and Chromium before its tests and stops both after;
 * with `backend`, the reference backend too, behind Vite's /api proxy (the demo's default adapter).
 * Returns `{ server, browser, backend }`, filled in once the block's `before` has run.
 */
export function useDemo({ root = 'demo', backend = false } = {}) {
  const demo = { server: undefined, browser: undefined, backend: undefined };
  before(async () => {
    if (backend) {
      demo.backend = await startReferenceServer();
      process.env.LICENCE_KIT_API = demo.backend.url;
    }
    demo.server = await startVite({ root });
    demo.browser = await launchChromium();
  });
  after(async () => {
    await demo.browser?.close();
    await demo.server?.close();
    await demo.backend?.close();
  });
  return demo;
}

/**
 * The reference backend (server/) as `npm start` runs it (with the demo controls), on a free port and a throw-away
 * PGlite folder, seeded with the demo data (`args`: more options, e.g. `--agents N`). Resolves to `{ url, close }`; Vite's /api proxy
 * reaches it when `LICENCE_KIT_API` is its `url` before Vite starts.
 */
export async function startReferenceServer({ args = [] } = {}) {
  const dataDir = await mkdtemp(join(tmpdir(), 'licence-kit-demo-'));
  const child = spawn(
    process.execPath,
    // --demo-controls: the demo panel's dev-only routes, as `npm start` runs it; `args` adds options.
    ['--import', 'tsx', 'server/src/main.ts', '--port', '0', '--data', dataDir, '--demo-controls', ...args],
    {
      cwd: projectRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const url = await new Promise((done, fail) => {
    const onData = (chunk) => {
      output += chunk;
      const match = /reference backend on (http:\/\/\S+)\/api/.exec(output);
      if (match) done(match[1]);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => fail(new Error(`the reference backend exited (${code}):\n${output}`)));
  });
  return {
    url,
    async close() {
      if (child.exitCode === null) {
        const exited = new Promise((done) => child.once('exit', done));
        child.kill('SIGTERM');
        await exited;
      }
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
