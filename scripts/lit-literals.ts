import ts from 'typescript';

/**
 * What the build's literal minifiers (scripts/vite-minify-css-literals.ts,
 * scripts/vite-minify-html-literals.ts) share: finding Lit's tagged templates in a module through
 * the TypeScript AST, and replacing parts of a module with a source map that stays exact elsewhere.
 */

/** One tagged template of a source file: where its raw text starts and ends, and its pieces. */
export interface LitLiteral {
  /** The name the tag has in `lit` (`css`, `html`, `svg`), whatever the module calls it. */
  tag: string;
  /** Offset of the opening backtick. */
  start: number;
  /** Offset just past the closing backtick. */
  end: number;
  /** The raw text between the `${…}` interpolations, in order (one more than `expressions`). */
  quasis: string[];
  /** Where each of `quasis` sits in the module: `[start, end)` offsets of its raw text. */
  ranges: { start: number; end: number }[];
  /** The interpolations' source text, `${` and `}` included. */
  expressions: string[];
}

/**
 * The tagged templates of a module whose tag is one of `tags`, imported (as a value) from `lit`,
 * in source order; a template nested in another's interpolation comes after it.
 */
export function findLitLiterals(code: string, fileName: string, tags: readonly string[]): LitLiteral[] {
  const file = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  /** Local name → the name in `lit`. */
  const local = new Map<string, string>();
  for (const statement of file.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    if (statement.moduleSpecifier.text !== 'lit') continue;
    const bindings = statement.importClause?.namedBindings;
    if (!bindings || !ts.isNamedImports(bindings)) continue;
    for (const element of bindings.elements) {
      const name = (element.propertyName ?? element.name).text;
      if (tags.includes(name) && !element.isTypeOnly) local.set(element.name.text, name);
    }
  }
  const found: LitLiteral[] = [];
  if (!local.size) return found;
  const visit = (node: ts.Node): void => {
    const tag = ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && local.get(node.tag.text);
    if (tag && ts.isTaggedTemplateExpression(node)) {
      const template = node.template;
      const start = template.getStart(file);
      // Raw text of a template piece: after its `` ` `` or `}`, before its `${` or `` ` ``.
      const range = (piece: ts.Node, closing: number) => ({
        start: piece.getStart(file) + 1,
        end: piece.end - closing,
      });
      const ranges: LitLiteral['ranges'] = [];
      const expressions: string[] = [];
      if (ts.isNoSubstitutionTemplateLiteral(template)) {
        ranges.push(range(template, 1));
      } else {
        ranges.push(range(template.head, 2));
        let previous = template.head.end;
        for (const span of template.templateSpans) {
          const literalStart = span.literal.getStart(file);
          expressions.push(`\${${code.slice(previous, literalStart)}}`);
          ranges.push(range(span.literal, ts.isTemplateTail(span.literal) ? 1 : 2));
          previous = span.literal.end;
        }
      }
      const quasis = ranges.map(({ start, end }) => code.slice(start, end));
      found.push({ tag, start, end: template.end, quasis, ranges, expressions });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/** A source map (v3) of a module where only the given ranges were replaced. */
export interface SourceMapV3 {
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
 * Replaces `[start, end)` ranges of `code` (which must not overlap) and maps every token start of
 * the untouched text back to where it was, so the build's source maps stay exact outside the
 * replaced ranges. A replaced range maps as one segment, to its start.
 */
export function replaceWithMap(
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
