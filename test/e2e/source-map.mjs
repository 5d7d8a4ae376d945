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
