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

const since = performance.now();
let el!: UsageOverview;
const dataToPaint = await measureToPaint(
  'data-to-paint',
  () => {
    el = document.createElement('usage-overview');
    el.adapter = adapter;
    document.querySelector('main')!.append(el);
  },
  () => rowEmail(el, 0) === first.agents[0]!.email,
);

await new Promise((resolve) => setTimeout(resolve, 300));
root(el).querySelector<HTMLElement>('[tabindex="0"]')!.focus();
const ctrlEndToPaint = await measureToPaint(
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
);

await new Promise((resolve) => setTimeout(resolve, 300));
const select = root(el).querySelector('select')!;
const filterToPaint = await measureToPaint(
  'filter-to-paint',
  () => {
    select.value = typeId;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  },
  () => rowEmail(el, 0) === firstOfType.email,
);

await publish({ dataToPaint, ctrlEndToPaint, filterToPaint, total }, since);
