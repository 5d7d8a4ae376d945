// Change requests (R1) as users meet them on <licence-manager requests>: a view user prepares a
// change in the cards, sends it from the cart with a note and sees its outcome; an update user
// reviews it in the cart and saves it, or declines it with a reason. Memory and REST over MSW.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { LicensingAdapter } from '../src/adapters/adapter.js';
import { MemoryAdapter } from '../src/adapters/memory/index.js';
import '../src/elements/licence-manager/licence-manager.js';
import '../src/locales/cs.js';
import type { LicenceManager } from '../src/elements/licence-manager/licence-manager.component.js';
import type { LicenceChangeRequestDetail } from '../src/events.js';
import { sharedStoreFor } from '../src/state/controller.js';
import { adapterFor, adapterModes, adapterOver, loaded } from './helpers/adapter-modes.js';
import { smallSeed } from './helpers/fixtures.js';
import { settle } from './helpers/settle.js';
import { deepQueryAll, deepText } from './helpers/widget-states.js';

async function manager(adapter: LicensingAdapter) {
  const el = await fixture<LicenceManager>(
    html`<licence-manager requests .adapter=${adapter}></licence-manager>`,
  );
  await loaded(el, adapter);
  await settle(el);
  return el;
}

/** The visible button named `name` anywhere inside `el`. */
function button(el: Element, name: string): HTMLButtonElement {
  const all = el.shadowRoot
    ? deepQueryAll<HTMLButtonElement>(el, 'button')
    : [...el.querySelectorAll('button')];
  const found = all.find((b) => b.textContent!.trim() === name);
  if (!found) throw new Error(`no button "${name}"`);
  return found;
}

const voiceCard = (el: Element) =>
  deepQueryAll(el, 'licence-card').find((c) => c.getAttribute('type-id') === 'voice')!;
const plus = (card: Element) =>
  deepQueryAll<HTMLButtonElement>(card, 'button').find(
    (b) => b.getAttribute('aria-label')?.startsWith('Increase') || b.textContent!.trim() === '+',
  )!;

async function until(el: Element, text: string) {
  await waitUntil(() => deepText(el).includes(text), `"${text}"`, { timeout: 5000 });
  await settle(el);
}

for (const mode of adapterModes) {
  describe(`change requests (${mode})`, () => {
    it('a view user prepares a request in the cards, sends it with a note, and sees it pending', async () => {
      const adapter = await adapterFor(mode, smallSeed({ permission: 'view' }));
      const el = await manager(adapter);
      const text = deepText(el);
      expect(text).to.contain('You can view licences and request changes');
      expect(text).not.to.contain('You can view licences but not change them.');
      const card = voiceCard(el);
      expect(deepText(card)).to.contain('Request');
      expect(deepText(card)).to.contain('Voice licences to request');
      plus(card).click();
      plus(card).click();
      await settle(el);
      expect(deepText(card)).to.contain('Requested: 10 → 12');
      // The cart's request mode is its own chunk: it shows once that has loaded.
      await until(el, 'Request: 1 change');
      expect(deepText(el)).not.to.contain('problem to fix');
      button(el, 'Review request').click();
      await settle(el);
      const cart = deepQueryAll(el, 'licence-cart')[0]!;
      const dialog = cart.shadowRoot!.querySelector('dialog')!;
      expect(dialog.open).to.equal(true);
      expect(deepText(dialog)).to.contain('nothing is bought or changed until an administrator approves it');
      expect(deepText(dialog)).to.contain('10 → 12');
      expect(deepText(dialog)).not.to.contain('Save changes');
      await expect(cart).to.be.accessible();
      const note = dialog.querySelector('textarea')!;
      note.value = 'Two agents start Monday';
      note.dispatchEvent(new Event('input'));
      button(dialog, 'Send request').click();
      await until(el, 'Your request was sent.');
      expect(dialog.open).to.equal(false);
      await until(el, 'Your requests');
      const text2 = deepText(el);
      expect(text2).to.contain('Waiting for approval');
      expect(text2).to.contain('Note: Two agents start Monday');
      expect(text2).to.contain('Voice: 10 → 12');
      // Nothing was bought.
      expect((await adapter.load()).lines.find((l) => l.typeId === 'voice')!.count).to.equal(10);
      await expect(el).to.be.accessible();
    });

    it('an update user reviews a request in the cart and saves it; the requester sees it approved', async () => {
      const backend = new MemoryAdapter(smallSeed({ permission: 'view' }), { user: 'Eva' });
      await backend.requestChange({ counts: { voice: 12 } }, 'For the new team', { idempotencyKey: 'k1' });
      backend.setPermission('update');
      const adapter = await adapterOver(mode, backend);
      const el = await manager(adapter);
      await until(el, 'Change requests');
      await until(el, 'Eva,'); // the panel lists them once its chunk and the list have loaded
      expect(deepText(el)).to.contain('Note: For the new team');
      await expect(el).to.be.accessible();
      button(el, 'Review in cart').click();
      await until(el, 'The request is in the cart');
      expect(deepText(el)).to.contain('1 change');
      button(el, 'Save').click();
      await settle(el);
      button(el, 'Save changes').click();
      await until(el, 'Approved and saved');
      expect((await backend.load()).lines.find((l) => l.typeId === 'voice')!.count).to.equal(12);
      backend.setPermission('view');
      expect((await backend.listRequests())[0]).to.deep.include({ status: 'approved' });
    });

    it('an update user declines with a reason; a request whose counts moved shows what changed', async () => {
      const backend = new MemoryAdapter(smallSeed({ permission: 'view' }), { user: 'Eva' });
      await backend.requestChange({ counts: { voice: 12 } }, '', { idempotencyKey: 'k1' });
      backend.setPermission('update');
      await backend.commit(
        { counts: { voice: 11 } },
        { expectedVersion: (await backend.load()).version, idempotencyKey: 'c' },
      );
      const adapter = await adapterOver(mode, backend);
      const el = await manager(adapter);
      await until(el, 'Changed since it was sent');
      expect(deepText(el)).to.contain('Voice: was 10, now 11');
      button(el, 'Decline…').click();
      await settle(el);
      const confirm = button(el, 'Decline request');
      expect(confirm.disabled).to.equal(true);
      const reason = deepQueryAll<HTMLTextAreaElement>(el, 'textarea')[0]!;
      reason.value = 'Budget frozen until January';
      reason.dispatchEvent(new Event('input'));
      await settle(el);
      confirm.click();
      await until(el, 'The request was declined.');
      expect(deepText(el)).to.contain('Declined');
      expect(deepText(el)).to.contain('Reason: Budget frozen until January');
      await expect(el).to.be.accessible();
    });
  });
}

describe('change requests without requestChange', () => {
  const bare = (backend: MemoryAdapter): LicensingAdapter => ({
    load: (o) => backend.load(o),
    listUsage: (q, o) => backend.listUsage(q, o),
    commit: (c, o) => backend.commit(c, o),
  });

  async function prepared() {
    const adapter = bare(new MemoryAdapter(smallSeed({ permission: 'view' })));
    const el = await manager(adapter);
    plus(voiceCard(el)).click();
    await settle(el);
    button(el, 'Review request').click();
    await settle(el);
    return { el, adapter };
  }

  it('fires licence-change-request with the change, the quote and the note; the host routes it', async () => {
    const { el, adapter } = await prepared();
    let detail: LicenceChangeRequestDetail | undefined;
    el.addEventListener('licence-change-request', (e) => ((detail = e.detail), e.preventDefault()), {
      once: true,
    });
    button(el, 'Send request').click();
    await until(el, 'Your request was passed on to be sent.');
    expect(detail!.changes).to.deep.equal({ counts: { voice: 11 } });
    expect(detail!.quote!.totals.nextMonth.delta.amount).to.equal(2400);
    expect(detail!.note).to.equal('');
    expect(sharedStoreFor(adapter).state.dirty).to.equal(false);
    // No panel: the adapter cannot list requests.
    expect(deepQueryAll(el, 'lk-requests-panel')).to.have.length(0);
  });

  it('says plainly that the request went nowhere when no host routes it, and keeps the change', async () => {
    const { el, adapter } = await prepared();
    button(el, 'Send request').click();
    await until(el, 'The request could not be sent anywhere');
    expect(sharedStoreFor(adapter).state.draft).to.deep.equal({ counts: { voice: 11 } });
  });
});

describe('change requests in Czech', () => {
  it("marks the request, counts it in the cart and lists the requester's requests in Czech", async () => {
    const backend = new MemoryAdapter(smallSeed({ permission: 'view' }), { user: 'Eva' });
    await backend.requestChange({ counts: { voice: 12 } }, '', { idempotencyKey: 'k1' });
    const el = await fixture<LicenceManager>(
      html`<licence-manager lang="cs" requests .adapter=${backend}></licence-manager>`,
    );
    await loaded(el, backend);
    await until(el, 'Vaše žádosti');
    const card = voiceCard(el);
    expect(deepText(card)).to.contain('Žádost');
    deepQueryAll<HTMLButtonElement>(card, 'button')
      .find((b) => b.getAttribute('aria-label')?.startsWith('Zvýšit'))!
      .click();
    await settle(el);
    expect(deepText(el)).to.contain('Žádost: 1 změna');
    expect(deepText(el)).to.contain('Čeká na schválení');
    expect(deepText(el)).to.contain('co zde změníte, se odešle jako žádost ke schválení správci');
  });
});
