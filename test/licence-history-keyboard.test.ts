// <licence-history> by keyboard and in Czech: focus stays on the pager when the button pressed is
// disabled by its own page, and the CSV a spreadsheet sums. Memory and REST over MSW.
import './helpers/lit-warnings.js';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/elements/licence-history/licence-history.js';
import '../src/locales/cs.js';
import type { LicensingAdapter } from '../src/adapters/adapter.js';
import type { MemorySeed } from '../src/adapters/memory/index.js';
import { historyEntry, quote, type ChangeSet, type LicensingSnapshot } from '../src/core/index.js';
import { adapterFor, adapterModes, loaded } from './helpers/adapter-modes.js';
import { smallSnapshot } from './helpers/fixtures.js';
import { deepQueryAll, deepText } from './helpers/widget-states.js';

const DAY = 86_400_000;

/** Commits of `changes` on the small snapshot, `days` ago each, by `user`. */
function seed(...commits: [days: number, user: string, changes: ChangeSet][]): MemorySeed {
  const s: LicensingSnapshot = smallSnapshot();
  return {
    snapshot: s,
    agents: [],
    installationLicense: null,
    history: commits.map(([days, user, changes], i) =>
      historyEntry({
        id: `h${i}`,
        at: new Date(Date.now() - days * DAY).toISOString(),
        user,
        version: `v0-${i}`,
        changes,
        quote: quote(s, changes),
      }),
    ),
  };
}

const three = () =>
  seed(
    [200, 'Petr Novák', { counts: { email: 5 } }],
    [40, 'Petr Novák', { retention: { months: 3 } }],
    [1, 'Jana Dvořáková', { counts: { voice: 14 } }],
  );

async function history(adapter: LicensingAdapter, attrs = '') {
  const el = await fixture(
    attrs === 'cs'
      ? html`<licence-history lang="cs" .adapter=${adapter} page-size="2"></licence-history>`
      : html`<licence-history .adapter=${adapter} page-size="2"></licence-history>`,
  );
  await loaded(el, adapter);
  return el;
}

async function shows(el: Element, text: string) {
  await waitUntil(() => deepText(el).includes(text), `"${text}"; it shows: ${deepText(el)}`, {
    timeout: 5000,
  });
}

/** The element that has focus, through every shadow root. */
function focused(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

const button = (el: Element, name: string) =>
  deepQueryAll<HTMLButtonElement>(el, 'button').find((b) => b.textContent!.trim() === name)!;

for (const mode of adapterModes) {
  describe(`licence-history by keyboard (${mode})`, () => {
    it('moves focus to Previous when Next reaches the last page, and back to Next from the first', async () => {
      const el = await history(await adapterFor(mode, three()));
      await shows(el, '1–2 of 3');
      button(el, 'Next').focus();
      await sendKeys({ press: 'Enter' });
      await shows(el, '3–3 of 3');
      await waitUntil(() => focused()?.textContent?.trim() === 'Previous', 'focus on Previous');
      expect(button(el, 'Next').disabled).to.equal(true);
      await sendKeys({ press: 'Enter' });
      await shows(el, '1–2 of 3');
      await waitUntil(() => focused()?.textContent?.trim() === 'Next', 'focus on Next');
      expect(button(el, 'Previous').disabled).to.equal(true);
      await expect(el).to.be.accessible();
    });

    it('keeps focus on Next while there are pages after it', async () => {
      const el = await history(
        await adapterFor(
          mode,
          seed(
            [90, 'Petr Novák', { counts: { email: 3 } }],
            [60, 'Petr Novák', { counts: { email: 4 } }],
            [30, 'Petr Novák', { counts: { email: 5 } }],
            [20, 'Eva Svobodová', { counts: { voice: 12 } }],
            [1, 'Jana Dvořáková', { counts: { voice: 14 } }],
          ),
        ),
      );
      await shows(el, '1–2 of 5');
      button(el, 'Next').focus();
      await sendKeys({ press: 'Enter' });
      await shows(el, '3–4 of 5');
      expect(focused()?.textContent?.trim()).to.equal('Next');
      expect(button(el, 'Next').disabled).to.equal(false);
    });
  });
}

describe('the demo history', () => {
  it('spreads its commits over realistic times of day, not one minute', async () => {
    const { createDemoSeed } = await import('../src/adapters/memory/demo-data.js');
    const { createDemoHistory } = await import('../src/adapters/memory/demo-history.js');
    const now = new Date('2026-11-23T10:00:00Z');
    const entries = createDemoHistory(createDemoSeed({ now }).snapshot, now);
    const minutes = new Set(entries.map((e) => e.at.slice(11, 16)));
    expect(minutes.size).to.equal(entries.length);
    for (const e of entries) {
      expect(Date.parse(e.at)).to.be.below(now.getTime());
      const hour = Number(e.at.slice(11, 13));
      expect(hour).to.be.within(7, 16); // office hours in Central Europe, in UTC
    }
  });
});
