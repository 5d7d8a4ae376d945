// Change requests an admin can trust (issue #20), as users meet them on <licence-manager requests>:
// a request another admin declined while it sat in the cart is not saved behind their back (the
// cart says so in words and keeps the change); a REST backend without the request routes hands the
// request to the host. Memory and REST over MSW.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { LicensingAdapter } from '../src/adapters/adapter.js';
import { MemoryAdapter } from '../src/adapters/memory/index.js';
import { RestAdapter } from '../src/adapters/rest/index.js';
import '../src/elements/licence-manager/licence-manager.js';
import '../src/locales/cs.js';
import type { LicenceManager } from '../src/elements/licence-manager/licence-manager.component.js';
import type { LicenceChangeRequestDetail } from '../src/events.js';
import { adapterModes, adapterOver, loaded } from './helpers/adapter-modes.js';
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

function button(el: Element, name: string): HTMLButtonElement {
  const found = deepQueryAll<HTMLButtonElement>(el, 'button').find((b) => b.textContent!.trim() === name);
  if (!found) throw new Error(`no button "${name}"`);
  return found;
}

async function until(el: Element, text: string) {
  await waitUntil(() => deepText(el).includes(text), `"${text}"`, { timeout: 5000 });
  await settle(el);
}

const voice = async (backend: MemoryAdapter) =>
  (await backend.load()).lines.find((l) => l.typeId === 'voice')!.count;

for (const mode of adapterModes) {
  describe(`change requests an admin can trust (${mode})`, () => {
    it('a request declined by another admin while in the cart: Save says so, saves nothing, keeps the change', async () => {
      const backend = new MemoryAdapter(smallSeed({ permission: 'view' }), { user: 'Eva' });
      const sent = await backend.requestChange({ counts: { voice: 12 } }, '', { idempotencyKey: 'k1' });
      backend.setPermission('update');
      const el = await manager(await adapterOver(mode, backend));
      await until(el, 'Eva,');
      button(el, 'Review in cart').click();
      await until(el, 'The request is in the cart');
      // Another admin declines it meanwhile.
      await backend.decideRequest(sent.id, { outcome: 'declined', reason: 'Budget frozen' });
      button(el, 'Save').click();
      await settle(el);
      button(el, 'Save changes').click();
      await until(el, 'Someone else approved or declined this request meanwhile.');
      expect(deepText(el)).to.contain('Nothing was saved. Your changes are kept: try again.');
      expect(await voice(backend)).to.equal(10);
      expect(deepText(el)).to.contain('1 change');
      await until(el, 'Reason: Budget frozen'); // the list shows the other admin's decision
      await expect(el).to.be.accessible();
    });

    it("a request gone while in the cart (a reset): Save says so and keeps the change, the next Save is the admin's own", async () => {
      const backend = new MemoryAdapter(smallSeed({ permission: 'view' }), { user: 'Eva' });
      await backend.requestChange({ counts: { voice: 12 } }, '', { idempotencyKey: 'k1' });
      backend.setPermission('update');
      const el = await manager(await adapterOver(mode, backend));
      await until(el, 'Eva,');
      button(el, 'Review in cart').click();
      await until(el, 'The request is in the cart');
      // The demo is reset (the requests are forgotten), the version is still the one loaded.
      backend.reset();
      backend.setPermission('update');
      await settle(el);
      button(el, 'Save').click();
      await settle(el);
      button(el, 'Save changes').click();
      await until(el, 'This request no longer exists');
      expect(deepText(el)).to.contain('Nothing was saved. Your changes are kept: try again.');
      expect(await voice(backend)).to.equal(10);
      // The review is over: saving again saves the change as the admin's own.
      button(el, 'Save').click();
      await settle(el);
      button(el, 'Save changes').click();
      await waitUntil(async () => (await voice(backend)) === 12, 'saved', { timeout: 5000 });
      await expect(el).to.be.accessible();
    });
  });
}

describe('change requests on a REST backend without the request routes', () => {
  it('hands the request to the host (licence-change-request) and offers no requests any more', async () => {
    const backend = new MemoryAdapter(smallSeed({ permission: 'view' }));
    const served = (await adapterOver('rest over MSW', backend)) as RestAdapter;
    const missing = () =>
      Promise.resolve(
        new Response(JSON.stringify({ title: 'Not Found', status: 404 }), {
          status: 404,
          headers: { 'Content-Type': 'application/problem+json' },
        }),
      );
    const adapter = new RestAdapter({
      baseUrl: served['baseUrl'],
      fetch: (url, init) => (url.includes('/licensing/requests') ? missing() : fetch(url, init)),
    });
    const el = await manager(adapter);
    const card = deepQueryAll(el, 'licence-card').find((c) => c.getAttribute('type-id') === 'voice')!;
    deepQueryAll<HTMLButtonElement>(card, 'button')
      .find((b) => b.getAttribute('aria-label')?.startsWith('Increase'))!
      .click();
    await until(el, 'Request: 1 change'); // the cart's request mode is a chunk of its own
    button(el, 'Review request').click();
    await settle(el);
    let detail: LicenceChangeRequestDetail | undefined;
    el.addEventListener('licence-change-request', (e) => ((detail = e.detail), e.preventDefault()), {
      once: true,
    });
    button(el, 'Send request').click();
    await until(el, 'Your request was passed on to be sent.');
    expect(detail!.changes).to.deep.equal({ counts: { voice: 11 } });
    expect(adapter.requestChange, 'the adapter no longer offers requests').to.equal(undefined);
    expect(await backend.listRequests()).to.have.length(0);
  });

  it('MSW approves without a body, as the server does', async () => {
    const backend = new MemoryAdapter(smallSeed({ permission: 'view' }));
    const sent = await backend.requestChange({ counts: { voice: 12 } }, '', { idempotencyKey: 'k' });
    backend.setPermission('update');
    const served = (await adapterOver('rest over MSW', backend)) as RestAdapter;
    const answer = await fetch(`${served['baseUrl']}/licensing/requests/${sent.id}/approve`, {
      method: 'POST',
    });
    expect(answer.status).to.equal(200);
    expect(((await answer.json()) as { status: string }).status).to.equal('approved');
  });
});

describe('history period as a bare date (the contract, MSW and the server agree)', () => {
  it('takes 2026-11-01 as the start of that UTC day and refuses a date in other words', async () => {
    let now = new Date('2026-10-31T23:30:00Z');
    const backend = new MemoryAdapter(smallSeed(), { now: () => now });
    const first = await backend.load();
    const raised = await backend.commit(
      { counts: { voice: 11 } },
      { expectedVersion: first.version, idempotencyKey: 'a' },
    );
    now = new Date('2026-11-01T00:30:00Z');
    await backend.commit({ counts: { voice: 12 } }, { expectedVersion: raised.version, idempotencyKey: 'b' });
    const served = (await adapterOver('rest over MSW', backend)) as RestAdapter;
    const page = await served.listHistory({ offset: 0, limit: 20, from: '2026-11-01' });
    expect(page.entries.map((e) => e.at)).to.deep.equal(['2026-11-01T00:30:00.000Z']);
    expect((await backend.listHistory({ offset: 0, limit: 20, to: '2026-11-01' })).total).to.equal(1);
    const loose = await fetch(`${served['baseUrl']}/licensing/history?from=Nov%201%202026`);
    expect(loose.status).to.equal(400);
  });
});
