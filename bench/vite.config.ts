// Builds the benchmark pages (and serves the preview page) from bench/, apart from the library's
// own Vite setup: its own dependency cache, production Lit, one page per benchmark.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));
const pages = (process.env.BENCH_PAGES ?? 'usage-overview,vaadin-grid,licence-manager,preview').split(',');

export default defineConfig({
  root: here,
  cacheDir: resolve(here, '../node_modules/.vite-bench'),
  publicDir: false,
  logLevel: 'warn',
  build: {
    target: 'es2022',
    minify: process.env.BENCH_MINIFY !== '0',
    outDir: resolve(here, 'dist'),
    emptyOutDir: true,
    rollupOptions: {
      input: Object.fromEntries(pages.map((page) => [page, resolve(here, `${page}.html`)])),
    },
  },
});
