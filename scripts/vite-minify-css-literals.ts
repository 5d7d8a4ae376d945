import ts from 'typescript';
import type { Plugin } from 'vite';

/**
 * Minifies the CSS inside Lit's `css` tagged templates of the library build.
 *
 * A host's bundler minifies our JavaScript but never the text of a template literal, so every
 * indent, newline and comment of our styles would ship. This takes them out at build time and
 * changes nothing else: only `css` tags imported from `lit` are touched (never `html`, where the
 * space between inline elements is meaningful), and `${…}` interpolations stay exactly as written.
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
export interface CssLiteral {
  /** Offset of the opening backtick. */
  start: number;
  /** Offset just past the closing backtick. */
  end: number;
  /** The raw text between the `${…}` interpolations, in order (one more than `expressions`). */
  quasis: string[];
  /** The interpolations' source text, `${` and `}` included. */
  expressions: string[];
}

/** The `css` tagged templates of a module, when it imports `css` from `lit`. */
export function findCssLiterals(code: string, fileName = 'module.ts'): CssLiteral[] {
  const file = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const tags = new Set<string>();
  for (const statement of file.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    if (statement.moduleSpecifier.text !== 'lit') continue;
    const bindings = statement.importClause?.namedBindings;
    if (!bindings || !ts.isNamedImports(bindings)) continue;
    for (const element of bindings.elements) {
      if ((element.propertyName ?? element.name).text === 'css' && !element.isTypeOnly)
        tags.add(element.name.text);
    }
  }
  const found: CssLiteral[] = [];
  if (!tags.size) return found;
  const visit = (node: ts.Node): void => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && tags.has(node.tag.text)) {
      const template = node.template;
      const start = template.getStart(file);
      // Raw text of a template piece: after its `` ` `` or `}`, before its `${` or `` ` ``.
      const raw = (piece: ts.Node, closing: number) =>
        code.slice(piece.getStart(file) + 1, piece.end - closing);
      if (ts.isNoSubstitutionTemplateLiteral(template)) {
        found.push({ start, end: template.end, quasis: [raw(template, 1)], expressions: [] });
      } else {
        const quasis = [raw(template.head, 2)];
        const expressions: string[] = [];
        let previous = template.head.end;
        for (const span of template.templateSpans) {
          const literalStart = span.literal.getStart(file);
          expressions.push(`\${${code.slice(previous, literalStart)}}`);
          quasis.push(raw(span.literal, ts.isTemplateTail(span.literal) ? 1 : 2));
          previous = span.literal.end;
        }
        found.push({ start, end: template.end, quasis, expressions });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
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

/** A source map (v3) of a module where only the given ranges were replaced. */
interface SourceMapV3 {
  version: 3;
  file: string;
  sources: string[];
  sourcesContent: string[];
  names: string[];
  mappings: string;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const vlq = (value: number): string => {
  let rest = value < 0 ? (-value << 1) | 1 : value << 1;
  let text = '';
  do {
    let digit = rest & 31;
    rest >>>= 5;
    if (rest > 0) digit |= 32;
    text += BASE64[digit];
  } while (rest > 0);
  return text;
};

/**
 * Replaces `[start, end)` ranges of `code` and maps every token start of the untouched text back
 * to where it was, so the build's source maps stay exact outside the replaced literals. A
 * replaced range maps as one segment, to its start.
 */
function replaceWithMap(
  code: string,
  fileName: string,
  replacements: { start: number; end: number; text: string }[],
): { code: string; map: SourceMapV3 } {
  let output = '';
  const lines: string[] = [];
  let segments: string[] = [];
  let generatedColumn = 0;
  let previousGeneratedColumn = 0;
  let originalLine = 0;
  let originalColumn = 0;
  let previousOriginalLine = 0;
  let previousOriginalColumn = 0;
  const mark = () => {
    segments.push(
      vlq(generatedColumn - previousGeneratedColumn) +
        'A' +
        vlq(originalLine - previousOriginalLine) +
        vlq(originalColumn - previousOriginalColumn),
    );
    previousGeneratedColumn = generatedColumn;
    previousOriginalLine = originalLine;
    previousOriginalColumn = originalColumn;
  };
  const emit = (text: string) => {
    for (const char of text) {
      output += char;
      if (char === '\n') {
        lines.push(segments.join(','));
        segments = [];
        generatedColumn = 0;
        previousGeneratedColumn = 0;
      } else generatedColumn += char.length;
    }
  };
  const advance = (text: string) => {
    for (const char of text) {
      if (char === '\n') {
        originalLine++;
        originalColumn = 0;
      } else originalColumn += char.length;
    }
  };
  const wordChar = /[\w$]/;
  let position = 0;
  const copy = (until: number) => {
    for (; position < until; position++) {
      const char = code[position]!;
      const previous = code[position - 1];
      // A segment where a token may start: a word after a non-word, or any punctuation.
      const startsToken =
        !/\s/.test(char) && !(wordChar.test(char) && previous !== undefined && wordChar.test(previous));
      if (startsToken) mark();
      emit(char);
      advance(char);
    }
  };
  for (const { start, end, text } of [...replacements].sort((a, b) => a.start - b.start)) {
    copy(start);
    mark();
    emit(text);
    advance(code.slice(start, end));
    position = end;
  }
  copy(code.length);
  lines.push(segments.join(','));
  return {
    code: output,
    map: {
      version: 3,
      file: fileName,
      sources: [fileName],
      sourcesContent: [code],
      names: [],
      mappings: lines.join(';'),
    },
  };
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
