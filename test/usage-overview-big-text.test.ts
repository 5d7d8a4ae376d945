// <usage-overview>'s cards when the element is narrow for its text (below 20rem: a phone at 200 %
// text, issue #23): a long e-mail address takes two lines instead of ending in "…", and every card
// keeps one height, so the row window's arithmetic holds.
import './helpers/lit-warnings.js';
import { expect, fixture, html } from '@open-wc/testing';
import { MemoryAdapter } from '../src/adapters/memory/index.js';
import '../src/elements/usage-overview/usage-overview.js';
import type { UsageOverview } from '../src/elements/usage-overview/usage-overview.component.js';
import { smallSeed } from './helpers/fixtures.js';
import { until } from './helpers/grid-host.js';

const LONG = 'anna.novakova.contact-centre@example.com';
const root = (el: UsageOverview) => el.shadowRoot!;
const row = (el: UsageOverview, index: number) =>
  root(el).querySelector<HTMLElement>(`[role="row"][data-row="${index}"]`)!;
const rect = (node: Element) => node.getBoundingClientRect();

async function overview(width: string): Promise<UsageOverview> {
  const seed = smallSeed();
  const agents = seed.agents!.map((agent, i) => (i === 0 ? { ...agent, email: LONG } : agent));
  const el = await fixture<UsageOverview>(
    html`<usage-overview .adapter=${new MemoryAdapter({ ...seed, agents })}></usage-overview>`,
  );
  el.style.width = width;
  el.style.setProperty('--usage-overview-height', '40rem');
  await until(() => root(el).querySelector('[data-row="1"] .agent-name') !== null, 'the rows');
  await until(() => rect(row(el, 1)).top - rect(row(el, 0)).top === rect(row(el, 0)).height, 'the cards');
  return el;
}

describe('usage-overview cards narrow for their text', () => {
  it('shows a long e-mail whole, on two lines, in cards of one height', async () => {
    const el = await overview('300px');
    const email = row(el, 0).querySelector<HTMLElement>('[part~="agent-email"]')!;
    expect(email.textContent).to.equal(LONG);
    expect(email.scrollWidth, 'not cut sideways').to.be.at.most(email.clientWidth + 1);
    expect(email.scrollHeight, 'not cut below').to.be.at.most(email.clientHeight + 1);
    const line = parseFloat(getComputedStyle(email).lineHeight);
    expect(Math.round(rect(email).height / line), 'two lines').to.equal(2);
    // Inside its card, above the first licence.
    const card = rect(row(el, 0));
    expect(rect(email).bottom).to.be.at.most(card.bottom);
    expect(rect(email).bottom).to.be.at.most(rect(row(el, 0).querySelector('[role="gridcell"]')!).top + 1);
    // Every card one height: the next ones start one card apart.
    expect(rect(row(el, 2)).top - rect(row(el, 1)).top).to.equal(card.height);
  });

  it('keeps the e-mail on one line where the text fits (a phone at 100 %)', async () => {
    const el = await overview('390px');
    const email = row(el, 1).querySelector<HTMLElement>('[part~="agent-email"]')!;
    const line = parseFloat(getComputedStyle(email).lineHeight) || rect(email).height;
    expect(rect(email).height).to.be.at.most(line + 1);
    expect(getComputedStyle(email).whiteSpace).to.equal('nowrap');
  });

  it('starts each card with its name, no empty band above it, in a 390 px phone’s usage dialog (318 px)', async () => {
    const el = await overview('318px');
    const card = rect(row(el, 1));
    const name = rect(row(el, 1).querySelector('.agent-name')!);
    // The card's padding (0.5rem) and no more: a card one line taller centred the name lower.
    expect(name.top - card.top).to.be.at.most(10);
    expect(getComputedStyle(row(el, 1).querySelector('[part~="agent-email"]')!).whiteSpace).to.equal(
      'nowrap',
    );
  });
});
