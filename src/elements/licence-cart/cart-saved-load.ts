// Loads what the cart says of a change request it saves (cart-saved.ts), once one is reviewed. It
// comes in request mode's chunk (cart-request.ts), whose words it uses, rather than a chunk of its
// own. A property, so a test can make it fail as a replaced deploy would (the cart then says a
// plain "saved").
import type * as Saved from './cart-saved.js';

/** What cart-saved.ts exports. */
export type SavedWords = typeof Saved;

export const savedChunk = {
  load: (): Promise<SavedWords> => import('./cart-request.js'),
};
