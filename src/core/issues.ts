// The issues `validate` reports, discriminated on `code`: each carries a stable code, what it
// concerns, and the numbers its message needs (src/i18n/issues.ts words them).

import type { Permission, Retention } from './types.js';

/** The settings an issue can concern besides a licence type. */
export type IssueField = 'retention' | 'speech-to-text' | 'power-pack';

/** Every issue `validate` can report, discriminated on `code`. */
export type ValidationIssue =
  // R1
  | {
      readonly code: 'permission-denied';
      readonly severity: 'error';
      readonly permission: Exclude<Permission, 'update'>;
    }
  // R9
  | { readonly code: 'nothing-to-commit'; readonly severity: 'error' }
  /** A price × quantity or a total leaves the safe-integer range: it cannot be charged exactly. */
  | { readonly code: 'amount-too-large'; readonly severity: 'error' }
  /** The snapshot's prices are in different (or invalid) currencies: they cannot be added up. */
  | { readonly code: 'currency-mismatch'; readonly severity: 'error' }
  // R2
  | { readonly code: 'unknown-licence-type'; readonly severity: 'error'; readonly typeId: string }
  | {
      readonly code: 'count-not-whole';
      readonly severity: 'error';
      readonly typeId: string;
      readonly requested: number;
    }
  | {
      readonly code: 'count-negative';
      readonly severity: 'error';
      readonly typeId: string;
      readonly requested: number;
    }
  | {
      readonly code: 'count-above-max';
      readonly severity: 'error';
      readonly typeId: string;
      readonly requested: number;
      readonly max: number;
    }
  // R3
  | {
      readonly code: 'reduce-below-in-use';
      readonly severity: 'error';
      readonly typeId: string;
      readonly inUse: number;
      readonly requested: number;
      /** Users or queue logins to free first: inUse − requested. */
      readonly mustFree: number;
    }
  // R4
  | {
      /** `typeId` is raised above the count of the type it requires. */
      readonly code: 'exceeds-required-licence';
      readonly severity: 'error';
      readonly typeId: string;
      readonly requiredTypeId: string;
      readonly requested: number;
      readonly requiredCount: number;
      /** Licences of `requiredTypeId` missing: requested − requiredCount. */
      readonly shortBy: number;
    }
  | {
      /** `typeId` is lowered below the count of a type that requires it. */
      readonly code: 'below-dependent-licence';
      readonly severity: 'error';
      readonly typeId: string;
      readonly dependentTypeId: string;
      readonly requested: number;
      readonly dependentCount: number;
      /** The lowest count `typeId` may have: dependentCount. */
      readonly minimum: number;
    }
  // R6, R7, R8
  | { readonly code: 'feature-unavailable'; readonly severity: 'error'; readonly field: IssueField }
  // R6
  | {
      readonly code: 'retention-invalid';
      readonly severity: 'error';
      readonly field: 'retention';
      readonly requested: Retention;
    }
  | {
      readonly code: 'retention-above-max';
      readonly severity: 'error';
      readonly field: 'retention';
      readonly requestedMonths: number;
      readonly maxMonths: number;
    }
  | {
      /** Older recordings will no longer be kept. */
      readonly code: 'retention-shortened';
      readonly severity: 'warning';
      readonly field: 'retention';
      readonly from: Retention;
      readonly to: Retention;
    }
  // R7
  | {
      readonly code: 'speech-to-text-limit-invalid';
      readonly severity: 'error';
      readonly field: 'speech-to-text';
      readonly requested: number;
    }
  | {
      /** STT stops at once and stays off until next month. */
      readonly code: 'speech-to-text-stops-now';
      readonly severity: 'warning';
      readonly field: 'speech-to-text';
      readonly limitOverBase: number;
      readonly baseMinutes: number;
      readonly usedMinutes: number;
      readonly usedOverBase: number;
      /** base + limit */
      readonly totalMinutes: number;
    }
  // R8
  | {
      readonly code: 'unknown-power-pack-service';
      readonly severity: 'error';
      readonly field: 'power-pack';
      readonly serviceId: string;
    }
  | {
      readonly code: 'power-pack-limit-invalid';
      readonly severity: 'error';
      readonly field: 'power-pack';
      readonly serviceId: string;
      readonly requested: number;
    }
  | {
      /** The service stops at once and stays off until next month. */
      readonly code: 'power-pack-service-stops-now';
      readonly severity: 'warning';
      readonly field: 'power-pack';
      readonly serviceId: string;
      readonly limit: number;
      readonly used: number;
    }
  | {
      readonly code: 'smart-routing-needs-email-queues';
      readonly severity: 'warning';
      readonly field: 'power-pack';
      readonly serviceId: string;
    }
  | {
      /**
       * Call queues use AI Topics while Speech-to-Text is (or is turned) off. `field` is the card
       * whose change raised it: 'speech-to-text' when the draft turns STT off, else 'power-pack'.
       */
      readonly code: 'ai-topics-needs-speech-to-text';
      readonly severity: 'warning';
      readonly field: 'power-pack' | 'speech-to-text';
      readonly serviceId: string;
      readonly callQueuesWithAiTopics: number;
    }
  | {
      readonly code: 'ai-qa-needs-form';
      readonly severity: 'warning';
      readonly field: 'power-pack';
      readonly serviceId: string;
    };

/** Every code `validate` can report. */
export type ValidationCode = ValidationIssue['code'];

/** The issue type of one code, e.g. `IssueOf<'reduce-below-in-use'>`. */
export type IssueOf<C extends ValidationCode> = Extract<ValidationIssue, { code: C }>;
