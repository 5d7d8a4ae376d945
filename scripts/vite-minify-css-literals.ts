import type { Plugin } from 'vite';
import { findLitLiterals, replaceWithMap, type LitLiteral, type SourceMapV3 } from './lit-literals.js';

/**
 * Minifies the CSS inside Lit's `css` tagged templates of the library build.
 *
 * A host's bundler minifies our JavaScript but never the text of a template literal, so every
 * indent, newline and comment of our styles would ship. This takes them out at build time and
 * changes nothing else: only `css` tags imported from `lit` are touched (`html` has its own, more
 * careful pass, scripts/vite-minify-html-literals.ts), and `${…}` interpolations stay as written.
 *
 * The minifier is deliberately plain: it removes comments, drops whitespace next to `{ } ; , :`
 * and collapses every other run of whitespace to one space. It never rewrites a value or a
 * selector, so what it changes cannot change a rule (test/e2e/css-literals.test.mjs proves it
 * against lightningcss for every literal in src/).
 */
export function minifyCssLiterals(): Plugin {
  return {
    name: 'licence-kit:minify-css-literals',
    // Before the TypeScript transform, so it reads our source as written.
    enforce: 'pre',
    apply: 'build',
    transform: {
      filter: { id: /\/src\/.*\.ts$/, code: 'css`' },
      handler(code, id) {
        const result = minifyCssInSource(code, id);
        return result && { code: result.code, map: result.map };
      },
    },
  };
}

/** One `css` literal of a source file: where its raw text starts and ends, and its pieces. */
export type CssLiteral = LitLiteral;

/** The `css` tagged templates of a module, when it imports `css` from `lit`. */
export function findCssLiterals(code: string, fileName = 'module.ts'): CssLiteral[] {
  return findLitLiterals(code, fileName, ['css']);
}

/** Characters whitespace next to which carries no meaning in CSS. */
const TIGHT = new Set(['{', '}', ';', ',', ':']);

/**
 * Minifies the raw text of one `css` literal, given as the text between its interpolations. The
 * pieces are scanned as one stylesheet (a comment or a string may span an interpolation), and an
 * interpolation counts as a token that is not whitespace. Returns the pieces, minified.
 *
 * - Comments go, except inside strings.
 * - Strings (`'…'`, `"…"`) and escapes (`\…`, a template literal's as well as CSS's) stay as written.
 * - Whitespace next to `{`, `}`, `;`, `,` or `:` goes; any other run becomes one space (it may be
 *   a descendant combinator, or separate values). Whitespace before `:` is kept, because in a
 *   selector `a :hover` is not `a:hover`.
 * - The last `;` of a block goes.
 */
export function minifyCss(quasis: readonly string[]): string[] {
  const out: string[] = [];
  let piece = '';
  /** The last character written that is not whitespace, across pieces ('' at the start). */
  let last = '';
  let pendingSpace = false;
  let quote: string | null = null;
  let inComment = false;
  /** Writes a token; `end` stands for its last character (an escape ends in no punctuation). */
  const write = (text: string, end = text) => {
    // `a;}` → `a}`: a block's last declaration needs no semicolon.
    if (text === '}' && last === ';') piece = piece.slice(0, -1);
    if (pendingSpace && last !== '' && !TIGHT.has(last) && !(TIGHT.has(text) && text !== ':')) piece += ' ';
    pendingSpace = false;
    piece += text;
    last = end;
  };
  quasis.forEach((quasi, index) => {
    if (index > 0) {
      // The interpolation between the previous piece and this one: a token of its own.
      if (pendingSpace && last !== '' && !TIGHT.has(last)) piece += ' ';
      pendingSpace = false;
      out.push(piece);
      piece = '';
      last = 'x';
    }
    for (let i = 0; i < quasi.length; i++) {
      const char = quasi[i]!;
      if (inComment) {
        if (char === '*' && quasi[i + 1] === '/') {
          inComment = false;
          i++;
          // A comment separates tokens like whitespace does (`a/**/b` is two tokens).
          pendingSpace = true;
        }
        continue;
      }
      if (quote) {
        if (char === '\\' && i + 1 < quasi.length) {
          piece += quasi.slice(i, i + 2);
          i++;
        } else {
          piece += char;
          if (char === quote) {
            quote = null;
            last = char;
          }
        }
        continue;
      }
      if (char === '/' && quasi[i + 1] === '*') {
        inComment = true;
        i++;
        continue;
      }
      if (/\s/.test(char)) {
        pendingSpace = true;
        continue;
      }
      if (char === '\\' && i + 1 < quasi.length) {
        write(quasi.slice(i, i + 2), 'x');
        i++;
        continue;
      }
      if (char === '"' || char === "'") quote = char;
      write(char);
    }
  });
  // A trailing space or semicolon of the whole sheet.
  if (last === ';' && !quote) piece = piece.replace(/;$/, '');
  out.push(piece);
  return out;
}

/**
 * The module with every `css` literal minified, and its source map; `undefined` when it has none
 * or nothing changed.
 */
export function minifyCssInSource(
  code: string,
  fileName: string,
): { code: string; map: SourceMapV3 } | undefined {
  const replacements = findCssLiterals(code, fileName).flatMap(({ start, end, quasis, expressions }) => {
    const minified = minifyCss(quasis);
    const text = '`' + minified.map((quasi, i) => quasi + (expressions[i] ?? '')).join('') + '`';
    return text === code.slice(start, end) ? [] : [{ start, end, text }];
  });
  if (!replacements.length) return undefined;
  return replaceWithMap(code, fileName.split('/').pop() ?? fileName, replacements);
}
