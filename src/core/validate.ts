// The judge of a draft: R1–R4 and R6–R9 as a list of issues. Errors block the commit; warnings are
// shown in the cart and do not (R9). Each issue carries a stable code, what it concerns, and the
// numbers its message needs, so the localisation layer can word it without re-deriving a rule.
//
// The rules judge the change, not the account: a value the draft does not touch is never an error,
// so an account the backend left in an odd state (more outbound than voice, a count below in-use)
// can still commit unrelated changes, and a change that moves towards the rule is not blocked.

import { applyServiceLimit } from './apply.js';
import { findService, findType, lineFor } from './lookup.js';
import { isWhole, wholeNumberProblem } from './parse.js';
import { AmountRangeError } from './money.js';
import { maxQuantityFor } from './quantity.js';
import { canEdit } from './permissions.js';
import { isServiceStopped, POWER_PACK_SERVICES } from './power-pack.js';
import { quote } from './quote.js';
import { compareRetention, isValidRetention } from './retention.js';
import { isSpeechToTextStopped, speechToTextUsedOverBase } from './speech-to-text.js';
import { normaliseDraft } from './draft.js';
import type { ValidationIssue } from './issues.js';
import type { ChangeSet, LicensingSnapshot, PowerPack } from './types.js';

export type { IssueField, IssueOf, ValidationCode, ValidationIssue } from './issues.js';

/** R9: whether a draft with these issues may be committed: errors block Save, warnings do not. */
export function canCommit(issues: readonly ValidationIssue[]): boolean {
  return issues.every((issue) => issue.severity !== 'error');
}

/**
 * Judges `draft` against `snapshot` (R1–R4, R6–R9). Returns no issue for a draft that may be
 * committed without remark. No-op entries are ignored (see `normaliseDraft`); a draft that changes
 * nothing reports `nothing-to-commit` alone.
 */
export function validate(snapshot: LicensingSnapshot, draft: ChangeSet): ValidationIssue[] {
  const d = normaliseDraft(snapshot, draft);
  if (Object.keys(d).length === 0) return [{ code: 'nothing-to-commit', severity: 'error' }];
  const issues = [
    ...checkPermission(snapshot),
    ...checkCounts(snapshot, d),
    ...checkRequires(snapshot, d),
    ...checkRetention(snapshot, d),
    ...checkSpeechToText(snapshot, d),
    ...checkPowerPack(snapshot, d),
    ...checkPrerequisites(snapshot, d),
  ];
  // A count or limit already refused (above the ceiling) would also be priced: say it once.
  const refused = issues.some((issue) => issue.severity === 'error' && issue.code !== 'permission-denied');
  return refused ? issues : [...issues, ...checkAmounts(snapshot, d)];
}

/** R1: only `update` may change anything. */
function checkPermission(snapshot: LicensingSnapshot): ValidationIssue[] {
  const { permission } = snapshot;
  return canEdit(permission) ? [] : [{ code: 'permission-denied', severity: 'error', permission }];
}

/**
 * R2: counts are whole numbers, 0 ≤ n ≤ max, of a known type. R3: a reduction cannot go below
 * in-use; the issue names how many users must be freed first.
 */
function checkCounts(snapshot: LicensingSnapshot, d: ChangeSet): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const [typeId, requested] of Object.entries(d.counts ?? {})) {
    const type = findType(snapshot, typeId);
    if (!type) {
      issues.push({ code: 'unknown-licence-type', severity: 'error', typeId });
      continue;
    }
    // The one ceiling the stepper and the store use too: the type's max, never above MAX_QUANTITY.
    const max = maxQuantityFor(type);
    const problem = wholeNumberProblem(requested, max);
    if (problem === 'not-whole') {
      issues.push({ code: 'count-not-whole', severity: 'error', typeId, requested });
    } else if (problem === 'negative') {
      issues.push({ code: 'count-negative', severity: 'error', typeId, requested });
    } else if (problem === 'too-large') {
      issues.push({ code: 'count-above-max', severity: 'error', typeId, requested, max });
    } else {
      const { count, inUse } = lineFor(snapshot, typeId);
      // Only a reduction is judged: raising a count that is still below in-use moves towards the rule.
      if (requested < count && requested < inUse) {
        issues.push({
          code: 'reduce-below-in-use',
          severity: 'error',
          typeId,
          inUse,
          requested,
          mustFree: inUse - requested,
        });
      }
    }
  }
  return issues;
}

/** The count of `typeId` after the draft, counting only entries that can be applied. */
function countAfter(snapshot: LicensingSnapshot, d: ChangeSet, typeId: string): number {
  const requested = d.counts?.[typeId];
  return isWhole(requested) ? requested : lineFor(snapshot, typeId).count;
}

/**
 * R4: with `requires`, count(type) ≤ count(required) after the draft, both ways: raising outbound
 * above voice is an error on outbound, lowering voice below outbound an error on voice.
 */
function checkRequires(snapshot: LicensingSnapshot, d: ChangeSet): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const type of snapshot.catalog) {
    const requiredTypeId = type.requires;
    // A `requires` naming no catalog type is the backend's data error, not the draft's.
    if (requiredTypeId === undefined || !findType(snapshot, requiredTypeId)) continue;
    const requested = countAfter(snapshot, d, type.id);
    const requiredCount = countAfter(snapshot, d, requiredTypeId);
    if (requested <= requiredCount) continue;
    if (requested > lineFor(snapshot, type.id).count) {
      issues.push({
        code: 'exceeds-required-licence',
        severity: 'error',
        typeId: type.id,
        requiredTypeId,
        requested,
        requiredCount,
        shortBy: requested - requiredCount,
      });
    }
    if (requiredCount < lineFor(snapshot, requiredTypeId).count) {
      issues.push({
        code: 'below-dependent-licence',
        severity: 'error',
        typeId: requiredTypeId,
        dependentTypeId: type.id,
        requested: requiredCount,
        dependentCount: requested,
        minimum: requested,
      });
    }
  }
  return issues;
}

/**
 * R6: retention is 14 days or ≥ 3 months in 3-month steps, up to `recording.maxMonths`; shortening
 * it warns that older recordings will no longer be kept.
 */
function checkRetention(snapshot: LicensingSnapshot, d: ChangeSet): ValidationIssue[] {
  const requested = d.retention;
  if (requested === undefined) return [];
  const recording = snapshot.recording;
  if (!recording) return [{ code: 'feature-unavailable', severity: 'error', field: 'retention' }];
  if (!isValidRetention(requested)) {
    return [{ code: 'retention-invalid', severity: 'error', field: 'retention', requested }];
  }
  const { maxMonths } = recording;
  if ('months' in requested && maxMonths !== undefined && requested.months > maxMonths) {
    return [
      {
        code: 'retention-above-max',
        severity: 'error',
        field: 'retention',
        requestedMonths: requested.months,
        maxMonths,
      },
    ];
  }
  if (compareRetention(requested, recording.retention) < 0) {
    return [
      {
        code: 'retention-shortened',
        severity: 'warning',
        field: 'retention',
        from: recording.retention,
        to: requested,
      },
    ];
  }
  return [];
}

/**
 * R7, R8: a limit the draft sets (not undefined) that is neither null nor a whole number up to the
 * one ceiling of limits (`maxQuantityFor()`).
 */
function isInvalidLimit(limit: number | null | undefined): limit is number {
  return limit !== undefined && limit !== null && !isWhole(limit, maxQuantityFor());
}

/**
 * R7: the STT limit over the base is a whole number ≥ 0 or null (no limit). A limit that usage
 * already reached (used ≥ base + limit) warns that STT stops at once, until next month.
 */
function checkSpeechToText(snapshot: LicensingSnapshot, d: ChangeSet): ValidationIssue[] {
  const change = d.speechToText;
  if (change === undefined) return [];
  const stt = snapshot.speechToText;
  if (!stt) return [{ code: 'feature-unavailable', severity: 'error', field: 'speech-to-text' }];
  const { enabled = stt.enabled, limitOverBase = stt.limitOverBase } = change;
  if (isInvalidLimit(limitOverBase)) {
    return [
      {
        code: 'speech-to-text-limit-invalid',
        severity: 'error',
        field: 'speech-to-text',
        requested: limitOverBase,
      },
    ];
  }
  const after = { ...stt, enabled, limitOverBase };
  if (limitOverBase === null || !isSpeechToTextStopped(after)) return [];
  return [
    {
      code: 'speech-to-text-stops-now',
      severity: 'warning',
      field: 'speech-to-text',
      limitOverBase,
      baseMinutes: stt.baseMinutes,
      usedMinutes: stt.usedMinutes,
      usedOverBase: speechToTextUsedOverBase(stt),
      totalMinutes: stt.baseMinutes + limitOverBase,
    },
  ];
}

/** The Power Pack's state after a normalised draft, and which services the draft touches. */
function powerPackAfter(pp: PowerPack, d: ChangeSet) {
  const enabled = d.powerPack?.enabled ?? pp.enabled;
  const turningOn = enabled && !pp.enabled;
  const services = pp.services.map((before) => {
    const service = applyServiceLimit(before, d);
    // Enabling the pack starts every service; otherwise only a service whose limit changes is touched.
    return { service, touched: turningOn || service.limit !== before.limit };
  });
  return { enabled, services };
}

/**
 * R8: Power Pack limits are whole numbers ≥ 0 or null (no limit) for services the pack has; a
 * limit the service already used up warns that it stops at once, until next month.
 */
function checkPowerPack(snapshot: LicensingSnapshot, d: ChangeSet): ValidationIssue[] {
  const change = d.powerPack;
  if (change === undefined) return [];
  const pp = snapshot.powerPack;
  if (!pp) return [{ code: 'feature-unavailable', severity: 'error', field: 'power-pack' }];
  const issues: ValidationIssue[] = [];
  for (const [serviceId, requested] of Object.entries(change.limits ?? {})) {
    if (!findService(snapshot, serviceId)) {
      issues.push({ code: 'unknown-power-pack-service', severity: 'error', field: 'power-pack', serviceId });
    } else if (isInvalidLimit(requested)) {
      issues.push({
        code: 'power-pack-limit-invalid',
        severity: 'error',
        field: 'power-pack',
        serviceId,
        requested,
      });
    }
  }
  const after = powerPackAfter(pp, d);
  if (!after.enabled) return issues;
  for (const { service, touched } of after.services) {
    if (touched && service.limit !== null && isServiceStopped(service)) {
      issues.push({
        code: 'power-pack-service-stops-now',
        severity: 'warning',
        field: 'power-pack',
        serviceId: service.id,
        limit: service.limit,
        used: service.used,
      });
    }
  }
  return issues;
}

/**
 * R8 prerequisites, as warnings, only while the Power Pack is (or becomes) on: Smart routing needs
 * email queues; AI Topics on call queues needs Speech-to-Text on (warned when enabling the pack or
 * setting its limit with STT off, and when turning STT off); AI QA needs a QA form allowed for AI QA.
 */
function checkPrerequisites(snapshot: LicensingSnapshot, d: ChangeSet): ValidationIssue[] {
  const { prerequisites, powerPack, speechToText: stt } = snapshot;
  if (!prerequisites || !powerPack) return [];
  const after = powerPackAfter(powerPack, d);
  if (!after.enabled) return [];
  // The draft is normalised, so `enabled: false` in it means STT is on now and being turned off.
  const sttTurnedOff = stt !== undefined && d.speechToText?.enabled === false;
  const sttOnAfter = stt !== undefined && (d.speechToText?.enabled ?? stt.enabled);
  const issues: ValidationIssue[] = [];
  for (const { service, touched } of after.services) {
    const serviceId = service.id;
    if (serviceId === POWER_PACK_SERVICES.smartRouting && touched && prerequisites.emailQueues <= 0) {
      issues.push({
        code: 'smart-routing-needs-email-queues',
        severity: 'warning',
        field: 'power-pack',
        serviceId,
      });
    }
    if (
      serviceId === POWER_PACK_SERVICES.aiTopics &&
      (touched || sttTurnedOff) &&
      prerequisites.callQueuesWithAiTopics > 0 &&
      !sttOnAfter
    ) {
      issues.push({
        code: 'ai-topics-needs-speech-to-text',
        severity: 'warning',
        field: sttTurnedOff ? 'speech-to-text' : 'power-pack',
        serviceId,
        callQueuesWithAiTopics: prerequisites.callQueuesWithAiTopics,
      });
    }
    if (serviceId === POWER_PACK_SERVICES.aiQa && touched && prerequisites.aiQaForms <= 0) {
      issues.push({ code: 'ai-qa-needs-form', severity: 'warning', field: 'power-pack', serviceId });
    }
  }
  return issues;
}

/**
 * Amounts must stay exact: a draft whose charges leave the safe-integer range cannot be priced or
 * committed, and prices in different currencies cannot be added up. Both are reported, never
 * thrown: a snapshot from an adapter that does not decode its data (or a typed billion) reaches
 * here, and a widget must still render.
 */
function checkAmounts(snapshot: LicensingSnapshot, d: ChangeSet): ValidationIssue[] {
  try {
    quote(snapshot, d);
    return [];
  } catch (error) {
    if (error instanceof AmountRangeError) return [{ code: 'amount-too-large', severity: 'error' }];
    // A currency mismatch, or a price `money()` cannot read (a code that is not ISO 4217): both
    // TypeErrors of money.ts; the prices cannot be added up.
    if (error instanceof TypeError) return [{ code: 'currency-mismatch', severity: 'error' }];
    throw error;
  }
}
