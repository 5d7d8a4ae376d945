// The domain model of licence-kit: the shape of the data the adapters load and commit. Every rule in
// src/core is a pure function of these types. Terms: docs/rules.md (glossary); every
// field is readonly because the store replaces state and never mutates it in place.

/**
 * What the signed-in user may do in the Licensing module (R1). The product's Accesses screen has two
 * check boxes: "Access" (view) and "Update" (add and remove licences).
 */
export type Permission = 'none' | 'view' | 'update';

/** An amount of money in integer minor units (cents, öre, …) of an ISO 4217 currency. Never a float. */
export interface Money {
  /** Integer minor units; a safe integer, may be negative for a difference. */
  readonly amount: number;
  /** ISO 4217 code, three upper-case letters, e.g. `EUR`. */
  readonly currency: string;
}

/**
 * Text in other languages, by BCP 47 language tag (`{ cs: 'Hlas' }`, `{ 'pt-BR': '…' }`). A widget
 * shows the entry of the language its text is in (exact tag, then the language alone), else the
 * plain field beside it.
 */
export type Translations = Readonly<Record<string, string>>;

/** One kind of per-seat licence the account can buy (voice, outbound, call recording, …). */
export interface LicenceType {
  readonly id: string;
  /** The name in the backend's own language; `names` gives it in others. */
  readonly name: string;
  /** The name per language, over `name` (one channel has one name in each language). */
  readonly names?: Translations;
  readonly description?: string;
  /** The description per language, over `description`. */
  readonly descriptions?: Translations;
  /** Price of one billed unit for one month (R5). */
  readonly unitPrice: Money;
  /** Every holder of this type also needs a licence of this type: outbound requires voice (R4). */
  readonly requires?: string;
  /** Highest count the account may set (R2). Absent: only `Number.MAX_SAFE_INTEGER` bounds it. */
  readonly max?: number;
}

/** The account's current state for one licence type. */
export interface LicenceLine {
  readonly typeId: string;
  /** Licences set now. */
  readonly count: number;
  /** Licences assigned to users or queue logins now; a count cannot go below it (R3). */
  readonly inUse: number;
  /**
   * Highest billed units set at any point in the current billing month (R5). Billed units, not
   * licences: for the recording type a 9-month retention makes each licence three units.
   */
  readonly peak: number;
}

/**
 * Call-recording retention, one global setting (R6): 14 days (free), or whole months in steps of
 * three, at least three.
 */
export type Retention = { readonly days: 14 } | { readonly months: number };

/** Speech-to-Text: a base pack of minutes plus an optional monthly limit over it (R7). */
export interface SpeechToText {
  readonly enabled: boolean;
  /** Minutes included in the base pack; the product has 5000 (R7, docs/rules.md). */
  readonly baseMinutes: number;
  /** Most minutes to spend over the base pack each month; `null` means no limit. */
  readonly limitOverBase: number | null;
  /** Minutes used this billing month, base pack included. */
  readonly usedMinutes: number;
  /** Price of one minute over the base pack. */
  readonly minutePrice: Money;
}

/** One service paid for in Power Packs (R8). Ids are data; the three docs/rules.md names are known. */
export interface PowerPackService {
  /** `smart-routing`, `ai-topics`, `ai-qa`, or any other service the backend offers. */
  readonly id: string;
  /** The name in the backend's own language; `names` gives it in others. */
  readonly name: string;
  /** The name per language, over `name`. */
  readonly names?: Translations;
  /** Most Power Packs this service may use each month; `null` means no limit. */
  readonly limit: number | null;
  /** Power Packs this service used this billing month. */
  readonly used: number;
}

/** The Power Pack switch and its per-service monthly limits (R8). */
export interface PowerPack {
  readonly enabled: boolean;
  /** Price of one Power Pack. */
  readonly packPrice: Money;
  readonly services: readonly PowerPackService[];
}

/** How the account's setup meets the Power Pack services' prerequisites (R8). */
export interface PowerPackPrerequisites {
  /** Email queues that could use Smart routing. */
  readonly emailQueues: number;
  /** Call queues set up to use AI Topics; those need Speech-to-Text on. */
  readonly callQueuesWithAiTopics: number;
  /** QA forms allowed for AI QA. */
  readonly aiQaForms: number;
}

/** Call recording: which licence type records, and the global retention that multiplies it (R6). */
export interface Recording {
  /** The catalog id of the call-recording licence type. */
  readonly typeId: string;
  readonly retention: Retention;
  /** Longest retention the account may choose, in months. */
  readonly maxMonths?: number;
}

/** Everything the Licensing page shows, as one immutable value with a version for commits (R9). */
export interface LicensingSnapshot {
  /** Opaque; sent back as the expected version of a commit (optimistic concurrency). */
  readonly version: string;
  readonly permission: Permission;
  /** The current billing month, ISO 8601 dates. */
  readonly period: { readonly start: string; readonly end: string };
  readonly catalog: readonly LicenceType[];
  readonly lines: readonly LicenceLine[];
  /** Absent when the account has no call recording. */
  readonly recording?: Recording;
  /** Absent when the account has no Speech-to-Text. */
  readonly speechToText?: SpeechToText;
  /** Absent when the account has no Power Pack. */
  readonly powerPack?: PowerPack;
  /** Absent when the backend does not report them; then no prerequisite is warned about. */
  readonly prerequisites?: PowerPackPrerequisites;
}

/**
 * The draft: every pending change that can touch the invoice, as target values (R9). A missing
 * entry means "leave as it is"; an entry equal to the current value is a no-op.
 */
export interface ChangeSet {
  /** New licence count per catalog type id. */
  readonly counts?: Readonly<Record<string, number>>;
  readonly retention?: Retention;
  readonly speechToText?: {
    readonly enabled?: boolean;
    /** `null` sets "no limit". */
    readonly limitOverBase?: number | null;
  };
  readonly powerPack?: {
    readonly enabled?: boolean;
    /** New limit per service id; `null` sets "no limit". */
    readonly limits?: Readonly<Record<string, number | null>>;
  };
}

/** One user and the licence types assigned to them, for the usage overview. */
export interface Agent {
  readonly id: string;
  readonly name: string;
  readonly email?: string;
  /** Catalog type ids. */
  readonly licences: readonly string[];
}

/** One page request of the usage overview; filtering happens in the adapter. */
export interface UsageQuery {
  /** Only agents holding this type. */
  readonly typeId?: string;
  /** Free text matched against name and email. */
  readonly search?: string;
  readonly offset: number;
  readonly limit: number;
}

/** One page of the usage overview. */
export interface UsagePage {
  /** Agents matching the query, all pages together. */
  readonly total: number;
  /** Agents holding each type, with the search applied and the type filter not. */
  readonly countsByType: Readonly<Record<string, number>>;
  readonly agents: readonly Agent[];
}

/** The installation licence of an on-premises installation (R10, docs/rules.md). */
export interface InstallationLicense {
  readonly token: string;
  readonly plan: 'monthly' | 'annual';
  /** ISO 8601 date-time. */
  readonly expiresAt: string;
  readonly staff: {
    readonly users: number;
    readonly agents: number;
    readonly telephones: number;
    readonly mobileAgents: number;
  };
  readonly channels: readonly string[];
  readonly modules: readonly string[];
  readonly addOns: readonly string[];
  readonly ai: readonly string[];
  readonly sessions: { readonly ivrChannels: number; readonly channelSessions: number };
  readonly updatesAllowed: boolean;
  readonly appZone: boolean;
  readonly status: {
    readonly state: 'active' | 'grace' | 'deactivated';
    readonly reason?: 'hardware-change' | 'late-payment';
    /** ISO 8601 date-time; set in the grace state. */
    readonly graceEndsAt?: string;
    /**
     * After a hardware change, the token the licence was issued for: the user gives it with the
     * new token to move the licence to the new server (R10).
     */
    readonly previousToken?: string;
  };
}
