// `npm run size`: bundles each public entry of dist/ the way a host's bundler would (esbuild,
// minified, tree-shaken, code-split, Lit and Floating UI included), prints min / gzip / brotli,
// checks size-budgets.json, and checks tree-shaking: one element's entry pulls in no other
// element, and the rule book, the adapters and type-only imports register none. Run after
// `npm run build` (`npm run size` does both). It also checks that the widgets that only show data
// ship no rule book up front (the store is given it by the widgets that need it, and loads it
// lazily to judge a commit).
//
//   node scripts/size.mjs                  the table and the checks (fails on OVER CEILING)
//   node scripts/size.mjs --why [row…]     also where each row's gzip goes, by module and by group
import { build } from 'esbuild';
import { readFileSync, existsSync } from 'node:fs';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

const args = process.argv.slice(2);
const why = args.includes('--why');
const whyRows = args.filter((arg) => !arg.startsWith('--'));

const budgets = JSON.parse(readFileSync('size-budgets.json', 'utf8'));
if (!existsSync('dist/index.js')) {
  console.error('size: dist/ is missing; run `npm run build` first.');
  process.exit(1);
}

// One row per element of elements.json (scripts/check-elements.mjs holds package.json to it).
const elementTags = JSON.parse(readFileSync('elements.json', 'utf8')).elements.map((element) => element.tag);
const adapters = { 'memory-adapter': 'MemoryAdapter', 'rest-adapter': 'RestAdapter' };

const gzip = (buffer) => gzipSync(buffer, { level: 9 }).length;
const brotli = (buffer) =>
  brotliCompressSync(buffer, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

/**
 * Bundles `contents` as a host's bundler would, with code splitting, and measures what loads up
 * front: the entry chunk and what it imports statically. Chunks behind a dynamic `import()`
 * (Floating UI, loaded when a popover first opens) are reported as `lazy`.
 */
async function bundle(contents, loader = 'js') {
  const result = await build({
    stdin: { contents, resolveDir: process.cwd(), loader, sourcefile: `host-entry.${loader}` },
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
  // The host's entry: a chunk loaded by `import()` is an entry point in the metafile too.
  const imported = new Set(Object.values(outputs).flatMap((o) => o.imports.map((i) => i.path)));
  const entry = Object.keys(outputs).find((name) => outputs[name].entryPoint && !imported.has(name));
  const initial = new Set();
  const visit = (name) => {
    if (initial.has(name)) return;
    initial.add(name);
    for (const imported of outputs[name].imports)
      if (imported.kind === 'import-statement') visit(imported.path);
  };
  visit(entry);
  const js = (names) => [...names].filter((n) => n.endsWith('.js'));
  const join = (names) => Buffer.concat(js(names).map((n) => Buffer.from(files.get(n))));
  const lazyNames = Object.keys(outputs).filter((name) => !initial.has(name));
  const code = join(initial);
  const lazy = join(lazyNames);
  const modules = (names) =>
    js(names).flatMap((name) =>
      Object.entries(outputs[name].inputs).map(([file, { bytesInOutput }]) => ({
        file,
        bytes: bytesInOutput,
      })),
    );
  return {
    min: code.length,
    gzip: gzip(code),
    brotli: brotli(code),
    lazy: lazy.length ? gzip(lazy) : 0,
    inputs: modules(initial).map((m) => m.file),
    modules: modules(initial),
    lazyModules: modules(lazyNames),
    code: code.toString('utf8'),
  };
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const rows = [];
const failures = [];
const notes = [];
const measured = new Map();

/**
 * One row of the table. A budget is `{ target, ceiling? }` in gzip bytes: the target is the goal
 * from the size issue; a ceiling, when a target is not met yet, sits just above today's size so
 * any growth fails (a ratchet). `measure: "total"` checks up-front plus lazy gzip.
 */
function check(name, size, budget) {
  measured.set(name, size);
  const total = size.gzip + size.lazy;
  const checked = budget?.measure === 'total' ? total : size.gzip;
  let verdict = '';
  if (budget) {
    const { target, ceiling } = budget;
    if (checked <= target) verdict = 'ok';
    else if (ceiling !== undefined && checked <= ceiling)
      verdict = `${checked} B: over target by ${checked - target} B (ceiling holds)`;
    else {
      verdict = 'OVER CEILING';
      failures.push(
        ceiling === undefined
          ? `${name}: ${kb(checked)} gzip (${checked} B) is over its target of ${kb(target)} by ${kb(checked - target)}`
          : `${name}: ${kb(checked)} gzip (${checked} B) is over its ceiling of ${kb(ceiling)} by ${kb(checked - ceiling)}` +
              ` (target ${kb(target)})`,
      );
    }
    // A ceiling far above what is measured no longer ratchets anything: say so.
    if (ceiling !== undefined && ceiling - checked > 1024)
      notes.push(
        `${name}: ${kb(ceiling - checked)} under its ceiling; lower the ceiling to ${checked + 256}`,
      );
  }
  rows.push({
    name,
    min: kb(size.min),
    gzip: kb(size.gzip),
    brotli: kb(size.brotli),
    'lazy gzip': size.lazy ? kb(size.lazy) : '',
    'gzip + lazy': size.lazy ? kb(total) : '',
    target: budget ? kb(budget.target) + (budget.measure === 'total' ? ' (+lazy)' : '') : '',
    ceiling: budget?.ceiling !== undefined ? kb(budget.ceiling) : '',
    status: verdict,
  });
}

/** Element folders a bundle contains. */
const elementsIn = (inputs) =>
  [...new Set(inputs.map((file) => /dist\/elements\/([^/]+)\//.exec(file)?.[1]).filter(Boolean))].sort();

/**
 * Widgets that never read the rule book's `issues`, `quote`, `after` or `canSave`: their store gets
 * the rules from an editing widget (`useRules`) or loads them when it must judge a commit, so their
 * bundles carry none of the rule book up front, only behind the store's `import()`.
 */
const dataOnly = ['licence-provider', 'usage-overview', 'license-token', 'license-details'];
const ruleBookModules = ['dist/core/validate.js', 'dist/core/quote.js', 'dist/core/apply.js'];
const shipped = (modules, file) => modules.some((m) => m.file === file && m.bytes > 0);

for (const tag of elementTags) {
  const size = await bundle(`import './dist/${tag}.js';`);
  check(tag, size, budgets[tag] ?? budgets.element);
  if (tag !== 'licence-manager') {
    const others = elementsIn(size.inputs).filter((folder) => folder !== tag);
    if (others.length) failures.push(`${tag} pulls in other elements: ${others.join(', ')}`);
  }
  if (dataOnly.includes(tag)) {
    const upFront = ruleBookModules.filter((file) => shipped(size.modules, file));
    if (upFront.length)
      failures.push(
        `${tag} ships the rule book up front (${upFront.join(', ')}): a widget that only shows data ` +
          'must not import validate/quote/applyDraft, nor make the store import them statically; ' +
          'editing widgets give the store its rules (storeRules() → store.useRules)',
      );
    if (!shipped(size.lazyModules, 'dist/core/validate.js'))
      failures.push(
        `${tag}: dist/core/validate.js is not in its lazy chunks, so a store without rules could not ` +
          'judge a commit (R9): LicensingStore.commit() must load the rule book with import()',
      );
  }
}
for (const [adapter, name] of Object.entries(adapters)) {
  const size = await bundle(`import { ${name} as A } from './dist/${adapter}.js'; console.log(A);`);
  check(adapter, size, budgets[adapter] ?? budgets.adapter);
  if (elementsIn(size.inputs).length || /customElements/.test(size.code))
    failures.push(`licence-kit/${adapter}.js pulls in or registers an element`);
}

// The root entry registers every element; with the memory adapter (which it leaves to its own
// subpath) that is everything a host can ship.
check(
  'everything (root entry + memory adapter)',
  await bundle(`export * from './dist/index.js';\nexport * from './dist/memory-adapter.js';`),
  budgets.everything,
);

// The rule book and the types register nothing.
const core = await bundle(`import { quote, validate } from './dist/core.js'; console.log(quote, validate);`);
check('core (rules only)', core, undefined);
if (elementsIn(core.inputs).length || /customElements/.test(core.code))
  failures.push('licence-kit/core.js pulls in or registers an element');
const types = await bundle(
  `import type { LicenceCard, LicensingSnapshot } from './dist/index.js';\n` +
    `export const f = (card: LicenceCard, s: LicensingSnapshot) => card.lang + s.version;`,
  'ts',
);
if (elementsIn(types.inputs).length || /customElements/.test(types.code))
  failures.push('a type-only import of licence-kit pulls in or registers an element');

console.table(rows);

if (why) {
  for (const [name, size] of measured) {
    if (whyRows.length && !whyRows.some((wanted) => name.startsWith(wanted))) continue;
    // Each module's share of the gzip, estimated from its share of the minified bytes.
    const minTotal = size.modules.reduce((sum, m) => sum + m.bytes, 0) || 1;
    const share = (bytes) => kb((bytes * size.gzip) / minTotal);
    const groupOf = (file) =>
      /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file)?.[1] ??
      /dist\/(elements\/[^/]+|[^/]+)\//.exec(file)?.[1] ??
      file;
    const groups = new Map();
    for (const m of size.modules) groups.set(groupOf(m.file), (groups.get(groupOf(m.file)) ?? 0) + m.bytes);
    console.log(`\n${name}: ${kb(size.gzip)} gzip up front (${kb(size.min)} min)`);
    console.log('  by group (min bytes, ~gzip):');
    for (const [group, bytes] of [...groups].sort((a, b) => b[1] - a[1]))
      console.log(`    ${String(bytes).padStart(7)}  ${share(bytes).padStart(8)}  ${group}`);
    console.log('  by module:');
    for (const m of size.modules.filter((m) => m.bytes > 0).sort((a, b) => b.bytes - a.bytes))
      console.log(`    ${String(m.bytes).padStart(7)}  ${share(m.bytes).padStart(8)}  ${m.file}`);
    if (size.lazyModules.length)
      console.log(`  lazy: ${[...new Set(size.lazyModules.map((m) => groupOf(m.file)))].join(', ')}`);
  }
}

for (const note of notes) console.log(`note: ${note}`);
if (failures.length) {
  console.error(`\nsize: ${failures.length} problem(s):\n- ${failures.join('\n- ')}`);
  process.exit(1);
}
console.log(
  'size: no ceiling exceeded; tree-shaking keeps elements apart, core, the adapters and types register none, ' +
    'and the data-only widgets ship the rule book only behind the store’s import().',
);
