// CSV (RFC 4180) that a spreadsheet opens as text: the one helper of every export (the usage
// overview's agents, the licence history). Pure: no DOM, no Blob.

/**
 * One CSV field (RFC 4180), safe to open in a spreadsheet: a value that a spreadsheet would run as
 * a formula (starting with `=`, `+`, `-`, `@`, a tab or a carriage return) gets a leading `'`, so an
 * agent named `=HYPERLINK(…)` stays text (CSV injection); quotes, commas and line breaks are quoted.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One CSV record, with the CRLF line end RFC 4180 asks for. */
export function csvRow(values: readonly string[]): string {
  return values.map(csvField).join(',') + '\r\n';
}
