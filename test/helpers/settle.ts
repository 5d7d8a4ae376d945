// The one wait every widget test uses: until the store's promises and the element's renders that
// follow them have run.

// The store loads three of its parts on first use: the installation licence, conflicts and the kept
// cart, and (for data-only pages) the rule book. Fetched once here, before any test runs, so a
// test's fixed rounds below never race the test server's first answer for one of those modules
// (seen in the three-engine run, three browsers on two cores). The store still imports them lazily.
await Promise.all([
  import('../../src/state/installation.js'),
  import('../../src/state/carry-over.js'),
  import('../../src/core/rule-book.js'),
]);

/**
 * Waits until `el` and the store behind it have settled: a few macrotasks (the memory adapter
 * answers in one), each followed by the element's pending render. `latency` waits that many
 * milliseconds first, for an adapter that answers after a delay. Without an element it waits for
 * the macrotasks only.
 */
export async function settle(
  el?: Element | null,
  { latency = 0, rounds = 6 }: { latency?: number; rounds?: number } = {},
): Promise<void> {
  if (latency > 0) await new Promise((resolve) => setTimeout(resolve, latency));
  for (let i = 0; i < rounds; i++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    await (el as (Element & { updateComplete?: Promise<unknown> }) | null | undefined)?.updateComplete;
  }
}
