// What the store derives from snapshot + draft with the rule book it was given: issues, quote,
// the planned snapshot and whether Save is allowed. Apart from the store so the derivation reads
// in one place; the rules themselves stay in src/core.
import { canEdit, type RuleBook } from '../core/index.js';
import { drafting } from './requests.js';
import type { LicensingState } from './state.js';

/** `run()`, or `fallback` when it throws: amounts beyond safe integers, which `validate` reports. */
function attempt<T, F>(run: () => T, fallback: F): T | F {
  try {
    return run();
  } catch {
    return fallback;
  }
}

/**
 * The derived part of `next`. Without rules there is nothing to derive but `dirty`: no issues, no
 * quote, `planned` the snapshot, and `canSave` false, because "no blocking error" is the rule
 * book's to say (R9). No widget that offers Save is without rules; `commit()` judges with them in
 * any case. The quote is undefined, and `planned` the snapshot, when the draft's amounts leave
 * safe integers (`validate` says so: amount-too-large). `after` is `planned` under its deprecated
 * name.
 */
export function derivedState(rules: RuleBook | undefined, next: LicensingState): Partial<LicensingState> {
  const { snapshot, draft } = next;
  if (!snapshot) return {};
  const dirty = Object.keys(draft).length > 0;
  const issues = rules ? rules.validate(snapshot, draft) : [];
  const planned = rules ? attempt(() => rules.applyDraft(snapshot, draft), snapshot) : snapshot;
  return {
    requests: { ...next.requests, drafting: drafting(next.requests.enabled, snapshot) },
    issues,
    quote: rules && attempt(() => rules.quote(snapshot, draft), undefined),
    planned,
    after: planned,
    dirty,
    canSave:
      !!rules &&
      dirty &&
      next.commit.status !== 'saving' &&
      canEdit(snapshot.permission) &&
      rules.canCommit(issues),
  };
}
