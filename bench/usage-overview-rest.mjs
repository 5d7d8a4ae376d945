// <usage-overview> on RestAdapter against the reference backend, in headless Chromium: data → paint,
// Ctrl+End → paint and filter → paint, and the longest task (Long Tasks API, ≥ 50 ms) meanwhile.
//
//   node bench/usage-overview-rest.mjs [--agents 10000] [--samples 5]   # starts a server (PGlite)
//   node bench/usage-overview-rest.mjs --api http://127.0.0.1:18250    # a server already running
//
// The page is built with production Lit (bench/vite.config.ts) and served next to a proxy of /api to
// the backend, so RestAdapter talks to it on its own origin as the demo does. See bench/README.md.
import { spawn } from 'node:child_process';
import { createServer, request as httpRequest } from 'node:http';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import process from 'node:process';
import puppeteer from 'puppeteer-core';
import { chromiumArgs, chromiumPath } from '../scripts/browsers.mjs';

const { values } = parseArgs({
  options: {
    api: { type: 'string' },
    agents: { type: 'string', default: '10000' },
    samples: { type: 'string', default: '5' },
    token: { type: 'string', default: 'demo-view' },
  },
});
const root = resolve(import.meta.dirname, '..');
const dist = join(root, 'bench', 'dist');

/** The reference backend with `--agents N` on a throw-away PGlite folder (or DATABASE_URL). */
async function startBackend(agents) {
  const data = await mkdtemp(join(tmpdir(), 'lk-rest-bench-'));
  const args = ['--import', 'tsx', 'src/main.ts', '--port', '0', '--agents', agents];
  if (!process.env.DATABASE_URL) args.push('--data', data);
  const child = spawn(process.execPath, args, {
    cwd: join(root, 'server'),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const close = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await new Promise((done) => child.once('exit', done));
    }
    await rm(data, { recursive: true, force: true });
  };
  try {
    const url = await new Promise((done, fail) => {
      let output = '';
      child.stdout.on('data', (chunk) => {
        output += chunk;
        const match = /reference backend on (http:\/\/\S+)\/api/.exec(output);
        if (match) done(match[1]);
      });
      child.on('exit', (code) => fail(new Error(`the backend exited (${code}):\n${output}`)));
    });
    return { url, close };
  } catch (error) {
    await close();
    throw error;
  }
}

const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

/** bench/dist's files, and /api/… forwarded to `backend`. */
function serve(backend) {
  const target = new URL(backend);
  const server = createServer(async (req, res) => {
    if (req.url.startsWith('/api/')) {
      const forward = httpRequest(
        { host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers },
        (answer) => {
          res.writeHead(answer.statusCode, answer.headers);
          answer.pipe(res);
        },
      );
      forward.on('error', () => res.writeHead(502).end());
      req.pipe(forward);
      return;
    }
    const file = normalize(join(dist, new URL(req.url, 'http://x').pathname));
    if (!file.startsWith(dist)) return void res.writeHead(403).end();
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((done) =>
    server.listen(0, '127.0.0.1', () =>
      done({ url: `http://127.0.0.1:${server.address().port}`, close: () => server.close() }),
    ),
  );
}

const median = (list) => [...list].sort((a, b) => a - b)[Math.floor((list.length - 1) / 2)];

process.env.BENCH_PAGES = 'usage-overview-rest';
const { build } = await import('vite');
await build({ configFile: join(root, 'bench', 'vite.config.ts'), logLevel: 'warn' });

const backend = values.api
  ? { url: values.api.replace(/\/api\/?$/, ''), close: async () => {} }
  : await startBackend(values.agents);
let site;
let browser;
try {
  site = await serve(backend.url);
  browser = await puppeteer.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs });
  const results = [];
  for (let i = 0; i < Number(values.samples); i++) {
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    await page.goto(`${site.url}/usage-overview-rest.html?token=${encodeURIComponent(values.token)}`);
    await page.waitForFunction(() => window.benchResults, { timeout: 60_000 });
    results.push(await page.evaluate(() => window.benchResults));
    await page.close();
  }
  const total = results[0].total;
  console.log(
    `usage-overview on RestAdapter, ${total.toLocaleString('en-US')} agents, ${results.length} page loads`,
  );
  const withLongTask = results.filter((r) => r.longestTask > 0).length;
  console.log(
    `page loads with a long task after the page's own start-up: ${withLongTask} of ${results.length}`,
  );
  console.log('measurement           median      worst');
  for (const key of [
    'dataToPaint',
    'ctrlEndToPaint',
    'filterToPaint',
    'longestTask',
    'longestBeforeData',
    'longestInData',
    'longestInCtrlEnd',
    'longestInFilter',
  ]) {
    const list = results.map((r) => r[key]);
    console.log(
      `${key.padEnd(18)} ${median(list).toFixed(1).padStart(7)} ms ${Math.max(...list)
        .toFixed(1)
        .padStart(7)} ms`,
    );
  }
} finally {
  await browser?.close();
  site?.close();
  await backend.close();
}
