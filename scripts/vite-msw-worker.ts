import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const workerFile = fileURLToPath(new URL('../node_modules/msw/lib/mockServiceWorker.js', import.meta.url));

/**
 * Serves MSW's service worker at `/mockServiceWorker.js` in dev and emits it into app builds
 * (demo, Storybook), straight from node_modules, so no generated copy lives in git and the
 * library build never ships it.
 */
export function mswWorker(): Plugin {
  return {
    name: 'licence-kit:msw-worker',
    configureServer(server) {
      server.middlewares.use('/mockServiceWorker.js', (_req, res) => {
        res.setHeader('Content-Type', 'application/javascript');
        res.end(readFileSync(workerFile, 'utf8'));
      });
    },
    generateBundle() {
      this.emitFile({
        type: 'asset',
        fileName: 'mockServiceWorker.js',
        source: readFileSync(workerFile, 'utf8'),
      });
    },
  };
}
