import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';
import { minifyCssLiterals } from './scripts/vite-minify-css-literals.js';
import { mswWorker } from './scripts/vite-msw-worker.js';

/**
 * Public entries: the root, one per element and one per adapter (package.json `exports` maps
 * `licence-kit/<name>.js` to them). Element entries register their tag, which is why package.json
 * lists exactly those files in `sideEffects`.
 */
export const entries = {
  index: 'src/index.ts',
  core: 'src/core/index.ts',
  testing: 'src/testing/index.ts',
  'memory-adapter': 'src/adapters/memory/index.ts',
  'rest-adapter': 'src/adapters/rest/index.ts',
  mocks: 'src/mocks/index.ts',
  'locales/cs': 'src/locales/cs.ts',
  'licence-provider': 'src/elements/licence-provider/licence-provider.ts',
  'licence-card': 'src/elements/licence-card/licence-card.ts',
  'licence-cart': 'src/elements/licence-cart/licence-cart.ts',
  'retention-picker': 'src/elements/retention-picker/retention-picker.ts',
  'power-pack-limits': 'src/elements/power-pack-limits/power-pack-limits.ts',
  'licence-manager': 'src/elements/licence-manager/licence-manager.ts',
  'license-token': 'src/elements/license-token/license-token.ts',
  'license-details': 'src/elements/license-details/license-details.ts',
  'usage-overview': 'src/elements/usage-overview/usage-overview.ts',
  // React wrappers of every element (registers them all); `react` stays the host's.
  react: 'src/react/index.ts',
} as const;

/** licence-kit's tags, for Vue's template compiler (the demo's Vue app; hosts copy this). */
export const isLicenceKitTag = (tag: string): boolean =>
  /^(licence|license|usage|retention|power)-/.test(tag);

// `vite build` builds the library; `npm start` serves demo/ (`vite demo`), rendered from src/.
export default defineConfig(({ command }) => ({
  // The dev server (demo) needs MSW's worker and compiles the Vue app's SFC; the library build
  // ships neither. React's .tsx needs no plugin: Vite's Oxc transform compiles JSX with the
  // automatic runtime (`jsx: react-jsx` in tsconfig.json). The library build minifies the CSS of
  // Lit's `css` literals, which a host's bundler ships as written.
  plugins:
    command === 'serve'
      ? [mswWorker(), vue({ template: { compilerOptions: { isCustomElement: isLicenceKitTag } } })]
      : [minifyCssLiterals()],
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
