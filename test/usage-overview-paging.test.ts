// Which requests <usage-overview> makes while scrolling and searching: pages scrolled past are
// cancelled, memory stays bounded (pages per query, queries kept), and going back is instant.
import './helpers/lit-warnings.js';
import { expect, fixture, html } from '@open-wc/testing';
import type { LicensingAdapter } from '../src/adapters/adapter.js';
import { MemoryAdapter, generateAgents } from '../src/adapters/memory/index.js';
import type { UsagePage, UsageQuery } from '../src/core/index.js';
import '../src/elements/usage-overview/usage-overview.js';
import type { UsageOverview } from '../src/elements/usage-overview/usage-overview.component.js';
import { smallSeed } from './helpers/fixtures.js';
import { until } from './helpers/grid-host.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const root = (el: UsageOverview) => el.shadowRoot!;
const grid = (el: UsageOverview) => root(el).querySelector<HTMLElement>('[role="grid"]')!;
const names = (el: UsageOverview) =>
  [...root(el).querySelectorAll('[role="rowheader"] .agent-name')].map((name) => name.textContent!);
/** The index (0-based) of the rows in the DOM. */
const rows = (el: UsageOverview) =>
  [...root(el).querySelectorAll<HTMLElement>('[data-row]')].map((row) => Number(row.dataset.row));
const loadingRows = (el: UsageOverview) => root(el).querySelectorAll('[part~="loading-row"]').length;

type Call = { query: UsageQuery; signal: AbortSignal };

/** A memory adapter behind a recorder; `delay(query)` ms before each answer (abortable). */
function recorded(backend: MemoryAdapter, delay: (query: UsageQuery) => number = () => 0) {
  const calls: Call[] = [];
  const adapter: LicensingAdapter = {
    load: (o) => backend.load(o),
    commit: (c, o) => backend.commit(c, o),
    listUsage: async (query, o) => {
      const signal = o!.signal!;
      calls.push({ query, signal });
      const ms = delay(query);
      if (ms) await sleep(ms);
      signal.throwIfAborted();
      return backend.listUsage(query) as Promise<UsagePage>;
    },
  };
  return { adapter, calls };
}

async function overview(adapter: LicensingAdapter, pageSize = 100): Promise<UsageOverview> {
  const el = await fixture<UsageOverview>(
    html`<usage-overview .adapter=${adapter} page-size=${pageSize} search-delay="0"></usage-overview>`,
  );
  await until(() => names(el).length > 0, 'the first rows');
  return el;
}

/** Scrolls the grid so that row `row` is at the top, and waits until it is rendered with its agent. */
async function scrollToRow(el: UsageOverview, row: number): Promise<void> {
  const rowPx = root(el).querySelector('[data-row]')!.getBoundingClientRect().height;
  grid(el).scrollTop = row * rowPx;
  await until(() => rows(el).includes(row) && loadingRows(el) === 0, `row ${row} with its agent`);
}

describe('usage-overview: requests while scrolling and searching', () => {
  it('cancels the requests of pages scrolled past before they answered', async () => {
    const { adapter, calls } = recorded(
      new MemoryAdapter({ ...smallSeed(), agents: generateAgents(2000) }),
      (q) => (q.offset ? 1000 : 0),
    );
    const el = await overview(adapter, 10);
    const rowPx = root(el).querySelector('[data-row]')!.getBoundingClientRect().height;
    grid(el).scrollTop = 300 * rowPx;
    await until(() => calls.some((c) => c.query.offset === 300), 'the request for row 300');
    // Further on before that page answered: nobody will look at it now.
    grid(el).scrollTop = 1500 * rowPx;
    await until(() => calls.some((c) => c.query.offset === 1500), 'the request for row 1500');
    const passed = calls.filter((c) => c.query.offset >= 250 && c.query.offset <= 350);
    expect(passed.length).to.be.greaterThan(0);
    expect(passed.every((c) => c.signal.aborted)).to.equal(true);
    await until(() => loadingRows(el) === 0, 'the rows at 1500');
    expect(rows(el)).to.include(1500);
    expect(calls.filter((c) => c.query.offset >= 1400).every((c) => !c.signal.aborted)).to.equal(true);
  });

  it('keeps at most 50 pages, fetching a page dropped long ago again when it scrolls back', async () => {
    const { adapter, calls } = recorded(new MemoryAdapter({ ...smallSeed(), agents: generateAgents(400) }));
    const el = await overview(adapter, 2);
    const firstPage = () => calls.filter((c) => c.query.offset === 0).length;
    expect(firstPage()).to.equal(1);
    const top = names(el).slice(0, 4);
    // A few screens down: the pages of the top are still kept, going back costs nothing.
    await scrollToRow(el, 40);
    await scrollToRow(el, 0);
    expect(firstPage()).to.equal(1);
    // Far enough that more than 50 pages of two agents were fetched: the farthest ones went.
    for (const row of [40, 80, 120, 160, 200, 240]) await scrollToRow(el, row);
    expect(new Set(calls.map((c) => c.query.offset)).size).to.be.greaterThan(50);
    await scrollToRow(el, 0);
    expect(firstPage()).to.equal(2);
    expect(names(el).slice(0, 4)).to.deep.equal(top);
  });

  it('forgets the least recently used of more than eight searches; a recent one comes back at once', async () => {
    const { adapter, calls } = recorded(new MemoryAdapter(smallSeed()));
    const el = await overview(adapter);
    const searches = ['a', 'n', 'o', 'b', 'e', 's', 'i', 'c', 'r'];
    for (const search of searches) {
      el.search = search;
      await el.updateComplete;
      await until(() => grid(el).getAttribute('aria-busy') === 'false', `"${search}" shown`);
    }
    const asked = (search: string) => calls.filter((c) => (c.query.search ?? '') === search).length;
    // Eight queries are kept, "n" to "r": the agent list without a search and "a", the least
    // recently used, were dropped.
    el.search = 'i';
    await el.updateComplete;
    expect(grid(el).getAttribute('aria-busy')).to.equal('false');
    expect(asked('i')).to.equal(1);
    el.search = 'a';
    await el.updateComplete;
    expect(grid(el).getAttribute('aria-busy')).to.equal('true');
    await until(() => grid(el).getAttribute('aria-busy') === 'false', '"a" again');
    expect(asked('a')).to.equal(2);
  });

  it('keeps the rows on screen, and their pages, while many searches are typed faster than they answer', async () => {
    const { adapter, calls } = recorded(new MemoryAdapter(smallSeed()), (q) => (q.search ? 1000 : 0));
    const el = await overview(adapter);
    for (const search of ['a', 'an', 'ann', 'anna', 'b', 'be', 'ben', 'c', 'ca', 'car']) {
      el.search = search;
      await el.updateComplete;
    }
    // Every search but the last was cancelled; the agent list stays, marked busy.
    expect(
      calls.filter((c) => c.query.search && c.query.search !== 'car').every((c) => c.signal.aborted),
    ).to.equal(true);
    expect(names(el)).to.have.length(4);
    expect(grid(el).getAttribute('aria-busy')).to.equal('true');
    await until(() => names(el).join() === 'Carla Rossi', 'the last search');
    // The agent list on screen was kept through those ten queries: clearing the search shows it
    // without asking again.
    const before = calls.length;
    el.search = '';
    await el.updateComplete;
    expect(names(el)).to.have.length(4);
    expect(calls.length).to.equal(before);
  });
});
