// R11 usage alerts on the Speech-to-Text card: the words and icon past a threshold, the event once
// per crossing, and "Raise the limit to N" when it has stopped; memory and REST over MSW.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { LicensingAdapter, RequestOptions } from '../src/adapters/adapter.js';
import { MemoryAdapter, type MemorySeed } from '../src/adapters/memory/index.js';
import type { LicensingSnapshot, Permission } from '../src/core/index.js';
import '../src/elements/licence-card/licence-card.js';
import type { LicenceCard } from '../src/elements/licence-card/licence-card.component.js';
import type { LicenceUsageThresholdDetail } from '../src/events.js';
import { registerMessages } from '../src/i18n/locale.js';
import { common as csCommon } from '../src/locales/cs/common.js';
import { messages as csCard } from '../src/locales/cs/licence-card.js';
import { sharedStoreFor } from '../src/state/controller.js';
import { adapterFor, adapterModes, loaded } from './helpers/adapter-modes.js';
import { smallSeed } from './helpers/fixtures.js';
import { typeText } from './helpers/keys.js';
import { settle } from './helpers/settle.js';
import { deepQueryAll, deepText } from './helpers/widget-states.js';

/** Speech-to-Text of 5,000 base + 2,000 minutes with `used` minutes used (November 2026). */
function sttSeed(used: number, permission: Permission = 'update'): MemorySeed {
  const seed = smallSeed({ permission });
  seed.snapshot = { ...seed.snapshot, speechToText: { ...seed.snapshot.speechToText!, usedMinutes: used } };
  return seed;
}

/** A backend whose Speech-to-Text usage (and billing month) moves between loads, as the month goes on. */
class Metered extends MemoryAdapter {
  used = 0;
  period: LicensingSnapshot['period'] | undefined;
  override async load(options?: RequestOptions): Promise<LicensingSnapshot> {
    const s = await super.load(options);
    return {
      ...s,
      period: this.period ?? s.period,
      speechToText: { ...s.speechToText!, usedMinutes: this.used },
    };
  }
}

async function sttCard(adapter: LicensingAdapter, thresholds?: string, now = new Date(2026, 10, 10)) {
  const events: LicenceUsageThresholdDetail[] = [];
  const el = await fixture<LicenceCard>(
    html`<licence-card
      type-id="speech-to-text"
      thresholds=${thresholds ?? ''}
      .now=${now}
      .adapter=${adapter}
      @licence-usage-threshold=${(e: CustomEvent<LicenceUsageThresholdDetail>) => events.push(e.detail)}
    ></licence-card>`,
  );
  await loaded(el, adapter);
  return { el, events, store: sharedStoreFor(adapter) };
}

const line = (el: LicenceCard) => el.shadowRoot!.querySelector('[part="threshold"]');
const lineText = (el: LicenceCard) => line(el)?.textContent!.replace(/\s+/g, ' ').trim();
const raise = (el: LicenceCard) => el.shadowRoot!.querySelector<HTMLButtonElement>('[part="raise-button"]');

for (const mode of adapterModes) {
  describe(`licence-card: Speech-to-Text usage alerts (R11, ${mode})`, () => {
    it('past 75 % says so in words with an icon the screen reader skips, and tells the host once', async () => {
      const { el, events } = await sttCard(await adapterFor(mode, sttSeed(5500)));
      expect(lineText(el)).to.equal('Over 75% of the limit used');
      const icon = line(el)!.querySelector('svg')!;
      expect(icon.getAttribute('aria-hidden')).to.equal('true');
      expect(events).to.deep.equal([
        {
          service: 'speech-to-text',
          threshold: 75,
          usage: { used: 5500, limit: 7000, percent: (5500 / 7000) * 100 },
        },
      ]);
      await expect(el).to.be.accessible();
    });

    it('a crossing is told once: not on a re-render, a reload at the same level or a second card', async () => {
      const adapter = await adapterFor(mode, sttSeed(6400));
      const { el, events, store } = await sttCard(adapter);
      expect(events.map((e) => e.threshold)).to.deep.equal([75, 90]);
      // The meter's colour bands agree with the words: worse from 75 %, worst from 90 %.
      const meter = el.shadowRoot!.querySelector('meter')!;
      expect([meter.low, meter.high, meter.optimum]).to.deep.equal([5250, 6300, 0]);
      el.requestUpdate();
      await settle(el);
      await store.reload();
      await settle(el);
      const second = await sttCard(adapter);
      expect(lineText(second.el)).to.equal('Over 90% of the limit used');
      expect(events.length).to.equal(2);
      expect(second.events).to.deep.equal([]);
    });

    it('with a limit planned in the cart, the meter and its words follow the plan, and no alert is fired', async () => {
      const { el, events } = await sttCard(await adapterFor(mode, sttSeed(5000)));
      expect(line(el)).to.equal(null);
      const input = deepQueryAll<HTMLInputElement>(el, '[role="spinbutton"]')[0]!;
      input.focus();
      input.select();
      await sendKeys({ press: 'Backspace' });
      await typeText('500');
      await settle(el);
      // 5,000 of 5,500 planned minutes: past 90 %; the meter compares with the planned 5,500.
      expect(lineText(el)).to.equal('Over 90% of the limit used');
      expect(el.shadowRoot!.querySelector('meter')!.max).to.equal(5500);
      expect(events).to.deep.equal([]);
    });

    it('stopped: says when it resumes and what limit keeps it running, and one click puts that in the cart', async () => {
      const adapter = await adapterFor(mode, sttSeed(7000));
      const { el, events, store } = await sttCard(adapter);
      const changes: unknown[] = [];
      el.addEventListener('licence-change', (e) => changes.push(e.detail.draft));
      expect(lineText(el)).to.equal('100% of the limit used');
      expect(events.map((e) => e.threshold)).to.deep.equal([75, 90, 100]);
      const text = deepText(el);
      expect(text).to.contain('Speech-to-Text is stopped until December 1, 2026');
      // 7,000 minutes by the 10th of 30 days: 21,000 at that pace, 16,000 over the base pack.
      expect(text).to.contain(
        "Estimate at this month's pace: a limit of 16,000 minutes over the base pack (21,000 in all) keeps it running to the end of the month (November 30, 2026).",
      );
      // The money before the click: 16,000 × €0.02.
      expect(raise(el)!.textContent!.trim()).to.equal('Raise the limit to 16,000 (at most €320.00 a month)');
      raise(el)!.click();
      await settle(el);
      expect(store.state.draft).to.deep.equal({ speechToText: { limitOverBase: 16000 } });
      expect(changes).to.deep.equal([{ speechToText: { limitOverBase: 16000 } }]);
      const after = deepText(el);
      expect(after).to.contain('7,000 of 21,000 minutes used this month — resumes when you save');
      expect(after).not.to.contain('is stopped until');
      expect(raise(el)).to.equal(null);
      expect(line(el)).to.equal(null);
      // Focus goes to the limit field the button changed, not to the page.
      expect(el.shadowRoot!.activeElement?.tagName).to.equal('LK-NUMBER-STEPPER');
      expect(events.length).to.equal(3);
      await expect(el).to.be.accessible();
    });

    it('early in the month (the 2nd) offers the limit that resumes it now, a minute above the use', async () => {
      const adapter = await adapterFor(mode, sttSeed(7000));
      const { el, store } = await sttCard(adapter, undefined, new Date(2026, 10, 2));
      const text = deepText(el);
      expect(text).to.contain(
        'A limit of 2,001 minutes over the base pack (7,001 in all) resumes it now. It is too early in the month to tell what keeps it running to the end.',
      );
      expect(text).not.to.contain('105,000');
      expect(raise(el)!.textContent!.trim()).to.equal('Raise the limit to 2,001 (at most €40.02 a month)');
      raise(el)!.click();
      await settle(el);
      expect(store.state.draft).to.deep.equal({ speechToText: { limitOverBase: 2001 } });
      expect(deepText(el)).to.contain('7,000 of 7,001 minutes used this month — resumes when you save');
      await expect(el).to.be.accessible();
    });

    it('a user who may only view reads the same words, without the button', async () => {
      const { el } = await sttCard(await adapterFor(mode, sttSeed(7000, 'view')));
      expect(deepText(el)).to.contain('a limit of 16,000 minutes over the base pack');
      expect(raise(el)).to.equal(null);
      await expect(el).to.be.accessible();
    });
  });
}

describe('licence-card: Speech-to-Text thresholds and crossings (R11)', () => {
  it('takes the host\'s thresholds="50,80,100" and says "75%" exactly at 75 %', async () => {
    const { el, events } = await sttCard(new MemoryAdapter(sttSeed(5500)), '50,80,100');
    expect(lineText(el)).to.equal('Over 50% of the limit used');
    expect(events.map((e) => e.threshold)).to.deep.equal([50]);
    const exact = await sttCard(new MemoryAdapter(sttSeed(5250)));
    expect(lineText(exact.el)).to.equal('75% of the limit used');
  });

  it('with thresholds="100" alone says nothing until the limit is reached, and the meter stays good until then', async () => {
    const { el, events } = await sttCard(new MemoryAdapter(sttSeed(6900)), '100');
    expect(line(el)).to.equal(null);
    expect(events).to.deep.equal([]);
    const meter = el.shadowRoot!.querySelector('meter')!;
    expect([meter.low, meter.high]).to.deep.equal([7000, 7000]);
  });

  it('tells nothing to a user without access (R1)', async () => {
    const { el, events } = await sttCard(new MemoryAdapter(sttSeed(7000, 'none')));
    expect(line(el)).to.equal(null);
    expect(events).to.deep.equal([]);
  });

  it('refuses a bad list with a console warning that says why, and keeps 75, 90, 100', async () => {
    const warnings: unknown[][] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      const { el } = await sttCard(new MemoryAdapter(sttSeed(5500)), '50,eighty');
      expect(lineText(el)).to.equal('Over 75% of the limit used');
      el.requestUpdate();
      await settle(el);
    } finally {
      console.warn = warn;
    }
    expect(warnings.length).to.equal(1);
    expect(String(warnings[0]![0])).to.contain('thresholds="50,eighty" is refused (not-a-number: "eighty")');
  });

  it('tells again after usage fell below (a raised limit) and crossed again, and in a new month', async () => {
    const adapter = new Metered(sttSeed(0));
    adapter.used = 5300;
    const { el, events, store } = await sttCard(adapter);
    expect(events.map((e) => e.threshold)).to.deep.equal([75]);
    adapter.used = 5100; // below 75 % of 7,000
    await store.reload();
    await settle(el);
    expect(line(el)).to.equal(null);
    adapter.used = 5300;
    await store.reload();
    await settle(el);
    expect(events.map((e) => e.threshold)).to.deep.equal([75, 75]);
    adapter.period = { start: '2026-12-01', end: '2026-12-31' };
    await store.reload();
    await settle(el);
    expect(events.map((e) => e.threshold)).to.deep.equal([75, 75, 75]);
  });

  it('says nothing and tells nothing while Speech-to-Text is off or has no limit', async () => {
    const seed = sttSeed(6900);
    const off = {
      ...seed,
      snapshot: { ...seed.snapshot, speechToText: { ...seed.snapshot.speechToText!, enabled: false } },
    };
    const a = await sttCard(new MemoryAdapter(off));
    expect(line(a.el)).to.equal(null);
    const unlimited = {
      ...seed,
      snapshot: { ...seed.snapshot, speechToText: { ...seed.snapshot.speechToText!, limitOverBase: null } },
    };
    const b = await sttCard(new MemoryAdapter(unlimited));
    expect(line(b.el)).to.equal(null);
    expect([...a.events, ...b.events]).to.deep.equal([]);
  });

  it('the raise button leaves the money off when there is none to say', () => {
    expect(csCard.sttRaise(2001, null)).to.equal('Zvýšit limit na 2\u00a0001');
  });

  it('speaks Czech, with Czech percent and date formats', async () => {
    registerMessages('cs', 'common', csCommon);
    registerMessages('cs', 'licence-card', csCard);
    const el = await fixture<LicenceCard>(
      html`<licence-card
        lang="cs"
        type-id="speech-to-text"
        .now=${new Date(2026, 10, 10)}
        .adapter=${new MemoryAdapter(sttSeed(7000))}
      ></licence-card>`,
    );
    await settle(el);
    // Intl's Czech percent: a space (no-break) before the sign.
    expect(line(el)!.textContent!.trim()).to.match(/^Vyčerpáno 100\u00a0% limitu$/);
    expect(deepText(el)).to.match(
      /Odhad podle dosavadního tempa: až do konce měsíce \(30\. listopadu 2026\) ho udrží v chodu limit 16\s000 minut nad základní balíček \(celkem 21\s000\)\./,
    );
    expect(raise(el)!.textContent!.trim()).to.match(
      /^Zvýšit limit na 16\s000 \(nejvýše 320,00\s€ měsíčně\)$/,
    );
    el.now = new Date(2026, 10, 6);
    await settle(el);
    expect(deepText(el)).to.match(
      /Limit 2\s001 minut nad základní balíček \(celkem 7\s001\) ho hned znovu spustí\. Na odhad, co ho udrží v chodu až do konce měsíce, je ještě příliš brzy\./,
    );
  });
});
