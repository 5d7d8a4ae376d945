// Shared by the benchmark pages: the same rows for both grids, and one way to time "until painted".
import { createDemoSeed, type MemorySeed } from '../src/adapters/memory/index.js';
import type { Agent } from '../src/core/index.js';

const params = new URLSearchParams(location.search);

/** Agents in the data set (`?agents=100000`). */
export const agentCount = Number(params.get('agents') ?? 10_000);

/**
 * `?warm-intl`: format one number before any timer starts, as a host page that shows any number
 * through Intl already has. V8 starts ICU on a page's first Intl call (13–20 ms on the bench
 * machine, traced); usage-overview formats its counts with Intl, the vaadin-grid page formats
 * nothing. Off in `npm run bench`: the official figures count that start-up in usage-overview's
 * data → paint. The time it took is published as `intlStartup`.
 */
const intlStartup = params.has('warm-intl') ? startIntl() : undefined;

function startIntl(): number {
  const start = performance.now();
  new Intl.NumberFormat('en').format(1);
  return performance.now() - start;
}

/** The demo data set at that size: ten licence types; the same seed gives the same agents. */
export function dataSet(): MemorySeed {
  return {
    ...createDemoSeed({ agents: agentCount, now: new Date('2026-11-23T10:00:00Z') }),
    installationLicense: null,
  };
}

/** Agents in the order both grids show them (by name, then id), as the memory adapter sorts. */
export function byName(agents: readonly Agent[]): Agent[] {
  return [...agents].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : 1));
}

/**
 * The type to filter by: one the first agent does not hold, so the first row must change and a
 * check on it cannot pass before the grid has really re-rendered.
 */
export function filterType(sorted: readonly Agent[]): string {
  const first = sorted[0]!;
  return ['sms', 'open-channel', 'whatsapp', 'chat', 'email'].find((id) => !first.licences.includes(id))!;
}

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/** Runs `callback` in a task after the current frame's rendering (style, layout, paint). */
function afterRendering(callback: () => void): void {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => callback();
  channel.port2.postMessage(undefined);
}

/**
 * Times `action` from the start of a frame until the end of the first frame whose rendering shows
 * `done()`, and records it as the `performance.measure` entry `name` (what tachometer reads). An
 * update that fits in one frame measures its own work plus that frame's style, layout and paint;
 * one that needs more frames measures all of them.
 */
export async function measureToPaint(name: string, action: () => void, done: () => boolean): Promise<number> {
  await nextFrame();
  return new Promise((resolve) => {
    requestAnimationFrame(() => {
      const start = performance.now();
      performance.mark(`${name}:start`);
      action();
      const settle = () =>
        afterRendering(() => {
          if (!done()) {
            requestAnimationFrame(settle);
            return;
          }
          performance.measure(name, `${name}:start`);
          resolve(performance.now() - start);
        });
      settle();
    });
  });
}

const longTasks: PerformanceEntry[] = [];
try {
  new PerformanceObserver((list) => longTasks.push(...list.getEntries())).observe({
    type: 'longtask',
    buffered: true,
  });
} catch {
  // No Long Tasks API in this browser: the longest task is reported as 0.
}

/** Waits for the browser to deliver long-task entries, then publishes the results. */
export async function publish(results: Record<string, number>, since: number): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 300));
  const longest = Math.max(0, ...longTasks.filter((t) => t.startTime >= since).map((t) => t.duration));
  const all = { ...results, longestTask: longest, ...(intlStartup === undefined ? {} : { intlStartup }) };
  (window as unknown as { benchResults: typeof all }).benchResults = all;
  // Also printed, for running a page by hand.
  console.log(JSON.stringify(all));
}
