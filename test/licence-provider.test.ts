import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import type { LicensingAdapter } from '../src/adapters/adapter.js';
import { MemoryAdapter } from '../src/adapters/memory/index.js';
import '../src/elements/licence-provider/licence-provider.js';
import '../src/elements/licence-card/licence-card.js';
import '../src/elements/licence-cart/licence-cart.js';
import '../src/elements/retention-picker/retention-picker.js';
import '../src/elements/power-pack-limits/power-pack-limits.js';
import '../src/elements/usage-overview/usage-overview.js';
import '../src/elements/license-token/license-token.js';
import '../src/elements/license-details/license-details.js';
import type { LicenceProvider } from '../src/elements/licence-provider/licence-provider.component.js';
import { LicensingController } from '../src/state/controller.js';
import type { LicensingStore } from '../src/state/licensing-store.js';
import { smallSeed } from './helpers/fixtures.js';
import { settle } from './helpers/settle.js';

/** A minimal widget: shows the voice count it gets from the store. */
class VoiceCount extends LitElement {
  @property({ attribute: false }) adapter: LicensingAdapter | undefined;
  @property({ attribute: false }) store: LicensingStore | undefined;
  readonly licensing = new LicensingController(this);
  override render() {
    const state = this.licensing.state;
    if (!state) return html`no store`;
    if (state.status !== 'ready') return html`${state.status}`;
    return html`${state.snapshot!.lines.find((l) => l.typeId === 'voice')!.count}`;
  }
}
customElements.define('test-voice-count', VoiceCount);

function countingAdapter(backend = new MemoryAdapter(smallSeed(), { latency: 5 })) {
  const calls = { load: 0 };
  const adapter: LicensingAdapter = {
    load: (o) => (calls.load++, backend.load(o)),
    listUsage: (q, o) => backend.listUsage(q, o),
    commit: (c, o) => backend.commit(c, o),
  };
  return { adapter, calls };
}

/** The REST contract over MSW at `baseUrl`, backed by `backend`, recording every request it sees. */
async function recordedBackend(backend: MemoryAdapter, baseUrl: string) {
  const { setupWorker } = await import('msw/browser');
  const { createLicensingHandlers } = await import('../src/mocks/index.js');
  const { RestAdapter } = await import('../src/adapters/rest/index.js');
  const worker = setupWorker(...createLicensingHandlers({ backend, baseUrl }).handlers);
  const requests: string[] = [];
  worker.events.on('request:start', ({ request }) => {
    requests.push(`${request.method} ${new URL(request.url).pathname}`);
  });
  await worker.start({ quiet: true, onUnhandledFrame: 'bypass' });
  return { worker, requests, RestAdapter };
}

describe('licence-provider', () => {
  it('gives six widgets one store and one load', async () => {
    const { adapter, calls } = countingAdapter();
    const provider = await fixture<LicenceProvider>(html`
      <licence-provider .adapter=${adapter}>
        ${Array.from({ length: 6 }, () => html`<test-voice-count></test-voice-count>`)}
      </licence-provider>
    `);
    await settle(null, { latency: 30 });
    const widgets = [...provider.querySelectorAll('test-voice-count')] as VoiceCount[];
    await Promise.all(widgets.map((w) => w.updateComplete));
    expect(widgets.map((w) => w.shadowRoot!.textContent)).to.deep.equal(Array(6).fill('10'));
    expect(calls.load).to.equal(1);
    expect(new Set(widgets.map((w) => w.licensing.store)).size).to.equal(1);
  });

  it('re-renders every widget when the shared draft commits', async () => {
    const { adapter } = countingAdapter();
    const provider = await fixture<LicenceProvider>(html`
      <licence-provider .adapter=${adapter}><test-voice-count></test-voice-count></licence-provider>
    `);
    await settle(null, { latency: 30 });
    const store = provider.providedStore!;
    store.setCount('voice', 13);
    await store.commit();
    const widget = provider.querySelector('test-voice-count') as VoiceCount;
    await widget.updateComplete;
    expect(widget.shadowRoot!.textContent).to.equal('13');
  });

  it('lets a widget outside any provider take an adapter itself', async () => {
    const { adapter, calls } = countingAdapter();
    const widget = await fixture<VoiceCount>(html`<test-voice-count .adapter=${adapter}></test-voice-count>`);
    await settle(null, { latency: 30 });
    await widget.updateComplete;
    expect(widget.shadowRoot!.textContent).to.equal('10');
    expect(calls.load).to.equal(1);
  });

  it('shows that no data source is connected when there is none', async () => {
    const widget = await fixture<VoiceCount>(html`<test-voice-count></test-voice-count>`);
    expect(widget.shadowRoot!.textContent).to.equal('no store');
  });

  it('switches every widget to a new adapter', async () => {
    const first = countingAdapter();
    const second = countingAdapter(
      new MemoryAdapter(smallSeed({ lines: [{ typeId: 'voice', count: 42, inUse: 0, peak: 42 }] })),
    );
    const provider = await fixture<LicenceProvider>(html`
      <licence-provider .adapter=${first.adapter}><test-voice-count></test-voice-count></licence-provider>
    `);
    await settle(null, { latency: 30 });
    provider.adapter = second.adapter;
    await provider.updateComplete;
    await settle(null, { latency: 30 });
    const widget = provider.querySelector('test-voice-count') as VoiceCount;
    await widget.updateComplete;
    expect(widget.shadowRoot!.textContent).to.equal('42');
  });
});

describe('licence-provider over HTTP', () => {
  it('makes one GET /licensing for six widgets, counted at the network', async () => {
    const { worker, requests, RestAdapter } = await recordedBackend(new MemoryAdapter(smallSeed()), '/six');
    try {
      const provider = await fixture<LicenceProvider>(html`
        <licence-provider .adapter=${new RestAdapter({ baseUrl: '/six' })}>
          ${Array.from({ length: 6 }, () => html`<test-voice-count></test-voice-count>`)}
        </licence-provider>
      `);
      await provider.providedStore!.load();
      await settle(null, { latency: 30 });
      const widgets = [...provider.querySelectorAll('test-voice-count')] as VoiceCount[];
      await Promise.all(widgets.map((w) => w.updateComplete));
      expect(widgets.map((w) => w.shadowRoot!.textContent)).to.deep.equal(Array(6).fill('10'));
      expect(requests.filter((r) => r === 'GET /six/licensing')).to.have.length(1);
    } finally {
      worker.stop();
    }
  });
  it('makes one GET /licensing and one GET /license for the real widgets of a page', async () => {
    // The demo data set: every licence type, retention, Speech-to-Text, Power Pack, the installation licence.
    const { worker, requests, RestAdapter } = await recordedBackend(new MemoryAdapter(), '/page');
    try {
      const provider = await fixture<LicenceProvider>(html`
        <licence-provider .adapter=${new RestAdapter({ baseUrl: '/page' })}>
          <licence-card type-id="voice"></licence-card>
          <licence-card type-id="outbound"></licence-card>
          <licence-card type-id="speech-to-text"></licence-card>
          <retention-picker></retention-picker>
          <power-pack-limits></power-pack-limits>
          <usage-overview></usage-overview>
          <licence-cart></licence-cart>
          <license-token></license-token>
          <license-details></license-details>
        </licence-provider>
      `);
      const widgets = [...provider.children];
      expect(widgets).to.have.length(9);
      // Every widget shows its data (none is still loading, none failed)…
      await waitUntil(
        () => widgets.every((w) => w.shadowRoot && !w.matches(':state(loading), :state(error)')),
        'every widget shows its data',
        { timeout: 5000 },
      );
      // …and nothing asks again afterwards.
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(widgets.filter((w) => w.matches(':state(loading), :state(error)'))).to.deep.equal([]);
      expect(requests.filter((r) => r === 'GET /page/licensing')).to.have.length(1);
      expect(requests.filter((r) => r === 'GET /page/license')).to.have.length(1);
      // usage-overview pages through the adapter itself: at least one page was asked for.
      expect(requests.some((r) => r === 'GET /page/licensing/usage')).to.equal(true);
    } finally {
      worker.stop();
    }
  });
});
