// The part of the rule book a LicensingStore derives its state with, as one object the store is
// given (dependency injection) instead of importing it: widgets that only show data (usage
// overview, installation licence, the provider) then ship none of validate / quote / applyDraft.
// The widgets that show issues, prices or the planned values pass `ruleBook` to the store
// (`store.useRules(ruleBook)`, done by their controller); a store that has none loads this module
// itself before it commits, so R9 ("errors block Save") never depends on which widgets are on the
// page.

import { applyDraft } from './apply.js';
import { quote } from './quote.js';
import { canCommit, validate } from './validate.js';

/**
 * What a store needs from the rule book to derive `issues`, `quote`, `after` and `canSave`, and to
 * judge a draft before it commits. `ruleBook` is the one implementation; the shape is an interface
 * so the store can take it without importing it.
 */
export interface RuleBook {
  /** R1–R4, R6–R9: the draft's issues (`validate`). */
  readonly validate: typeof validate;
  /** R9: whether no issue blocks the commit (`canCommit`). */
  readonly canCommit: typeof canCommit;
  /** R5: the draft priced (`quote`); throws when amounts leave safe integers. */
  readonly quote: typeof quote;
  /** R5, R9: the snapshot with the draft applied (`applyDraft`); throws like `quote`. */
  readonly applyDraft: typeof applyDraft;
}

/** The rule book's functions, for `LicensingStore.useRules` (or `new LicensingStore(a, { rules })`). */
export const ruleBook: RuleBook = Object.freeze({ validate, canCommit, quote, applyDraft });
