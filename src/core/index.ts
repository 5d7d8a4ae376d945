// licence-kit/core: the rule book as pure functions of (snapshot, draft). No DOM, no Lit, no fetch,
// no clock: everything a rule needs is passed in. Elements and the store call these; they never
// re-derive a rule. Each rule, its worked example and its tests are written down in docs/rules.md;
// grep for "R<n>" to find a rule's code, tests included.
//
// Rule index
//   R1 permissions     canView, canEdit                              permissions.ts
//                      validate → permission-denied                  validate.ts
//                      canRequest (view may draft a request, never commit one),
//                      requestRefusal, valuesBefore, requestDraft,  requests.ts
//                      listedRequests (pending first)
//                      requestCarried (approved only if the commit holds its change)
//                      requestUnderneath                            request-underneath.ts
//   R2 counts          parseCount, parseLimit, isWhole, wholeNumberProblem (the one
//                      whole-number check)                           parse.ts
//                      lineFor (a type's line, or an empty one)      lookup.ts
//                      maxQuantityFor (the one ceiling of stepper, store and validate)  quantity.ts
//                      validate → unknown-licence-type, count-not-whole, count-negative,
//                      count-above-max                               validate.ts
//   R3 reductions      validate → reduce-below-in-use (mustFree)     validate.ts
//                      countFloor (where a stepper stops, R3 with R4) floor.ts
//   R4 dependencies    validate → exceeds-required-licence,
//                      below-dependent-licence                       validate.ts
//   R5 high-water      unitMultiplier, billedUnits, thisMonthCharge,
//                      nextMonthCharge, seatNextMonthCharge          pricing.ts
//                      quote                                         quote.ts
//                      applyDraft (peak raised)                      apply.ts
//                      lineTimeline (when a quoted line applies and is billed)   timeline.ts
//                      changeRecord (the reviewed change for audits: before, after,
//                      quote per line, who, when)                    change-record.ts
//                      money, add, sub, multiply, sum                money.ts
//   R6 retention       retentionOptions, retentionMultiplier, isValidRetention,
//                      compareRetention, isSameRetention, retentionLabelParts,
//                      formatRetentionEn, retentionToString, parseRetention   retention.ts
//                      validate → retention-invalid, retention-above-max,
//                      retention-shortened                           validate.ts
//   R7 Speech-to-Text  speechToTextTotalMinutes, speechToTextUsedOverBase,
//                      isSpeechToTextStopped, speechToTextMaxSpend,
//                      speechToTextOnSave (stops / resumes on save)  speech-to-text.ts
//                      validate → speech-to-text-limit-invalid,
//                      speech-to-text-stops-now                      validate.ts
//   R8 prerequisites   servicePrerequisite (status shown per service)   prerequisites.ts
//   R7/R8 stopping     nextPeriodStart (when a stopped service resumes),
//                      stopOnSave, StopOnSave (what a save does to a stop)  period.ts
//                      serviceAllowance (may a service run now)      allowance.ts
//   R8 Power Pack      POWER_PACK_SERVICES, isServiceStopped, isPowerPackServiceStopped,
//                      powerPackServiceOnSave (stops / resumes on save),
//                      powerPackServiceMaxSpend, powerPackMaxSpend   power-pack.ts
//                      powerPackServiceSpend (for display, never throws)   spend.ts
//                      validate → unknown-power-pack-service, power-pack-limit-invalid,
//                      power-pack-service-stops-now, smart-routing-needs-email-queues,
//                      ai-topics-needs-speech-to-text, ai-qa-needs-form   validate.ts
//   R9 the cart        normaliseDraft, isEmptyDraft, mergeDraft, changedUnderneath   draft.ts
//                      validate → nothing-to-commit, amount-too-large; canCommit    validate.ts
//                      applyDraft (commit and rebase)                apply.ts
//                      ruleBook: validate, canCommit, quote, applyDraft as the one object a
//                      LicensingStore is given (useRules)            rule-book.ts
//   R6–R8 a change to a feature the snapshot lacks → feature-unavailable            validate.ts
//   R10 installation   expiryStatus, graceDaysLeft, licenceStanding,
//                      GRACE_PERIOD_DAYS, EXPIRY_WARNING_DAYS        installation.ts
//   R11 usage alerts   DEFAULT_THRESHOLDS, parseThresholds (the `thresholds` attribute),
//                      usagePercent, crossedThresholds, highestCrossed, newCrossings (once
//                      per crossing), limitToKeepRunning (the pace projection),
//                      suggestLimit, DAYS_TO_PROJECT (the "raise the limit" figure: the
//                      pace from the 7th day, before it one above what was used)   thresholds.ts
//   R12 assignment     available (count − in use), planAssignment (who gains or loses what, or
//                      why not: above the count, outbound needs voice unless "both", update
//                      only), assignmentProblems, applyAssignment (in-use moved),
//                      assignedLicences, MAX_ASSIGNMENT_AGENTS, undoAssignment (the calls
//                      that give each agent back exactly what it had), availability and
//                      mustFreeAfter (free now and once a pending count is saved; what an
//                      assignment would leave to free before it can be)    assignment.ts
//   usage search       foldForSearch, agentSearchText, searchKey, agentMatchesSearch   search.ts
//   history            historyChanges, historyEntry, historySubject, historyMatches,
//                      compareHistory, historyPage, historyCsv (who changed what, #20)   history.ts
//   CSV                csvField, csvRow (formula-safe, every export), decimal, csvCell
//                      (amounts as plain decimals a spreadsheet sums)   csv.ts

export type * from './types.js';

export { canEdit, canRequest, canView } from './permissions.js';
export {
  MAX_DECIDED_REQUESTS,
  MAX_REQUEST_NOTE,
  listedRequests,
  requestCarried,
  requestDraft,
  requestRefusal,
  valuesBefore,
} from './requests.js';
export { requestUnderneath } from './request-underneath.js';
export type { ChangeRequest, RequestDecision, RequestRefusal, RequestStatus } from './requests.js';
export { MAX_QUANTITY, isWhole, parseCount, parseLimit, wholeNumberProblem } from './parse.js';
export { maxQuantityFor } from './quantity.js';
export { countFloor, type CountFloor } from './floor.js';
export type {
  ParseFailure,
  ParseFailureReason,
  ParseOptions,
  ParseResult,
  WholeNumberProblem,
} from './parse.js';
export { lineFor } from './lookup.js';
export {
  AmountRangeError,
  CurrencyMismatchError,
  add,
  isSameMoney,
  money,
  multiply,
  multiplyWhole,
  sub,
  sum,
  zero,
} from './money.js';
export {
  DEFAULT_MAX_RETENTION_MONTHS,
  FREE_RETENTION,
  RETENTION_STEP_MONTHS,
  compareRetention,
  formatRetentionEn,
  isSameRetention,
  isValidRetention,
  parseRetention,
  retentionLabelParts,
  retentionMultiplier,
  retentionOptions,
  retentionToString,
} from './retention.js';
export type { RetentionLabelParts } from './retention.js';
export {
  UNLIMITED,
  billedUnits,
  capDelta,
  capped,
  nextMonthCharge,
  seatNextMonthCharge,
  thisMonthCharge,
  unitMultiplier,
} from './pricing.js';
export type { SpendCap } from './pricing.js';
export {
  isSpeechToTextStopped,
  speechToTextMaxSpend,
  speechToTextOnSave,
  speechToTextTotalMinutes,
  speechToTextUsedOverBase,
} from './speech-to-text.js';
export {
  POWER_PACK_SERVICES,
  isPowerPackServiceStopped,
  isServiceStopped,
  powerPackMaxSpend,
  powerPackServiceMaxSpend,
  powerPackServiceOnSave,
} from './power-pack.js';
export { SPEECH_TO_TEXT, serviceAllowance } from './allowance.js';
export type { ServiceAllowance } from './allowance.js';
export { powerPackServiceSpend, type ShownSpend } from './spend.js';
export { changedUnderneath, isEmptyDraft, mergeDraft, normaliseDraft } from './draft.js';
export type { Change, UnderneathChange } from './draft.js';
export { canCommit, validate } from './validate.js';
export type { IssueField, IssueOf, ValidationCode, ValidationIssue } from './validate.js';
export { quote } from './quote.js';
export type {
  CapChange,
  ChargeChange,
  PowerPackQuote,
  PowerPackServiceQuote,
  Quote,
  SeatQuoteLine,
  SpeechToTextQuote,
} from './quote.js';
export { applyDraft } from './apply.js';
export { lineTimeline, type LineTimeline } from './timeline.js';
export { changeRecord, type ChangeRecord, type ChangeRecordLine } from './change-record.js';
export { ruleBook, type RuleBook } from './rule-book.js';
export { nextPeriodStart, stopOnSave, type StopOnSave } from './period.js';
export {
  EXPIRY_WARNING_DAYS,
  GRACE_PERIOD_DAYS,
  expiryStatus,
  graceDaysLeft,
  instant,
  licenceStanding,
  type ExpiryStatus,
  type LicenceStanding,
  type LicenseKeyRefusal,
} from './installation.js';
export { servicePrerequisite, type PrerequisiteStatus } from './prerequisites.js';
export { agentMatchesSearch, agentSearchText, foldForSearch, searchKey } from './search.js';
export {
  DAYS_TO_PROJECT,
  DEFAULT_THRESHOLDS,
  crossedThresholds,
  highestCrossed,
  limitToKeepRunning,
  newCrossings,
  parseThresholds,
  suggestLimit,
  usagePercent,
  type LimitSuggestion,
  type ParsedThresholds,
  type ThresholdsRefusal,
  type UsageReading,
} from './thresholds.js';
export {
  compareHistory,
  historyChanges,
  historyCsv,
  historyEntry,
  historyMatches,
  historyPage,
  historySubject,
} from './history.js';
export type {
  HistoryChange,
  HistoryCsvFormat,
  HistoryEntry,
  HistoryFilter,
  HistoryPage,
  HistoryQuery,
  HistoryRecord,
  HistorySubject,
} from './history.js';
export { csvCell, csvField, csvRow, decimal } from './csv.js';
export {
  MAX_ASSIGNMENT_AGENTS,
  applyAssignment,
  assignedLicences,
  assignmentProblems,
  availability,
  available,
  mustFreeAfter,
  planAssignment,
  undoAssignment,
} from './assignment.js';
export type {
  AgentAssignment,
  AssignmentAction,
  Availability,
  AssignmentOptions,
  AssignmentPlan,
  AssignmentProblem,
  AssignmentSelection,
  AssignmentStep,
  UsageFilter,
} from './assignment.js';
