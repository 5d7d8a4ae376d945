import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';
import { minifyCssLiterals } from './scripts/vite-minify-css-literals.js';
import { minifyHtmlLiterals } from './scripts/vite-minify-html-literals.js';
import elementList from './elements.json' with { type: 'json' };
import { mswWorker } from './scripts/vite-msw-worker.js';

/** The public tags, from elements.json (the one list of elements; see the README). */
export const elementTags: readonly string[] = elementList.elements.map((element) => element.tag);

/**
 * Public entries: the root, one per element (from elements.json) and one per adapter (package.json
 * `exports` maps `licence-kit/<name>.js` to them). Element entries register their tag, which is why
 * package.json lists exactly those files in `sideEffects` (scripts/check-elements.mjs holds it to
 * the list).
 */
export const entries: Record<string, string> = {
  index: 'src/index.ts',
  core: 'src/core/index.ts',
  testing: 'src/testing/index.ts',
  'memory-adapter': 'src/adapters/memory/index.ts',
  'rest-adapter': 'src/adapters/rest/index.ts',
  mocks: 'src/mocks/index.ts',
  'locales/cs': 'src/locales/cs.ts',
  ...Object.fromEntries(elementTags.map((tag) => [tag, `src/elements/${tag}/${tag}.ts`])),
  // React wrappers of every element (registers them all); `react` stays the host's.
  react: 'src/react/index.ts',
};

const tagSet = new Set(elementTags);
/** licence-kit's tags, for Vue's template compiler (the demo's Vue app; hosts copy the README's). */
export const isLicenceKitTag = (tag: string): boolean => tagSet.has(tag);

// `vite build` builds the library; `npm start` serves demo/ (`vite demo`), rendered from src/.
export default defineConfig(({ command }) => ({
  // The dev server (demo) needs MSW's worker and compiles the Vue app's SFC; the library build
  // ships neither. React's .tsx needs no plugin: Vite's Oxc transform compiles JSX with the
  // automatic runtime (`jsx: react-jsx` in tsconfig.json). The library build minifies the CSS of
  // Lit's `css` literals and collapses the indentation of its `html` ones, which a host's bundler
  // ships as written.
  plugins:
    command === 'serve'
      ? [mswWorker(), vue({ template: { compilerOptions: { isCustomElement: isLicenceKitTag } } })]
      : [minifyCssLiterals(), minifyHtmlLiterals()],
  publicDir: false,
  // The demo's default adapter talks to the reference backend (server/) on the demo's own origin:
  // `npm start` runs it on 8787; LICENCE_KIT_API points elsewhere (the end-to-end tests).
  server: {
    proxy: { '/api': { target: process.env.LICENCE_KIT_API ?? 'http://127.0.0.1:8787' } },
  },
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    minify: false,
    lib: {
      entry: entries,
      formats: ['es'],
    },
    rollupOptions: {
      // A library leaves its dependencies to the host's bundler, so Lit is shared, not duplicated.
      external: [/^lit($|\/)/, /^@lit\//, /^@lit-labs\//, /^@floating-ui\//, /^msw($|\/)/, /^react($|\/)/],
      // Mirror src/ in dist/: each registering module stays its own file (so `sideEffects` can name
      // exactly those), and every .js sits next to the .d.ts that tsc emits for it.
      output: { preserveModules: true, preserveModulesRoot: 'src', entryFileNames: '[name].js' },
    },
  },
}));
