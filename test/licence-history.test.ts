import './helpers/lit-warnings.js';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/elements/licence-history/licence-history.js';
import '../src/locales/cs.js';
import '../src/elements/licence-manager/licence-manager.js';
import type { LicenceHistory } from '../src/elements/licence-history/licence-history.component.js';
import type { LicensingAdapter } from '../src/adapters/adapter.js';
import { MemoryAdapter, type MemorySeed } from '../src/adapters/memory/index.js';
import {
  historyEntry,
  quote,
  type ChangeSet,
  type HistoryEntry,
  type LicensingSnapshot,
} from '../src/core/index.js';
import { ruleBook } from '../src/core/rule-book.js';
import { sharedStoreFor } from '../src/state/controller.js';
import { listHistory } from '../src/state/history.js';
import { adapterFor, adapterModes, loaded } from './helpers/adapter-modes.js';
import { smallSnapshot } from './helpers/fixtures.js';
import { settle } from './helpers/settle.js';
import { deepQueryAll, deepText, describeWidgetStates } from './helpers/widget-states.js';

const DAY = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * DAY).toISOString();

/** The snapshot with an AI QA service, so a Power Pack limit can go from none to 5. */
function snapshot(): LicensingSnapshot {
  const base = smallSnapshot();
  return {
    ...base,
    powerPack: {
      ...base.powerPack!,
      services: [...base.powerPack!.services, { id: 'ai-qa', name: 'AI QA', limit: null, used: 0 }],
    },
  };
}

/** A commit of `changes` on `before`, `days` ago, as a backend would have recorded it. */
function past(
  id: string,
  days: number,
  user: string,
  before: LicensingSnapshot,
  changes: ChangeSet,
): HistoryEntry {
  return historyEntry({
    id,
    at: ago(days),
    user,
    version: `v0-${id}`,
    changes,
    quote: quote(before, changes),
  });
}

/** Three older commits: voice 10 → 14 (yesterday), retention + AI QA (40 days), email (200 days). */
function seed(): MemorySeed {
  const s = snapshot();
  return {
    snapshot: s,
    agents: [],
    installationLicense: null,
    history: [
      past('h1', 200, '=HYPERLINK("x")', s, { counts: { email: 5 } }),
      past('h2', 40, 'Petr Novák', s, {
        retention: { months: 3 },
        powerPack: { limits: { 'ai-qa': 5 } },
      }),
      past('h3', 1, 'Jana Dvořáková', s, { counts: { voice: 14 } }),
    ],
  };
}

const render = (adapter: LicensingAdapter | undefined, attrs: { pageSize?: number } = {}) =>
  html`<licence-history .adapter=${adapter} page-size=${attrs.pageSize ?? 20}></licence-history>`;

/** Waits until the history shows `text` (or says it cannot). */
async function shows(el: Element, text: string | RegExp): Promise<void> {
  await waitUntil(
    () => (typeof text === 'string' ? deepText(el).includes(text) : text.test(deepText(el))),
    `the history to show ${String(text)}; it shows: ${deepText(el)}`,
    { timeout: 5000 },
  );
}

const entries = (el: Element) => deepQueryAll(el, '[part~="entry"]').map((e) => deepText(e));
const select = (el: Element, label: RegExp) =>
  deepQueryAll<HTMLLabelElement>(el, 'label')
    .find((l) => label.test(l.textContent ?? ''))!
    .querySelector('select')!;
const button = (el: Element, name: RegExp) =>
  deepQueryAll<HTMLButtonElement>(el, 'button').find((b) => name.test(b.textContent ?? ''))!;
function choose(el: Element, label: RegExp, option: string) {
  const s = select(el, label);
  const value = [...s.options].find((o) => o.textContent?.trim() === option)!.value;
  s.value = value;
  s.dispatchEvent(new Event('change'));
}

describeWidgetStates({
  tag: 'licence-history',
  render: (adapter) => render(adapter),
  seed,
  readyText: 'Voice 10 → 14',
});

for (const mode of adapterModes) {
  describe(`licence-history (${mode})`, () => {
    it('lists the commits newest first: when, who, each change and the invoice effect quoted then', async () => {
      const data = seed();
      const adapter = await adapterFor(mode, data);
      const el = await fixture(render(adapter));
      await loaded(el, adapter);
      await shows(el, 'Voice 10 → 14');
      const [newest, middle, oldest] = entries(el);
      expect(newest).to.contain('by Jana Dvořáková').and.contain('Voice 10 → 14');
      // 4 more voice licences at €24: +€96 this month (above the peak of 12: 2 × €24) and next.
      expect(newest).to.contain('This month +€48.00').and.contain('Next month +€96.00');
      expect(middle).to.contain('Retention 9 → 3 months').and.contain('Power Pack AI QA limit none → 5');
      expect(middle).to.contain('by Petr Novák');
      // Retention moved the recording line's price; the AI QA limit alone would say "billed by use".
      expect(middle).to.contain('Next month').and.not.contain('billed by use');
      expect(oldest).to.contain('Email 2 → 5');
      const time = deepQueryAll<HTMLTimeElement>(el, 'time')[0]!;
      const at = data.history![2]!.at;
      expect(time.dateTime).to.equal(at);
      // Local date and time, through Intl.
      const local = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });
      expect(deepText(time)).to.equal(local.format(new Date(at)).replace(/\s+/g, ' '));
      await expect(el).to.be.accessible();
    });

    it('filters by licence type or setting and by period, and says when nothing matches', async () => {
      const adapter = await adapterFor(mode, seed());
      const el = await fixture(render(adapter));
      await loaded(el, adapter);
      await shows(el, 'Voice 10 → 14');
      choose(el, /licence or setting/i, 'Call-recording retention');
      await shows(el, /^(?!.*Voice 10 → 14).*Retention 9 → 3 months/);
      expect(entries(el)).to.have.length(1);
      choose(el, /period/i, 'Last 90 days');
      await settle(el);
      await shows(el, 'Retention 9 → 3 months');
      choose(el, /licence or setting/i, 'Email');
      await shows(el, 'No saved change matches these filters.');
      await expect(el).to.be.accessible();
      choose(el, /licence or setting/i, 'All');
      await shows(el, 'Voice 10 → 14');
      expect(entries(el)).to.have.length(2);
    });

    it('pages through the adapter', async () => {
      const adapter = await adapterFor(mode, seed());
      const el = await fixture(render(adapter, { pageSize: 2 }));
      await loaded(el, adapter);
      await shows(el, '1–2 of 3');
      expect(button(el, /^\s*previous/i).disabled).to.equal(true);
      button(el, /^\s*next/i).click();
      await shows(el, '3–3 of 3');
      expect(entries(el)).to.have.length(1);
      expect(entries(el)[0]).to.contain('Email 2 → 5');
      expect(button(el, /^\s*next/i).disabled).to.equal(true);
      button(el, /^\s*previous/i).click();
      await shows(el, '1–2 of 3');
    });

    it('takes a page-size outside the contract (0, 500) as the nearest it allows, not as a failure', async () => {
      const adapter = await adapterFor(mode, seed());
      for (const pageSize of [500, 0]) {
        const el = await fixture(render(adapter, { pageSize }));
        await loaded(el, adapter);
        await shows(el, 'Email 2 → 5'); // 500 asks for the contract's most (200), 0 for the default (20)
        expect(entries(el)).to.have.length(3);
        expect(deepText(el)).not.to.contain('could not be loaded');
      }
    });

    it('shows a commit made in the cart without a reload', async () => {
      const adapter = await adapterFor(mode, seed());
      const el = await fixture(render(adapter));
      await loaded(el, adapter);
      await shows(el, 'Voice 10 → 14');
      const store = sharedStoreFor(adapter);
      store.useRules(ruleBook);
      store.edit({ counts: { outbound: 6 } });
      const result = await store.commit();
      expect(result.ok).to.equal(true);
      await shows(el, 'Outbound 4 → 6');
      expect(entries(el)[0]).to.contain('Outbound 4 → 6').and.contain('by Demo admin');
      expect(entries(el)).to.have.length(4);
    });

    it('says when the history fails to load, and Try again recovers', async () => {
      const backend = seed();
      const adapter = await adapterFor(mode, backend);
      const memory = mode === 'memory' ? (adapter as MemoryAdapter) : undefined;
      const el = await fixture(render(adapter));
      await loaded(el, adapter);
      await shows(el, 'Voice 10 → 14');
      // The next page fails: change the filter with the failure queued.
      if (memory) memory.failNext('listHistory', 'server');
      else
        (adapter as LicensingAdapter & { listHistory: unknown }).listHistory = () =>
          Promise.reject(new TypeError('Failed to fetch'));
      choose(el, /period/i, 'Last 12 months');
      await shows(el, 'The history could not be loaded.');
      expect(deepQueryAll(el, '[role="alert"]')).to.have.length(1);
      await expect(el).to.be.accessible();
      if (!memory) delete (adapter as { listHistory?: unknown }).listHistory;
      button(el, /try again/i).click();
      await shows(el, 'Voice 10 → 14');
    });
  });
}

describe('licence-history: without listHistory, in Czech, and the CSV export', () => {
  it('shows this billing month, goes back to the first page when a filter leaves the page empty, and says when a commit has no change it can show', async () => {
    const data = seed();
    const odd: HistoryEntry = { ...data.history![2]!, id: 'h4', at: ago(0.5), changes: [] };
    const adapter = new MemoryAdapter({ ...data, history: [...data.history!, odd] });
    const el = await fixture<LicenceHistory>(render(adapter, { pageSize: 2 }));
    await loaded(el, adapter);
    await shows(el, 'No change the page can show');
    button(el, /^\s*next/i).click();
    await shows(el, '3–4 of 4');
    el.typeFilter = 'voice';
    await shows(el, /^(?!.*Email 2 → 5).*Voice 10 → 14/);
    expect(entries(el)).to.have.length(1);
    el.typeFilter = '';
    choose(el, /period/i, 'This billing month');
    await settle(el);
    // The billing month of the fixture began on 1 November 2026: older commits are left out.
    const start = Date.parse('2026-11-01T00:00:00');
    await waitUntil(() => entries(el).length > 0);
    for (const time of deepQueryAll<HTMLTimeElement>(el, 'time')) {
      expect(Date.parse(time.dateTime)).to.be.at.least(start);
    }
  });

  it('says when the CSV export fails, and keeps the list', async () => {
    const adapter = new MemoryAdapter(seed());
    const el = await fixture(render(adapter));
    await loaded(el, adapter);
    await shows(el, 'Voice 10 → 14');
    adapter.failNext('listHistory', 'server');
    button(el, /export csv/i).click();
    await shows(el, 'The export failed.');
    expect(entries(el)).to.have.length(3);
    await expect(el).to.be.accessible();
  });

  it('reads through the store: none is refused, an adapter without the method is not supported, reset forgets commits', async () => {
    const none = new MemoryAdapter({ ...seed(), snapshot: { ...snapshot(), permission: 'none' } });
    const refused = await listHistory(sharedStoreFor(none), { offset: 0, limit: 5 }).catch((e: unknown) => e);
    expect(refused).to.have.property('kind', 'permission');
    const memory = new MemoryAdapter(seed());
    const plain: LicensingAdapter = {
      load: (o) => memory.load(o),
      listUsage: memory.listUsage.bind(memory),
      commit: memory.commit.bind(memory),
    };
    const missing = await listHistory(sharedStoreFor(plain), { offset: 0, limit: 5 }).catch(
      (e: unknown) => e,
    );
    expect(missing).to.have.property('kind', 'not-supported');
    const { version } = await memory.load();
    await memory.commit({ counts: { voice: 11 } }, { expectedVersion: version, idempotencyKey: 'k1' });
    expect((await memory.listHistory({ offset: 0, limit: 9 })).total).to.equal(4);
    memory.reset();
    expect((await memory.listHistory({ offset: 0, limit: 9 })).total).to.equal(3);
  });

  it('the MSW route answers 400 to a query the contract refuses, and pages by default', async () => {
    const adapter = await adapterFor('rest over MSW', seed());
    const base = (adapter as unknown as { baseUrl: string }).baseUrl;
    for (const query of ['limit=0', 'limit=500', 'offset=-1', 'from=yesterday', 'to=soon']) {
      const answer = await fetch(`${base}/licensing/history?${query}`);
      expect(answer.status, query).to.equal(400);
    }
    const page = (await (
      await fetch(`${base}/licensing/history?type=voice&to=2999-01-01T00:00:00Z`)
    ).json()) as {
      total: number;
    };
    expect(page.total).to.equal(1);
  });

  it('describes every kind of change in words, in English and Czech', async () => {
    const s = snapshot();
    const all: ChangeSet = {
      retention: { days: 14 },
      speechToText: { enabled: false, limitOverBase: null },
      powerPack: { enabled: false, limits: { 'smart-routing': 12 } },
    };
    const adapter = new MemoryAdapter({
      snapshot: s,
      agents: [],
      installationLicense: null,
      history: [past('h8', 1, 'Jana', s, all)],
    });
    const el = await fixture(html`<div>${render(adapter)}</div>`);
    const history = el.querySelector('licence-history')!;
    await loaded(history, adapter);
    await shows(history, 'Retention 9 months → 14 days');
    const text = deepText(history);
    expect(text)
      .to.contain('Speech-to-Text on → off')
      .and.contain('Speech-to-Text limit 2,000 minutes → none');
    expect(text).to.contain('Power Pack on → off').and.contain('Power Pack Smart routing limit 10 → 12');
    el.setAttribute('lang', 'cs');
    await shows(history, 'Uchování nahrávek 9 měsíců → 14 dní');
    expect(deepText(history))
      .to.contain('Převod řeči na text zapnuto → vypnuto')
      .and.contain('Limit převodu řeči na text 2 000 minut → bez limitu')
      .and.contain('Power Pack zapnuto → vypnuto');
  });

  it('says a commit of usage-based limits only is billed by use, not €0.00', async () => {
    const s = snapshot();
    const adapter = new MemoryAdapter({
      snapshot: s,
      agents: [],
      installationLicense: null,
      history: [past('h9', 3, 'Petr Novák', s, { powerPack: { limits: { 'ai-qa': 5 } } })],
    });
    const el = await fixture(render(adapter));
    await loaded(el, adapter);
    await shows(el, 'Power Pack AI QA limit none → 5');
    expect(entries(el)[0]).to.contain('No seat charge: billed by use, within the limits');
    expect(entries(el)[0]).not.to.contain('€0.00');
  });

  it('says plainly that the history is not available when the adapter has no listHistory', async () => {
    const memory = new MemoryAdapter(seed());
    const adapter: LicensingAdapter = {
      load: (o) => memory.load(o),
      listUsage: (q, o) => memory.listUsage(q, o),
      commit: (c, o) => memory.commit(c, o),
    };
    const el = await fixture(render(adapter));
    await loaded(el, adapter);
    await shows(el, 'The licence history is not available here.');
    expect(el.matches(':state(unavailable)')).to.equal(true);
    expect(deepQueryAll(el, 'select')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('speaks Czech under lang="cs"', async () => {
    const adapter = new MemoryAdapter(seed());
    const el = await fixture(html`<div lang="cs">${render(adapter)}</div>`);
    const history = el.querySelector('licence-history')!;
    await loaded(history, adapter);
    await shows(history, 'Uchování nahrávek 9 → 3 měsíce');
    const text = deepText(history);
    expect(text).to.contain('Historie licencí').and.not.contain('uživatel');
    // The author's name alone in the "who" place, so the wording needs no gender.
    const who = deepQueryAll(history, '[part~="who"]').map((w) => w.textContent!.trim());
    expect(who).to.include('Jana Dvořáková');
    expect(text).to.contain('Limit Power Packu AI QA bez limitu → 5').and.contain('Příští měsíc +96,00 €');
    await expect(history).to.be.accessible();
  });

  describe('Export CSV', () => {
    const originals = { create: URL.createObjectURL, click: HTMLAnchorElement.prototype.click };
    let created: Blob[];
    let clicked: string[];
    beforeEach(() => {
      created = [];
      clicked = [];
      URL.createObjectURL = (blob: Blob | MediaSource) => (created.push(blob as Blob), 'blob:history');
      HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
        clicked.push(this.download);
      };
    });
    afterEach(() => {
      URL.createObjectURL = originals.create;
      HTMLAnchorElement.prototype.click = originals.click;
    });

    for (const mode of adapterModes) {
      it(`saves every commit of the filters, one row per change, formula-safe (${mode})`, async () => {
        const adapter = await adapterFor(mode, seed());
        const el = await fixture<LicenceHistory>(render(adapter, { pageSize: 1 }));
        await loaded(el, adapter);
        await shows(el, '1–1 of 3');
        button(el, /export csv/i).click();
        await waitUntil(() => clicked.length === 1, 'the download');
        expect(clicked[0]).to.match(/^licence-history-\d{4}-\d\d-\d\d\.csv$/);
        const text = (await created[0]!.text()).replace(/^\uFEFF/, '');
        const rows = text.split('\r\n');
        expect(rows[0]).to.equal('When,Who,Change,This month,Next month,Currency');
        // Plain decimals a spreadsheet sums, not "€48.00"; the currency in a column of its own.
        expect(rows[1]).to.contain('Jana Dvořáková,Voice 10 → 14,48.00,96.00,EUR');
        expect(rows[2]).to.contain('Petr Novák,Retention 9 → 3 months,');
        // A reduction stays a number: "-18.00", not the formula-safe text "'-18.00".
        expect(rows[2]).to.match(/,Retention 9 → 3 months,-?\d+\.\d\d,-\d+\.\d\d,EUR$/);
        // The second change of the same commit: no amounts again, so a column sums the commits.
        expect(rows[3]).to.match(/,Petr Novák,Power Pack AI QA limit none → 5,,,$/);
        // A name a spreadsheet would run as a formula stays text.
        expect(rows[4]).to.contain(`"'=HYPERLINK(""x"")",Email 2 → 5`);
        expect(rows).to.have.length(6);
      });
    }
  });
});

describe('licence-history in licence-manager', () => {
  const history = (el: Element) => el.shadowRoot!.querySelector('licence-history');

  it('shows the history section on the page, as a level-3 heading, and leaves it out with hide="history"', async () => {
    const adapter = new MemoryAdapter(seed());
    const el = await fixture(html`<licence-manager .adapter=${adapter}></licence-manager>`);
    await loaded(el, adapter);
    await waitUntil(() => history(el), 'the history section');
    await shows(el, 'Voice 10 → 14');
    const heading = deepQueryAll(el, '[role="heading"]').find(
      (h) => h.textContent?.trim() === 'Licence history',
    )!;
    expect(heading.getAttribute('aria-level')).to.equal('3');
    const hidden = await fixture(
      html`<licence-manager hide="history" .adapter=${adapter}></licence-manager>`,
    );
    await loaded(hidden, adapter);
    await settle(hidden, { latency: 50 });
    expect(history(hidden)).to.equal(null);
    expect(deepText(hidden)).to.contain('Voice').and.not.contain('Licence history');
  });

  it('leaves the section out when the adapter has no listHistory', async () => {
    const memory = new MemoryAdapter(seed());
    const adapter: LicensingAdapter = {
      load: (o) => memory.load(o),
      listUsage: (q, o) => memory.listUsage(q, o),
      commit: (c, o) => memory.commit(c, o),
    };
    const el = await fixture(html`<licence-manager .adapter=${adapter}></licence-manager>`);
    await loaded(el, adapter);
    await settle(el, { latency: 50 });
    expect(history(el)).to.equal(null);
  });
});
