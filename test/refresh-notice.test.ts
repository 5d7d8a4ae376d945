// "Couldn't refresh — showing data from 10:42 · Try again" (issue #15): a reload that fails after the
// page has data keeps the data and says so once, with a way to retry, on the memory adapter and on
// the REST adapter over MSW; on a licence-manager page and on a page of stand-alone widgets.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { setupWorker } from 'msw/browser';
import type { LicensingAdapter } from '../src/adapters/adapter.js';
import { MemoryAdapter } from '../src/adapters/memory/index.js';
import { RestAdapter } from '../src/adapters/rest/index.js';
import '../src/elements/licence-card/licence-card.js';
import '../src/elements/licence-manager/licence-manager.js';
import '../src/locales/cs.js';
import { createLicensingHandlers } from '../src/mocks/index.js';
import { sharedStoreFor } from '../src/state/controller.js';
import { smallSeed } from './helpers/fixtures.js';
import { deepQueryAll, deepText } from './helpers/widget-states.js';
import { settle } from './helpers/settle.js';

const worker = setupWorker();
// The notice's code loads the first time a refresh fails; fetched once here, as settle() does for
// the store's lazy parts, so the fixed rounds below do not race the test server.
before(() => import('../src/base/refresh-notice.js'));
before(() => worker.start({ quiet: true, onUnhandledFrame: 'bypass' }));
after(() => worker.stop());

const modes: { name: string; adapter: (backend: MemoryAdapter) => LicensingAdapter }[] = [
  { name: 'memory adapter', adapter: (backend) => backend },
  {
    name: 'REST adapter over MSW',
    adapter: (backend) => {
      worker.resetHandlers(...createLicensingHandlers({ backend, baseUrl: '/refresh' }).handlers);
      return new RestAdapter({ baseUrl: '/refresh', retryDelay: 1 });
    },
  },
];

/** The notices on the page, as a user finds them: alerts that say the refresh failed. */
const notices = (root: Element) =>
  deepQueryAll<HTMLElement>(root, '[role="alert"]').filter((a) => /refresh|obnov/i.test(a.textContent!));
const tryAgain = (notice: HTMLElement) =>
  [...notice.querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Try again')!;
/** "10:42" as this browser writes the time in English. */
const clock = (at: number) => new Intl.DateTimeFormat('en', { timeStyle: 'short' }).format(at);

for (const mode of modes) {
  describe(`a refresh that fails after the page has data, ${mode.name}`, () => {
    it('licence-manager keeps the data, says so once at the top with the time, and Try again refreshes', async () => {
      const backend = new MemoryAdapter(smallSeed());
      const adapter = mode.adapter(backend);
      const el = await fixture(html`<licence-manager .adapter=${adapter}></licence-manager>`);
      const store = sharedStoreFor(adapter);
      await store.load();
      await settle(el);
      store.setCount('voice', 12);
      const shownAt = store.state.loadedAt!;
      backend.failNext('load', 'server');
      await store.reload();
      await waitUntil(() => notices(el).length > 0, 'no refresh notice');
      const [notice, ...more] = notices(el);
      expect(more).to.have.length(0);
      expect(notice!.querySelector('span')!.textContent).to.equal(
        `Couldn’t refresh — showing data from ${clock(shownAt)}.`,
      );
      expect(tryAgain(notice!)).to.not.equal(undefined);
      // Above the page's title, and the data and the draft are still there.
      const title = el.shadowRoot!.querySelector('h2')!;
      expect(notice!.compareDocumentPosition(title) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0);
      expect(deepQueryAll(el, 'licence-card')).to.not.have.length(0);
      expect(deepText(el)).to.contain('10 → 12');

      // Try again while the backend still fails: the notice stays. (Wait for that load to be
      // answered: over MSW it can take longer than settle()'s fixed rounds, in WebKit.)
      let loads = 0;
      const load = backend.load.bind(backend);
      backend.load = (options) => (loads++, load(options));
      backend.failNext('load', 'server');
      tryAgain(notice!).click();
      await waitUntil(() => loads === 1, 'Try again loads again');
      await waitUntil(() => /Couldn’t refresh/.test(notices(el)[0]?.textContent ?? ''), 'the notice is back');
      await settle(el);
      expect(notices(el)).to.have.length(1);
      expect(notices(el)[0]!.textContent).to.contain('Couldn’t refresh');
      expect(store.state.error!.kind).to.equal('server');
      // Then once it answers: the notice goes, the draft stays.
      tryAgain(notices(el)[0]!).click();
      await waitUntil(() => notices(el).length === 0, 'the notice stayed');
      expect(store.state.draft).to.deep.equal({ counts: { voice: 12 } });
      await expect(el).to.be.accessible();
    });

    it('a page of stand-alone widgets shows it once, on the first widget, in the page language', async () => {
      const backend = new MemoryAdapter(smallSeed());
      const adapter = mode.adapter(backend);
      const page = await fixture(
        html`<div lang="cs">
          <licence-card type-id="voice" .adapter=${adapter}></licence-card>
          <licence-card type-id="email" .adapter=${adapter}></licence-card>
        </div>`,
      );
      const [voice, email] = [...page.querySelectorAll('licence-card')];
      await sharedStoreFor(adapter).load();
      await settle(voice);
      backend.failNext('load', 'server');
      await sharedStoreFor(adapter).reload();
      await waitUntil(() => notices(voice!).length > 0, 'no refresh notice');
      await settle(email);
      expect(notices(voice!)).to.have.length(1);
      expect(notices(email!)).to.have.length(0);
      expect(notices(voice!)[0]!.textContent).to.contain('Data se nepodařilo obnovit — zobrazujeme stav z ');
      expect(deepText(email!)).to.contain('Email');
    });
  });
}

describe('a first load that fails', () => {
  it('is still the error state with its own retry, not the refresh notice', async () => {
    const backend = new MemoryAdapter(smallSeed());
    backend.failNext('load', 'server');
    const el = await fixture(html`<licence-manager .adapter=${backend}></licence-manager>`);
    await settle(el);
    expect(deepText(el)).to.contain('The licences could not be loaded.');
    expect(notices(el)).to.have.length(0);
  });
});
