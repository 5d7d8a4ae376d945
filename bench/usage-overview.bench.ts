// <usage-overview> on the memory adapter: data → first paint, then a licence-type filter → paint.
import { MemoryAdapter } from '../src/adapters/memory/index.js';
import '../src/elements/usage-overview/usage-overview.js';
import type { UsageOverview } from '../src/elements/usage-overview/usage-overview.component.js';
import { byName, dataSet, filterType, measureToPaint, publish } from './common.js';

const seed = dataSet();
const sorted = byName(seed.agents);
const typeId = filterType(sorted);
const expectedFirst = sorted[0]!.email;
const expectedFiltered = sorted.find((agent) => agent.licences.includes(typeId))!.email;
// The backend exists before the page asks it anything (its index is built here, not timed).
const adapter = new MemoryAdapter(seed);

const firstEmail = (el: UsageOverview) =>
  el.shadowRoot?.querySelector('[data-row="0"] [part~="agent-email"]')?.textContent;

const since = performance.now();
let el!: UsageOverview;
const dataToPaint = await measureToPaint(
  'data-to-paint',
  () => {
    el = document.createElement('usage-overview');
    el.adapter = adapter;
    document.querySelector('main')!.append(el);
  },
  () => firstEmail(el) === expectedFirst,
);

await new Promise((resolve) => setTimeout(resolve, 300));
const select = el.shadowRoot!.querySelector('select')!;
const filterToPaint = await measureToPaint(
  'filter-to-paint',
  () => {
    // What a user's choice does: the select's change event.
    select.value = typeId;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  },
  () => firstEmail(el) === expectedFiltered,
);

await publish({ dataToPaint, filterToPaint, elements: el.shadowRoot!.querySelectorAll('*').length }, since);
