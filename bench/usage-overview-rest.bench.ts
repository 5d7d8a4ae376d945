// <usage-overview> on RestAdapter against the reference backend (served on this page's origin under
// /api): data → paint, Ctrl+End → paint (the last agent shown), licence-type filter → paint, and
// the longest task meanwhile. `bench/usage-overview-rest.mjs` runs it; `?token=` picks the user.
import { RestAdapter } from '../src/adapters/rest/index.js';
import type { UsagePage } from '../src/core/index.js';
import '../src/elements/usage-overview/usage-overview.js';
import type { UsageOverview } from '../src/elements/usage-overview/usage-overview.component.js';
import { measureToPaint, publish } from './common.js';

const token = new URLSearchParams(location.search).get('token') ?? 'demo-view';
const headers = { Authorization: `Bearer ${token}` };

/** One page straight from the server, outside any timer (what each check waits for). */
async function usage(query: string): Promise<UsagePage> {
  const response = await fetch(`/api/licensing/usage?${query}`, { headers });
  return (await response.json()) as UsagePage;
}

const first = await usage('offset=0&limit=1');
const total = first.total;
const last = (await usage(`offset=${total - 1}&limit=1`)).agents[0]!;
// A type the first agent does not hold, so the first row must change.
const typeId = ['sms', 'open-channel', 'whatsapp', 'chat', 'email'].find(
  (id) => !first.agents[0]!.licences.includes(id),
)!;
const firstOfType = (await usage(`type=${typeId}&offset=0&limit=1`)).agents[0]!;

const adapter = new RestAdapter({ baseUrl: '/api', headers });
const root = (el: UsageOverview) => el.shadowRoot!;
const rowEmail = (el: UsageOverview, row: number) =>
  root(el).querySelector(`[data-row="${row}"] [part~="agent-email"]`)?.textContent;

// Long tasks per phase (the page's load, the first data, Ctrl+End, the filter), to say where one was.
const longTasks: PerformanceEntry[] = [];
new PerformanceObserver((list) => longTasks.push(...list.getEntries())).observe({
  type: 'longtask',
  buffered: true,
});
const phases: Record<string, [number, number]> = {};
async function phase<T>(name: string, work: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await work();
  phases[name] = [start, performance.now()];
  return result;
}
const longestIn = ([from, to]: [number, number]) =>
  Math.max(
    0,
    ...longTasks.filter((t) => t.startTime + t.duration > from && t.startTime < to).map((t) => t.duration),
  );

const since = performance.now();
let el!: UsageOverview;
const dataToPaint = await phase('data', () =>
  measureToPaint(
    'data-to-paint',
    () => {
      el = document.createElement('usage-overview');
      el.adapter = adapter;
      document.querySelector('main')!.append(el);
    },
    () => rowEmail(el, 0) === first.agents[0]!.email,
  ),
);

await new Promise((resolve) => setTimeout(resolve, 300));
root(el).querySelector<HTMLElement>('[tabindex="0"]')!.focus();
const ctrlEndToPaint = await phase('ctrlEnd', () =>
  measureToPaint(
    'ctrl-end-to-paint',
    () => {
      const target = root(el).activeElement ?? root(el).querySelector('[tabindex="0"]')!;
      target.dispatchEvent(
        new KeyboardEvent('keydown', {
          key: 'End',
          ctrlKey: true,
          bubbles: true,
          composed: true,
          cancelable: true,
        }),
      );
    },
    () => rowEmail(el, total - 1) === last.email,
  ),
);

await new Promise((resolve) => setTimeout(resolve, 300));
const select = root(el).querySelector('select')!;
const filterToPaint = await phase('filter', () =>
  measureToPaint(
    'filter-to-paint',
    () => {
      select.value = typeId;
      select.dispatchEvent(new Event('change', { bubbles: true }));
    },
    () => rowEmail(el, 0) === firstOfType.email,
  ),
);

await new Promise((resolve) => setTimeout(resolve, 300));
await publish(
  {
    dataToPaint,
    ctrlEndToPaint,
    filterToPaint,
    total,
    longestBeforeData: longestIn([0, phases.data![0]]),
    longestInData: longestIn(phases.data!),
    longestInCtrlEnd: longestIn(phases.ctrlEnd!),
    longestInFilter: longestIn(phases.filter!),
  },
  since,
);
