// Host pages made from the installed tarball (test/e2e/tarball/harness.mjs), driven in headless
// Chromium:
// - a Vite + TypeScript app importing per-element subpaths: tsc (strict) passes on the shipped
//   .d.ts, `vite build` builds it, and it renders <licence-manager> on the memory adapter and
//   commits one change through the cart, heard through the typed `licence-commit`;
// - a plain HTML page with an import map and no bundler, loading the installed dist/ (and Lit and
//   Floating UI) as the files a server serves;
// - the tree-shaking promise: a bundle of only `licence-kit/license-token.js` holds no rule book
//   and no other element.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, posix, relative } from 'node:path';
import { after, before, describe, it } from 'node:test';
import process from 'node:process';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { launchChromium, newPage, serveStatic, waitFor } from '../harness.mjs';
import { elements, installedPackage } from './harness.mjs';

const run = promisify(execFile);
const aria = (name, role) => `::-p-aria([name="${name}"][role="${role}"])`;

let installed;
let browser;
before(async () => {
  installed = await installedPackage();
  browser = await launchChromium();
});
after(() => browser?.close());

/** Writes `files` (path → text) under `dir`, which starts empty. */
function writeTree(dir, files) {
  rmSync(dir, { recursive: true, force: true });
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}

/** One Voice licence more, Save, Save changes: what a user does to commit one change. */
async function commitOneVoiceLicence(page) {
  await page.locator(aria('Increase Voice licences', 'button')).click();
  await waitFor(page, () => document.querySelector('#changes')?.textContent === 'Pending changes', {
    message: 'the host heard licence-change',
  });
  await page.locator(aria('Save', 'button')).click();
  await page.locator(aria('Save changes', 'button')).click();
  await waitFor(page, () => /^Saved version \S+$/.test(document.querySelector('#saved')?.textContent), {
    message: 'the host heard licence-commit',
  });
}

const page = (title, head, body) => `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>${title}</title>
${head}
  </head>
  <body>
    <output id="changes"></output>
    <output id="saved"></output>
    <licence-manager></licence-manager>
${body}
  </body>
</html>
`;

// The host's code: typed without a cast, through the types the entries ship (issue #24).
const hostScript = `import 'licence-kit/licence-manager.js';
import { MemoryAdapter } from 'licence-kit/memory-adapter.js';

const changes = document.querySelector<HTMLOutputElement>('#changes')!;
const saved = document.querySelector<HTMLOutputElement>('#saved')!;
const manager = document.querySelector('licence-manager')!;
manager.adapter = new MemoryAdapter();
manager.addEventListener('licence-change', (e) => {
  changes.textContent = e.detail.draft ? 'Pending changes' : 'No draft';
});
document.addEventListener('licence-commit', (e) => {
  saved.textContent = \`Saved version \${e.detail.snapshot.version.trim()}\`;
});
`;

describe('a Vite + TypeScript app importing per-element subpaths', () => {
  let app;
  let server;
  before(() => {
    app = join(installed.host, 'vite-app');
    writeTree(app, {
      'index.html': page('Licensing', '', '    <script type="module" src="/src/main.ts"></script>'),
      'src/main.ts': hostScript,
      'tsconfig.json': JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'ESNext',
          moduleResolution: 'bundler',
          lib: ['ES2023', 'DOM', 'DOM.Iterable'],
          types: [],
          strict: true,
          noEmit: true,
          skipLibCheck: false,
          skipDefaultLibCheck: true,
        },
        include: ['src'],
      }),
    });
  });
  after(() => server?.close());

  it('type-checks with the shipped .d.ts (tsc, strict)', async () => {
    const tsc = join(installed.host, 'node_modules/typescript/bin/tsc');
    try {
      await run(process.execPath, [tsc, '-p', join(app, 'tsconfig.json')], { cwd: app });
    } catch (error) {
      assert.fail(`tsc failed:\n${error.stdout}${error.stderr}`);
    }
  });

  it('builds with vite build, renders <licence-manager> and commits one change', async () => {
    const vite = join(installed.host, 'node_modules/vite/bin/vite.js');
    await run(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: app });
    server = await serveStatic(join(app, 'dist'));
    const tab = await newPage(browser);
    await tab.goto(server.url, { waitUntil: 'load' });
    const input = await tab.locator(aria('Voice licences', 'spinbutton')).waitHandle();
    const before = Number(await input.evaluate((el) => el.value));
    await commitOneVoiceLicence(tab);
    assert.equal(Number(await input.evaluate((el) => el.value)), before + 1);
    assert.deepEqual(tab.problems, []);
    await tab.close();
  });
});

/**
 * The import map a host writes for `entries` without a bundler: every bare specifier that the
 * installed files import (following them from the entries) mapped to the file the package's
 * `exports` give a browser (`browser`, `import`, `default`; not Lit's `development` build).
 */
function importMap(host, entries) {
  const nodeModules = join(host, 'node_modules');
  const imports = {};
  const seen = new Set();
  const pick = (target) => {
    if (typeof target === 'string') return target;
    if (!target || typeof target !== 'object') return undefined;
    for (const condition of ['browser', 'import', 'default']) {
      const found = pick(target[condition]);
      if (found) return found;
    }
    return undefined;
  };
  const resolveBare = (specifier) => {
    const parts = specifier.split('/');
    const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
    const subpath = `.${specifier.slice(name.length)}`;
    const manifest = JSON.parse(readFileSync(join(nodeModules, name, 'package.json'), 'utf8'));
    const target = manifest.exports
      ? pick(
          typeof manifest.exports === 'string'
            ? manifest.exports
            : (manifest.exports[subpath] ?? (subpath === '.' ? manifest.exports : undefined)),
        )
      : subpath === '.'
        ? (manifest.module ?? manifest.main ?? 'index.js')
        : subpath;
    assert.ok(target, `${specifier}: no file in ${name}'s exports for a browser`);
    return join(nodeModules, name, target);
  };
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    const found = [...code.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)["']([^"']+)["']/g)].map(
      (match) => match[1],
    );
    for (const specifier of found) {
      if (specifier.startsWith('.') || specifier.startsWith('/')) {
        visit(posix.normalize(join(dirname(file), specifier)));
        continue;
      }
      const resolved = resolveBare(specifier);
      imports[specifier] = `/${relative(host, resolved).split('\\').join('/')}`;
      visit(resolved);
    }
  };
  for (const entry of entries) {
    const resolved = resolveBare(entry);
    imports[entry] = `/${relative(host, resolved).split('\\').join('/')}`;
    visit(resolved);
  }
  return { imports };
}

describe('a plain HTML page with an import map, no bundler', () => {
  let server;
  after(() => server?.close());

  it('loads dist/ as served files, renders <licence-manager> and commits one change', async () => {
    const dir = join(installed.host, 'import-map');
    const map = importMap(installed.host, [
      'licence-kit/licence-manager.js',
      'licence-kit/memory-adapter.js',
    ]);
    assert.ok(map.imports.lit, 'the page maps Lit');
    // The host's script, as JavaScript: the same code without its type annotations.
    const script = hostScript.replaceAll('<HTMLOutputElement>', '').replaceAll(')!;', ');');
    writeTree(dir, {
      'index.html': page(
        'Licensing, no bundler',
        `    <script type="importmap">${JSON.stringify(map)}</script>`,
        '    <script type="module" src="/import-map/main.js"></script>',
      ),
      'main.js': script,
    });
    // The server's root is the host project, so /node_modules/… is what the import map names.
    server = await serveStatic(installed.host);
    const tab = await newPage(browser);
    await tab.goto(new URL('import-map/', server.url).href, { waitUntil: 'load' });
    await tab.locator(aria('Voice licences', 'spinbutton')).wait();
    await commitOneVoiceLicence(tab);
    const served = await tab.evaluate(() =>
      performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname),
    );
    assert.ok(
      served.includes('/node_modules/licence-kit/dist/licence-manager.js'),
      'the element came from the installed dist/',
    );
    assert.deepEqual(tab.problems, []);
    await tab.close();
  });
});

describe('tree-shaking', () => {
  // The rule book as scripts/size.mjs names it: what validates, prices and applies a draft
  // (R1–R9). A widget that only shows data ships none of it up front; its store loads it with
  // import() only to judge a commit, so it may sit in a lazy chunk.
  const ruleBook = [
    'dist/core/rule-book.js',
    'dist/core/validate.js',
    'dist/core/quote.js',
    'dist/core/apply.js',
  ];

  it('a bundle of only licence-kit/license-token.js holds no rule book up front and no other element', async () => {
    const result = await build({
      stdin: { contents: "import 'licence-kit/license-token.js';", resolveDir: installed.host },
      absWorkingDir: installed.host,
      bundle: true,
      splitting: true,
      format: 'esm',
      outdir: join(installed.host, 'tree-shaking-out'),
      write: false,
      minify: true,
      metafile: true,
      logLevel: 'silent',
    });
    const outputs = result.metafile.outputs;
    const ours = (names) =>
      [...names]
        .flatMap((name) => Object.entries(outputs[name].inputs))
        .filter(
          ([input, { bytesInOutput }]) => input.startsWith('node_modules/licence-kit/') && bytesInOutput > 0,
        )
        .map(([input]) => input.slice('node_modules/licence-kit/'.length));
    // What loads up front: the entry chunk and the chunks it imports statically.
    const entry = Object.keys(outputs).find((name) => outputs[name].entryPoint === '<stdin>');
    const initial = new Set([entry]);
    for (const name of initial)
      for (const imported of outputs[name].imports)
        if (imported.kind === 'import-statement' && outputs[imported.path]) initial.add(imported.path);
    const upFront = ours(initial);
    const everything = ours(Object.keys(outputs));
    assert.ok(
      upFront.includes('dist/elements/license-token/license-token.component.js'),
      `the bundle holds the element (${upFront.join(', ')})`,
    );
    assert.deepEqual(
      upFront.filter((module) => ruleBook.includes(module)),
      [],
      'the rule book is in the bundle up front',
    );
    const others = everything.filter((module) =>
      elements.some(({ tag }) => tag !== 'license-token' && module.startsWith(`dist/elements/${tag}/`)),
    );
    assert.deepEqual(others, [], 'another element is in the bundle');
  });
});
