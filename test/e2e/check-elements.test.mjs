// scripts/check-elements.mjs (run by `npm run lint` and, with --built, by `npm run build`) holds
// package.json, src/index.ts, the React wrappers, the framework types and the README to the one
// list of elements, elements.json. Fed a copy of the repository that disagrees with the list, it
// must fail and name the entry that is missing or extra.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import process from 'node:process';
import { afterEach, beforeEach, describe, it } from 'node:test';
const projectRoot = resolve(import.meta.dirname, '../..');
const script = join(projectRoot, 'scripts/check-elements.mjs');

/** Runs the check on `root`; resolves to its exit code and output. */
function check(root, ...args) {
  return new Promise((resolve) => {
    execFile(process.execPath, [script, '--root', root, ...args], (error, stdout, stderr) =>
      resolve({ code: error ? error.code : 0, output: stdout + stderr }),
    );
  });
}

let copy;
const edit = (file, change) =>
  writeFileSync(join(copy, file), change(readFileSync(join(copy, file), 'utf8')));
const editJson = (file, change) => edit(file, (text) => JSON.stringify(change(JSON.parse(text)), null, 2));

describe('check-elements: every hand-written list agrees with elements.json', () => {
  beforeEach(() => {
    copy = mkdtempSync(join(tmpdir(), 'check-elements-'));
    for (const path of ['elements.json', 'package.json', 'README.md', 'src', 'stories', 'test']) {
      cpSync(join(projectRoot, path), join(copy, path), {
        recursive: true,
        filter: (source) => !source.includes(`${join('test', 'e2e')}`),
      });
    }
  });
  afterEach(() => rmSync(copy, { recursive: true, force: true }));

  it('passes on the repository as it is', async () => {
    const { code, output } = await check(copy);
    assert.equal(code, 0, output);
    assert.match(output, /check-elements: 10 elements/);
  });

  it('names every place an element added to the list is missing from', async () => {
    editJson('elements.json', (list) => ({
      ...list,
      elements: [...list.elements, { tag: 'licence-invoice', class: 'LicenceInvoice' }],
    }));
    const { code, output } = await check(copy);
    assert.equal(code, 1);
    for (const expected of [
      'src/elements/: missing folder licence-invoice/',
      'test/licence-invoice.test.ts: missing',
      'stories/licence-invoice.stories.ts: missing',
      'package.json "exports": missing "./licence-invoice.js" (<licence-invoice>)',
      'package.json "sideEffects": missing "./dist/licence-invoice.js"',
      "src/index.ts: missing export * from './elements/licence-invoice/licence-invoice.js'",
      'src/react/index.ts: missing the wrapper of <licence-invoice>',
      'src/types/element-api.ts LicenceKitElements: missing <licence-invoice>',
      'README.md: the elements table lacks <licence-invoice>',
    ]) {
      assert.ok(output.includes(expected), `expected "${expected}" in:\n${output}`);
    }
  });

  it('names an element an export, a registration or a wrapper has that the list lacks', async () => {
    editJson('elements.json', (list) => ({
      ...list,
      elements: list.elements.filter((element) => element.tag !== 'licence-cart'),
    }));
    const { code, output } = await check(copy);
    assert.equal(code, 1);
    for (const expected of [
      'src/elements/: folder licence-cart/ is not in elements.json',
      'package.json "exports": "./licence-cart.js" (<licence-cart>) is not in elements.json',
      "src/index.ts: export * from './elements/licence-cart/licence-cart.js' is not in elements.json",
      'src/react/index.ts: the wrapper of <licence-cart> is not in elements.json',
      'src/types/element-api.ts LicenceKitElements: <licence-cart> is not in elements.json',
    ]) {
      assert.ok(output.includes(expected), `expected "${expected}" in:\n${output}`);
    }
  });

  it('names a registering file left out of sideEffects', async () => {
    editJson('package.json', (pkg) => ({
      ...pkg,
      sideEffects: pkg.sideEffects.filter((file) => file !== './dist/usage-overview.js'),
    }));
    const { code, output } = await check(copy);
    assert.equal(code, 1);
    assert.match(
      output,
      /"sideEffects": missing "\.\/dist\/usage-overview\.js" \(it registers <usage-overview>\)/,
    );
  });

  it('names an event or a CSS token the README leaves out', async () => {
    edit('README.md', (text) =>
      text
        .replace(/^\| `licence-key-apply`.*\n/m, '')
        .replace('`--lk-color-on-accent`', '`--lk-colour-on-accent`'),
    );
    const { code, output } = await check(copy);
    assert.equal(code, 1);
    assert.match(output, /README\.md: the events table lacks licence-key-apply/);
    assert.match(output, /README\.md: the token list lacks --lk-color-on-accent/);
  });

  it('after a build, names an export whose target does not exist', async () => {
    // A dist/ (and the generated manifests) with every target but the core entry.
    const pkg = JSON.parse(readFileSync(join(copy, 'package.json'), 'utf8'));
    const tags = JSON.parse(readFileSync(join(copy, 'elements.json'), 'utf8')).elements.map((e) => e.tag);
    const files = [
      ...Object.values(pkg.exports).flatMap((target) =>
        typeof target === 'object' ? Object.values(target) : [target],
      ),
      ...tags.flatMap((tag) => [
        `./dist/elements/${tag}/${tag}.component.js`,
        `./dist/elements/${tag}/${tag}.component.d.ts`,
      ]),
    ].filter((file) => !file.includes('*') && file !== './dist/core.js');
    for (const file of files) {
      if (existsSync(join(copy, file))) continue; // package.json
      mkdirSync(dirname(join(copy, file)), { recursive: true });
      writeFileSync(join(copy, file), '');
    }
    const { code, output } = await check(copy, '--built');
    assert.equal(code, 1);
    assert.match(output, /"exports" "\.\/core\.js": \.\/dist\/core\.js does not exist after the build/);
    assert.doesNotMatch(output, /component/, 'every element class is reached through the wildcard export');

    writeFileSync(join(copy, 'dist/core.js'), '');
    const fixed = await check(copy, '--built');
    assert.equal(fixed.code, 0, fixed.output);
  });
});
