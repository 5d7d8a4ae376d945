import type { html, nothing } from 'lit';
import type { live } from 'lit/directives/live.js';

/**
 * The Lit functions the selection's chunk renders with, lent by the overview (its chunk has them
 * anyway). Imported here, Lit would move into a chunk of its own that the overview's chunk then
 * imports through a list of exported names: bytes every page pays up front, selection or not.
 * Filled by `AssignController`'s constructor, before anything renders.
 */
export interface Lit {
  readonly html: typeof html;
  readonly nothing: typeof nothing;
  readonly live: typeof live;
}

export const lit = {} as Lit;

/** Lit's `nothing`, as a type. */
export type Nothing = Lit['nothing'];
