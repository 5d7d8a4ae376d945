// fast-check arbitraries for the domain: snapshots that hold the backend's invariants, and drafts
// against them. Shared by every property test (core, store, adapters), so they live in one place.
//
// Snapshot invariants: one currency; inUse ≤ count ≤ max; peak ≥ billed units (R5); a `requires`
// points at an earlier catalog type and count(type) ≤ count(required) (R4); the retention is an
// allowed one within maxMonths (R6). Amounts stay far inside safe integers.

import fc from 'fast-check';
import {
  retentionMultiplier,
  retentionOptions,
  type ChangeSet,
  type LicenceLine,
  type LicenceType,
  type LicensingSnapshot,
  type Permission,
  type PowerPack,
  type Retention,
  type SpeechToText,
} from '../../src/core/index.js';

/** Catalog ids, with one that collides with an Object.prototype member to catch `obj[id]` lookups. */
export const TYPE_IDS = ['voice', 'outbound', 'recording', 'chat', 'email', 'sms', 'constructor'] as const;
/** Power Pack service ids: the three known ones, one unknown to the rules, and a prototype name. */
export const SERVICE_IDS = ['smart-routing', 'ai-topics', 'ai-qa', 'sentiment', 'toString'] as const;
/** Numbers no count or limit may be; `validate` must reject each and `quote`/`applyDraft` skip it. */
export const MALFORMED_NUMBERS = [
  -1,
  -0.5,
  1.5,
  Number.NaN,
  Infinity,
  -Infinity,
  1e300,
  Number.MAX_SAFE_INTEGER + 2,
];

export const currencyArb = fc.constantFrom('EUR', 'USD', 'SEK', 'JPY');
export const permissionArb = fc.constantFrom<Permission>('update', 'view', 'none');

const lineSeed = fc.record({
  count: fc.integer({ min: 0, max: 2000 }),
  inUse: fc.integer({ min: 0, max: 2000 }),
  peakExtra: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 100 })),
});

const typeSeed = fc.record({
  id: fc.constantFrom(...TYPE_IDS),
  price: fc.integer({ min: 0, max: 100_000 }),
  requires: fc.option(fc.nat(), { nil: undefined }),
  maxExtra: fc.option(fc.integer({ min: 0, max: 1000 }), { nil: undefined }),
  line: fc.option(lineSeed, { nil: undefined }),
});

const recordingSeed = fc.record({
  typeIndex: fc.nat(),
  maxMonths: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
  retentionIndex: fc.nat(),
});

const sttSeed = fc.record({
  enabled: fc.boolean(),
  baseMinutes: fc.constantFrom(5000, 0, 1000),
  limitOverBase: fc.option(fc.integer({ min: 0, max: 20_000 }), { nil: null }),
  usedMinutes: fc.integer({ min: 0, max: 30_000 }),
  price: fc.integer({ min: 0, max: 500 }),
});

const ppSeed = fc.record({
  enabled: fc.boolean(),
  price: fc.integer({ min: 0, max: 10_000 }),
  services: fc.uniqueArray(
    fc.record({
      id: fc.constantFrom(...SERVICE_IDS),
      limit: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
      used: fc.integer({ min: 0, max: 150 }),
    }),
    { selector: (s) => s.id, maxLength: SERVICE_IDS.length },
  ),
});

const prerequisitesSeed = fc.record({
  emailQueues: fc.integer({ min: 0, max: 3 }),
  callQueuesWithAiTopics: fc.integer({ min: 0, max: 3 }),
  aiQaForms: fc.integer({ min: 0, max: 3 }),
});

export interface SnapshotOptions {
  /** Fix the permission (property tests of valid drafts need `update`); any permission otherwise. */
  readonly permission?: Permission;
}

/** Snapshots that hold the backend's invariants (see the file comment). */
export function snapshotArb(options: SnapshotOptions = {}): fc.Arbitrary<LicensingSnapshot> {
  return fc
    .record(
      {
        currency: currencyArb,
        permission: options.permission ? fc.constant(options.permission) : permissionArb,
        types: fc.uniqueArray(typeSeed, { selector: (t) => t.id, maxLength: 6 }),
        recording: fc.option(recordingSeed, { nil: undefined }),
        stt: fc.option(sttSeed, { nil: undefined }),
        pp: fc.option(ppSeed, { nil: undefined }),
        prerequisites: fc.option(prerequisitesSeed, { nil: undefined }),
        version: fc.string({ minLength: 1, maxLength: 8 }),
      },
      { requiredKeys: ['currency', 'permission', 'types', 'version'] },
    )
    .map((seed) => {
      const money = (amount: number) => ({ amount, currency: seed.currency });
      const catalog: LicenceType[] = [];
      const counts = new Map<string, number>();
      const recordingType = seed.recording && seed.types[seed.recording.typeIndex % seed.types.length];
      let recording: LicensingSnapshot['recording'];
      if (seed.recording && recordingType) {
        const options = retentionOptions(seed.recording.maxMonths ?? 60);
        recording = {
          typeId: recordingType.id,
          retention: options[seed.recording.retentionIndex % options.length]!,
          ...(seed.recording.maxMonths === undefined ? {} : { maxMonths: seed.recording.maxMonths }),
        };
      }
      const lines: LicenceLine[] = [];
      seed.types.forEach((t, i) => {
        // Requires only an earlier type: the catalog stays acyclic, and R4 can be met in order.
        const requires = t.requires !== undefined && i > 0 ? seed.types[t.requires % i]!.id : undefined;
        let count = t.line?.count ?? 0;
        if (requires !== undefined) count = Math.min(count, counts.get(requires) ?? 0);
        counts.set(t.id, count);
        catalog.push({
          id: t.id,
          name: t.id.toUpperCase(),
          unitPrice: money(t.price),
          ...(requires === undefined ? {} : { requires }),
          ...(t.maxExtra === undefined ? {} : { max: count + t.maxExtra }),
        });
        if (t.line) {
          const multiplier = recording?.typeId === t.id ? retentionMultiplier(recording.retention) : 1;
          lines.push({
            typeId: t.id,
            count,
            inUse: Math.min(t.line.inUse, count),
            peak: count * multiplier + t.line.peakExtra,
          });
        }
      });
      const snapshot: { -readonly [K in keyof LicensingSnapshot]: LicensingSnapshot[K] } = {
        version: seed.version,
        permission: seed.permission,
        period: { start: '2025-03-01', end: '2025-03-31' },
        catalog,
        lines,
      };
      if (recording) snapshot.recording = recording;
      if (seed.stt) {
        const { price, ...stt } = seed.stt;
        snapshot.speechToText = { ...stt, minutePrice: money(price) } satisfies SpeechToText;
      }
      if (seed.pp) {
        snapshot.powerPack = {
          enabled: seed.pp.enabled,
          packPrice: money(seed.pp.price),
          services: seed.pp.services.map((s) => ({ ...s, name: s.id })),
        } satisfies PowerPack;
      }
      if (seed.prerequisites) snapshot.prerequisites = seed.prerequisites;
      return snapshot;
    });
}

/**
 * `any`: every kind of entry, including unknown ids, malformed numbers and retentions, and changes
 * to features the snapshot lacks. `plausible`: what the UI can produce for an `update` user, built
 * to pass validation most of the time (counts within in-use..max, R4 met where possible, allowed
 * retentions, whole limits); a property that needs a valid draft still checks with `fc.pre`.
 */
export type DraftKind = 'any' | 'plausible';

function entriesArb<V>(
  keys: readonly string[],
  value: (key: string) => fc.Arbitrary<V>,
): fc.Arbitrary<Record<string, V>> {
  return fc
    .subarray([...keys])
    .chain((chosen) => fc.tuple(...chosen.map((key) => value(key).map((v) => [key, v] as const))))
    .map((entries) => Object.fromEntries(entries));
}

const malformedArb = fc.constantFrom(...MALFORMED_NUMBERS);
const malformedRetentionArb = fc.constantFrom<Retention>(
  { months: 4 },
  { months: 0 },
  { months: -3 },
  { months: 4.5 },
  { days: 7 as 14 },
);

function limitArb(kind: DraftKind, max: number): fc.Arbitrary<number | null> {
  const valid = fc.option(fc.integer({ min: 0, max }), { nil: null });
  return kind === 'any' ? fc.oneof(valid, malformedArb) : valid;
}

/** Drafts against `snapshot` (see DraftKind). */
export function draftArb(snapshot: LicensingSnapshot, kind: DraftKind = 'any'): fc.Arbitrary<ChangeSet> {
  const ids = snapshot.catalog.map((t) => t.id);
  const line = (id: string) => snapshot.lines.find((l) => l.typeId === id);
  const countsArb =
    kind === 'any'
      ? entriesArb([...ids, 'ghost'], () =>
          fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 0, max: 3000 }) }, malformedArb),
        )
      : entriesArb(ids, (id) => {
          const inUse = line(id)?.inUse ?? 0;
          const max = snapshot.catalog.find((t) => t.id === id)?.max ?? inUse + 2000;
          return fc.integer({ min: inUse, max: Math.max(inUse, max) });
        }).map((counts) => meetRequires(snapshot, counts));

  const maxMonths = snapshot.recording?.maxMonths ?? 60;
  const retentionArb = fc.constantFrom(...retentionOptions(maxMonths));
  const stt = snapshot.speechToText;
  const pp = snapshot.powerPack;
  const serviceIds = pp?.services.map((s) => s.id) ?? [];

  const sttArb = fc.record(
    { enabled: fc.boolean(), limitOverBase: limitArb(kind, 25_000) },
    { requiredKeys: [] },
  );
  const ppArb = fc.record(
    {
      enabled: fc.boolean(),
      limits: entriesArb(kind === 'any' ? [...serviceIds, 'ghost'] : serviceIds, () => limitArb(kind, 200)),
    },
    { requiredKeys: [] },
  );

  const model =
    kind === 'any'
      ? {
          counts: countsArb,
          retention: fc.oneof({ weight: 3, arbitrary: retentionArb }, malformedRetentionArb),
          speechToText: sttArb,
          powerPack: ppArb,
        }
      : {
          counts: countsArb,
          ...(snapshot.recording ? { retention: retentionArb } : {}),
          ...(stt ? { speechToText: sttArb } : {}),
          ...(pp ? { powerPack: ppArb } : {}),
        };
  return fc.record<ChangeSet>(model, { requiredKeys: [] });
}

/**
 * Raises required counts (or lowers dependents) so count(type) ≤ count(required) after the draft
 * (R4). Later types require earlier ones, so walking the catalog backwards settles each pair before
 * the required type's own requirement is looked at.
 */
function meetRequires(snapshot: LicensingSnapshot, counts: Record<string, number>): Record<string, number> {
  const out = { ...counts };
  const after = (id: string) =>
    Object.hasOwn(out, id) ? out[id]! : (snapshot.lines.find((l) => l.typeId === id)?.count ?? 0);
  for (const type of [...snapshot.catalog].reverse()) {
    const required = type.requires;
    if (required === undefined || after(type.id) <= after(required)) continue;
    const requiredMax = snapshot.catalog.find((t) => t.id === required)?.max ?? Number.MAX_SAFE_INTEGER;
    if (after(type.id) <= requiredMax) out[required] = after(type.id);
    else out[type.id] = after(required);
  }
  return out;
}

/** A snapshot and a draft against it. */
export function snapshotAndDraftArb(
  kind: DraftKind = 'any',
  options: SnapshotOptions = {},
): fc.Arbitrary<{ snapshot: LicensingSnapshot; draft: ChangeSet }> {
  return snapshotArb(options).chain((snapshot) =>
    draftArb(snapshot, kind).map((draft) => ({ snapshot, draft })),
  );
}

/** A draft that sets every value the snapshot has to what it already is: it changes nothing. */
export function noOpDraft(snapshot: LicensingSnapshot): ChangeSet {
  const draft: { -readonly [K in keyof ChangeSet]: ChangeSet[K] } = {
    counts: Object.fromEntries(
      snapshot.catalog.map((t) => [t.id, snapshot.lines.find((l) => l.typeId === t.id)?.count ?? 0]),
    ),
  };
  if (snapshot.recording) draft.retention = snapshot.recording.retention;
  if (snapshot.speechToText) {
    draft.speechToText = {
      enabled: snapshot.speechToText.enabled,
      limitOverBase: snapshot.speechToText.limitOverBase,
    };
  }
  if (snapshot.powerPack) {
    draft.powerPack = {
      enabled: snapshot.powerPack.enabled,
      limits: Object.fromEntries(snapshot.powerPack.services.map((s) => [s.id, s.limit])),
    };
  }
  return draft;
}
