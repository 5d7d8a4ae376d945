// The library build minifies the CSS inside Lit's `css` literals (scripts/vite-minify-css-literals.ts),
// but the browser tests run against src/, where the styles are as written. This proves the
// minified styles are the same styles: for every `css` literal in src/, the plugin's own transform
// hook (as `npm run build` runs it) leaves all other code alone, keeps each interpolation, and
// gives CSS that lightningcss parses without a warning into exactly the rules of the original.
// (test/e2e/csp.test.mjs builds its pages with the plugin, so the widgets run minified there.)
import assert from 'node:assert/strict';
import { Buffer } from 'node:buffer';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { transform } from 'lightningcss';
import { loadConfigFromFile, runnerImport } from 'vite';
import { projectRoot } from './harness.mjs';
import { assertMapExact } from './source-map.mjs';

/** Every module of src/ with a `css` tagged template. */
const sources = readdirSync(join(projectRoot, 'src'), { recursive: true })
  .map((file) => `src/${file.split('\\').join('/')}`)
  .filter((file) => file.endsWith('.ts') && readFileSync(join(projectRoot, file), 'utf8').includes('css`'))
  .sort();

/**
 * A literal's CSS as one stylesheet, each interpolation replaced by an identifier (valid as a
 * value, a selector or the start of a rule) that names it, so both sides compare alike.
 */
const sheet = ({ quasis }) => quasis.reduce((text, quasi, i) => `${text}lk-interpolation-${i - 1}${quasi}`);

/**
 * lightningcss's own minified form of a sheet; fails on any parse error or warning. A value that
 * holds a `var()` stays a list of tokens there, spaces included, so the spaces next to its commas
 * (which CSS ignores) are taken out here; strings are left alone.
 */
function canonical(css, where) {
  const { code, warnings } = transform({ filename: where, code: Buffer.from(css), minify: true });
  assert.deepEqual(warnings, [], `${where}: lightningcss warns`);
  return code
    .toString()
    .replace(/('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")|\s*,\s*/g, (_, string) => string ?? ',');
}

describe('minified css literals: the same rules as src/', () => {
  let plugin;
  let lib;

  before(async () => {
    const file = join(projectRoot, 'scripts/vite-minify-css-literals.ts');
    lib = (await runnerImport(file)).module;
    // The plugin as the library build gets it from vite.config.ts.
    const loaded = await loadConfigFromFile(
      { command: 'build', mode: 'production' },
      join(projectRoot, 'vite.config.ts'),
      projectRoot,
      'silent',
    );
    plugin = loaded.config.plugins.flat().find((p) => p?.name === 'licence-kit:minify-css-literals');
  });

  /** What the build's transform hook makes of a module of src/. */
  const build = (code, file) => plugin.transform.handler.call({}, code, join(projectRoot, file));

  it('is in the library build, and finds every css literal of src/', () => {
    assert.ok(plugin, 'vite.config.ts builds with licence-kit:minify-css-literals');
    assert.ok(sources.length >= 10, `only ${sources.length} modules with css literals`);
    for (const file of sources) {
      const code = readFileSync(join(projectRoot, file), 'utf8');
      assert.equal(
        lib.findCssLiterals(code, file).length,
        code.match(/\bcss`/g).length,
        `${file}: a css literal the plugin does not see`,
      );
    }
  });

  for (const file of sources) {
    it(`${file}: same code, same interpolations, same CSS rules`, () => {
      const code = readFileSync(join(projectRoot, file), 'utf8');
      const result = build(code, file);
      assert.ok(result, `${file}: nothing was minified`);
      const before = lib.findCssLiterals(code, file);
      const after = lib.findCssLiterals(result.code, file);
      assert.equal(after.length, before.length);

      // Outside the literals, not one character changed (html`` included).
      const outside = (text, literals) => {
        let rest = '';
        let from = 0;
        for (const { start, end } of literals) {
          rest += text.slice(from, start) + '`…`';
          from = end;
        }
        return rest + text.slice(from);
      };
      assert.equal(outside(result.code, after), outside(code, before));

      before.forEach((original, i) => {
        const minified = after[i];
        const where = `${file} literal ${i + 1}`;
        assert.deepEqual(minified.expressions, original.expressions, `${where}: interpolations`);
        const text = minified.quasis.join('');
        assert.doesNotMatch(text, /\/\*|\n/, `${where}: a comment or a newline is left`);
        assert.ok(text.length < original.quasis.join('').length, `${where}: not shorter`);
        assert.equal(canonical(sheet(minified), where), canonical(sheet(original), where), `${where}: rules`);
      });

      // The source map: every segment outside the literals points at the same character.
      assertMapExact(assert, file, code, result, new Set(after.map(({ start }) => start)));
    });
  }

  it('keeps interpolations, strings, escapes and meaningful spaces as written', () => {
    const min = (...quasis) => lib.minifyCss(quasis);
    // Spaces that are combinators or separate values stay (one each); `a :hover` is not `a:hover`.
    assert.deepEqual(
      min(
        ':host(:state(x))  [part~="a"] ,\n  a :hover > b {\n  margin: 0  auto ;\n  width: calc(1px + 2px);\n}\n',
      ),
      [':host(:state(x)) [part~="a"],a :hover > b{margin:0 auto;width:calc(1px + 2px)}'],
    );
    // Comments go, except inside strings; strings and escapes stay byte for byte.
    assert.deepEqual(min("/* a */ .a::before { content: '  /* b */  \\'; ' ; } .b\\:c { }"), [
      ".a::before{content:'  /* b */  \\'; '}.b\\:c{}",
    ]);
    assert.deepEqual(min('@media (min-width: 40rem) and (hover: hover) { .a { x: y; } }'), [
      '@media (min-width:40rem) and (hover:hover){.a{x:y}}',
    ]);
    // Interpolations (unsafeCSS, nested css results) are tokens of their own, at any position.
    assert.deepEqual(
      min('\n  ', '\n  .a {\n    color: ', ';\n    margin: ', ' ', ';\n  }\n  .b', ' .c { }\n'),
      ['', ' .a{color:', ';margin:', ' ', '}.b', ' .c{}'],
    );
    // A string that spans an interpolation is still a string.
    assert.deepEqual(min(".a { content: '  ", "  ; ' ; }"), [".a{content:'  ", "  ; '}"]);
  });

  it('touches only css imported from lit, never html or another css tag', () => {
    const code = [
      "import { html } from 'lit';",
      "import { css } from './elsewhere.js';",
      'export const a = css`  .a {  }  `;',
      'export const b = html`<b> x </b>  <i> y </i>`;',
    ].join('\n');
    assert.equal(lib.minifyCssInSource(code, 'a.ts'), undefined);
    const renamed = [
      "import { css as style, html } from 'lit';",
      'const v = 1;',
      'export const a = style`  .a {  color: ${v} ; }  `;',
      'export const b = html`<b> x </b>  <i> y </i>`;',
    ].join('\n');
    assert.equal(
      lib.minifyCssInSource(renamed, 'a.ts').code,
      renamed.replace('style`  .a {  color: ${v} ; }  `', 'style`.a{color:${v}}`'),
    );
  });
});
