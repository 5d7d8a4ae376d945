// `npm run size`: bundles each public entry of dist/ the way a host's bundler would (esbuild,
// minified, tree-shaken, Lit and Floating UI included), prints min / gzip / brotli, checks the
// budgets in size-budgets.json, and checks tree-shaking: one element's entry pulls in no other
// element, and the rule book registers none. Run after `npm run build`.
import { build } from 'esbuild';
import { readFileSync, existsSync } from 'node:fs';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const budgets = JSON.parse(readFileSync('size-budgets.json', 'utf8'));
if (!existsSync('dist/index.js')) {
  console.error('size: dist/ is missing; run `npm run build` first.');
  process.exit(1);
}

const elementTags = Object.keys(pkg.exports)
  .map((key) => key.slice(2, -3))
  .filter((name) => /^(licence|license|usage|retention|power)-/.test(name) && name !== 'licence-placeholder');
const adapters = ['memory-adapter', 'rest-adapter'];

/**
 * Bundles `contents` as a host's bundler would, with code splitting, and measures what loads up
 * front: the entry chunk and what it imports statically. Chunks behind a dynamic `import()`
 * (Floating UI, loaded when a popover first opens) are reported as `lazy`.
 */
async function bundle(contents) {
  const result = await build({
    stdin: { contents, resolveDir: process.cwd(), loader: 'js', sourcefile: 'host-entry.js' },
    bundle: true,
    splitting: true,
    outdir: 'size-out',
    minify: true,
    treeShaking: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    metafile: true,
    legalComments: 'none',
    logLevel: 'silent',
  });
  const outputs = result.metafile.outputs;
  const files = new Map(
    result.outputFiles.map((file) => [file.path.slice(process.cwd().length + 1), file.contents]),
  );
  const entry = Object.keys(outputs).find((name) => outputs[name].entryPoint);
  const initial = new Set();
  const visit = (name) => {
    if (initial.has(name)) return;
    initial.add(name);
    for (const imported of outputs[name].imports)
      if (imported.kind === 'import-statement') visit(imported.path);
  };
  visit(entry);
  const join = (names) =>
    Buffer.concat([...names].filter((n) => n.endsWith('.js')).map((n) => Buffer.from(files.get(n))));
  const code = join(initial);
  const lazy = join(Object.keys(outputs).filter((name) => !initial.has(name)));
  return {
    min: code.length,
    gzip: gzipSync(code, { level: 9 }).length,
    brotli: brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    lazy: lazy.length ? gzipSync(lazy, { level: 9 }).length : 0,
    inputs: [...initial].flatMap((name) => Object.keys(outputs[name].inputs)),
    code: code.toString('utf8'),
  };
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const rows = [];
const failures = [];

function check(name, size, budget) {
  const ok = size.gzip <= budget;
  rows.push({
    name,
    min: kb(size.min),
    gzip: kb(size.gzip),
    brotli: kb(size.brotli),
    'lazy gzip': size.lazy ? kb(size.lazy) : '',
    budget: kb(budget),
    ok: ok ? 'ok' : 'OVER',
  });
  if (!ok)
    failures.push(
      `${name}: ${kb(size.gzip)} gzip is over its budget of ${kb(budget)} by ${kb(size.gzip - budget)}`,
    );
}

/** Element folders a bundle contains. */
const elementsIn = (inputs) =>
  [...new Set(inputs.map((file) => /dist\/elements\/([^/]+)\//.exec(file)?.[1]).filter(Boolean))].sort();

for (const tag of elementTags) {
  const size = await bundle(`import './dist/${tag}.js';`);
  check(tag, size, budgets[tag] ?? budgets.element);
  if (tag !== 'licence-manager') {
    const others = elementsIn(size.inputs).filter((folder) => folder !== tag);
    if (others.length) failures.push(`${tag} pulls in other elements: ${others.join(', ')}`);
  }
}
for (const adapter of adapters)
  check(
    adapter,
    await bundle(
      `import { ${adapter === 'memory-adapter' ? 'MemoryAdapter' : 'RestAdapter'} as A } from './dist/${adapter}.js'; console.log(A);`,
    ),
    budgets.adapter,
  );

const everything = await bundle(
  [
    ...elementTags.map((tag) => `import './dist/${tag}.js';`),
    `export * from './dist/memory-adapter.js';`,
    `export * from './dist/rest-adapter.js';`,
  ].join('\n'),
);
check('everything (all elements, both adapters)', everything, budgets.everything);

// The rule book and the types register nothing.
const core = await bundle(`import { quote, validate } from './dist/core.js'; console.log(quote, validate);`);
rows.push({
  name: 'core (rules only)',
  min: kb(core.min),
  gzip: kb(core.gzip),
  brotli: kb(core.brotli),
  'lazy gzip': '',
  budget: '',
  ok: '',
});
if (elementsIn(core.inputs).length || /customElements/.test(core.code))
  failures.push('licence-kit/core.js pulls in or registers an element');

console.table(rows);
if (failures.length) {
  console.error(`\nsize: ${failures.length} problem(s):\n- ${failures.join('\n- ')}`);
  process.exit(1);
}
console.log('size: every budget holds; tree-shaking keeps elements apart and core free of elements.');
