// The packed tarball as a host installs it (test/e2e/tarball/harness.mjs): what is in it, that its
// install asks a host to approve no install script, that publint and attw find nothing, and that
// every `exports` entry imports in Node from the installed package (not from src/).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import process from 'node:process';
import { before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { elements, installedManifest, installedPackage, projectRoot } from './harness.mjs';

const run = promisify(execFile);
const bin = (name) => join(projectRoot, 'node_modules', '.bin', name);

let installed;
let manifest;
before(async () => {
  installed = await installedPackage();
  manifest = await installedManifest();
});

describe('the tarball', () => {
  it('holds the build, the manifest, the editors’ data, README, LICENSE and CHANGELOG, and no sources or tests', (t) => {
    const { files, size, unpackedSize } = installed.packed;
    for (const file of [
      'package.json',
      'README.md',
      'LICENSE',
      'CHANGELOG.md',
      'custom-elements.json',
      'web-types.json',
      'vscode.html-custom-data.json',
      'vscode.css-custom-data.json',
      'dist/index.js',
      'dist/index.d.ts',
    ])
      assert.ok(files.includes(file), `${file} is not in the tarball`);
    const strays = files.filter((file) => !/^(dist\/|[^/]+$)/.test(file));
    assert.deepEqual(strays, [], 'only dist/ and top-level files are packed');
    assert.ok(!files.some((file) => /\.test\.|(^|\/)test\//.test(file)), 'a test is packed');
    const license = readFileSync(join(installed.packageDir, 'LICENSE'), 'utf8');
    assert.match(license, /^MIT License/, 'LICENSE is the MIT licence package.json names');
    assert.equal(manifest.license, 'MIT');
    t.diagnostic(
      `tarball: ${(size / 1024).toFixed(0)} kB packed, ${(unpackedSize / 1024).toFixed(0)} kB unpacked, ${files.length} files`,
    );
  });

  it('installs into a host project without asking it to approve an install script', () => {
    // npm 11 lists the dependencies whose install scripts it skipped: a host's security review
    // would have to read each one. licence-kit's own dependencies have none.
    assert.doesNotMatch(installed.installOutput, /install-scripts|allowScripts/);
  });

  it('publint finds nothing', async () => {
    const { stdout } = await run(bin('publint'), [
      'run',
      installed.packageDir,
      '--strict',
      '--level',
      'suggestion',
    ]);
    assert.match(stdout, /All good!/, stdout);
  });

  it('attw: every entry resolves to its JavaScript and types, for bundlers and for Node 16+ ESM', async () => {
    // ESM only (as package.json says, `"type": "module"` and no `require` condition): `require()`
    // and Node 10's resolution, which knows no `exports`, are out of scope. The wildcard export of
    // the element classes is checked through each class's own path.
    const components = elements.map(({ tag }) => `./dist/elements/${tag}/${tag}.component.js`);
    try {
      await run(bin('attw'), [
        installed.tarball,
        '--profile',
        'esm-only',
        '--format',
        'ascii',
        '--include-entrypoints',
        ...components,
      ]);
    } catch (error) {
      assert.fail(`attw found problems:\n${error.stdout}\n${error.stderr}`);
    }
  });
});

// Runs in a child whose folder is the host project, so `licence-kit/…` resolves as it does for a
// host: through the installed package's `exports`. Reports where each import resolved, what it
// exports and which of the public tags it registered in Lit's server registry.
const child = `
const [tags, ...specifiers] = process.argv.slice(2);
const report = { resolved: {}, exports: {}, failures: [], registered: [], classes: {} };
for (const specifier of specifiers) {
  try {
    report.resolved[specifier] = import.meta.resolve(specifier);
    const json = specifier.endsWith('.json');
    const ns = await import(specifier, json ? { with: { type: 'json' } } : undefined);
    report.exports[specifier] = Object.keys(ns);
    for (const tag of tags.split(',')) {
      const cls = globalThis.customElements?.get(tag);
      if (!cls) continue;
      if (!report.registered.includes(tag)) report.registered.push(tag);
      const name = Object.entries(ns).find(([, value]) => value === cls)?.[0];
      if (name) report.classes[tag] = name;
    }
  } catch (error) {
    report.failures.push(specifier + ': ' + String(error?.stack ?? error).split('\\n').slice(0, 3).join(' | '));
  }
}
process.stdout.write(JSON.stringify(report));
`;

async function importInHost(specifiers) {
  const file = join(installed.host, 'import-entries.mjs');
  writeFileSync(file, child);
  const env = { ...process.env };
  delete env.NODE_TEST_CONTEXT;
  delete env.NODE_OPTIONS;
  const tags = elements.map(({ tag }) => tag).join(',');
  const { stdout } = await run(process.execPath, [file, tags, ...specifiers], {
    cwd: installed.host,
    env,
    timeout: 60_000,
  });
  return JSON.parse(stdout);
}

describe('Node: every `exports` entry imports from the installed package', () => {
  /** `{ specifier, tag }` for each JavaScript or JSON export; the wildcard as each class's path. */
  function specifiers() {
    const list = [];
    for (const [subpath, target] of Object.entries(manifest.exports)) {
      const file = typeof target === 'string' ? target : target.default;
      if (!file) continue; // types only (`jsx-react`, `vue`): the type tests check those
      if (subpath.includes('*')) {
        for (const { tag } of elements)
          list.push({
            specifier: `licence-kit/${subpath.slice(2).replace('*', `${tag}/${tag}`)}`,
            tag: null,
          });
        continue;
      }
      const tag = elements.find((element) => subpath === `./${element.tag}.js`)?.tag ?? null;
      // A module listed in `sideEffects` (a locale) may export nothing: importing it is what it does.
      const sideEffect = manifest.sideEffects.includes(file) && !tag && subpath !== '.';
      list.push({
        specifier: subpath === '.' ? 'licence-kit' : `licence-kit/${subpath.slice(2)}`,
        tag,
        sideEffect,
      });
    }
    return list;
  }

  it('covers the root, the adapters, every element and every element class', () => {
    const names = specifiers().map(({ specifier }) => specifier);
    for (const expected of ['licence-kit', 'licence-kit/core.js', 'licence-kit/memory-adapter.js'])
      assert.ok(names.includes(expected), `${expected} is not exported`);
    for (const { tag } of elements) {
      assert.ok(names.includes(`licence-kit/${tag}.js`), `licence-kit/${tag}.js is not exported`);
      assert.ok(
        names.includes(`licence-kit/dist/elements/${tag}/${tag}.component.js`),
        `the class of <${tag}> has no exported path (the README's renaming recipe)`,
      );
    }
  });

  it('each imports on its own, from dist/ of the installed package, and element entries register their tag', async () => {
    const dist = new URL(`file://${join(installed.packageDir, '/')}`).href;
    const problems = [];
    for (const { specifier, tag, sideEffect } of specifiers()) {
      const report = await importInHost([specifier]);
      problems.push(...report.failures);
      const resolved = report.resolved[specifier];
      if (resolved && !resolved.startsWith(dist)) problems.push(`${specifier} resolved to ${resolved}`);
      const empty = !report.exports[specifier]?.length && !specifier.endsWith('.json') && !sideEffect;
      if (resolved && !report.failures.length && empty) problems.push(`${specifier} exports nothing`);
      if (tag && !report.classes[tag])
        problems.push(`${specifier} does not register <${tag}> and export its class`);
      if (specifier.endsWith('.component.js') && report.registered.length)
        problems.push(`${specifier} registers ${report.registered.join(', ')}`);
    }
    assert.deepEqual(problems, []);
  });
});
