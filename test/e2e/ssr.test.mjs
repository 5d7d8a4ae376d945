// Server-side import safety: a host that renders on the server (Next, Nuxt, Astro, SvelteKit,
// @lit-labs/ssr, or a plain Node script that only wants the types and adapters) imports our
// modules in Node, where there is no DOM. Importing any public entry there must not throw.
//
// What is imported is src/, compiled file by file with esbuild into the layout of dist/ (Vite's
// preserveModules output mirrors src/), so this needs no prior build. Each entry of package.json
// `exports` is mapped to its source through its `types` path, which tsc emits mirroring src/.
// Every entry runs in its own fresh Node process, twice:
// - plain Node, as a host's server gets it: Lit's `node` export condition gives a server build that
//   installs a small `customElements` registry (@lit-labs/ssr-dom-shim); an element entry must
//   register its tag there, which is what lets @lit-labs/ssr render it, and export the class it
//   registered, so a host can register that class under another name;
// - a runtime with no `customElements` at all (nothing installs a registry): entries must still
//   import, which holds only while `defineElement` (src/base/define.ts) checks for the registry.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import process from 'node:process';
import { after, before, describe, it } from 'node:test';
import { build } from 'esbuild';

const projectRoot = resolve(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8'));

/** Every src module, as its path inside dist/ (`core/index.js`, `elements/licence-card/licence-card.js`). */
const sourceModules = readdirSync(join(projectRoot, 'src'), { recursive: true })
  .map((file) => file.split('\\').join('/'))
  .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))
  .sort();
const distModules = sourceModules.map((file) => file.replace(/\.ts$/, '.js'));

/** The public tags: one folder per element. */
const publicTags = readdirSync(join(projectRoot, 'src/elements')).sort();

/**
 * The exports that point at JavaScript: `{ subpath, modules, tags }`, with `modules` the dist paths
 * to import and `tags` the elements the entry registers.
 */
function jsEntries() {
  const entries = [];
  const wildcards = [];
  for (const [subpath, target] of Object.entries(pkg.exports)) {
    const js = typeof target === 'string' ? target : target.default;
    if (!js?.endsWith('.js')) continue;
    if (subpath.includes('*')) {
      wildcards.push(subpath);
      continue;
    }
    assert.ok(target.types, `${subpath}: no "types" path to find its source by`);
    const module = target.types.replace(/^\.\/dist\//, '').replace(/\.d\.ts$/, '.js');
    assert.ok(distModules.includes(module), `${subpath}: ${target.types} has no source in src/`);
    const own = /^elements\/([^/]+)\/\1\.js$/.exec(module)?.[1];
    entries.push({ subpath, modules: [module], tags: subpath === '.' ? publicTags : own ? [own] : [] });
  }
  // `./dist/elements/*.component.js`: each element's class, which registers nothing, for a host
  // that registers it under another name; every module the pattern matches.
  for (const subpath of wildcards) {
    const [before, after] = subpath.replace(/^\.\/dist\//, '').split('*');
    const modules = distModules.filter((module) => module.startsWith(before) && module.endsWith(after));
    assert.ok(modules.length, `${subpath} matches no module of src/`);
    entries.push({ subpath, modules, tags: [] });
  }
  return entries;
}
const entries = jsEntries();

// Runs in the child: imports each module in turn, then reports as JSON what threw and which of the
// public tags ended up registered. Errors that surface a moment after import count too.
const child = `
import { pathToFileURL } from 'node:url';
const [mode, tagList, ...files] = process.argv.slice(2);
if (mode === 'no-registry') {
  Object.defineProperty(globalThis, 'customElements', { configurable: true, get: () => undefined, set() {} });
}
const failures = [];
const namespaces = [];
process.on('uncaughtException', (e) => failures.push({ file: '(later)', error: String(e && e.stack || e) }));
process.on('unhandledRejection', (e) => failures.push({ file: '(later)', error: String(e && e.stack || e) }));
for (const file of files) {
  try {
    namespaces.push(await import(pathToFileURL(file).href));
  } catch (e) {
    failures.push({ file, error: String(e && e.stack || e) });
  }
}
await new Promise((resolve) => setTimeout(resolve, 20));
const registry = globalThis.customElements;
const registered = tagList.split(',').filter((tag) => registry && registry.get(tag) !== undefined);
// For each registered tag, the export that is its class (what a host registers under its own name).
const exported = Object.fromEntries(registered.map((tag) => {
  const found = namespaces.flatMap((ns) => Object.entries(ns)).find(([, value]) => value === registry.get(tag));
  return [tag, found ? found[0] : null];
}));
process.stdout.write(JSON.stringify({ failures, registered, exported, hasWindow: typeof window !== 'undefined', hasDocument: typeof document !== 'undefined' }));
`;

let outDir;

/** Imports `modules` (dist paths) in a fresh Node process; resolves to the child's report. */
function importInNode(mode, modules) {
  const env = { ...process.env };
  delete env.NODE_TEST_CONTEXT; // the child is a plain script, not a test file
  delete env.NODE_OPTIONS;
  const files = modules.map((module) => join(outDir, module));
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [join(outDir, 'child.mjs'), mode, publicTags.join(','), ...files],
      { cwd: outDir, env, timeout: 60_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) return reject(new Error(`child exited with ${error.code}: ${stderr}`));
        resolve({ ...JSON.parse(stdout), stderr });
      },
    );
  });
}

/** The failures in a form that names the module and its first lines of stack. */
const describeFailures = (failures) =>
  failures.map(
    ({ file, error }) => `${file.replace(outDir, '')}: ${error.split('\n').slice(0, 3).join(' | ')}`,
  );

describe('server-side import: every public entry imports in Node without a DOM', () => {
  before(async () => {
    // Inside the project, so bare imports (`lit`, `@lit/context`) resolve from its node_modules.
    const cache = join(projectRoot, 'node_modules', '.cache');
    if (!existsSync(cache)) mkdirSync(cache, { recursive: true });
    outDir = mkdtempSync(join(cache, 'ssr-test-'));
    await build({
      absWorkingDir: projectRoot,
      entryPoints: sourceModules.map((file) => `src/${file}`),
      outdir: outDir,
      outbase: 'src',
      bundle: false,
      format: 'esm',
      platform: 'node',
      target: 'es2022',
      // experimentalDecorators and useDefineForClassFields: false, as tsc and Vite compile them.
      tsconfig: join(projectRoot, 'tsconfig.json'),
      logLevel: 'error',
    });
    writeFileSync(join(outDir, 'child.mjs'), child);
  });
  after(() => {
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  it('covers the package: the root, the adapters and every element entry', () => {
    const subpaths = entries.map((entry) => entry.subpath);
    for (const expected of [
      '.',
      './core.js',
      './memory-adapter.js',
      './rest-adapter.js',
      './dist/elements/*.component.js',
    ]) {
      assert.ok(subpaths.includes(expected), `${expected} is not among the tested exports`);
    }
    for (const tag of publicTags) {
      assert.ok(
        entries.some((entry) => entry.tags.includes(tag)),
        `no export registers <${tag}>`,
      );
    }
  });

  for (const entry of entries) {
    const what =
      entry.modules.length > 1 ? `${entry.subpath} (${entry.modules.length} modules)` : entry.subpath;

    it(`${what} imports in plain Node${entry.tags.length === 1 ? ` and registers <${entry.tags[0]}> for SSR` : ''}`, async () => {
      const report = await importInNode('node', entry.modules);
      assert.equal(report.hasWindow || report.hasDocument, false, 'the child must have no DOM');
      assert.deepEqual(describeFailures(report.failures), []);
      for (const tag of entry.tags) {
        assert.ok(report.registered.includes(tag), `<${tag}> is not in Lit's server registry after import`);
        assert.ok(report.exported[tag], `${entry.subpath} does not export the class of <${tag}>`);
      }
    });

    it(`${what} imports where there is no customElements registry at all`, async () => {
      const report = await importInNode('no-registry', entry.modules);
      assert.deepEqual(report.registered, []);
      assert.deepEqual(describeFailures(report.failures), []);
    });
  }
});
