// The README's code snippets still compile against the package's public entries: every ts / tsx
// block and the module script of every html block is type-checked by tsc (strict, as a host's
// project would be), and every Vue block's `<script setup lang="ts">`. Imports of `licence-kit/…`
// resolve through package.json `exports` to the sources those entries are built from, so a
// snippet importing a subpath the package does not export fails too.
//
// A snippet may lean on names a real host has (its own token function, its own adapter class): an
// HTML comment right above the fence, `<!-- check: declare function token(): Promise<string>; -->`,
// is prepended to it for the check only.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import ts from 'typescript';
import { projectRoot } from './harness.mjs';

const readme = readFileSync(join(projectRoot, 'README.md'), 'utf8');
const pkg = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8'));

/** The fenced blocks of the README: language, code, the line it starts on, and its preamble. */
export function snippets(markdown) {
  const blocks = [];
  const fence = /(?:<!-- check: ([^\n]*?) -->\n\n?)?```(\w+)\n([\s\S]*?)```/g;
  for (const match of markdown.matchAll(fence)) {
    // The line of the opening fence: snippet line n is README line `line + n`.
    const line = markdown.slice(0, match.index + match[0].indexOf('```')).split('\n').length;
    blocks.push({ preamble: match[1] ?? '', lang: match[2], code: match[3], line });
  }
  return blocks;
}

/** What tsc should check for one block, or undefined for shell and other prose blocks. */
function source({ lang, code }) {
  if (lang === 'ts') return { ext: 'ts', code };
  if (lang === 'tsx') return { ext: 'tsx', code };
  if (lang === 'html') {
    const scripts = [...code.matchAll(/<script type="module">([\s\S]*?)<\/script>/g)].map((m) => m[1]);
    return scripts.length ? { ext: 'js', code: scripts.join('\n') } : undefined;
  }
  if (lang === 'vue') {
    const setup = /<script setup lang="ts">([\s\S]*?)<\/script>/.exec(code);
    return setup ? { ext: 'ts', code: setup[1] } : undefined;
  }
  return undefined;
}

/** `licence-kit/<subpath>` → the source file its `exports` types entry is declared from. */
function exportPaths() {
  const paths = {};
  for (const [key, target] of Object.entries(pkg.exports)) {
    const types = typeof target === 'object' ? target.types : undefined;
    if (!types) continue;
    // A wildcard maps the same way: `./dist/elements/*.component.js` → `src/elements/*.component.ts`.
    const sourceFile = types.replace(/^\.\/dist\//, './src/').replace(/\.d\.ts$/, '.ts');
    paths[`licence-kit${key.slice(1)}`] = [join(projectRoot, sourceFile)];
  }
  return paths;
}

describe('README snippets', () => {
  const blocks = snippets(readme);

  it('finds the embedding and integration snippets', () => {
    const checked = blocks.filter((block) => source(block));
    assert.ok(checked.length >= 4, `only ${checked.length} checkable snippets found`);
  });

  it('type-check against the public entries', () => {
    // Inside node_modules, so the snippets resolve react, vue and lit as a host's project would.
    const dir = join(projectRoot, 'node_modules', '.readme-check');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const files = [];
    const origin = new Map();
    blocks.forEach((block, index) => {
      const checked = source(block);
      if (!checked) return;
      const file = join(dir, `snippet-${index + 1}.${checked.ext}`);
      // `export {}` makes each snippet a module of its own, as it is in a host's project.
      writeFileSync(file, `${block.preamble}\n${checked.code}\nexport {};\n`);
      files.push(file);
      origin.set(file, block.line);
    });

    const options = {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      lib: ['lib.es2023.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
      jsx: ts.JsxEmit.ReactJSX,
      strict: true,
      allowJs: true,
      checkJs: true,
      noEmit: true,
      skipLibCheck: true,
      experimentalDecorators: true,
      useDefineForClassFields: false,
      types: [],
      paths: exportPaths(),
    };
    // A plain-HTML host writes JavaScript without null checks; TypeScript hosts are strict.
    const scripts = files.filter((file) => file.endsWith('.js'));
    const typed = files.filter((file) => !file.endsWith('.js'));
    const diagnostics = [
      ...ts.getPreEmitDiagnostics(ts.createProgram(typed, options)),
      ...ts.getPreEmitDiagnostics(ts.createProgram(scripts, { ...options, strict: false })),
    ];
    const problems = diagnostics
      .filter((d) => d.file && files.includes(d.file.fileName))
      .map((d) => {
        const { line } = d.file.getLineAndCharacterOfPosition(d.start ?? 0);
        const text = ts.flattenDiagnosticMessageText(d.messageText, '\n');
        // The file's first line is the preamble, so its 0-based line n is the snippet's line n.
        return `README.md:${origin.get(d.file.fileName) + line}: ${text}`;
      });
    rmSync(dir, { recursive: true, force: true });
    assert.deepEqual(problems, []);
  });
});
