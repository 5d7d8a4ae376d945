// R11 usage alerts in power-pack-limits: per service, the words and icon past a threshold, the event
// once per crossing, and "Raise the … limit to N packs" for a stopped service; memory and REST over MSW.
import { expect, fixture, html } from '@open-wc/testing';
import type { LicensingAdapter } from '../src/adapters/adapter.js';
import { MemoryAdapter, type MemorySeed } from '../src/adapters/memory/index.js';
import type { Permission, PowerPack } from '../src/core/index.js';
import '../src/elements/power-pack-limits/power-pack-limits.js';
import type { PowerPackLimits } from '../src/elements/power-pack-limits/power-pack-limits.component.js';
import type { LicenceUsageThresholdDetail } from '../src/events.js';
import { registerMessages } from '../src/i18n/locale.js';
import { common as csCommon } from '../src/locales/cs/common.js';
import { messages as csLimits } from '../src/locales/cs/power-pack-limits.js';
import { sharedStoreFor } from '../src/state/controller.js';
import { adapterFor, adapterModes, loaded } from './helpers/adapter-modes.js';
import { smallSeed } from './helpers/fixtures.js';
import { settle } from './helpers/settle.js';

/** Smart routing 8 of 10 packs, AI Topics 5 of 5 (stopped), AI QA 2 with no limit; November 2026. */
function seed(permission: Permission = 'update', change: Partial<PowerPack> = {}): MemorySeed {
  const base = smallSeed({ permission });
  return {
    ...base,
    snapshot: {
      ...base.snapshot,
      powerPack: {
        ...base.snapshot.powerPack!,
        services: [
          { id: 'smart-routing', name: 'Smart routing', limit: 10, used: 8 },
          { id: 'ai-topics', name: 'AI Topics', limit: 5, used: 5 },
          { id: 'ai-qa', name: 'AI QA', limit: null, used: 2 },
        ],
        ...change,
      },
    },
  };
}

async function limits(
  adapter: LicensingAdapter,
  thresholds?: string,
  lang?: string,
  now = new Date(2026, 10, 10),
) {
  const events: LicenceUsageThresholdDetail[] = [];
  const el = await fixture<PowerPackLimits>(
    html`<power-pack-limits
      lang=${lang ?? 'en'}
      thresholds=${thresholds ?? ''}
      .now=${now}
      .adapter=${adapter}
      @licence-usage-threshold=${(e: CustomEvent<LicenceUsageThresholdDetail>) => events.push(e.detail)}
    ></power-pack-limits>`,
  );
  await loaded(el, adapter);
  return { el, events, store: sharedStoreFor(adapter) };
}

const item = (el: PowerPackLimits, name: string) =>
  [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="service"]')].find(
    (li) => li.querySelector('h4')!.textContent === name,
  )!;
const words = (li: HTMLElement, part: string) =>
  li.querySelector(`[part="${part}"]`)?.textContent!.replace(/\s+/g, ' ').trim();

for (const mode of adapterModes) {
  describe(`power-pack-limits: usage alerts (R11, ${mode})`, () => {
    it('says per service which threshold it is past, with an icon, and tells the host once per crossing', async () => {
      const { el, events } = await limits(await adapterFor(mode, seed()));
      expect(words(item(el, 'Smart routing'), 'threshold')).to.equal('Over 75% of the limit used');
      expect(words(item(el, 'AI Topics'), 'threshold')).to.equal('100% of the limit used');
      expect(words(item(el, 'AI QA'), 'threshold')).to.equal(undefined);
      expect(
        item(el, 'AI Topics').querySelector('[part="threshold"] svg')!.getAttribute('aria-hidden'),
      ).to.equal('true');
      expect(events).to.deep.equal([
        { service: 'smart-routing', threshold: 75, usage: { used: 8, limit: 10, percent: 80 } },
        { service: 'ai-topics', threshold: 75, usage: { used: 5, limit: 5, percent: 100 } },
        { service: 'ai-topics', threshold: 90, usage: { used: 5, limit: 5, percent: 100 } },
        { service: 'ai-topics', threshold: 100, usage: { used: 5, limit: 5, percent: 100 } },
      ]);
      el.requestUpdate();
      await settle(el);
      expect(events.length).to.equal(4);
      await expect(el).to.be.accessible();
    });

    it('a stopped service says what keeps it running; one click puts the raised limit in the cart', async () => {
      const { el, events, store } = await limits(await adapterFor(mode, seed()));
      const topics = item(el, 'AI Topics');
      // 5 packs by the 10th of 30 days: 15 at that pace.
      expect(words(topics, 'keep-running')).to.equal(
        "Estimate at this month's pace: a limit of 15 packs keeps it running to the end of the month (November 30, 2026).",
      );
      expect(words(topics, 'stopped')).to.equal('Limit reached: stopped until December 1, 2026.');
      const button = topics.querySelector<HTMLButtonElement>('[part="raise-button"]')!;
      // The money before the click: 15 × €49.00.
      expect(button.textContent!.trim()).to.equal(
        'Raise the AI Topics limit to 15 packs (at most €735.00 a month)',
      );
      button.click();
      await settle(el);
      expect(store.state.draft).to.deep.equal({ powerPack: { limits: { 'ai-topics': 15 } } });
      const after = item(el, 'AI Topics');
      expect(words(after, 'usage')).to.equal('5 of 15 packs used this month — resumes when you save');
      expect(after.querySelector('[part="raise-button"]')).to.equal(null);
      expect(after.querySelector('[part="stopped"]')).to.equal(null);
      // The meter and its words compare with the planned 15: 33 %, below every threshold.
      expect(after.querySelector('meter')!.max).to.equal(15);
      expect(words(after, 'threshold')).to.equal(undefined);
      expect((el.shadowRoot!.activeElement as HTMLElement | null)?.getAttribute('label')).to.equal(
        'AI Topics: most packs per month',
      );
      expect(events.length).to.equal(4);
      await expect(el).to.be.accessible();
    });

    it('early in the month (the 2nd) offers only the limit that resumes it now, and says why', async () => {
      const { el, store } = await limits(
        await adapterFor(mode, seed()),
        undefined,
        undefined,
        new Date(2026, 10, 2),
      );
      const topics = item(el, 'AI Topics');
      // Not 75 packs from two days' use: one above the 5 used.
      expect(words(topics, 'keep-running')).to.equal(
        'A limit of 6 packs resumes it now. It is too early in the month to tell what keeps it running to the end.',
      );
      const button = topics.querySelector<HTMLButtonElement>('[part="raise-button"]')!;
      expect(button.textContent!.trim()).to.equal(
        'Raise the AI Topics limit to 6 packs (at most €294.00 a month)',
      );
      button.click();
      await settle(el);
      expect(store.state.draft).to.deep.equal({ powerPack: { limits: { 'ai-topics': 6 } } });
      expect(words(item(el, 'AI Topics'), 'usage')).to.equal(
        '5 of 6 packs used this month — resumes when you save',
      );
      await expect(el).to.be.accessible();
    });

    it('a user who may only view reads what would keep it running, without a button', async () => {
      const { el } = await limits(await adapterFor(mode, seed('view')));
      expect(words(item(el, 'AI Topics'), 'keep-running')).to.contain('a limit of 15 packs');
      expect(el.shadowRoot!.querySelector('[part="raise-button"]')).to.equal(null);
      await expect(el).to.be.accessible();
    });
  });
}

describe('power-pack-limits: the limit offered on the boundary day (R11)', () => {
  it('the 6th still only resumes it; from the 7th the pace is projected, as an estimate', async () => {
    const sixth = await limits(new MemoryAdapter(seed()), undefined, undefined, new Date(2026, 10, 6));
    expect(words(item(sixth.el, 'AI Topics'), 'keep-running')).to.match(
      /^A limit of 6 packs resumes it now\./,
    );
    // 5 packs by the 7th of 30 days: 5 × 30 / 7 = 21.4 → 22.
    const seventh = await limits(new MemoryAdapter(seed()), undefined, undefined, new Date(2026, 10, 7));
    const topics = item(seventh.el, 'AI Topics');
    expect(words(topics, 'keep-running')).to.equal(
      "Estimate at this month's pace: a limit of 22 packs keeps it running to the end of the month (November 30, 2026).",
    );
    expect(words(topics, 'raise-button')).to.equal(
      'Raise the AI Topics limit to 22 packs (at most €1,078.00 a month)',
    );
  });

  it('leaves the money off the button when the amount is too large to hold', async () => {
    const huge = seed('update', {
      services: [{ id: 'ai-topics', name: 'AI Topics', limit: 1e13, used: 1e13 }],
    });
    const { el } = await limits(new MemoryAdapter(huge), undefined, undefined, new Date(2026, 10, 2));
    expect(words(item(el, 'AI Topics'), 'raise-button')).to.equal(
      'Raise the AI Topics limit to 10,000,000,000,001 packs',
    );
    expect(csLimits.raise('AI Topics', 7, null)).to.equal('Zvýšit limit služby AI Topics na 7 balíčků');
  });

  it('says the early-month offer in Czech, with Czech money', async () => {
    registerMessages('cs', 'common', csCommon);
    registerMessages('cs', 'power-pack-limits', csLimits);
    const early = await limits(new MemoryAdapter(seed()), undefined, 'cs', new Date(2026, 10, 2));
    const topics = item(early.el, 'AI Topics');
    expect(words(topics, 'keep-running')).to.equal(
      'Limit 6 balíčků ji hned znovu spustí. Na odhad, co ji udrží v chodu až do konce měsíce, je ještě příliš brzy.',
    );
    expect(words(topics, 'raise-button')).to.match(
      /^Zvýšit limit služby AI Topics na 6 balíčků \(nejvýše 294,00\s€ měsíčně\)$/,
    );
  });
});

describe('power-pack-limits: thresholds (R11)', () => {
  it('takes thresholds="50,80,100" from the host', async () => {
    const { el, events } = await limits(new MemoryAdapter(seed()), '50,80,100');
    expect(words(item(el, 'Smart routing'), 'threshold')).to.equal('80% of the limit used');
    const meter = item(el, 'Smart routing').querySelector('meter')!;
    expect([meter.low, meter.high]).to.deep.equal([5, 8]);
    expect(events.filter((e) => e.service === 'smart-routing').map((e) => e.threshold)).to.deep.equal([
      50, 80,
    ]);
  });

  it('a lower limit planned in the cart moves the words, not the alerts', async () => {
    const { el, events, store } = await limits(new MemoryAdapter(seed()));
    store.edit({ powerPack: { limits: { 'smart-routing': 8 } } });
    await settle(el);
    expect(words(item(el, 'Smart routing'), 'threshold')).to.equal('100% of the limit used');
    expect(events.filter((e) => e.service === 'smart-routing').map((e) => e.threshold)).to.deep.equal([75]);
  });

  it('says nothing and tells nothing while the Power Pack is off', async () => {
    const { el, events } = await limits(new MemoryAdapter(seed('update', { enabled: false })));
    expect(el.shadowRoot!.querySelector('[part="threshold"]')).to.equal(null);
    expect(events).to.deep.equal([]);
  });

  it('speaks Czech', async () => {
    registerMessages('cs', 'common', csCommon);
    registerMessages('cs', 'power-pack-limits', csLimits);
    const { el } = await limits(new MemoryAdapter(seed()), undefined, 'cs');
    const topics = item(el, 'AI Topics');
    expect(topics.querySelector('[part="threshold"]')!.textContent!.trim()).to.match(
      /^Vyčerpáno 100\u00a0% limitu$/,
    );
    expect(words(item(el, 'Smart routing'), 'threshold')).to.match(/^Vyčerpáno přes 75\s% limitu$/);
    expect(words(topics, 'keep-running')).to.equal(
      'Odhad podle dosavadního tempa: až do konce měsíce (30. listopadu 2026) ji udrží v chodu limit 15 balíčků.',
    );
    expect(topics.querySelector('[part="raise-button"]')!.textContent!.trim()).to.match(
      /^Zvýšit limit služby AI Topics na 15 balíčků \(nejvýše 735,00\s€ měsíčně\)$/,
    );
  });
});
