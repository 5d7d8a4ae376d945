// The snapshot as it would be after a commit. The memory adapter commits with it and the store
// rebases with it after a conflict, so the effect of a draft is defined once, here, next to the
// rules that price (quote.ts) and judge (validate.ts) it.

import { normaliseDraft } from './draft.js';
import { findType } from './lookup.js';
import { isLimit, isWhole } from './parse.js';
import { billedUnits, unitMultiplier } from './pricing.js';
import { isValidRetention } from './retention.js';
import type {
  ChangeSet,
  LicenceLine,
  LicensingSnapshot,
  PowerPack,
  PowerPackService,
  Recording,
  SpeechToText,
} from './types.js';

/**
 * R5 and R9: `snapshot` with `draft` applied, as a commit would leave it. Counts are replaced; every
 * line's peak is raised to max(peak, current billed units, new billed units) (R5), the recording line priced at the new
 * retention (R6); retention, Speech-to-Text and Power Pack settings are replaced. A catalog type
 * without a line gets one. The version is not bumped: that is the adapter's job.
 *
 * Entries no snapshot can hold are skipped rather than applied: unknown type or service ids,
 * counts and limits that are not whole safe numbers, malformed retentions, and changes to a feature
 * the snapshot lacks. `validate` reports each of them as an error, so a valid draft applies whole.
 * Entries that break a rule but can be held (a count below in-use) are applied: judging is
 * `validate`'s job. Pure: returns new objects and never mutates its input.
 *
 * Throws an AmountRangeError when billed units leave the safe-integer range (`validate` reports
 * that as `amount-too-large`).
 */
export function applyDraft(snapshot: LicensingSnapshot, input: ChangeSet): LicensingSnapshot {
  // Without its no-ops, a draft setting a type nobody bought to 0 adds no empty line.
  const draft = normaliseDraft(snapshot, input);
  const recording = applyRetention(snapshot.recording, draft);
  const counts = new Map(
    Object.entries(draft.counts ?? {}).filter(([typeId, n]) => findType(snapshot, typeId) && isWhole(n)),
  );
  const reprice = (line: LicenceLine): LicenceLine => {
    const count = counts.get(line.typeId) ?? line.count;
    const units = billedUnits(count, unitMultiplier({ recording }, line.typeId));
    // R5: the month's peak is at least what is billed now (a stored peak may lag behind it).
    const current = billedUnits(line.count, unitMultiplier(snapshot, line.typeId));
    return { ...line, count, peak: Math.max(line.peak, current, units) };
  };
  const lines = snapshot.lines.map(reprice);
  for (const type of snapshot.catalog) {
    if (counts.has(type.id) && !lines.some((line) => line.typeId === type.id)) {
      lines.push(reprice({ typeId: type.id, count: 0, inUse: 0, peak: 0 }));
    }
  }

  const after: { -readonly [K in keyof LicensingSnapshot]: LicensingSnapshot[K] } = { ...snapshot, lines };
  if (recording) after.recording = recording;
  const speechToText = applySpeechToText(snapshot.speechToText, draft);
  if (speechToText) after.speechToText = speechToText;
  const powerPack = applyPowerPack(snapshot.powerPack, draft);
  if (powerPack) after.powerPack = powerPack;
  return after;
}

function applyRetention(recording: Recording | undefined, draft: ChangeSet): Recording | undefined {
  const retention = draft.retention;
  if (!recording || !retention || !isValidRetention(retention)) return recording;
  return { ...recording, retention };
}

function applySpeechToText(stt: SpeechToText | undefined, draft: ChangeSet): SpeechToText | undefined {
  if (!stt) return undefined;
  const { enabled, limitOverBase } = draft.speechToText ?? {};
  return {
    ...stt,
    enabled: enabled ?? stt.enabled,
    limitOverBase: isLimit(limitOverBase) ? limitOverBase : stt.limitOverBase,
  };
}

function applyPowerPack(pp: PowerPack | undefined, draft: ChangeSet): PowerPack | undefined {
  if (!pp) return undefined;
  const services = pp.services.map((service) => applyServiceLimit(service, draft));
  return { ...pp, enabled: draft.powerPack?.enabled ?? pp.enabled, services };
}

/** R8: one Power Pack service with the draft's limit for it, if the draft holds a whole one (or null). */
export function applyServiceLimit(service: PowerPackService, draft: ChangeSet): PowerPackService {
  const limit = draft.powerPack?.limits?.[service.id];
  return isLimit(limit) ? { ...service, limit } : service;
}
