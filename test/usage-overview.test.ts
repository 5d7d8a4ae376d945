import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { LicensingAdapter } from '../src/adapters/adapter.js';
import { MemoryAdapter, generateAgents } from '../src/adapters/memory/index.js';
import type { Agent, UsageQuery } from '../src/core/index.js';
import '../src/elements/licence-provider/licence-provider.js';
import '../src/elements/usage-overview/usage-overview.js';
import type { UsageOverview } from '../src/elements/usage-overview/usage-overview.component.js';
import type { UsageOverviewExportDetail, UsageOverviewFilterChangeDetail } from '../src/events.js';
import {
  MAX_SCROLL_SPACE,
  maxScroll,
  rowWindow,
  rowsTopFor,
  scrollTopFor,
} from '../src/elements/usage-overview/row-layout.js';
import { registerMessages } from '../src/i18n/locale.js';
import { common as csCommon } from '../src/locales/cs/common.js';
import { messages as csUsage } from '../src/locales/cs/usage-overview.js';
import { smallAgents, smallSeed } from './helpers/fixtures.js';
import { deepText, describeWidgetStates } from './helpers/widget-states.js';

const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits (frame by frame) until `check` holds, so tests follow the grid's own pace (scroll events, resize observations). */
async function until(check: () => boolean, what = 'condition', timeout = 3000): Promise<void> {
  const end = performance.now() + timeout;
  while (!check()) {
    if (performance.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await frame();
  }
}

const root = (el: UsageOverview) => el.shadowRoot!;
const grid = (el: UsageOverview) => root(el).querySelector<HTMLElement>('[role="grid"]');
const select = (el: UsageOverview) => root(el).querySelector('select')!;
const searchBox = (el: UsageOverview) => root(el).querySelector<HTMLInputElement>('input[type="search"]')!;
const count = (el: UsageOverview) => root(el).querySelector('[part~="count"]')!.textContent!.trim();
const optionTexts = (el: UsageOverview) =>
  [...select(el).options].map((option) => option.textContent!.replace(/\s+/g, ' ').trim());

/** The agents in the rows rendered, in order, as a user reads them. */
function names(el: UsageOverview): string[] {
  return [...root(el).querySelectorAll('[role="row"] [role="rowheader"] .agent-name')].map(
    (name) => name.textContent!,
  );
}

/** The licence cells of the row of `name`, read as a screen reader reads them. */
function marks(el: UsageOverview, name: string): string[] {
  const row = [...root(el).querySelectorAll('[role="row"]')].find(
    (r) => r.querySelector('.agent-name')?.textContent === name,
  );
  if (!row) throw new Error(`no row for ${name}`);
  return [...row.querySelectorAll('[role="gridcell"]')].map((cell) => cell.textContent!.trim());
}

/** The focused cell's row (1-based `aria-rowindex`, the header being 1) and column. */
function focused(el: UsageOverview): { row: number; col: number } | undefined {
  const active = root(el).activeElement as HTMLElement | null;
  const row = active?.closest('[role="row"]');
  if (!active || !row) return undefined;
  return { row: Number(row.getAttribute('aria-rowindex')), col: Number(active.dataset.col) };
}

/**
 * Ctrl+key on the focused cell. WebDriver's `sendKeys` (WebKit here) has no held modifiers, so the
 * one chord the grid uses is dispatched as the browser would.
 */
function ctrl(el: UsageOverview, key: 'Home' | 'End') {
  const target = root(el).activeElement ?? grid(el)!;
  target.dispatchEvent(new KeyboardEvent('keydown', { key, ctrlKey: true, bubbles: true, composed: true }));
}

async function overview(
  adapter: LicensingAdapter = new MemoryAdapter(smallSeed()),
  { typeId = '', lang = '' } = {},
): Promise<UsageOverview> {
  const el = await fixture<UsageOverview>(
    html`<usage-overview .adapter=${adapter} type-id=${typeId} lang=${lang || 'en'}></usage-overview>`,
  );
  await until(() => names(el).length > 0 || root(el).querySelector('[part~="empty"]') !== null, 'rows');
  return el;
}

async function chooseType(el: UsageOverview, typeId: string) {
  select(el).value = typeId;
  select(el).dispatchEvent(new Event('change', { bubbles: true }));
  await el.updateComplete;
}

/** A memory adapter behind a spy that records every query and its signal. */
function spied(backend: LicensingAdapter = new MemoryAdapter(smallSeed())) {
  const calls: { query: UsageQuery; signal: AbortSignal | undefined }[] = [];
  const adapter: LicensingAdapter = {
    load: (o) => backend.load(o),
    commit: (c, o) => backend.commit(c, o),
    listUsage: (query, o) => {
      calls.push({ query, signal: o?.signal });
      return backend.listUsage(query, o);
    },
  };
  return { adapter, calls };
}

describeWidgetStates({
  tag: 'usage-overview',
  render: (adapter) => html`<usage-overview .adapter=${adapter}></usage-overview>`,
  seed: () => smallSeed(),
  readyText: 'Anna Nováková',
  // The filter and the search change what is shown, never the licences.
  editableInView: true,
});

describe('usage-overview', () => {
  it('lists every agent with a mark per licence type that is not colour alone', async () => {
    const el = await overview();
    expect(names(el)).to.deep.equal(['Anna Nováková', 'Ben Smith', 'Carla Rossi', 'David Dvořák']);
    const headers = [...root(el).querySelectorAll('[role="columnheader"]')].map((h) => h.textContent!.trim());
    expect(headers).to.deep.equal(['Agent', 'Voice', 'Outbound', 'Email', 'Call recording']);
    expect(marks(el, 'Anna Nováková')).to.deep.equal([
      'has licence',
      'has licence',
      'no licence',
      'has licence',
    ]);
    expect(marks(el, 'David Dvořák')).to.deep.equal(['no licence', 'no licence', 'no licence', 'no licence']);
    // The glyph differs too, not only its colour.
    const [yes, no] = ['.mark.yes', '.mark.no'].map(
      (s) => getComputedStyle(root(el).querySelector(s)!, '::before').content,
    );
    expect(yes).to.contain('✓');
    expect(no).to.contain('–');
    expect(deepText(el)).to.contain('anna@example.com');
    expect(count(el)).to.equal('4 agents');
    const table = grid(el)!;
    expect(table.getAttribute('aria-rowcount')).to.equal('5');
    expect(table.getAttribute('aria-label')).to.equal('Licences by agent');
    await expect(el).to.be.accessible();
  });

  it('offers every licence type in the filter with its number of agents', async () => {
    const el = await overview();
    expect(optionTexts(el)).to.deep.equal([
      'All licence types (4)',
      'Voice (3)',
      'Outbound (2)',
      'Email (1)',
      'Call recording (2)',
    ]);
    expect(select(el).labels![0]!.textContent).to.contain('Licence type');
  });

  it('counts a licence type whose id is an Object.prototype name like any other', async () => {
    const base = smallSeed();
    const snapshot = {
      ...base.snapshot,
      catalog: [
        ...base.snapshot.catalog,
        { id: 'constructor', name: 'Builder', unitPrice: { amount: 100, currency: 'EUR' } },
      ],
      lines: [...base.snapshot.lines, { typeId: 'constructor', count: 1, inUse: 1, peak: 1 }],
    };
    const agents = base.agents.map((agent, i) =>
      i === 0 ? { ...agent, licences: [...agent.licences, 'constructor'] } : agent,
    );
    // The decoders refuse such an id (test/hostile-snapshots.test.ts): an integrator's adapter
    // that does not decode serves it here.
    const backend = new MemoryAdapter({ ...base, agents });
    const el = await overview({
      load: () => Promise.resolve(snapshot),
      listUsage: (q, o) => backend.listUsage(q, o),
      commit: (c, o) => backend.commit(c, o),
    });
    expect(optionTexts(el)).to.include('Builder (1)');
    searchBox(el).value = smallAgents[0]!.name.split(' ')[0]!;
    searchBox(el).dispatchEvent(new Event('input', { bubbles: true }));
    await until(() => names(el).length === 1, 'the searched agent');
    expect(optionTexts(el)).to.include('Builder (1)');
  });

  it('filters by licence type: rows, count and an event', async () => {
    const el = await overview();
    const changes: UsageOverviewFilterChangeDetail[] = [];
    el.addEventListener('licence-usage-filter-change', (e) => changes.push(e.detail));
    await chooseType(el, 'outbound');
    await until(() => names(el).length === 2, 'two rows');
    expect(names(el)).to.deep.equal(['Anna Nováková', 'Carla Rossi']);
    expect(count(el)).to.equal('2 agents');
    expect(el.typeId).to.equal('outbound');
    expect(changes).to.deep.equal([{ typeId: 'outbound', search: '' }]);
    // The other counts stay: they do not depend on the type filter.
    expect(optionTexts(el)[0]).to.equal('All licence types (4)');
    await chooseType(el, '');
    await until(() => names(el).length === 4, 'all rows again');
    await expect(el).to.be.accessible();
  });

  it('opens filtered when type-id is set', async () => {
    const el = await overview(undefined, { typeId: 'email' });
    expect(select(el).value).to.equal('email');
    expect(names(el)).to.deep.equal(['Ben Smith']);
    expect(count(el)).to.equal('1 agent');
  });

  it('follows a type set by the host and starts again at the top', async () => {
    const el = await overview(new MemoryAdapter({ ...smallSeed(), agents: generateAgents(1000) }));
    const changes: unknown[] = [];
    el.addEventListener('licence-usage-filter-change', (e) => changes.push(e.detail));
    grid(el)!.scrollTop = 5000;
    await until(
      () =>
        !names(el).length ||
        Number(root(el).querySelector('[part~="row"]')!.getAttribute('aria-rowindex')) > 50,
      'scrolled',
    );
    el.typeId = 'email';
    await el.updateComplete;
    await until(() => select(el).value === 'email' && grid(el)!.scrollTop === 0, 'filtered at the top');
    // The previous rows stay on screen, marked busy, until the filtered ones are in.
    await until(
      () =>
        grid(el)!.getAttribute('aria-busy') === 'false' && root(el).querySelector('[data-row="0"]') !== null,
      'the first filtered row',
    );
    expect(root(el).querySelector('[role="gridcell"][data-col="3"]')!.textContent!.trim()).to.equal(
      'has licence',
    );
    // Only the user's changes are announced as events.
    expect(changes).to.deep.equal([]);
  });

  it('searches name or email after a pause in typing, ignoring case and accents', async () => {
    const { adapter, calls } = spied();
    const el = await overview(adapter);
    const changes: UsageOverviewFilterChangeDetail[] = [];
    el.addEventListener('licence-usage-filter-change', (e) => changes.push(e.detail));
    searchBox(el).focus();
    await sendKeys({ type: 'NOVAK' });
    const before = calls.length;
    // Still debouncing: no request per keystroke, the rows unchanged.
    expect(names(el)).to.have.length(4);
    await until(() => names(el).length === 1, 'search result');
    expect(names(el)).to.deep.equal(['Anna Nováková']);
    expect(count(el)).to.equal('1 agent');
    expect(calls.slice(before).map((c) => c.query.search)).to.include('NOVAK');
    expect(calls.slice(before).every((c) => c.query.search === 'NOVAK')).to.equal(true);
    expect(changes).to.deep.equal([{ typeId: '', search: 'NOVAK' }]);
    // By email too, and the counts follow the search.
    searchBox(el).select();
    await sendKeys({ type: 'ben@' });
    await sendKeys({ press: 'Enter' });
    await until(() => names(el).join() === 'Ben Smith', 'email search');
    expect(optionTexts(el)).to.deep.equal([
      'All licence types (1)',
      'Voice (1)',
      'Outbound (0)',
      'Email (1)',
      'Call recording (1)',
    ]);
  });

  it('cancels the previous request, and a late answer for an old search never lands', async () => {
    const backend = new MemoryAdapter(smallSeed());
    const calls: { query: UsageQuery; signal: AbortSignal | undefined }[] = [];
    // A backend that answers the first search late and ignores the abort, as a slow server might.
    const adapter: LicensingAdapter = {
      load: (o) => backend.load(o),
      commit: (c, o) => backend.commit(c, o),
      listUsage: async (query, o) => {
        calls.push({ query, signal: o?.signal });
        const page = await backend.listUsage(query);
        if (query.search === 'ben') await sleep(150);
        return page;
      },
    };
    const el = await overview(adapter);
    el.search = 'ben';
    await el.updateComplete;
    el.search = 'carla';
    await el.updateComplete;
    const first = calls.find((c) => c.query.search === 'ben')!;
    expect(first.signal!.aborted).to.equal(true);
    await until(() => names(el).join() === 'Carla Rossi', 'the newer search');
    await sleep(200);
    await el.updateComplete;
    expect(names(el)).to.deep.equal(['Carla Rossi']);
    expect(count(el)).to.equal('1 agent');
  });

  it('says when nothing matches and clears filter and search on request', async () => {
    const el = await overview();
    el.search = 'zzz';
    await until(() => root(el).querySelector('[part~="empty"]') !== null, 'no-match notice');
    expect(deepText(el)).to.contain('No agents match “zzz”.');
    expect(grid(el)).to.equal(null);
    expect(count(el)).to.equal('0 agents');
    await expect(el).to.be.accessible();
    root(el).querySelector<HTMLButtonElement>('[part~="clear-button"]')!.click();
    await until(() => names(el).length === 4, 'all agents back');
    expect(searchBox(el).value).to.equal('');
  });

  it('says when there are no agents at all', async () => {
    const el = await overview(new MemoryAdapter({ ...smallSeed(), agents: [] }));
    expect(deepText(el)).to.contain('No agents yet');
    expect(grid(el)).to.equal(null);
    expect(root(el).querySelector('[part~="clear-button"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows a failed page fetch with a retry that recovers', async () => {
    const adapter = new MemoryAdapter(smallSeed());
    adapter.failNext('listUsage', 'network');
    const el = await fixture<UsageOverview>(html`<usage-overview .adapter=${adapter}></usage-overview>`);
    await until(() => root(el).querySelector('[role="alert"]') !== null, 'an alert');
    const alert = root(el).querySelector('[role="alert"]')!;
    expect(alert.textContent).to.contain('The agents could not be loaded.');
    expect(alert.textContent).to.contain('could not be reached');
    await expect(el).to.be.accessible();
    const retry = root(el).querySelector<HTMLButtonElement>('[part~="retry-button"]')!;
    expect(retry.textContent!.trim()).to.equal('Try again');
    retry.click();
    await until(() => names(el).length === 4, 'rows after retry');
    expect(root(el).querySelector('[role="alert"]')).to.equal(null);
  });

  it('moves focus through the grid with the keyboard', async () => {
    const el = await overview(new MemoryAdapter({ ...smallSeed(), agents: generateAgents(1000) }));
    const cells = root(el).querySelectorAll<HTMLElement>('[tabindex="0"]');
    // One tab stop in the whole grid: the first agent's cell.
    expect(cells).to.have.length(1);
    cells[0]!.focus();
    expect(focused(el)).to.deep.equal({ row: 2, col: 0 });
    await sendKeys({ press: 'ArrowDown' });
    await until(() => focused(el)?.row === 3, 'second agent');
    await sendKeys({ press: 'ArrowRight' });
    await until(() => focused(el)?.col === 1, 'voice column');
    expect(root(el).activeElement!.getAttribute('role')).to.equal('gridcell');
    await sendKeys({ press: 'End' });
    await until(() => focused(el)?.col === 4, 'last column');
    await sendKeys({ press: 'Home' });
    await until(() => focused(el)?.col === 0, 'first column');
    await sendKeys({ press: 'PageDown' });
    await until(() => (focused(el)?.row ?? 0) > 4, 'a screen further');
    await sendKeys({ press: 'ArrowUp' });
    ctrl(el, 'End');
    await until(() => focused(el)?.row === 1001, 'the last agent');
    expect(focused(el)).to.deep.equal({ row: 1001, col: 4 });
    expect(root(el).querySelectorAll('[tabindex="0"]')).to.have.length(1);
    ctrl(el, 'Home');
    await until(() => focused(el)?.row === 2, 'the first agent');
    await expect(el).to.be.accessible();
  });

  it('lays rows out at the height the CSS gives them', async () => {
    const el = await fixture<UsageOverview>(
      html`<usage-overview
        .adapter=${new MemoryAdapter({ ...smallSeed(), agents: generateAgents(500) })}
      ></usage-overview>`,
    );
    el.style.setProperty('--usage-overview-row-height', '4.2rem');
    await until(() => names(el).length > 2, 'rows');
    await until(() => {
      const [a, b] = [0, 1].map((i) => root(el).querySelector(`[data-row="${i}"]`)!.getBoundingClientRect());
      return b!.top - a!.top === a!.height && a!.height === 67;
    }, 'rows 67 px apart');
    root(el).querySelector<HTMLElement>('[tabindex="0"]')!.focus();
    ctrl(el, 'End');
    await until(() => focused(el)?.row === 501, 'the last agent');
    const table = grid(el)!.getBoundingClientRect();
    const last = root(el).querySelector('[data-row="499"]')!.getBoundingClientRect();
    expect(last.bottom).to.be.at.most(table.bottom + 1);
  });

  it('keeps focus in the grid when the focused row scrolls away', async () => {
    const el = await overview(new MemoryAdapter({ ...smallSeed(), agents: generateAgents(1000) }));
    root(el).querySelector<HTMLElement>('[tabindex="0"]')!.focus();
    grid(el)!.scrollTop = 20_000;
    await until(() => root(el).activeElement === grid(el), 'focus on the grid');
    await sendKeys({ press: 'ArrowDown' });
    await until(() => focused(el)?.row === 3, 'the row after the active one');
  });

  it('renders 100,000 agents with a small DOM and fetches pages as they scroll into view', async () => {
    const { adapter, calls } = spied(new MemoryAdapter({ ...smallSeed(), agents: generateAgents(100_000) }));
    const el = await overview(adapter);
    expect(count(el)).to.equal('100,000 agents');
    expect(grid(el)!.getAttribute('aria-rowcount')).to.equal('100001');
    expect(root(el).querySelectorAll('*').length).to.be.at.most(600);
    expect(calls.filter((c) => !c.query.typeId).map((c) => c.query.offset)).to.deep.equal([0]);
    grid(el)!.scrollTop = grid(el)!.scrollHeight / 2;
    await until(() => names(el).length > 0 && calls.some((c) => c.query.offset >= 49_000), 'a middle page');
    await until(() => root(el).querySelectorAll('[part~="loading-row"]').length === 0, 'the page to land');
    const rowIndex = Number(root(el).querySelector('[part~="row"]')!.getAttribute('aria-rowindex'));
    expect(rowIndex).to.be.within(48_000, 52_000);
    expect(root(el).querySelectorAll('*').length).to.be.at.most(600);
    expect(calls.every((c) => c.query.limit <= 100)).to.equal(true);
  });

  it('reaches every one of 1,000,000 agents, by keyboard and by scrollbar, with the same small DOM', async () => {
    // A backend that makes each agent from its position: a million real objects would only test
    // the test machine's memory. Browsers cannot make an element 48 million px tall.
    const total = 1_000_000;
    const backend = new MemoryAdapter(smallSeed());
    const agentAt = (i: number): Agent => ({
      id: `a${i}`,
      name: `Agent ${String(i + 1).padStart(7, '0')}`,
      email: `agent${i + 1}@example.com`,
      licences: i % 2 ? ['voice'] : ['email'],
    });
    const adapter: LicensingAdapter = {
      load: (o) => backend.load(o),
      commit: (c, o) => backend.commit(c, o),
      listUsage: async ({ offset, limit }) => ({
        total,
        countsByType: { voice: total / 2, email: total / 2 },
        agents: Array.from({ length: Math.max(0, Math.min(limit, total - offset)) }, (_, k) =>
          agentAt(offset + k),
        ),
      }),
    };
    const el = await overview(adapter);
    expect(count(el)).to.equal('1,000,000 agents');
    expect(grid(el)!.getAttribute('aria-rowcount')).to.equal('1000001');
    expect(root(el).querySelectorAll('*').length).to.be.at.most(600);
    const visible = (name: string) => {
      const row = [...root(el).querySelectorAll('[role="row"]')].find(
        (r) => r.querySelector('.agent-name')?.textContent === name,
      );
      const box = grid(el)!.getBoundingClientRect();
      const header = root(el).querySelector('[part~="header"]')!.getBoundingClientRect();
      const rect = row?.getBoundingClientRect();
      return Boolean(rect && rect.top >= header.bottom - 1 && rect.bottom <= box.bottom + 1);
    };
    root(el).querySelector<HTMLElement>('[tabindex="0"]')!.focus();
    ctrl(el, 'End');
    await until(() => focused(el)?.row === total + 1, 'the last agent focused');
    await until(() => visible('Agent 1000000'), 'the last agent in view');
    await sendKeys({ press: 'ArrowUp' });
    await until(() => focused(el)?.row === total, 'the agent before it');
    expect(visible('Agent 0999999')).to.equal(true);
    expect(root(el).querySelectorAll('*').length).to.be.at.most(600);
    ctrl(el, 'Home');
    await until(() => focused(el)?.row === 2 && visible('Agent 0000001'), 'the first agent');
    // The scrollbar reaches the end too, and its middle is the middle of the agents.
    grid(el)!.scrollTop = grid(el)!.scrollHeight;
    await until(() => visible('Agent 1000000'), 'the last agent after scrolling to the end');
    grid(el)!.scrollTop = (grid(el)!.scrollHeight - grid(el)!.clientHeight) / 2;
    const firstRow = () => Number(root(el).querySelector('[part~="row"]')!.getAttribute('aria-rowindex'));
    await until(() => firstRow() < 900_000, 'rows from the middle');
    expect(firstRow()).to.be.within(490_000, 510_000);
    await until(() => root(el).querySelectorAll('[part~="loading-row"]').length === 0, 'their page');
    await expect(el).to.be.accessible();
  });

  it('renders hostile names as text', async () => {
    const hostile: Agent[] = [
      {
        id: 'x1',
        name: '<img src=x onerror="window.__pwned=1">',
        email: 'x@example.com',
        licences: ['voice'],
      },
      { id: 'x2', name: '<script>window.__pwned=1</script>', licences: [] },
    ];
    const el = await overview(new MemoryAdapter({ ...smallSeed(), agents: hostile }));
    expect(names(el)).to.deep.equal(hostile.map((a) => a.name).sort());
    expect(root(el).querySelector('img, script')).to.equal(null);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('works under a licence-provider', async () => {
    const provider = await fixture(html`
      <licence-provider .adapter=${new MemoryAdapter(smallSeed())}>
        <usage-overview type-id="call-recording"></usage-overview>
      </licence-provider>
    `);
    const el = provider.querySelector('usage-overview')!;
    await until(() => names(el).length === 2, 'rows');
    expect(names(el)).to.deep.equal(['Anna Nováková', 'Ben Smith']);
  });

  it('exports the current filter as CSV, safe from formula injection', async () => {
    const agents: Agent[] = [
      ...smallAgents,
      { id: 'x1', name: '=HYPERLINK("http://evil","click")', email: 'evil@example.com', licences: ['voice'] },
      { id: 'x2', name: 'Smith, Jr.', email: '+1@example.com', licences: ['voice', 'email'] },
    ];
    const el = await overview(new MemoryAdapter({ ...smallSeed(), agents }), { typeId: 'voice' });
    const exported = new Promise<UsageOverviewExportDetail>((resolve) =>
      el.addEventListener('licence-usage-export', (e) => {
        e.preventDefault();
        resolve(e.detail);
      }),
    );
    root(el).querySelector<HTMLButtonElement>('[part~="export-button"]')!.click();
    const detail = await exported;
    expect(detail.rows).to.equal(5);
    expect(detail.typeId).to.equal('voice');
    expect(detail.filename).to.match(/^licence-usage-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = (await detail.blob.text()).replace(/^\uFEFF/, '');
    const lines = text.split('\r\n');
    expect(lines[0]).to.equal('Name,Email,Voice,Outbound,Email,Call recording');
    expect(lines).to.include('Anna Nováková,anna@example.com,yes,yes,no,yes');
    expect(lines).to.include(`"'=HYPERLINK(""http://evil"",""click"")",evil@example.com,yes,no,no,no`);
    expect(lines).to.include(`"Smith, Jr.",'+1@example.com,yes,no,yes,no`);
    expect(lines.filter(Boolean)).to.have.length(6);
    await el.updateComplete;
    expect(root(el).querySelector<HTMLButtonElement>('[part~="export-button"]')!.disabled).to.equal(false);
  });

  it('fetches the export in pages through listUsage', async () => {
    const { adapter, calls } = spied(new MemoryAdapter({ ...smallSeed(), agents: generateAgents(2500) }));
    const el = await overview(adapter);
    const exported = new Promise<UsageOverviewExportDetail>((resolve) =>
      el.addEventListener('licence-usage-export', (e) => (e.preventDefault(), resolve(e.detail))),
    );
    const before = calls.length;
    root(el).querySelector<HTMLButtonElement>('[part~="export-button"]')!.click();
    const detail = await exported;
    expect(detail.rows).to.equal(2500);
    expect(calls.slice(before).map((c) => [c.query.offset, c.query.limit])).to.deep.equal([
      [0, 1000],
      [1000, 1000],
      [2000, 1000],
    ]);
  });

  it('downloads the CSV when no listener takes it, and frees its URL a moment later', async () => {
    const originals = {
      create: URL.createObjectURL,
      revoke: URL.revokeObjectURL,
      click: HTMLAnchorElement.prototype.click,
    };
    const clicked: { download: string; href: string; connected: boolean }[] = [];
    const revoked: string[] = [];
    let saved: Blob | undefined;
    URL.createObjectURL = (blob: Blob | MediaSource) => ((saved = blob as Blob), 'blob:usage-csv');
    URL.revokeObjectURL = (url: string) => void revoked.push(url);
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      clicked.push({ download: this.download, href: this.href, connected: this.isConnected });
    };
    try {
      const el = await overview();
      const exported = new Promise<UsageOverviewExportDetail>((resolve) =>
        el.addEventListener('licence-usage-export', (e) => resolve(e.detail)),
      );
      root(el).querySelector<HTMLButtonElement>('[part~="export-button"]')!.click();
      const detail = await exported;
      await until(() => clicked.length > 0, 'the download');
      expect(clicked).to.deep.equal([{ download: detail.filename, href: 'blob:usage-csv', connected: true }]);
      expect(saved).to.equal(detail.blob);
      expect(root(el).querySelectorAll('a[download]')).to.have.length(0);
      expect(revoked).to.deep.equal([]);
      await until(() => revoked.length > 0, 'the URL revoked', 2000);
      expect(revoked).to.deep.equal(['blob:usage-csv']);
    } finally {
      URL.createObjectURL = originals.create;
      URL.revokeObjectURL = originals.revoke;
      HTMLAnchorElement.prototype.click = originals.click;
    }
  });

  it('speaks Czech under lang="cs"', async () => {
    registerMessages('cs', 'common', csCommon);
    registerMessages('cs', 'usage-overview', csUsage);
    const el = await overview(undefined, { lang: 'cs' });
    expect(count(el)).to.equal('4 agenti');
    expect(optionTexts(el)[0]).to.equal('Všechny typy licencí (4)');
    expect(marks(el, 'Ben Smith')[1]).to.equal('nemá licenci');
    await expect(el).to.be.accessible();
  });
});

describe('usage-overview sizing', () => {
  it('scrolls inside 28rem by default, and fills the height a host gives the element', async () => {
    const el = await overview(new MemoryAdapter({ ...smallSeed(), agents: generateAgents(500) }));
    const rem = parseFloat(getComputedStyle(document.documentElement).fontSize);
    expect(grid(el)!.getBoundingClientRect().height).to.be.closeTo(28 * rem, 2);
    const shownBefore = names(el).length;
    // A dialog or panel that sizes the element: the grid takes what the toolbar leaves.
    el.style.height = '900px';
    await until(() => names(el).length > shownBefore, 'more rows for the taller grid');
    const bottom = grid(el)!.getBoundingClientRect().bottom;
    expect(bottom).to.be.closeTo(el.getBoundingClientRect().bottom, 2);
    el.style.height = '300px';
    await until(
      () => grid(el)!.getBoundingClientRect().bottom <= el.getBoundingClientRect().bottom + 2,
      'shrunk',
    );
    expect(grid(el)!.getBoundingClientRect().height).to.be.lessThan(300);
  });
});

describe('usage-overview row windowing', () => {
  const metrics = (total: number) => ({ total, rowPx: 48, viewportPx: 400 });

  it('maps scrolling one to one while every row fits', () => {
    const m = metrics(100_000);
    expect(maxScroll(m)).to.equal(100_000 * 48 - 400);
    expect(rowsTopFor(4800, m)).to.equal(4800);
    expect(scrollTopFor(4800, m)).to.equal(4800);
    const view = rowWindow(4800, 4800, m, 0);
    expect([view.first, view.last, view.offsetPx]).to.deep.equal([100, 108, 4800]);
  });

  it('scales past the largest scroll space, reaching both ends and keeping the middle', () => {
    const m = metrics(1_000_000);
    const end = maxScroll(m);
    expect(end).to.equal(MAX_SCROLL_SPACE - 400);
    expect(rowsTopFor(0, m)).to.equal(0);
    expect(rowsTopFor(end, m)).to.equal(1_000_000 * 48 - 400);
    expect(rowWindow(end, rowsTopFor(end, m), m, 0).last).to.equal(999_999);
    expect(Math.round(rowsTopFor(end / 2, m) / 48)).to.be.within(499_990, 500_000);
    // A row asked for by the keyboard is where the arithmetic says, at the top of the view.
    const top = 777_777 * 48;
    const view = rowWindow(scrollTopFor(top, m), top, m, 0);
    expect(view.first).to.equal(777_777);
    expect(view.offsetPx).to.be.closeTo(scrollTopFor(top, m), 1e-6);
  });

  it('renders nothing for no rows', () => {
    expect(rowWindow(0, 0, metrics(0))).to.deep.equal({ first: 0, last: -1, offsetPx: 0, spacePx: 0 });
  });
});
