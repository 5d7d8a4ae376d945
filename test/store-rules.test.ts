// Which widgets are on a page decides whether the store has the rule book yet: data-only widgets
// do not give it (so they do not ship it), editing widgets do. One that connects later must still
// show the rules' verdict on the draft from its first render.
import { expect, fixture, html } from '@open-wc/testing';
import { MemoryAdapter } from '../src/adapters/memory/index.js';
import '../src/elements/licence-card/licence-card.js';
import type { LicenceCard } from '../src/elements/licence-card/licence-card.component.js';
import '../src/elements/licence-provider/licence-provider.js';
import type { LicenceProvider } from '../src/elements/licence-provider/licence-provider.component.js';
import '../src/elements/usage-overview/usage-overview.js';
import type { UsageOverview } from '../src/elements/usage-overview/usage-overview.component.js';
import { sharedStoreWithRules, storeFor as rootStoreFor } from '../src/index.js';
import { sharedStoreFor, storeFor as controllerStoreFor } from '../src/state/controller.js';
import { smallSeed } from './helpers/fixtures.js';
import { deepText } from './helpers/widget-states.js';

const R3 = '3 Voice licences are in use. Free 2 agents first';

describe('rules given by the widget that needs them', () => {
  it('a card on an adapter whose store a usage overview made shows the rule’s message at once', async () => {
    const adapter = new MemoryAdapter(smallSeed());
    await fixture<UsageOverview>(html`<usage-overview .adapter=${adapter}></usage-overview>`);
    const store = sharedStoreFor(adapter);
    await store.load();
    expect(store.edit({ counts: { voice: 1 } }).ok).to.equal(true);
    expect(store.hasRules).to.equal(false);
    expect(store.state.issues).to.deep.equal([]);

    const card = await fixture<LicenceCard>(
      html`<licence-card type-id="voice" .adapter=${adapter}></licence-card>`,
    );
    // `fixture` waits for the first render only: the message is in it.
    expect(store.hasRules).to.equal(true);
    expect(deepText(card)).to.contain(R3);
  });

  it('a card added under a provider that only held a usage overview shows the rule’s message at once', async () => {
    const adapter = new MemoryAdapter(smallSeed());
    const provider = await fixture<LicenceProvider>(
      html`<licence-provider .adapter=${adapter}><usage-overview></usage-overview></licence-provider>`,
    );
    const store = provider.providedStore!;
    await store.load();
    store.setCount('voice', 1);
    expect(store.state.issues).to.deep.equal([]);

    const card = document.createElement('licence-card') as LicenceCard;
    card.setAttribute('type-id', 'voice');
    provider.append(card);
    await card.updateComplete;
    expect(deepText(card)).to.contain(R3);
  });
});

describe('the two store-finding functions, under honest names', () => {
  it('sharedStoreFor finds the one store widgets share and gives it no rules; sharedStoreWithRules gives them', async () => {
    const adapter = new MemoryAdapter(smallSeed());
    const store = sharedStoreFor(adapter);
    expect(sharedStoreFor(adapter)).to.equal(store);
    expect(store.hasRules).to.equal(false);
    expect(sharedStoreWithRules(adapter)).to.equal(store);
    expect(store.hasRules).to.equal(true);
    await store.load();
    store.setCount('voice', 1);
    expect(store.state.issues.map((i) => i.code)).to.include('reduce-below-in-use');
  });

  it('the deprecated storeFor of the root entry still gives the shared store with the rules', async () => {
    const adapter = new MemoryAdapter(smallSeed());
    const store = rootStoreFor(adapter);
    expect(store).to.equal(sharedStoreFor(adapter));
    expect(store.hasRules).to.equal(true);
    await store.load();
    store.setCount('voice', 1);
    expect(store.state.canSave).to.equal(false);
    expect(store.state.issues.map((i) => i.code)).to.include('reduce-below-in-use');
  });

  it('the deprecated storeFor of the state module still finds the shared store, without rules', () => {
    const adapter = new MemoryAdapter(smallSeed());
    const store = controllerStoreFor(adapter);
    expect(store).to.equal(sharedStoreFor(adapter));
    expect(store.hasRules).to.equal(false);
  });
});
