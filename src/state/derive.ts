// What the store derives from snapshot + draft with the rule book it was given: issues, quote,
// the planned snapshot and whether Save is allowed. Apart from the store so the derivation reads
// in one place; the rules themselves stay in src/core.
import { canEdit, type ChangeSet, type LicensingSnapshot, type Quote, type RuleBook } from '../core/index.js';
import type { LicensingState } from './state.js';

/** The quote, or undefined when its amounts leave safe integers (`validate` says so: amount-too-large). */
function quoteOrNothing(rules: RuleBook, snapshot: LicensingSnapshot, draft: ChangeSet): Quote | undefined {
  try {
    return rules.quote(snapshot, draft);
  } catch {
    return undefined;
  }
}

/** The draft applied, or the snapshot when that leaves safe integers (`validate` reports it). */
function applyDraftOrSnapshot(
  rules: RuleBook,
  snapshot: LicensingSnapshot,
  draft: ChangeSet,
): LicensingSnapshot {
  try {
    return rules.applyDraft(snapshot, draft);
  } catch {
    return snapshot;
  }
}

/**
 * The derived part of `next`. Without rules there is nothing to derive but `dirty`: no issues, no
 * quote, `planned` the snapshot, and `canSave` false, because "no blocking error" is the rule
 * book's to say (R9). No widget that offers Save is without rules; `commit()` judges with them in
 * any case. `after` is `planned` under its deprecated name.
 */
export function derivedState(rules: RuleBook | undefined, next: LicensingState): Partial<LicensingState> {
  const { snapshot, draft } = next;
  if (!snapshot) return {};
  const dirty = Object.keys(draft).length > 0;
  if (!rules) {
    return { issues: [], quote: undefined, planned: snapshot, after: snapshot, dirty, canSave: false };
  }
  const issues = rules.validate(snapshot, draft);
  const planned = applyDraftOrSnapshot(rules, snapshot, draft);
  return {
    issues,
    quote: quoteOrNothing(rules, snapshot, draft),
    planned,
    after: planned,
    dirty,
    canSave:
      dirty && next.commit.status !== 'saving' && canEdit(snapshot.permission) && rules.canCommit(issues),
  };
}
