// <licence-manager> on the memory adapter with the default data set: time to first render (until
// every card shows its data), then a count change (voice +1 on the card's stepper) to the next
// paint with the cart's review open and showing the new count.
import { MemoryAdapter } from '../src/adapters/memory/index.js';
import '../src/elements/licence-manager/licence-manager.js';
import type { LicenceManager } from '../src/elements/licence-manager/licence-manager.component.js';
import { storeFor } from '../src/state/controller.js';
import { measureToPaint, publish } from './common.js';

// The backend exists before the page asks it anything (the default data set: 250 agents, ten
// licence types, retention, Speech-to-Text, Power Pack, the installation licence).
const adapter = new MemoryAdapter(undefined, { now: () => new Date('2026-11-23T10:00:00Z') });
const snapshot = await adapter.load();
const voice = snapshot.lines.find((line) => line.typeId === 'voice')!.count;
// One card per licence type, plus the Speech-to-Text card.
const cardCount = snapshot.catalog.length + (snapshot.speechToText ? 1 : 0);

/** Every element matching `selector` under `root`, across shadow roots. */
function deepQueryAll<T extends Element>(root: Element | ShadowRoot, selector: string): T[] {
  const found = [...root.querySelectorAll<T>(selector)];
  for (const el of root.querySelectorAll('*'))
    if (el.shadowRoot) found.push(...deepQueryAll<T>(el.shadowRoot, selector));
  if (root instanceof Element && root.shadowRoot) found.push(...deepQueryAll<T>(root.shadowRoot, selector));
  return found;
}

const cardOf = (el: LicenceManager, typeId: string) =>
  deepQueryAll<HTMLElement>(el, 'licence-card').find((card) => card.getAttribute('type-id') === typeId);
/** The number the voice card's stepper shows. */
const voiceShown = (el: LicenceManager) =>
  cardOf(el, 'voice') &&
  deepQueryAll<HTMLInputElement>(cardOf(el, 'voice')!, 'input[part~="input"]')[0]?.value;
/** Whether every card shows its licence (not loading, name rendered). */
const cardsShown = (el: LicenceManager) => {
  const cards = deepQueryAll<HTMLElement>(el, 'licence-card');
  return (
    cards.length === cardCount &&
    cards.every(
      (card) => !card.matches(':state(loading)') && card.shadowRoot?.querySelector('[part~="name"]'),
    )
  );
};

const since = performance.now();
let el!: LicenceManager;
const firstRender = await measureToPaint(
  'first-render',
  () => {
    el = document.createElement('licence-manager');
    el.adapter = adapter;
    document.querySelector('main')!.append(el);
  },
  () => cardsShown(el) && voiceShown(el) === String(voice),
);

// Open the cart's review with one pending change (voice +1), as a user about to save would see it.
await new Promise((resolve) => setTimeout(resolve, 300));
storeFor(adapter).setCount('voice', voice + 1);
const cart = deepQueryAll<HTMLElement & { review(): Promise<void> }>(el, 'licence-cart')[0]!;
await cart.review();
await new Promise((resolve) => setTimeout(resolve, 300));
const dialog = cart.shadowRoot!.querySelector('dialog')!;
if (!dialog.open) throw new Error('The review did not open.');

/** The change the review shows on the Voice line ("210 → 212"). */
const reviewedVoice = () =>
  [...dialog.querySelectorAll('tbody tr')]
    .find((row) => row.querySelector('th')?.textContent?.trim() === 'Voice')
    ?.querySelector('td')
    ?.textContent?.trim();

const increase = deepQueryAll<HTMLButtonElement>(cardOf(el, 'voice')!, 'button[part~="increase"]')[0]!;
const target = voice + 2;
const countToPaint = await measureToPaint(
  'count-to-paint',
  // What a user's click on + does (the stepper's click handler), with the review open.
  () => increase.click(),
  () => voiceShown(el) === String(target) && reviewedVoice() === `${voice} → ${target}`,
);

await publish({ firstRender, countToPaint, elements: deepQueryAll(el, '*').length }, since);
