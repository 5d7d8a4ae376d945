// What <usage-overview> shows when something goes wrong or is unusual: a failed export, a failed
// later page, an adapter that throws, an unknown licence type, odd page sizes.
import './helpers/lit-warnings.js';
import { expect, fixture, html } from '@open-wc/testing';
import type { LicensingAdapter } from '../src/adapters/adapter.js';
import { MemoryAdapter } from '../src/adapters/memory/index.js';
import type { UsagePage, UsageQuery } from '../src/core/index.js';
import '../src/elements/usage-overview/usage-overview.js';
import type { UsageOverview } from '../src/elements/usage-overview/usage-overview.component.js';
import type { UsageOverviewExportDetail } from '../src/events.js';
import { smallAgents, smallSeed } from './helpers/fixtures.js';
import { until } from './helpers/grid-host.js';
import { deepText } from './helpers/widget-states.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const root = (el: UsageOverview) => el.shadowRoot!;
const names = (el: UsageOverview) =>
  [...root(el).querySelectorAll('[role="rowheader"] .agent-name')].map((name) => name.textContent!);
const alertText = (el: UsageOverview) =>
  [...root(el).querySelectorAll('[role="alert"]')].map((a) => a.textContent!.replace(/\s+/g, ' ').trim());
const exportButton = (el: UsageOverview) =>
  root(el).querySelector<HTMLButtonElement>('[part~="export-button"]')!;
const select = (el: UsageOverview) => root(el).querySelector('select')!;

type Call = { query: UsageQuery; signal: AbortSignal | undefined };

/** An adapter over `backend` whose `listUsage` goes through `list` (default: the backend), recorded. */
function wrapped(
  list?: (query: UsageQuery, signal: AbortSignal | undefined, calls: Call[]) => Promise<UsagePage>,
  backend = new MemoryAdapter(smallSeed()),
) {
  const calls: Call[] = [];
  const adapter: LicensingAdapter = {
    load: (o) => backend.load(o),
    commit: (c, o) => backend.commit(c, o),
    listUsage: (query, o) => {
      calls.push({ query, signal: o?.signal });
      return list ? list(query, o?.signal, calls) : backend.listUsage(query, o);
    },
  };
  return { adapter, calls, backend };
}

async function overview(
  adapter: LicensingAdapter,
  attrs: { typeId?: string; pageSize?: string } = {},
): Promise<UsageOverview> {
  const el = await fixture<UsageOverview>(
    html`<usage-overview
      .adapter=${adapter}
      type-id=${attrs.typeId ?? ''}
      page-size=${attrs.pageSize ?? '100'}
    ></usage-overview>`,
  );
  await until(
    () =>
      names(el).length > 0 ||
      root(el).querySelector('[part~="empty"], [part~="status"][data-kind="error"]') !== null,
    'the first answer',
  );
  return el;
}

describe('usage-overview: unusual states', () => {
  it('says when the export fails, sends no file, and lets the user try again', async () => {
    const { adapter, backend } = wrapped();
    const el = await overview(adapter);
    const exported: UsageOverviewExportDetail[] = [];
    el.addEventListener('licence-usage-export', (e) => (e.preventDefault(), exported.push(e.detail)));
    backend.failNext('listUsage', 'network');
    exportButton(el).click();
    await until(() => alertText(el).length > 0, 'the export failure');
    expect(alertText(el)).to.have.length(1);
    expect(alertText(el)[0]).to.contain('The export failed.');
    expect(alertText(el)[0]).to.contain('could not be reached');
    expect(exported).to.deep.equal([]);
    // The rows stay, and the button is usable again.
    expect(names(el)).to.have.length(4);
    expect(exportButton(el).disabled).to.equal(false);
    await expect(el).to.be.accessible();
    exportButton(el).click();
    await until(() => exported.length === 1, 'the second export');
    expect(exported[0]!.rows).to.equal(4);
    await el.updateComplete;
    expect(alertText(el)).to.deep.equal([]);
  });

  it('stops the export when the element leaves the page, and is ready to export when it comes back', async () => {
    let release: (() => void) | undefined;
    const { adapter, calls, backend } = wrapped((query, signal) =>
      query.limit === 1000
        ? // The export's request: answers only when released, rejects when aborted.
          new Promise<UsagePage>((resolve, reject) => {
            release = () => void backend.listUsage(query).then(resolve);
            signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
          })
        : backend.listUsage(query, { signal }),
    );
    const el = await overview(adapter);
    const exported: unknown[] = [];
    el.addEventListener('licence-usage-export', (e) => (e.preventDefault(), exported.push(e.detail)));
    exportButton(el).click();
    await until(() => release !== undefined, 'the export request');
    await el.updateComplete;
    expect(exportButton(el).textContent!.trim()).to.equal('Exporting…');
    const parent = el.parentElement!;
    el.remove();
    const request = calls.find((c) => c.query.limit === 1000)!;
    expect(request.signal!.aborted).to.equal(true);
    release!();
    await sleep(20);
    expect(exported).to.deep.equal([]);
    // A host that moves the element (into a dialog, say) finds it idle, not stuck exporting.
    parent.append(el);
    await until(() => names(el).length === 4, 'the rows again');
    expect(exportButton(el).textContent!.trim()).to.equal('Export CSV');
    expect(exportButton(el).disabled).to.equal(false);
    expect(alertText(el)).to.deep.equal([]);
  });

  it('says when a later page fails, above the rows it has, and fetches it again on retry', async () => {
    let failed = false;
    const { adapter, calls, backend } = wrapped((query, signal) => {
      if (query.offset === 2 && !failed) {
        failed = true;
        return Promise.reject(new Error('Bad gateway'));
      }
      return backend.listUsage(query, { signal });
    });
    const el = await overview(adapter, { pageSize: '2' });
    await until(() => alertText(el).length > 0, 'the page failure');
    expect(alertText(el)[0]).to.contain('Some agents could not be loaded.');
    // The first page's agents are there; the others wait as loading rows.
    expect(names(el)).to.deep.equal(['Anna Nováková', 'Ben Smith']);
    expect(root(el).querySelectorAll('[part~="loading-row"]')).to.have.length(2);
    expect(root(el).querySelector('[part~="count"]')!.textContent!.trim()).to.equal('4 agents');
    await expect(el).to.be.accessible();
    const before = calls.length;
    root(el).querySelector<HTMLButtonElement>('[part~="message"] [part~="retry-button"]')!.click();
    await until(() => names(el).length === 4, 'every agent after the retry');
    expect(calls.slice(before).map((c) => c.query.offset)).to.deep.equal([2]);
    expect(alertText(el)).to.deep.equal([]);
  });

  it('shows an adapter that throws instead of rejecting as a failed load, with a retry', async () => {
    let throws = true;
    const backend = new MemoryAdapter(smallSeed());
    const { adapter } = wrapped((query, signal) => {
      if (throws) {
        throws = false;
        throw new Error('listUsage is not ready');
      }
      return backend.listUsage(query, { signal });
    }, backend);
    const el = await overview(adapter);
    expect(alertText(el)).to.have.length(1);
    expect(alertText(el)[0]).to.contain('The agents could not be loaded.');
    root(el).querySelector<HTMLButtonElement>('[part~="retry-button"]')!.click();
    await until(() => names(el).length === 4, 'the agents after the retry');
  });

  it('keeps a licence type the catalog does not know selected, and says no agent holds it', async () => {
    const { adapter, calls } = wrapped();
    const el = await overview(adapter, { typeId: 'retired-plan' });
    // The host asked for it: the filter shows it rather than silently showing "All".
    expect(select(el).value).to.equal('retired-plan');
    expect(select(el).selectedOptions[0]!.textContent!.trim()).to.equal('retired-plan');
    expect(calls[0]!.query.typeId).to.equal('retired-plan');
    // No search was typed: the notice is about the filter.
    expect(deepText(el)).to.contain('No agents match this filter.');
    await expect(el).to.be.accessible();
    const changes: unknown[] = [];
    el.addEventListener('licence-usage-filter-change', (e) => changes.push(e.detail));
    root(el).querySelector<HTMLButtonElement>('[part~="clear-button"]')!.click();
    await until(() => names(el).length === 4, 'every agent');
    expect(select(el).value).to.equal('');
    expect([...select(el).options].map((o) => o.value)).not.to.include('retired-plan');
    expect(changes).to.deep.equal([{ typeId: '', search: '' }]);
  });

  for (const pageSize of ['abc', '0']) {
    it(`asks for pages of 100 agents when page-size is "${pageSize}"`, async () => {
      const { adapter, calls } = wrapped();
      const el = await overview(adapter, { pageSize });
      expect(names(el)).to.have.length(4);
      expect(calls.map((c) => c.query.limit)).to.deep.equal([100]);
    });
  }

  it('asks again in pages of the new size when page-size changes, keeping the rows', async () => {
    const { adapter, calls } = wrapped();
    const el = await overview(adapter);
    expect(calls.map((c) => [c.query.offset, c.query.limit])).to.deep.equal([[0, 100]]);
    el.pageSize = 2;
    await el.updateComplete;
    await until(() => calls.length >= 3 && names(el).length === 4, 'both pages of two');
    expect(calls.slice(1).map((c) => [c.query.offset, c.query.limit])).to.deep.equal([
      [0, 2],
      [2, 2],
    ]);
    expect(names(el)).to.deep.equal(smallAgents.map((a) => a.name));
  });

  it('exports the searched agents only, an agent without email with an empty field', async () => {
    const agents = [...smallAgents, { id: 'a5', name: 'Dana Novak', licences: ['email'] }];
    const { adapter, calls } = wrapped(undefined, new MemoryAdapter({ ...smallSeed(), agents }));
    const el = await overview(adapter);
    el.search = 'nova';
    await until(() => names(el).length === 2, 'the search result');
    const exported = new Promise<UsageOverviewExportDetail>((resolve) =>
      el.addEventListener('licence-usage-export', (e) => (e.preventDefault(), resolve(e.detail))),
    );
    exportButton(el).click();
    const detail = await exported;
    expect(calls.at(-1)!.query).to.deep.equal({ search: 'nova', offset: 0, limit: 1000 });
    expect(detail.search).to.equal('nova');
    expect(detail.rows).to.equal(2);
    const lines = (await detail.blob.text()).replace(/^\uFEFF/, '').split('\r\n');
    expect(lines).to.include('Dana Novak,,no,no,yes,no');
    expect(lines).to.include('Anna Nováková,anna@example.com,yes,yes,no,yes');
  });
});
