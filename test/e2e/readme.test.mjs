// The README's code snippets still compile against the package's public entries: every ts / tsx
// block and the module script of every html block is type-checked by tsc (strict, as a host's
// project would be), and every Vue block's `<script setup lang="ts">`. They are checked in the host
// project of test/e2e/tarball/harness.mjs, where the packed tarball is installed: `licence-kit/…`
// resolves as it does for a host, through the installed package's `exports` to the built `.d.ts`
// (never to src/), so a snippet importing a subpath the package does not export, or relying on a
// declaration the entry's `.d.ts` does not bring, fails too.
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
import { installedPackage } from './tarball/harness.mjs';

const readme = readFileSync(join(projectRoot, 'README.md'), 'utf8');

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

describe('README snippets', () => {
  const blocks = snippets(readme);

  it('finds the embedding and integration snippets', () => {
    const checked = blocks.filter((block) => source(block));
    assert.ok(checked.length >= 4, `only ${checked.length} checkable snippets found`);
  });

  it('type-check against the installed package', async () => {
    // In the host project, so the snippets resolve licence-kit, react, vue and lit as a host's would.
    const { host } = await installedPackage();
    const dir = join(host, 'readme-check');
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
      types: [],
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
