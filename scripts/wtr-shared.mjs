// Settings shared by the everyday Chromium run and the three-engine run.
import { readFile } from 'node:fs/promises';
import { esbuildPlugin } from '@web/dev-server-esbuild';

const mswWorker = new URL('../node_modules/msw/lib/mockServiceWorker.js', import.meta.url);

/** Serves MSW's service worker at the site root, where `setupWorker().start()` looks for it. */
function mswWorkerMiddleware(context, next) {
  if (context.path === '/mockServiceWorker.js') {
    return readFile(mswWorker, 'utf8').then((body) => {
      context.type = 'application/javascript';
      context.body = body;
    });
  }
  return next();
}

export const shared = {
  files: ['test/**/*.test.ts'],
  // 'browser' first, else MSW's interceptors resolve to their Node build.
  nodeResolve: { exportConditions: ['browser', 'development'] },
  // tsconfig carries the decorator mode (experimentalDecorators, no define semantics), so esbuild
  // compiles decorators exactly as tsc and Vite do.
  plugins: [
    esbuildPlugin({
      ts: true,
      tsconfig: new URL('../tsconfig.json', import.meta.url).pathname,
      target: 'es2022',
    }),
  ],
  middleware: [mswWorkerMiddleware],
  testFramework: { config: { timeout: 10000 } },
  // Lit's one-off "dev mode" notice would otherwise open every file's log; its other dev-mode
  // warnings (the useful ones) still show.
  testRunnerHtml: (testFramework) =>
    `<!doctype html><html lang="en"><head><script>window.litIssuedWarnings = new Set(['dev-mode']);</script></head>` +
    `<body><script type="module" src="${testFramework}"></script></body></html>`,
  // One file at a time: keyboard and focus tests need the one focused tab, and the virtualiser
  // needs frames; two tabs at once made both flaky on two cores.
  concurrency: 1,
};
