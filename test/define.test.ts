// Tag-name safety for hosts: two copies of the library on one page must not break the page, and
// every element class can be registered under a name the host chooses (README, "Embedding").
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { MemoryAdapter } from '../src/adapters/memory/index.js';
import { defineElement } from '../src/base/define.js';
// What a host imports to rename an element: the class module, which registers nothing.
import { LicenceCard } from '../src/elements/licence-card/licence-card.component.js';
// The registering entries of other elements, as `licence-kit/licence-provider.js` is.
import '../src/elements/licence-provider/licence-provider.js';
import '../src/elements/licence-manager/licence-manager.js';
import type { LicenceManager } from '../src/elements/licence-manager/licence-manager.component.js';
import { LicenceProvider } from '../src/elements/licence-provider/licence-provider.component.js';
import type { LicenceChangeDetail } from '../src/events.js';
import { sharedStoreFor } from '../src/state/controller.js';
import { smallSeed } from './helpers/fixtures.js';
import { deepQueryAll, deepText } from './helpers/widget-states.js';
import { settle } from './helpers/settle.js';

// Read before any test defines anything: importing the class module must leave the tag free.
const cardTagTakenByImport = customElements.get('licence-card') !== undefined;

/** `LicenceCard` under the host's own name, registered the way the README says. */
function acmeCard(): void {
  if (!customElements.get('acme-licence-card')) customElements.define('acme-licence-card', LicenceCard);
}

/** Runs `fn` with console.warn captured; returns the warnings. */
function captureWarnings(fn: () => void): unknown[][] {
  const warnings: unknown[][] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => void warnings.push(args);
  try {
    fn();
  } finally {
    console.warn = original;
  }
  return warnings;
}

/** The same for async work; resolves to the warnings. */
async function captureWarningsAsync(fn: () => Promise<void>): Promise<unknown[][]> {
  const warnings: unknown[][] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => void warnings.push(args);
  try {
    await fn();
  } finally {
    console.warn = original;
  }
  return warnings;
}

describe('tag names: two copies of the library on one page', () => {
  it('a second copy registering a taken tag warns and does not throw; the first keeps working', async () => {
    // Another copy of the library brings its own, different class for the same tag.
    class SecondCopyProvider extends HTMLElement {}
    let warnings: unknown[][] = [];
    expect(() => {
      warnings = captureWarnings(() => defineElement('licence-provider', SecondCopyProvider));
    }).not.to.throw();
    expect(warnings).to.have.length(1);
    expect(String(warnings[0]![0])).to.contain('<licence-provider> is already registered');
    expect(customElements.get('licence-provider')).to.equal(LicenceProvider);

    // The first copy's provider still provides its store to the widgets inside.
    acmeCard();
    const provider = await fixture<LicenceProvider>(
      html`<licence-provider .adapter=${new MemoryAdapter(smallSeed())}>
        <acme-licence-card type-id="voice"></acme-licence-card>
      </licence-provider>`,
    );
    const card = provider.querySelector('acme-licence-card')!;
    await settle(card);
    expect(provider).to.be.instanceOf(LicenceProvider);
    expect(provider).not.to.be.instanceOf(SecondCopyProvider);
    expect(deepText(card)).to.contain('In use: 3 of 10');
  });

  it('the same class registered again (the same copy imported twice) is silent', () => {
    const warnings = captureWarnings(() => defineElement('licence-provider', LicenceProvider));
    expect(warnings).to.deep.equal([]);
    expect(customElements.get('licence-provider')).to.equal(LicenceProvider);
  });
});

describe('tag names: an element class under a host-chosen name', () => {
  it('importing the class module leaves the tag free', () => {
    expect(cardTagTakenByImport).to.equal(false);
  });

  it('customElements.define("acme-licence-card", LicenceCard) renders and edits like <licence-card>', async () => {
    acmeCard();
    const adapter = new MemoryAdapter(smallSeed());
    const el = await fixture<LicenceCard>(
      html`<acme-licence-card type-id="voice" .adapter=${adapter}></acme-licence-card>`,
    );
    await settle(el);
    expect(el).to.be.instanceOf(LicenceCard);
    const text = deepText(el);
    expect(text).to.contain('Voice');
    expect(text).to.contain('In use: 3 of 10');

    const changes: LicenceChangeDetail[] = [];
    el.addEventListener('licence-change', (e) => changes.push(e.detail));
    const spinbutton = deepQueryAll<HTMLInputElement>(el, '[role="spinbutton"]')[0]!;
    spinbutton.focus();
    await sendKeys({ press: 'ArrowUp' });
    await settle(el);
    expect(sharedStoreFor(adapter).state.draft).to.deep.equal({ counts: { voice: 11 } });
    expect(changes.at(-1)).to.deep.equal({ draft: { counts: { voice: 11 } } });
    expect(deepText(el)).to.contain('10 → 11');
    await expect(el).to.be.accessible();
  });

  it('a host that renamed LicenceCard can still use <licence-manager>, which renders <licence-card>', async () => {
    acmeCard();
    let manager: LicenceManager | undefined;
    const warnings = await captureWarningsAsync(async () => {
      manager = await fixture<LicenceManager>(
        html`<licence-manager
          .adapter=${new MemoryAdapter(smallSeed())}
          hide="installation"
        ></licence-manager>`,
      );
      await settle(manager);
      // A second manager finds <licence-card> already taken by the first: still no warning.
      const second = await fixture<LicenceManager>(
        html`<licence-manager
          .adapter=${new MemoryAdapter(smallSeed())}
          hide="installation"
        ></licence-manager>`,
      );
      await settle(second);
    });
    expect(warnings).to.deep.equal([]);
    const cards = deepQueryAll<LicenceCard>(manager!, 'licence-card');
    expect(cards.length).to.be.greaterThan(0);
    expect(cards[0]).to.be.instanceOf(LicenceCard);
    await settle(cards[0]!);
    expect(deepText(manager!)).to.contain('In use: 3 of 10');
    expect(customElements.get('acme-licence-card')).to.equal(LicenceCard);
  });
});
