// How <licence-manager> lays out the page: the seat table of layout="table" (in the memory adapter
// and the REST adapter over MSW), the read-only page said once, and no wasted space in the cards.
import './helpers/lit-warnings.js';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { LicensingAdapter } from '../src/adapters/adapter.js';
import { MemoryAdapter } from '../src/adapters/memory/index.js';
import '../src/elements/licence-manager/licence-manager.js';
import type { LicenceManager } from '../src/elements/licence-manager/licence-manager.component.js';
import '../src/locales/cs.js';
import { smallSeed } from './helpers/fixtures.js';
import { typeText } from './helpers/keys.js';
import { settle } from './helpers/settle.js';
import { deepQueryAll, deepText } from './helpers/widget-states.js';

async function manager(
  adapter: LicensingAdapter,
  { layout = 'cards', width = '72rem', lang = 'en' } = {},
): Promise<LicenceManager> {
  const el = await fixture<LicenceManager>(
    html`<licence-manager .adapter=${adapter} layout=${layout} lang=${lang}></licence-manager>`,
  );
  el.style.width = width;
  await settle(el);
  if (layout === 'table')
    await waitUntil(
      () => seatTable(el)?.shadowRoot?.querySelector('table'),
      'the seat table loads and renders',
    );
  await settle(el);
  return el;
}

const seatTable = (el: LicenceManager) => el.shadowRoot!.querySelector('lk-seat-table');
const root = (el: LicenceManager) => seatTable(el)!.shadowRoot!;
const headers = (el: LicenceManager) =>
  [...root(el).querySelectorAll('[role="columnheader"]')].map((th) => th.textContent!.trim());

/** A row of the table as a user reads it: the licence, then each cell's text. */
function row(el: LicenceManager, licence: string): string[] {
  const tr = [...root(el).querySelectorAll('tbody tr')].find(
    (r) => r.querySelector('[role="rowheader"]')!.textContent!.trim() === licence,
  );
  expect(tr, `a row for ${licence}`).to.exist;
  return [...tr!.children].map((cell) => {
    const input = cell.querySelector('lk-number-stepper')?.shadowRoot!.querySelector('input');
    return (input ? input.value : deepText(cell)).replace(/\s+/g, ' ').trim();
  });
}

const spinbutton = (el: LicenceManager, name: string) =>
  deepQueryAll<HTMLInputElement>(seatTable(el)!, '[role="spinbutton"]').find(
    (input) => (input.getRootNode() as ShadowRoot).getElementById('label')!.textContent!.trim() === name,
  )!;

const cartText = (el: LicenceManager) => deepText(deepQueryAll(el, 'licence-cart')[0]!);

/** The REST contract over MSW at `baseUrl`, backed by `backend`. */
async function overHttp(backend: MemoryAdapter, baseUrl: string) {
  const { setupWorker } = await import('msw/browser');
  const { createLicensingHandlers } = await import('../src/mocks/index.js');
  const { RestAdapter } = await import('../src/adapters/rest/index.js');
  const worker = setupWorker(...createLicensingHandlers({ backend, baseUrl }).handlers);
  await worker.start({ quiet: true, onUnhandledFrame: 'bypass' });
  return { worker, adapter: new RestAdapter({ baseUrl }) };
}

describe('licence-manager layout="table"', () => {
  it('shows every seat licence as a row of one table with its figures, and no cards', async () => {
    const el = await manager(new MemoryAdapter(smallSeed()), { layout: 'table' });
    expect(root(el).querySelector('table caption')!.textContent!.trim()).to.equal('Licences by type');
    expect(headers(el)).to.deep.equal([
      'Licence',
      'Count',
      'In use',
      'Available',
      'Price per licence',
      'Monthly cost',
    ]);
    expect(row(el, 'Voice')).to.deep.equal(['Voice', '10', '3', '7', '€24.00', '€240.00']);
    // Call recording is billed per retention unit: 9 months = ×3 (R6).
    expect(row(el, 'Call recording')).to.deep.equal([
      'Call recording',
      '3',
      '2',
      '1',
      '€3.00 × 3 units',
      '€27.00',
    ]);
    expect(root(el).querySelectorAll('tbody tr')).to.have.length(4);
    expect(deepQueryAll(el, 'licence-card').map((c) => c.getAttribute('type-id'))).to.deep.equal([
      'speech-to-text',
    ]);
    // The retention stays on the page, after the table.
    expect(deepQueryAll(el, 'retention-picker')).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('changes a count from the keyboard through the shared draft: figures, cost change and cart follow', async () => {
    const el = await manager(new MemoryAdapter(smallSeed()), { layout: 'table' });
    spinbutton(el, 'Voice licences').focus();
    await sendKeys({ press: 'ArrowUp' });
    await sendKeys({ press: 'ArrowUp' });
    await settle(el);
    expect(row(el, 'Voice')).to.deep.equal(['Voice', '12', '3', '9', '€24.00', '€288.00 +€48.00 a month']);
    expect(cartText(el)).to.contain('1 change');
    expect(el.shadowRoot!.activeElement).to.equal(seatTable(el), 'focus stays in the table');
  });

  it('stops the count where the card does: at what is in use, or what a dependent licence needs', async () => {
    const el = await manager(new MemoryAdapter(smallSeed()), { layout: 'table' });
    // Email: 2, 1 in use. Three presses down stop at 1.
    spinbutton(el, 'Email licences').focus();
    for (let i = 0; i < 3; i++) await sendKeys({ press: 'ArrowDown' });
    await settle(el);
    expect(row(el, 'Email')[1]).to.equal('1');
    // Voice: 10, 3 in use, but Outbound (4) requires Voice: it stops at 4.
    spinbutton(el, 'Voice licences').focus();
    await sendKeys({ press: 'PageDown' });
    await sendKeys({ press: 'Home' });
    await settle(el);
    expect(row(el, 'Voice')[1]).to.equal('4');
  });

  it('says at the field why a count is wrong, and links to who uses the licence', async () => {
    const el = await manager(new MemoryAdapter(smallSeed()), { layout: 'table' });
    const input = spinbutton(el, 'Email licences');
    input.focus();
    input.select();
    await typeText('0');
    await settle(el);
    const message = deepQueryAll(seatTable(el)!, '[part~="message"]').map((p) => p.textContent!.trim());
    expect(message).to.have.length(1);
    expect(message[0]).to.match(/^Error: /);
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    const link = [...root(el).querySelectorAll('button')].find(
      (b) => b.textContent!.trim() === 'See who uses Email',
    )!;
    expect(link, 'the usage link').to.exist;
    link.click();
    const dialog = el.shadowRoot!.querySelector('dialog')!;
    await waitUntil(() => dialog.open, 'the usage dialog opens');
    expect(dialog.querySelector('usage-overview')!.getAttribute('type-id')).to.equal('email');
    dialog.close();
  });

  it('shows plain numbers with view permission and says read-only once, at the top', async () => {
    const el = await manager(new MemoryAdapter(smallSeed({ permission: 'view' })), { layout: 'table' });
    expect(deepQueryAll(seatTable(el)!, '[role="spinbutton"]')).to.have.length(0);
    expect(row(el, 'Outbound')).to.deep.equal(['Outbound', '4', '2', '2', '€12.00', '€48.00']);
    expect(deepText(seatTable(el)!)).not.to.contain('You can view licences');
    await expect(el).to.be.accessible();
  });

  it('speaks Czech under lang="cs"', async () => {
    const el = await manager(new MemoryAdapter(smallSeed()), { layout: 'table', lang: 'cs' });
    expect(headers(el)).to.deep.equal([
      'Licence',
      'Počet',
      'Používá se',
      'Volné',
      'Cena za licenci',
      'Cena za měsíc',
    ]);
    expect(row(el, 'Call recording').slice(4)).to.deep.equal(['3,00 € × 3 jednotky', '27,00 €']);
  });

  it('on a phone, stacks each licence with its figures named, all inside the width', async () => {
    const el = await manager(new MemoryAdapter(smallSeed()), { layout: 'table', width: '22rem' });
    const scroll = root(el).querySelector<HTMLElement>('.scroll')!;
    expect(scroll.scrollWidth, 'no sideways scrolling').to.be.at.most(scroll.clientWidth);
    const cells = [...root(el).querySelectorAll<HTMLElement>('tbody tr:first-child td[data-label]')];
    // The label is shown, and kept from screen readers (`/ ''`): they hear the column header.
    // (Firefox reports the attr() the content comes from rather than its text.)
    const labels = cells.map((td) => getComputedStyle(td, '::before').content.replace(/ \/ ""$/, ''));
    for (const label of labels)
      expect(label).to.be.oneOf([
        '"In use"',
        '"Available"',
        '"Price per licence"',
        '"Monthly cost"',
        'attr(data-label)',
      ]);
    expect(cells.map((td) => td.dataset.label)).to.deep.equal([
      'In use',
      'Available',
      'Price per licence',
      'Monthly cost',
    ]);
    expect(labels.filter((l) => l !== 'attr(data-label)')).to.satisfy(
      (resolved: string[]) =>
        resolved.length === 0 ||
        resolved.join() === '"In use","Available","Price per licence","Monthly cost"',
    );
    // Each figure on a line of its own, under the name and count.
    const tops = cells.map((td) => td.getBoundingClientRect().top);
    expect(new Set(tops).size).to.equal(4);
    const name = root(el).querySelector('tbody tr:first-child th')!.getBoundingClientRect();
    expect(tops[0]).to.be.greaterThan(name.bottom - 1);
    await expect(el).to.be.accessible();
  });

  it('shows the cards, and loads no table, by default', async () => {
    const el = await manager(new MemoryAdapter(smallSeed()));
    expect(seatTable(el)).to.equal(null);
    expect(deepQueryAll(el, 'licence-card')).to.have.length(5);
  });

  it('edits and saves through the REST adapter over MSW', async () => {
    const backend = new MemoryAdapter(smallSeed());
    const { worker, adapter } = await overHttp(backend, '/layout-table');
    try {
      const el = await manager(adapter, { layout: 'table' });
      await waitUntil(() => row(el, 'Email')[1] === '2', 'the table shows the server’s data');
      spinbutton(el, 'Email licences').focus();
      await sendKeys({ press: 'ArrowUp' });
      await settle(el);
      expect(row(el, 'Email')).to.deep.equal(['Email', '3', '1', '2', '€9.00', '€27.00 +€9.00 a month']);
      const save = deepQueryAll<HTMLButtonElement>(el, '[part~="save-button"]')[0]!;
      save.click();
      await settle(el);
      const confirm = deepQueryAll<HTMLButtonElement>(el, 'dialog[open] button').find((b) =>
        /save/i.test(b.textContent ?? ''),
      )!;
      confirm.click();
      await waitUntil(
        async () => (await backend.load()).lines.find((l) => l.typeId === 'email')!.count === 3,
      );
      await settle(el, { latency: 30 });
      await waitUntil(() => row(el, 'Email')[5] === '€27.00', 'the saved cost, no change pending');
    } finally {
      worker.stop();
    }
  });
});

describe('licence-manager: read-only page', () => {
  for (const layout of ['cards', 'table']) {
    it(`says once at the top that nothing can be changed, in place of the invoice warning (${layout})`, async () => {
      const el = await manager(new MemoryAdapter(smallSeed({ permission: 'view' })), { layout });
      const notice = el.shadowRoot!.querySelectorAll('[part~="read-only"]');
      expect(notice).to.have.length(1);
      expect(notice[0]!.getAttribute('role')).to.equal('note');
      expect(notice[0]!.textContent!.trim()).to.equal('You can view licences but not change them.');
      expect(deepText(el)).not.to.contain('monthly invoice');
      // Nor the invitation to add or remove licences, which this user cannot.
      expect(deepText(el)).not.to.contain('Add or remove licences yourself');
      // The sentence is on the page once: no card, picker, Power Pack or token repeats it.
      await settle(el);
      expect(deepText(el).split('You can view licences but not change them.')).to.have.length(2);
      // Nothing can be pending: no empty cart bar.
      expect(deepQueryAll(el, 'licence-cart')).to.have.length(0);
      // Every widget inside is told to leave out its own read-only note.
      const children = deepQueryAll(el, 'licence-card, retention-picker, power-pack-limits');
      expect(children.length).to.be.greaterThan(2);
      for (const child of children)
        expect((child as Element & { noReadOnlyNote?: boolean }).noReadOnlyNote, child.localName).to.equal(
          true,
        );
    });
  }

  it('shows the invoice warning and the cart, and no read-only notice, to who may update', async () => {
    const el = await manager(new MemoryAdapter(smallSeed()));
    expect(el.shadowRoot!.querySelector('[part~="read-only"]')).to.equal(null);
    expect(deepText(el)).to.contain('Any changes you make here will affect your monthly invoice!');
    expect(deepQueryAll(el, 'licence-cart')).to.have.length(1);
  });

  it('keeps the cart while a draft is left after the permission dropped to view', async () => {
    const backend = new MemoryAdapter(smallSeed());
    const el = await manager(backend);
    const plus = deepQueryAll<HTMLButtonElement>(el, 'button').find(
      (b) => b.getAttribute('aria-label') === 'Increase Email licences',
    )!;
    plus.click();
    await settle(el);
    backend.setPermission('view');
    await settle(el);
    expect(el.shadowRoot!.querySelector('[part~="read-only"]')).to.exist;
    expect(cartText(el)).to.contain('1 change');
  });
});

describe('licence-manager: cards use their space', () => {
  const box = (el: Element) => el.getBoundingClientRect();

  it('puts the retention beside the call-recording card on a wide page, under it on a phone', async () => {
    const wide = await manager(new MemoryAdapter(smallSeed()));
    const card = deepQueryAll(wide, 'licence-card[type-id="call-recording"]')[0]!;
    const picker = deepQueryAll(wide, 'retention-picker')[0]!;
    expect(box(picker).top).to.equal(box(card).top);
    expect(box(picker).left).to.be.greaterThan(box(card).right - 1);
    // One box, as tall as the card, so the row holds no half-empty card.
    expect(box(picker).height).to.equal(box(card).height);
    const narrow = await manager(new MemoryAdapter(smallSeed()), { width: '22rem' });
    const narrowCard = deepQueryAll(narrow, 'licence-card[type-id="call-recording"]')[0]!;
    const narrowPicker = deepQueryAll(narrow, 'retention-picker')[0]!;
    expect(box(narrowPicker).top).to.be.at.least(box(narrowCard).bottom - 1);
  });

  it('puts Speech-to-Text and the Power Pack limits side by side on a wide page, stacked on a phone', async () => {
    const wide = await manager(new MemoryAdapter(smallSeed()));
    const stt = deepQueryAll(wide, 'licence-card[type-id="speech-to-text"]')[0]!;
    const pp = deepQueryAll(wide, 'power-pack-limits')[0]!;
    expect(box(pp).top).to.equal(box(stt).top);
    expect(box(pp).width).to.be.greaterThan(box(stt).width);
    const section = wide.shadowRoot!.querySelector('[part~="usage-based"]')!;
    expect(box(pp).right).to.be.closeTo(box(section).right, 1);
    const narrow = await manager(new MemoryAdapter(smallSeed()), { width: '22rem' });
    const narrowStt = deepQueryAll(narrow, 'licence-card[type-id="speech-to-text"]')[0]!;
    const narrowPp = deepQueryAll(narrow, 'power-pack-limits')[0]!;
    expect(box(narrowPp).top).to.be.greaterThan(box(narrowStt).bottom - 1);
  });
});
