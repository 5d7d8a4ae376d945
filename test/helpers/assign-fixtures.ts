// Data and queries for the usage overview's assignment tests (issue #22): twelve agents, eleven
// holding Voice (of 12), two of them Outbound (which requires Voice), none Email (2 set).
import { fixture, html } from '@open-wc/testing';
import type { LicensingAdapter } from '../../src/adapters/adapter.js';
import type { MemorySeed } from '../../src/adapters/memory/index.js';
import type { Agent } from '../../src/core/index.js';
import '../../src/elements/usage-overview/usage-overview.js';
import type { UsageOverview } from '../../src/elements/usage-overview/usage-overview.component.js';
import { smallSnapshot } from './fixtures.js';
import { until } from './grid-host.js';

const names = ['Ada', 'Ben', 'Cleo', 'Dan', 'Eva', 'Filip', 'Greta', 'Hugo', 'Ida', 'Jan', 'Karel'];

export const assignAgents: Agent[] = [
  ...names.map((name, i) => ({
    id: `g${i + 1}`,
    name: `${name} Agent`,
    email: `${name.toLowerCase()}@example.com`,
    licences: i < 2 ? ['voice', 'outbound'] : ['voice'],
  })),
  { id: 'g12', name: 'Lea Agent', email: 'lea@example.com', licences: [] },
];

export function assignSeed(): MemorySeed {
  const snapshot = smallSnapshot({
    lines: [
      { typeId: 'voice', count: 12, inUse: 11, peak: 12 },
      { typeId: 'outbound', count: 2, inUse: 2, peak: 2 },
      { typeId: 'email', count: 2, inUse: 0, peak: 2 },
      { typeId: 'call-recording', count: 3, inUse: 0, peak: 3 },
    ],
  });
  return { snapshot, agents: assignAgents, installationLicense: null };
}

export const root = (el: Element) => el.shadowRoot!;
export const row = (el: UsageOverview, index: number) =>
  root(el).querySelector<HTMLElement>(`[role="row"][data-row="${index}"]`)!;
export const checkbox = (el: UsageOverview, name: string) =>
  root(el).querySelector<HTMLInputElement>(`input[type="checkbox"][aria-label="Select ${name}"]`);
/** A button by its visible text (the way a user names it). */
export const button = (scope: Element | ShadowRoot, text: string) =>
  [...scope.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.trim() === text);
export const toolbar = (el: UsageOverview) => root(el).querySelector<HTMLElement>('[role="toolbar"]');
export const liveCount = (el: UsageOverview) =>
  root(el).querySelector('[part~="selected-count"]')?.textContent!.trim() ?? '';
export const dialog = (el: UsageOverview) => root(el).querySelector<HTMLDialogElement>('dialog');
export const toast = (el: UsageOverview) =>
  root(el).querySelector('[part~="toast"]')!.textContent!.replace(/\s+/g, ' ').trim();
export const text = (node: Element | null | undefined) =>
  node?.textContent!.replace(/\s+/g, ' ').trim() ?? '';

/** The overview on `adapter`, filtered to `typeId`, once its rows and (when it can) checkboxes show. */
export async function assignOverview(
  adapter: LicensingAdapter,
  typeId = 'voice',
  { picks = true, pageSize = 100, lang = 'en' } = {},
): Promise<UsageOverview> {
  const el = await fixture<UsageOverview>(
    html`<usage-overview
      lang=${lang}
      type-id=${typeId}
      page-size=${pageSize}
      .adapter=${adapter}
    ></usage-overview>`,
  );
  el.style.setProperty('--usage-overview-height', '40rem');
  await until(() => root(el).querySelector('[data-row="0"] .agent-name') !== null, 'the rows');
  if (picks) await until(() => root(el).querySelector('input[type="checkbox"]') !== null, 'the checkboxes');
  return el;
}
