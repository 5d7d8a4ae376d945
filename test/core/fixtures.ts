// A small account in the shape docs/rules.md describes, for worked examples. Prices are in euro cents.

import type { LicenceLine, LicensingSnapshot, Money } from '../../src/core/index.js';

export const eur = (amount: number): Money => ({ amount, currency: 'EUR' });

/**
 * voice €10 (max 500), outbound €5 (requires voice), recording €3 at 9 months (×3), chat €8 (no
 * line yet); STT on with 2000 minutes over the 5000 base (6000 used); Power Pack off.
 */
export function account(overrides: Partial<LicensingSnapshot> = {}): LicensingSnapshot {
  return {
    version: 'v1',
    permission: 'update',
    period: { start: '2025-03-01', end: '2025-03-31' },
    catalog: [
      { id: 'voice', name: 'Voice', unitPrice: eur(1000), max: 500 },
      { id: 'outbound', name: 'Outbound', unitPrice: eur(500), requires: 'voice' },
      { id: 'recording', name: 'Call recording', unitPrice: eur(300) },
      { id: 'chat', name: 'Chat', unitPrice: eur(800) },
    ],
    lines: [
      { typeId: 'voice', count: 10, inUse: 8, peak: 10 },
      { typeId: 'outbound', count: 4, inUse: 4, peak: 6 },
      { typeId: 'recording', count: 5, inUse: 5, peak: 15 },
    ],
    recording: { typeId: 'recording', retention: { months: 9 }, maxMonths: 24 },
    speechToText: {
      enabled: true,
      baseMinutes: 5000,
      limitOverBase: 2000,
      usedMinutes: 6000,
      minutePrice: eur(2),
    },
    powerPack: {
      enabled: false,
      packPrice: eur(5000),
      services: [
        { id: 'smart-routing', name: 'Smart routing', limit: 10, used: 3 },
        { id: 'ai-topics', name: 'AI Topics', limit: null, used: 0 },
        { id: 'ai-qa', name: 'AI QA', limit: 5, used: 5 },
      ],
    },
    prerequisites: { emailQueues: 2, callQueuesWithAiTopics: 1, aiQaForms: 1 },
    ...overrides,
  };
}

/** `snapshot` with one line replaced (or added). */
export function withLine(snapshot: LicensingSnapshot, line: LicenceLine): LicensingSnapshot {
  return { ...snapshot, lines: [...snapshot.lines.filter((l) => l.typeId !== line.typeId), line] };
}

/** Freezes a value and everything inside it, so a mutation throws (modules run in strict mode). */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
