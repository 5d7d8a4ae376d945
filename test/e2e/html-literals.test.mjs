// The library build collapses the indentation of Lit's `html` and `svg` literals
// (scripts/vite-minify-html-literals.ts), but the browser tests run against src/, where the
// templates are as written. This proves the collapsed templates are the same templates: for every
// literal in src/, the plugin's own transform hook (as `npm run build` runs it) leaves all other code
// alone, keeps each interpolation, and gives markup that Chromium's HTML parser turns into exactly
// the elements, attributes and comments of the original, with text that differs only in
// whitespace HTML collapses anyway. (test/e2e/csp.test.mjs, ssr.test.mjs, readme.test.mjs and
// contract.test.mjs run the widgets built with it.)
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loadConfigFromFile, runnerImport } from 'vite';
import { launchChromium, projectRoot } from './harness.mjs';
import { assertMapExact } from './source-map.mjs';

const read = (file) => readFileSync(join(projectRoot, file), 'utf8');
const modules = readdirSync(join(projectRoot, 'src'), { recursive: true })
  .map((file) => `src/${file.split('\\').join('/')}`)
  .filter((file) => file.endsWith('.ts'))
  .sort();
/** Every module of src/ with an `html` or `svg` tagged template (not a mention in a comment). */
const TAG = /(?<![`\w])(html|svg)`/g;
/**
 * Modules that render with Lit lent by the usage overview (`assign-lit.ts`: the selection's lazy
 * chunk borrows `html` instead of importing it, so that Lit stays in the overview's chunk). The
 * plugin sees only `html` imported from 'lit', so their templates ship as written; the first test
 * checks it finds none there, so that a module which starts importing from 'lit' joins the others.
 */
const borrowed = modules.filter((file) => /from '\.\/assign-lit\.js'/.test(read(file)));
const sources = modules.filter((file) => read(file).match(TAG) && !borrowed.includes(file));

/** How HTML renders whitespace: any run of space, tab, line feed, form feed or return is one space. */
const collapse = (text) => text.replace(/[ \t\n\f\r]+/g, ' ');

/**
 * A literal as markup, each interpolation replaced by a name (valid as text, an attribute name or
 * an attribute value) so both sides parse alike; an `svg` literal inside the <svg> it renders in.
 */
const markup = ({ tag, quasis }) => {
  const text = quasis.reduce((all, quasi, i) => `${all}lk-interpolation-${i - 1}${quasi}`);
  return tag === 'svg' ? `<svg>${text}</svg>` : text;
};

describe('collapsed html literals: the same templates as src/', () => {
  let plugin;
  let lib;
  let browser;
  let page;

  before(async () => {
    lib = (await runnerImport(join(projectRoot, 'scripts/vite-minify-html-literals.ts'))).module;
    // The plugin as the library build gets it from vite.config.ts.
    const loaded = await loadConfigFromFile(
      { command: 'build', mode: 'production' },
      join(projectRoot, 'vite.config.ts'),
      projectRoot,
      'silent',
    );
    plugin = loaded.config.plugins.flat().find((p) => p?.name === 'licence-kit:minify-html-literals');
    browser = await launchChromium();
    page = await browser.newPage();
  });

  after(() => browser?.close());

  /** What the build's transform hook makes of a module of src/. */
  const build = (code, file) => plugin.transform.handler.call({}, code, join(projectRoot, file));

  /**
   * Chromium's parse of each markup (as a <template>'s content, like Lit's): every node as
   * `[kind, name or text, attributes, children]`.
   */
  const parse = (texts) =>
    page.evaluate((texts) => {
      const tree = (node) =>
        node.nodeType === Node.ELEMENT_NODE
          ? [
              'element',
              node.nodeName,
              [...node.attributes].map(({ name, value }) => [name, value]),
              [...(node.content ?? node).childNodes].map(tree),
            ]
          : [node.nodeType === Node.TEXT_NODE ? 'text' : 'comment', node.data, [], []];
      // Inside a <template>, as Lit parses it; in a document of its own, off this page.
      const parser = new DOMParser();
      return texts.map((text) => {
        const parsed = parser.parseFromString(`<template>${text}</template>`, 'text/html');
        return [...parsed.querySelector('template').content.childNodes].map(tree);
      });
    }, texts);

  /** A parse with each text and comment collapsed as HTML renders it. */
  const rendered = (nodes) =>
    nodes.map(([kind, name, attributes, children]) => [
      kind,
      kind === 'element' ? name : collapse(name),
      attributes,
      rendered(children),
    ]);

  it('is in the library build, and finds every html and svg literal of src/', () => {
    assert.ok(plugin, 'vite.config.ts builds with licence-kit:minify-html-literals');
    assert.ok(sources.length >= 15, `only ${sources.length} modules with html literals`);
    for (const file of borrowed)
      assert.equal(lib.findHtmlLiterals(read(file), file).length, 0, `${file}: borrowed html, yet minified`);
    for (const file of sources) {
      const code = read(file);
      assert.equal(
        lib.findHtmlLiterals(code, file).length,
        code.match(TAG).length,
        `${file}: an html literal the plugin does not see`,
      );
    }
  });

  it('has no style that renders whitespace as written, so collapsing it cannot show', () => {
    for (const file of modules) {
      assert.doesNotMatch(
        read(file),
        /white-space(-collapse)?\s*:\s*(pre|break-spaces|preserve)/,
        `${file}: whitespace-sensitive text; the html pass would have to skip its templates`,
      );
    }
  });

  for (const file of sources) {
    it(`${file}: same code, same interpolations, same elements, attributes and text`, async () => {
      const code = read(file);
      const result = build(code, file);
      const before = lib.findHtmlLiterals(code, file);
      if (!result) {
        // Nothing to collapse: every literal is on one line, or whitespace-sensitive.
        for (const { quasis } of before)
          assert.ok(!/\n/.test(quasis.join('')) || lib.WHITESPACE_SENSITIVE.test(quasis.join('')));
        return;
      }
      const after = lib.findHtmlLiterals(result.code, file);
      assert.equal(after.length, before.length);

      // Outside the literals' text, not one character changed: all code, every interpolation's
      // included.
      const outside = (text, literals) => {
        const ranges = literals.flatMap(({ ranges }) => ranges).sort((a, b) => a.start - b.start);
        let rest = '';
        let from = 0;
        for (const { start, end } of ranges) {
          rest += text.slice(from, start) + '…';
          from = end;
        }
        return rest + text.slice(from);
      };
      assert.equal(outside(result.code, after), outside(code, before));

      before.forEach((original, i) => {
        const collapsed = after[i];
        const where = `${file} literal ${i + 1}`;
        assert.equal(collapsed.tag, original.tag);
        // As many interpolations; their code is the code checked above (a template nested in one
        // is a literal of its own, checked here).
        assert.equal(collapsed.expressions.length, original.expressions.length, `${where}: interpolations`);
        const text = original.quasis.join('');
        if (lib.WHITESPACE_SENSITIVE.test(text)) {
          assert.deepEqual(collapsed.quasis, original.quasis, `${where}: whitespace-sensitive, yet changed`);
          return;
        }
        // Only whitespace changed, and only runs that held a line break.
        assert.deepEqual(collapsed.quasis.map(collapse), original.quasis.map(collapse), `${where}: text`);
        assert.doesNotMatch(collapsed.quasis.join(''), /\n/, `${where}: a line break is left`);
      });

      const [parsedBefore, parsedAfter] = await Promise.all([
        parse(before.map(markup)),
        parse(after.map(markup)),
      ]);
      before.forEach((_, i) => {
        const where = `${file} literal ${i + 1}`;
        assert.ok(parsedBefore[i].length, `${where}: Chromium parses nothing`);
        assert.deepEqual(rendered(parsedAfter[i]), rendered(parsedBefore[i]), `${where}: parses differently`);
      });

      // The source map: every segment outside the replaced text points at the same character.
      assertMapExact(
        assert,
        file,
        code,
        result,
        new Set(after.flatMap(({ ranges }) => ranges.map(({ start }) => start))),
      );
    });
  }

  it('shrinks the templates of src/', () => {
    let saved = 0;
    for (const file of sources) {
      const code = read(file);
      saved += code.length - (build(code, file)?.code.length ?? code.length);
    }
    assert.ok(saved > 3000, `only ${saved} characters saved`);
  });

  it('collapses only line-broken whitespace outside attribute values, interpolations and escapes', () => {
    const min = (...quasis) => lib.minifyHtml(quasis);
    // A run with a line break becomes one space (never none: inline elements must not join);
    // a run on one line, and a no-break space, stay as written.
    assert.deepEqual(min('\n  <p>\n    a  <b>b</b>\n    c\u00a0\n  </p>\n'), [
      ' <p> a  <b>b</b> c\u00a0 </p> ',
    ]);
    // Inside a tag the run separates attributes; a quoted value keeps its line breaks.
    assert.deepEqual(min('<p\n  class="a\n  b"\n  title=\'x\n y\'\n>t</p>'), [
      '<p class="a\n  b" title=\'x\n y\' >t</p>',
    ]);
    // Interpolations stay where they were; a value that spans one is still a value.
    assert.deepEqual(min('<p title="a\n', '\n b" .x=', '\n>\n  ', '\n</p>'), [
      '<p title="a\n',
      '\n b" .x=',
      ' > ',
      ' </p>',
    ]);
    // Comments collapse like text; an escape stays as written.
    assert.deepEqual(min('<!--\n  a\n-->\n<i>\\n</i>'), ['<!-- a --> <i>\\n</i>']);
    // A template that holds text HTML keeps, or an escaped quote, is left alone.
    for (const sensitive of [
      '<div>\n  <pre>\n  a</pre>\n</div>',
      '<textarea>\n</textarea>',
      '<p title=\\"a\n\\">',
    ])
      assert.deepEqual(min(sensitive), [sensitive]);
  });

  it('touches only html and svg imported from lit', () => {
    const code = [
      "import { css } from 'lit';",
      "import { html } from './elsewhere.js';",
      'export const a = html`<b>\n  x\n</b>`;',
      'export const b = css`a {\n}`;',
    ].join('\n');
    assert.equal(lib.minifyHtmlInSource(code, 'a.ts'), undefined);
    const renamed = [
      "import { html as h, svg } from 'lit';",
      'const v = 1;',
      'export const a = h`<b>\n  ${v ? h`\n  <i>${v}</i>\n` : v}\n</b>`;',
      'export const b = svg`<g>\n  <path d="M0 0" />\n</g>`;',
    ].join('\n');
    assert.equal(
      lib.minifyHtmlInSource(renamed, 'a.ts').code,
      [
        "import { html as h, svg } from 'lit';",
        'const v = 1;',
        'export const a = h`<b> ${v ? h` <i>${v}</i> ` : v} </b>`;',
        'export const b = svg`<g> <path d="M0 0" /> </g>`;',
      ].join('\n'),
    );
  });
});
