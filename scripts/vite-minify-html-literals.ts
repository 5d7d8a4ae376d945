import type { Plugin } from 'vite';
import { findLitLiterals, replaceWithMap, type LitLiteral, type SourceMapV3 } from './lit-literals.js';

/**
 * Collapses the indentation of Lit's `html` and `svg` tagged templates in the library build.
 *
 * A host's bundler never touches the text of a template literal, so every newline and indent of
 * our templates would ship. HTML renders any run of whitespace as one space (outside `<pre>`,
 * `<textarea>` and `white-space: pre…`, which no template of ours uses), so this pass is
 * deliberately plain: every run of HTML whitespace that contains a line break becomes one space.
 * It removes nothing, so no two words or inline elements ever join, and it leaves alone:
 *
 * - quoted attribute values (a `title` may mean its line breaks), and runs on one line;
 * - `${…}` interpolations and escapes (`\n` written as an escape stays);
 * - a whole template that holds `<pre>`, `<textarea>`, `<script>`, `<style>` or another element
 *   whose text is not collapsed, or an escaped quote or bracket.
 *
 * test/e2e/html-literals.test.mjs proves it for every literal in src/: Chromium parses each
 * template before and after into the same elements, attributes and (collapsed) text.
 */
export function minifyHtmlLiterals(): Plugin {
  return {
    name: 'licence-kit:minify-html-literals',
    // Before the TypeScript transform, so it reads our source as written.
    enforce: 'pre',
    apply: 'build',
    transform: {
      filter: { id: /\/src\/.*\.ts$/, code: /\b(html|svg)`/ },
      handler(code, id) {
        const result = minifyHtmlInSource(code, id);
        return result && { code: result.code, map: result.map };
      },
    },
  };
}

/** The `html` and `svg` tagged templates of a module, when it imports them from `lit`. */
export function findHtmlLiterals(code: string, fileName = 'module.ts'): LitLiteral[] {
  return findLitLiterals(code, fileName, ['html', 'svg']);
}

/** Elements whose text HTML does not collapse, or that are not HTML text at all. */
export const WHITESPACE_SENSITIVE = /<(pre|textarea|listing|xmp|plaintext|script|style)\b/i;

/** HTML's whitespace (not JavaScript's `\s`, which also takes the no-break space). */
const SPACE = /[ \t\n\f\r]/;

/**
 * Collapses the raw text of one `html` literal, given as the text between its interpolations, and
 * returns the pieces (the same pieces when the template is whitespace-sensitive). The pieces are
 * scanned as one template: an attribute value or a comment may span an interpolation.
 */
export function minifyHtml(quasis: readonly string[]): string[] {
  const whole = quasis.join('');
  // An escaped quote or bracket would fool the scanner below: such a template stays as written.
  if (WHITESPACE_SENSITIVE.test(whole) || /\\["'<>!-]/.test(whole)) return [...quasis];
  /** Where the scanner is: text or comment, inside a tag, or inside a value quoted with `"`/`'`. */
  let state: 'text' | 'tag' | 'comment' | '"' | "'" = 'text';
  return quasis.map((quasi) => {
    let out = '';
    for (let i = 0; i < quasi.length; i++) {
      const char = quasi[i]!;
      if (state === '"' || state === "'") {
        if (char === state) state = 'tag';
        out += char;
      } else if (char === '\\') {
        // An escape of the template literal: as written (and never whitespace).
        out += quasi.slice(i, i + 2);
        i++;
      } else if (SPACE.test(char)) {
        let end = i;
        while (end < quasi.length && SPACE.test(quasi[end]!)) end++;
        const run = quasi.slice(i, end);
        out += /[\n\r]/.test(run) ? ' ' : run;
        i = end - 1;
      } else {
        if (state === 'text' && quasi.startsWith('<!--', i)) state = 'comment';
        else if (state === 'text' && char === '<' && /[a-z/]/i.test(quasi[i + 1] ?? '')) state = 'tag';
        else if (state === 'comment' && quasi.startsWith('-->', i - 2)) state = 'text';
        else if (state === 'tag' && char === '>') state = 'text';
        else if (state === 'tag' && (char === '"' || char === "'")) state = char;
        out += char;
      }
    }
    return out;
  });
}

/**
 * The module with every `html` and `svg` literal collapsed, and its source map; `undefined` when
 * it has none or nothing changed. Only the literals' text is replaced, piece by piece, so a
 * template nested in another's interpolation is collapsed too and the code between stays mapped.
 */
export function minifyHtmlInSource(
  code: string,
  fileName: string,
): { code: string; map: SourceMapV3 } | undefined {
  const replacements = findHtmlLiterals(code, fileName).flatMap(({ quasis, ranges }) =>
    minifyHtml(quasis).flatMap((text, i) => (text === quasis[i] ? [] : [{ ...ranges[i]!, text }])),
  );
  if (!replacements.length) return undefined;
  return replaceWithMap(code, fileName.split('/').pop() ?? fileName, replacements);
}
