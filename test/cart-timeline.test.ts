// The cart's review says when each change applies (issue #20 part 4): usable from now; this month
// billed at the month's peak; from the first day of next month at the new count; and "Download
// summary" saves the reviewed change as JSON or CSV, the record `licence-commit` carries.
import { expect, fixture, html } from '@open-wc/testing';
import type { LicensingAdapter } from '../src/adapters/adapter.js';
import '../src/elements/licence-cart/licence-cart.js';
import '../src/elements/licence-manager/licence-manager.js';
import type { LicenceCart } from '../src/elements/licence-cart/licence-cart.component.js';
import type { LicenceSummaryDownloadDetail } from '../src/events.js';
import { formatMoney } from '../src/i18n/format.js';
import '../src/locales/cs.js';
import type { LicensingStore } from '../src/state/licensing-store.js';
import { sharedStoreFor } from '../src/state/controller.js';
import { adapterFor, adapterModes, loaded } from './helpers/adapter-modes.js';
import { smallSeed } from './helpers/fixtures.js';
import { settle } from './helpers/settle.js';
import { deepQueryAll, deepText } from './helpers/widget-states.js';

const dialog = (el: LicenceCart) => el.shadowRoot!.querySelector('dialog')!;
const timeline = (el: LicenceCart) => dialog(el).querySelector<HTMLElement>('[part~="timeline"]')!;
/** Each change's steps, by the change's name. */
const steps = (el: LicenceCart) =>
  Object.fromEntries(
    [...timeline(el).querySelectorAll('.when')].map((when) => [
      when.querySelector('strong')!.textContent!.trim(),
      [...when.querySelectorAll('li')].map((li) => li.textContent!.trim()),
    ]),
  );
const named = (el: Element, name: string) =>
  deepQueryAll<HTMLButtonElement>(el, 'button').find((b) => b.getAttribute('aria-label') === name)!;

async function reviewed(
  adapter: LicensingAdapter,
  edit: (store: LicensingStore) => void,
  { lang = 'en', user = 'Jana Dvořáková' } = {},
) {
  const el = await fixture<LicenceCart>(
    html`<licence-cart .adapter=${adapter} lang=${lang} user=${user}></licence-cart>`,
  );
  await loaded(el, adapter);
  edit(sharedStoreFor(adapter));
  await settle(el);
  await el.review();
  await settle(el);
  expect(dialog(el).open).to.equal(true);
  return el;
}

/** The summary `format` hands over when its button is clicked (the download itself is cancelled). */
async function summary(el: LicenceCart, format: 'JSON' | 'CSV') {
  const detail = new Promise<LicenceSummaryDownloadDetail>((resolve) =>
    el.addEventListener('licence-summary-download', (e) => (e.preventDefault(), resolve(e.detail)), {
      once: true,
    }),
  );
  named(el, `Download summary as ${format}`).click();
  const handed = await detail;
  return { ...handed, text: await handed.blob.text() };
}

// smallSeed: November 2026; Voice €24 (10, peak 12), Email €9 (2, peak 2), Call recording €3 (3
// licences at 9 months ×3 = 9 units, peak 9).
for (const mode of adapterModes) {
  describe(`licence-cart review: when each change applies (${mode})`, () => {
    it('says an increase is usable now, billed this month at the peak and from 1 December at the new count', async () => {
      const adapter = await adapterFor(mode, smallSeed());
      const el = await reviewed(adapter, (s) => {
        s.setCount('voice', 14);
        s.setCount('email', 1);
        s.setRetention({ months: 12 });
      });
      expect(timeline(el).querySelector('h3')!.textContent).to.equal('When each change applies');
      expect(steps(el)).to.deep.equal({
        Voice: [
          'Usable as soon as you save.',
          "This month: billed at the month's peak, 14 licences: €336.00.",
          'From December 1, 2026: billed at the new count, 14 licences: €336.00 a month.',
        ],
        Email: [
          'Applies as soon as you save, to this month and the next.',
          "This month's invoice keeps the month's peak, 2 licences: €18.00.",
          'From December 1, 2026: billed at the new count, 1 licence: €9.00 a month.',
        ],
        // ×3 → ×4 for 3 licences: 9 → 12 billed units at €3.
        'Call recording retention': [
          'Usable as soon as you save.',
          "This month: billed at the month's peak, 12 billed units: €36.00.",
          'From December 1, 2026: billed at the new count, 12 billed units: €36.00 a month.',
        ],
      });
      // Each change's steps are a list named after it.
      const list = timeline(el).querySelector('ol')!;
      expect(timeline(el).querySelector(`#${list.getAttribute('aria-labelledby')}`)!.textContent).to.equal(
        'Voice',
      );
      await expect(el).to.be.accessible();
    });

    it('carries the record the summary downloads in licence-commit, with who and when', async () => {
      const adapter = await adapterFor(mode, smallSeed());
      const el = await reviewed(adapter, (s) => s.setCount('voice', 14));
      const json = await summary(el, 'JSON');
      expect(json.format).to.equal('json');
      expect(json.filename).to.match(/^licence-changes-\d{4}-\d{2}-\d{2}\.json$/);
      expect(json.blob.type).to.equal('application/json');
      const downloaded = JSON.parse(json.text);
      expect(downloaded).to.deep.equal(json.record);
      expect(downloaded).to.deep.include({ who: 'Jana Dvořáková', version: 'v1', currency: 'EUR' });
      expect(Date.now() - Date.parse(downloaded.at)).to.be.within(0, 10_000);
      expect(downloaded.lines).to.deep.equal([
        {
          kind: 'count',
          id: 'voice',
          before: 10,
          after: 14,
          thisMonth: {
            before: { amount: 28800, currency: 'EUR' },
            after: { amount: 33600, currency: 'EUR' },
            delta: { amount: 4800, currency: 'EUR' },
          },
          nextMonth: {
            before: { amount: 24000, currency: 'EUR' },
            after: { amount: 33600, currency: 'EUR' },
            delta: { amount: 9600, currency: 'EUR' },
          },
        },
      ]);
      const committed = new Promise<HTMLElementEventMap['licence-commit']['detail']>((resolve) =>
        el.addEventListener('licence-commit', (e) => resolve(e.detail), { once: true }),
      );
      deepQueryAll<HTMLButtonElement>(el, 'button')
        .find((b) => b.textContent!.trim() === 'Save changes')!
        .click();
      const { record, snapshot } = await committed;
      expect(snapshot.lines.find((l) => l.typeId === 'voice')!.count).to.equal(14);
      expect({ ...record, at: '' }).to.deep.equal({ ...downloaded, at: '' });
      expect(Date.parse(record.at)).to.be.at.least(Date.parse(downloaded.at));
    });
  });
}

describe('licence-cart review: when usage-based changes apply', () => {
  it('says they are billed by use from the save on, with their cap, none, or nothing at all', async () => {
    const adapter = await adapterFor('memory', smallSeed());
    const el = await reviewed(adapter, (s) => {
      s.setSpeechToText({ limitOverBase: 3000 });
      s.setPowerPackLimit('smart-routing', null);
    });
    expect(steps(el)).to.deep.equal({
      'Speech-to-Text': ['Billed by use from the save on, at most €60.00 a month.'],
      'Smart routing limit per month': ['Billed by use from the save on, with no cap.'],
    });
    el.closeReview();
    sharedStoreFor(adapter).discard();
    sharedStoreFor(adapter).setSpeechToText({ enabled: false });
    await settle(el);
    await el.review();
    await settle(el);
    expect(steps(el)).to.deep.equal({ 'Speech-to-Text': ['Nothing is billed for it from the save on.'] });
  });

  it('gives a retention change whose money is on its count line only "usable now"', async () => {
    const adapter = await adapterFor('memory', smallSeed());
    const el = await reviewed(adapter, (s) => {
      s.setCount('call-recording', 4);
      s.setRetention({ months: 12 });
    });
    const all = steps(el);
    expect(all['Call recording']).to.have.length(3);
    expect(all['Call recording retention']).to.deep.equal(['Usable as soon as you save.']);
  });
});

describe('licence-cart review: the summary as CSV', () => {
  it('has a header, one row per change and the totals, as plain decimals, formula-safe', async () => {
    const seed = smallSeed();
    const catalog = seed.snapshot.catalog.map((t) => (t.id === 'email' ? { ...t, name: '+SUM(A1:A9)' } : t));
    const adapter = await adapterFor('memory', { ...seed, snapshot: { ...seed.snapshot, catalog } });
    const el = await reviewed(
      adapter,
      (s) => {
        s.setCount('voice', 14);
        s.setCount('email', 1);
        s.setRetention({ months: 12 });
        s.setSpeechToText({ limitOverBase: null });
      },
      { user: '=HYPERLINK("http://evil.example","click")' },
    );
    const csv = await summary(el, 'CSV');
    expect(csv.filename).to.match(/^licence-changes-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(csv.blob.type).to.equal('text/csv;charset=utf-8');
    const at = csv.record.at;
    const who = `"'=HYPERLINK(""http://evil.example"",""click"")"`;
    expect(csv.text.split('\r\n')).to.deep.equal([
      'When,Who,Item,Before,After,This month before,This month after,This month change,Next month before,Next month after,Next month change,Most a month before,Most a month after,Currency',
      `${at},${who},Voice,10,14,288.00,336.00,48.00,240.00,336.00,96.00,,,EUR`,
      `${at},${who},'+SUM(A1:A9),2,1,18.00,18.00,0.00,18.00,9.00,-9.00,,,EUR`,
      `${at},${who},Call recording retention,9 months,1 year,27.00,36.00,9.00,27.00,36.00,9.00,,,EUR`,
      `${at},${who},Speech-to-Text,2000,no limit,,,,,,,40.00,no cap,EUR`,
      `${at},${who},Total,,,333.00,390.00,57.00,285.00,381.00,96.00,,,EUR`,
      '',
    ]);
    // A byte order mark first, so spreadsheets read UTF-8.
    expect(new Uint8Array(await csv.blob.arrayBuffer()).slice(0, 3)).to.deep.equal(
      new Uint8Array([0xef, 0xbb, 0xbf]),
    );
  });

  it('names the switches and the Power Pack limits, with the most they can cost a month', async () => {
    const adapter = await adapterFor('memory', smallSeed());
    const el = await reviewed(adapter, (s) => {
      s.setSpeechToText({ enabled: false });
      s.setPowerPackLimit('smart-routing', 12);
    });
    const csv = await summary(el, 'CSV');
    const { at } = csv.record;
    // Power Pack €49 a pack: 10 → 12 packs of Smart routing; AI Topics has no limit, so no cap.
    expect(csv.text.split('\r\n').slice(1)).to.deep.equal([
      `${at},Jana Dvořáková,Speech-to-Text,on,off,,,,,,,40.00,0.00,EUR`,
      `${at},Jana Dvořáková,Smart routing limit per month,10,12,,,,,,,490.00,588.00,EUR`,
      `${at},Jana Dvořáková,Total,,,0.00,0.00,0.00,0.00,0.00,0.00,,,EUR`,
      '',
    ]);
    el.closeReview();
    sharedStoreFor(adapter).discard();
    sharedStoreFor(adapter).setPowerPackEnabled(false);
    await settle(el);
    await el.review();
    await settle(el);
    const off = await summary(el, 'CSV');
    expect(off.text.split('\r\n')[1]).to.equal(
      `${off.record.at},Jana Dvořáková,Power Pack,on,off,,,,,,,no cap,0.00,EUR`,
    );
  });

  it('downloads the file unless a listener takes it', async () => {
    const adapter = await adapterFor('memory', smallSeed());
    // No `user`: the summary names no one.
    const el = await reviewed(adapter, (s) => s.setCount('voice', 11), { user: '' });
    const handed: LicenceSummaryDownloadDetail[] = [];
    el.addEventListener('licence-summary-download', (e) => handed.push(e.detail));
    const saved: string[] = [];
    el.shadowRoot!.addEventListener('click', (e) => {
      const link = e.target as HTMLAnchorElement;
      if (link.localName === 'a') (saved.push(link.download), e.preventDefault());
    });
    named(el, 'Download summary as CSV').click();
    expect(saved).to.have.length(1);
    expect(saved[0]).to.match(/^licence-changes-.*\.csv$/);
    expect(saved[0]).to.equal(handed[0]!.filename);
    expect(handed[0]!.record.who).to.equal(null);
    expect((await handed[0]!.blob.text()).split('\r\n')[1]).to.match(/^[^,]+,,Voice,10,11,/);
  });
});

describe('licence-cart review: Czech', () => {
  it('says when each change applies in Czech, dates and money the Czech way', async () => {
    const adapter = await adapterFor('memory', smallSeed());
    const el = await reviewed(
      adapter,
      (s) => {
        s.setCount('voice', 14);
        s.setCount('email', 1);
      },
      { lang: 'cs' },
    );
    const cs = (amount: number) => formatMoney({ amount, currency: 'EUR' }, 'cs');
    expect(timeline(el).querySelector('h3')!.textContent).to.equal('Kdy která změna platí');
    expect(steps(el)).to.deep.equal({
      Voice: [
        'Lze používat hned po uložení.',
        `Tento měsíc: účtuje se nejvyšší počet v měsíci, 14 licencí: ${cs(33600)}.`,
        `Od 1. prosince 2026: účtuje se nový počet, 14 licencí: ${cs(33600)} měsíčně.`,
      ],
      Email: [
        'Platí hned po uložení, pro tento i příští měsíc.',
        `Faktura za tento měsíc zůstává na nejvyšším počtu v měsíci, 2 licence: ${cs(1800)}.`,
        `Od 1. prosince 2026: účtuje se nový počet, 1 licence: ${cs(900)} měsíčně.`,
      ],
    });
    expect(named(el, 'Stáhnout souhrn jako CSV').textContent!.trim()).to.equal('CSV');
    expect(deepText(dialog(el))).to.contain('Stáhnout souhrn');
    expect(named(el, 'Download summary as CSV')).to.equal(undefined);
  });
});

describe('licence-cart review on a phone', () => {
  it('lays the steps side by side when wide, stacks them at 390 px with nothing cut off and the footer in view', async () => {
    const adapter = await adapterFor('memory', smallSeed());
    const el = await reviewed(adapter, (s) => {
      s.setCount('voice', 14);
      s.setCount('email', 1);
      s.setRetention({ months: 12 });
      s.setSpeechToText({ limitOverBase: 3000 });
      s.setPowerPackLimit('smart-routing', 12);
    });
    const d = dialog(el);
    // Wide (the test window's dialog): the steps sit side by side, right of the change's name.
    const steps0 = [...timeline(el).querySelectorAll('.when li')].slice(0, 2);
    expect(steps0[0]!.getBoundingClientRect().top).to.equal(steps0[1]!.getBoundingClientRect().top);
    expect(steps0[0]!.getBoundingClientRect().left).to.be.above(
      timeline(el).querySelector('.when strong')!.getBoundingClientRect().right,
    );
    d.style.width = '360px'; // 390 px of a phone, less the page's margins
    await settle(el);
    expect(d.scrollWidth).to.be.at.most(d.clientWidth);
    const box = d.getBoundingClientRect();
    for (const item of timeline(el).querySelectorAll<HTMLElement>('.when strong, .when li')) {
      const r = item.getBoundingClientRect();
      expect(r.left, item.textContent!).to.be.at.least(box.left);
      expect(r.right, item.textContent!).to.be.at.most(box.right);
    }
    // Stacked: the steps come under the name, one under another.
    const voice = timeline(el).querySelector('.when')!;
    const [name, first, second] = [voice.querySelector('strong')!, ...voice.querySelectorAll('li')];
    expect(first!.getBoundingClientRect().top).to.be.at.least(name.getBoundingClientRect().bottom);
    expect(second!.getBoundingClientRect().top).to.be.at.least(first!.getBoundingClientRect().bottom);
    const footer = d.querySelector('footer')!.getBoundingClientRect();
    expect(footer.bottom).to.be.at.most(box.bottom);
    // The download buttons are in the review's flow, not under the footer.
    d.scrollTop = d.scrollHeight;
    await settle(el);
    const csv = named(el, 'Download summary as CSV').getBoundingClientRect();
    expect(csv.bottom).to.be.at.most(d.querySelector('footer')!.getBoundingClientRect().top);
    expect(deepText(d)).to.contain('Download summary');
  });
});

describe('licence-manager: who the summary names', () => {
  it('passes its user to its cart, whose summary names them', async () => {
    const adapter = await adapterFor('memory', smallSeed());
    const manager = await fixture<HTMLElement>(
      html`<licence-manager .adapter=${adapter} user="Eva Nová"></licence-manager>`,
    );
    await loaded(manager, adapter);
    const el = deepQueryAll<LicenceCart>(manager, 'licence-cart')[0]!;
    sharedStoreFor(adapter).setCount('voice', 11);
    await settle(el);
    await el.review();
    await settle(el);
    const handed = new Promise<LicenceSummaryDownloadDetail>((resolve) =>
      manager.addEventListener('licence-summary-download', (e) => (e.preventDefault(), resolve(e.detail)), {
        once: true,
      }),
    );
    named(el, 'Download summary as JSON').click();
    expect((await handed).record.who).to.equal('Eva Nová');
  });
});
