// R9, what a conflict notice lists: what others changed under the draft. Apart from draft.ts
// because only the store's lazy carry-over part (a conflict, a kept cart) needs it: a page that
// never meets a conflict does not ship it.
import { changedUnderneath, type UnderneathChange } from './draft.js';
import { isSameRetention } from './retention.js';
import type { ChangeSet, LicensingSnapshot } from './types.js';

/** Whether `latest` already holds what the draft asks for in `change`: the user's own change, not another's. */
function isOwn(change: UnderneathChange, draft: ChangeSet): boolean {
  switch (change.kind) {
    case 'count':
      return draft.counts?.[change.typeId] === change.to;
    case 'retention':
      return draft.retention !== undefined && isSameRetention(draft.retention, change.to);
    case 'speech-to-text-enabled':
      return draft.speechToText?.enabled === change.to;
    case 'speech-to-text-limit':
      return draft.speechToText?.limitOverBase === change.to;
    case 'power-pack-enabled':
      return draft.powerPack?.enabled === change.to;
    case 'power-pack-limit':
      return draft.powerPack?.limits?.[change.serviceId] === change.to;
    case 'permission':
      return false;
  }
}

/** A change set touching every value of both snapshots, so `changedUnderneath` compares them all. */
function everything(base: LicensingSnapshot, latest: LicensingSnapshot): ChangeSet {
  const ids = (s: LicensingSnapshot) => [...s.catalog.map((t) => t.id), ...s.lines.map((l) => l.typeId)];
  const services = latest.powerPack?.services ?? [];
  return {
    counts: Object.fromEntries([...ids(base), ...ids(latest)].map((id) => [id, 0])),
    ...(latest.recording && { retention: latest.recording.retention }),
    speechToText: { enabled: true, limitOverBase: null },
    powerPack: { enabled: true, limits: Object.fromEntries(services.map((s) => [s.id, null])) },
  };
}

/**
 * R9, what a conflict notice lists: what someone else changed between `base` (the snapshot the
 * draft was made on) and `latest`. The draft's own values that `latest` already holds (a save whose
 * answer was lost, then applied) are the user's, never listed as another's. When nothing the draft
 * touches changed, the conflict came from elsewhere: every other value that changed is listed, so
 * the notice is never an empty list. `all`: every value others changed, touched by the draft or not.
 */
export function changedByOthers(
  base: LicensingSnapshot,
  latest: LicensingSnapshot,
  draft: ChangeSet,
  all = false,
): UnderneathChange[] {
  const others = (changes: UnderneathChange[]) => changes.filter((c) => !isOwn(c, draft));
  const touched = all ? [] : others(changedUnderneath(base, latest, draft));
  return touched.length ? touched : others(changedUnderneath(base, latest, everything(base, latest)));
}

/**
 * The card a change shows on, by its `type-id`: a count on its licence type's card, the retention
 * on the call-recording type's, Speech-to-Text on `speech-to-text`, the Power Pack on `power-pack`.
 * A permission change concerns no card (undefined).
 */
export function cardOf(change: UnderneathChange, snapshot: LicensingSnapshot): string | undefined {
  return change.kind === 'count'
    ? change.typeId
    : change.kind === 'retention'
      ? snapshot.recording?.typeId
      : change.kind === 'permission'
        ? undefined
        : change.kind.startsWith('speech')
          ? 'speech-to-text'
          : 'power-pack';
}
