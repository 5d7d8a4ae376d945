import type { TemplateResult } from 'lit';
import type { LicensingState } from '../../state/state.js';
import type { AssignMessages } from './assign.messages.js';
import { lit, type Nothing } from './assign-lit.js';

/**
 * The banner over a usage overview filtered on `typeId` (the selection's chunk): while R3 blocks
 * the pending reduction of that type, how many licences to free ("Free 3 Voice licences to reduce
 * to 8"); once enough are free, that the reduction can be saved, with "Back to the cart"
 * (`licence-back-to-cart` on `host`). `blocked` remembers the types whose reduction was blocked
 * while this overview showed them, so the way back shows only after a block.
 */
export function freeBanner(
  host: HTMLElement,
  typeId: string,
  state: LicensingState,
  m: AssignMessages,
  name: string,
  blocked: Map<string, number>,
): TemplateResult | Nothing {
  const { html } = lit;
  const issue = state.issues.find((each) => each.code === 'reduce-below-in-use' && each.typeId === typeId);
  if (issue?.code === 'reduce-below-in-use') {
    blocked.set(typeId, issue.requested);
    return html`<p part="banner" class="banner" role="status">
      ${m.mustFree(name, issue.mustFree, issue.requested)}
    </p>`;
  }
  const counts = state.draft.counts ?? {};
  const to = Object.hasOwn(counts, typeId) ? counts[typeId] : undefined;
  if (!blocked.has(typeId) || to === undefined) return lit.nothing;
  const back = (): void => {
    // Not `emit` from events.ts: sharing it with the overview's chunk would cost every page bytes.
    host.dispatchEvent(
      new CustomEvent('licence-back-to-cart', { detail: { typeId }, bubbles: true, composed: true }),
    );
  };
  return html`<div part="banner" class="banner done" role="status">
    <span>${m.freed(name, to)}</span>
    <button class="button" part="back-button" type="button" @click=${back}>${m.backToCart}</button>
  </div>`;
}
