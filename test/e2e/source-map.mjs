// What the e2e tests of the build's literal minifiers share: reading the source maps they emit.

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
/** A v3 `mappings` string as `[generatedLine, generatedColumn, originalLine, originalColumn]`s. */
export function decode(mappings) {
  const segments = [];
  let originalLine = 0;
  let originalColumn = 0;
  mappings.split(';').forEach((line, generatedLine) => {
    let generatedColumn = 0;
    for (const segment of line ? line.split(',') : []) {
      const values = [];
      let value = 0;
      let shift = 0;
      for (const char of segment) {
        const digit = BASE64.indexOf(char);
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          values.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      generatedColumn += values[0];
      originalLine += values[2];
      originalColumn += values[3];
      segments.push([generatedLine, generatedColumn, originalLine, originalColumn]);
    }
  });
  return segments;
}

/**
 * Asserts `result`'s source map is exact: every segment of the generated code, except one that
 * starts a replaced piece (an offset in `starts`), points at the same character of `code`.
 */
export function assertMapExact(assert, file, code, result, starts) {
  const generated = result.code.split('\n');
  const original = code.split('\n');
  const lineStarts = [0];
  for (const line of generated) lineStarts.push(lineStarts.at(-1) + line.length + 1);
  const segments = decode(result.map.mappings);
  assert.ok(segments.length >= 5, `${file}: a map of ${segments.length} segments`);
  for (const [gLine, gColumn, oLine, oColumn] of segments) {
    if (starts.has(lineStarts[gLine] + gColumn)) continue;
    assert.equal(
      generated[gLine][gColumn],
      original[oLine]?.[oColumn],
      `${file}: ${gLine + 1}:${gColumn} maps to ${oLine + 1}:${oColumn}`,
    );
  }
}
