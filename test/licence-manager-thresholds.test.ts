// <licence-manager thresholds="…">: the usage alerts' thresholds (R11) set once for the page reach
// the Speech-to-Text card and the Power Pack limits, in words and in `licence-usage-threshold`.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { MemoryAdapter } from '../src/adapters/memory/index.js';
import '../src/elements/licence-manager/licence-manager.js';
import type { LicenceUsageThresholdDetail } from '../src/events.js';
import { loaded } from './helpers/adapter-modes.js';
import { smallSeed } from './helpers/fixtures.js';
import { deepQueryAll, deepText } from './helpers/widget-states.js';

const thresholdText = (el: Element, tag: string) =>
  deepQueryAll(el, tag)
    .flatMap((w) => deepQueryAll(w, '[part~="threshold"]'))
    .map((p) => deepText(p));

describe('licence-manager thresholds', () => {
  it('passes thresholds="30,60,100" to the Speech-to-Text card and the Power Pack limits', async () => {
    // Speech-to-Text 5,500 of 7,000 minutes (79 %); Smart routing 4 of 10 packs (40 %).
    const adapter = new MemoryAdapter(smallSeed());
    const crossed: LicenceUsageThresholdDetail[] = [];
    const el = await fixture(
      html`<licence-manager
        thresholds="30,60,100"
        .adapter=${adapter}
        @licence-usage-threshold=${(e: CustomEvent<LicenceUsageThresholdDetail>) => crossed.push(e.detail)}
      ></licence-manager>`,
    );
    await loaded(el, adapter);
    await waitUntil(() => thresholdText(el, 'power-pack-limits').length > 0, 'the Power Pack alert');
    expect(thresholdText(el, 'licence-card')).to.deep.equal(['Over 60% of the limit used']);
    expect(thresholdText(el, 'power-pack-limits')).to.deep.equal(['Over 30% of the limit used']);
    const events = crossed.map((c) => [c.service, c.threshold]);
    expect(events).to.deep.include.members([
      ['speech-to-text', 60],
      ['smart-routing', 30],
    ]);
    expect(events).not.to.deep.include(['speech-to-text', 75]);
  });

  it('keeps the default 75, 90, 100 without it', async () => {
    const adapter = new MemoryAdapter(smallSeed());
    const el = await fixture(html`<licence-manager .adapter=${adapter}></licence-manager>`);
    await loaded(el, adapter);
    await waitUntil(() => thresholdText(el, 'licence-card').length > 0, 'the Speech-to-Text alert');
    expect(thresholdText(el, 'licence-card')).to.deep.equal(['Over 75% of the limit used']);
    expect(thresholdText(el, 'power-pack-limits')).to.deep.equal([]);
  });
});
