// Prints what `npm run bench` measured as one table: per page and measurement, the median of the
// samples, tachometer's 95% confidence interval of the mean, and, where both a licence-kit page and
// @vaadin/grid ran at the same size, the ratio of their medians. Reads tachometer's --json-file.
import { readFileSync } from 'node:fs';

const file = process.argv[2] ?? 'bench/results.json';
const { benchmarks } = JSON.parse(readFileSync(file, 'utf8'));

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const ms = (value) => `${value.toFixed(1)} ms`;

const rows = benchmarks.map((b) => ({
  // tachometer names a result "<page> [<measurement>]" when a page has several measurements.
  page: b.name.replace(/\s*\[[^\]]*\]$/, ''),
  measurement: b.measurement.name,
  samples: b.samples.length,
  median: median(b.samples),
  max: Math.max(...b.samples),
  ci: `${ms(b.mean.low)} – ${ms(b.mean.high)}`,
}));

// "usage-overview 100k" against "vaadin-grid 100k", per measurement.
for (const row of rows) {
  const size = /\s(\S+)$/.exec(row.page)?.[1];
  const rival = rows.find(
    (other) => other.page === `vaadin-grid ${size}` && other.measurement === row.measurement,
  );
  row['× vaadin-grid'] =
    rival && rival !== row && rival.median > 0 ? `${(row.median / rival.median).toFixed(2)}×` : '';
}

console.table(
  rows.map((row) => ({ ...row, median: ms(row.median), max: ms(row.max) })),
  ['page', 'measurement', 'samples', 'median', 'max', 'ci', '× vaadin-grid'],
);
