// R9 the cart. "Every change that can touch the invoice (counts, switches, limits, retention) goes
// into one draft." These helpers keep that draft canonical: it holds only real changes, so the cart
// lists exactly what will be committed and an unchanged page has nothing to save.

import { findService, findType, lineFor } from './lookup.js';
import { isSameRetention } from './retention.js';
import type { ChangeSet, LicensingSnapshot, Permission, Retention } from './types.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * R9: the draft without its no-op entries: counts equal to the current count (a catalog type with
 * no line counts 0), a retention equal to the current one, switches and limits already set so, and
 * sub-objects left empty. Entries the rules reject (unknown ids, NaN, features the snapshot lacks)
 * are kept, so `validate` can report them. Returns a new object; the input is not touched.
 */
export function normaliseDraft(snapshot: LicensingSnapshot, draft: ChangeSet): ChangeSet {
  const out: Mutable<ChangeSet> = {};

  const counts = Object.entries(draft.counts ?? {}).filter(
    ([typeId, n]) =>
      n !== undefined && !(findType(snapshot, typeId) && n === lineFor(snapshot, typeId).count),
  );
  // fromEntries defines own properties, so an id such as '__proto__' stays plain data.
  if (counts.length > 0) out.counts = Object.fromEntries(counts);

  const recording = snapshot.recording;
  if (
    draft.retention !== undefined &&
    !(recording && isSameRetention(draft.retention, recording.retention))
  ) {
    out.retention = draft.retention;
  }

  const stt = snapshot.speechToText;
  const sttDraft: Mutable<NonNullable<ChangeSet['speechToText']>> = {};
  const { enabled: sttEnabled, limitOverBase } = draft.speechToText ?? {};
  if (sttEnabled !== undefined && sttEnabled !== stt?.enabled) sttDraft.enabled = sttEnabled;
  if (limitOverBase !== undefined && !(stt && limitOverBase === stt.limitOverBase)) {
    sttDraft.limitOverBase = limitOverBase;
  }
  if (Object.keys(sttDraft).length > 0) out.speechToText = sttDraft;

  const pp = snapshot.powerPack;
  const ppDraft: Mutable<NonNullable<ChangeSet['powerPack']>> = {};
  const { enabled: ppEnabled, limits } = draft.powerPack ?? {};
  if (ppEnabled !== undefined && ppEnabled !== pp?.enabled) ppDraft.enabled = ppEnabled;
  const changedLimits = Object.entries(limits ?? {}).filter(
    ([serviceId, limit]) => limit !== undefined && limit !== findService(snapshot, serviceId)?.limit,
  );
  if (changedLimits.length > 0) ppDraft.limits = Object.fromEntries(changedLimits);
  if (Object.keys(ppDraft).length > 0) out.powerPack = ppDraft;

  return out;
}

/** R9: whether the draft changes nothing (so there is nothing to save). */
export function isEmptyDraft(snapshot: LicensingSnapshot, draft: ChangeSet): boolean {
  return Object.keys(normaliseDraft(snapshot, draft)).length === 0;
}

/**
 * R9: `patch` laid over `base`, entry by entry (counts and limits per id), as the store does on
 * each edit. A `null` limit in `patch` is a value ("no limit"), not a gap. Normalise the result
 * against the snapshot to drop edits that went back to the current value.
 */
export function mergeDraft(base: ChangeSet, patch: ChangeSet): ChangeSet {
  const out: Mutable<ChangeSet> = {};
  if (base.counts || patch.counts) out.counts = { ...base.counts, ...patch.counts };
  const retention = patch.retention ?? base.retention;
  if (retention) out.retention = retention;
  if (base.speechToText || patch.speechToText) {
    out.speechToText = { ...base.speechToText, ...definedOnly(patch.speechToText) };
  }
  if (base.powerPack || patch.powerPack) {
    const powerPack: Mutable<NonNullable<ChangeSet['powerPack']>> = {
      ...base.powerPack,
      ...definedOnly({ enabled: patch.powerPack?.enabled }),
    };
    if (base.powerPack?.limits || patch.powerPack?.limits) {
      powerPack.limits = { ...base.powerPack?.limits, ...patch.powerPack?.limits };
    }
    out.powerPack = powerPack;
  }
  return out;
}

/** The entries of `o` whose value is not `undefined` (so a spread cannot erase a set value). */
function definedOnly<T extends object>(o: T | undefined): Partial<T> {
  return Object.fromEntries(Object.entries(o ?? {}).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** A value that changed between two snapshots. */
export interface Change<T> {
  readonly from: T;
  readonly to: T;
}

/** Something the draft relies on that another user changed meanwhile (R9 rebase after a conflict). */
export type UnderneathChange =
  | ({ readonly kind: 'permission' } & Change<Permission>)
  | ({ readonly kind: 'count'; readonly typeId: string } & Change<number>)
  | ({ readonly kind: 'retention' } & Change<Retention>)
  | ({ readonly kind: 'speech-to-text-enabled' } & Change<boolean>)
  | ({ readonly kind: 'speech-to-text-limit' } & Change<number | null>)
  | ({ readonly kind: 'power-pack-enabled' } & Change<boolean>)
  | ({ readonly kind: 'power-pack-limit'; readonly serviceId: string } & Change<number | null>);

/**
 * R9: after a conflict the store reloads (`latest`), keeps the draft whole, re-validates, and shows
 * what changed underneath. This lists the values the draft touches (and the permission) that differ
 * between the snapshot the draft was made on (`base`) and `latest`. A feature missing from either
 * snapshot is left to `validate` (`feature-unavailable`).
 */
export function changedUnderneath(
  base: LicensingSnapshot,
  latest: LicensingSnapshot,
  draft: ChangeSet,
): UnderneathChange[] {
  const changes: UnderneathChange[] = [];
  if (base.permission !== latest.permission) {
    changes.push({ kind: 'permission', from: base.permission, to: latest.permission });
  }
  for (const typeId of Object.keys(draft.counts ?? {})) {
    const from = lineFor(base, typeId).count;
    const to = lineFor(latest, typeId).count;
    if (from !== to) changes.push({ kind: 'count', typeId, from, to });
  }
  if (draft.retention && base.recording && latest.recording) {
    const from = base.recording.retention;
    const to = latest.recording.retention;
    if (!isSameRetention(from, to)) changes.push({ kind: 'retention', from, to });
  }
  const [sttFrom, sttTo] = [base.speechToText, latest.speechToText];
  if (draft.speechToText && sttFrom && sttTo) {
    if (draft.speechToText.enabled !== undefined && sttFrom.enabled !== sttTo.enabled) {
      changes.push({ kind: 'speech-to-text-enabled', from: sttFrom.enabled, to: sttTo.enabled });
    }
    if (draft.speechToText.limitOverBase !== undefined && sttFrom.limitOverBase !== sttTo.limitOverBase) {
      changes.push({ kind: 'speech-to-text-limit', from: sttFrom.limitOverBase, to: sttTo.limitOverBase });
    }
  }
  const [ppFrom, ppTo] = [base.powerPack, latest.powerPack];
  if (draft.powerPack && ppFrom && ppTo) {
    if (draft.powerPack.enabled !== undefined && ppFrom.enabled !== ppTo.enabled) {
      changes.push({ kind: 'power-pack-enabled', from: ppFrom.enabled, to: ppTo.enabled });
    }
    for (const serviceId of Object.keys(draft.powerPack.limits ?? {})) {
      const from = findService(base, serviceId);
      const to = findService(latest, serviceId);
      if (from && to && from.limit !== to.limit) {
        changes.push({ kind: 'power-pack-limit', serviceId, from: from.limit, to: to.limit });
      }
    }
  }
  return changes;
}
