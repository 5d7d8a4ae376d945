import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { Failure, LicensingAdapter } from '../src/adapters/adapter.js';
import { ruleBook } from '../src/core/rule-book.js';
import { LicensingStore } from '../src/state/licensing-store.js';
import { generateAgents } from '../src/adapters/memory/index.js';
import '../src/elements/usage-overview/usage-overview.js';
import { FOREVER, storyAdapter, type StoryData } from './support.js';

interface Args extends StoryData {
  /** Preselected licence type (`type-id`). */
  typeId: string;
  /** Preset search. */
  search: string;
  /** Replace the demo's 250 agents with this many generated ones. */
  agents?: number;
  /** Fail the first `listUsage` (the rows), after the snapshot loaded. */
  failUsage?: Failure;
  /** A narrow container (`.storybook/preview.css`): a phone, 360 px, or a side panel, 520 px. */
  frame?: 'phone' | 'side-panel';
  /** An adapter without `assign` / `unassign` (issue #22): the overview stays read-only. */
  withoutAssign?: boolean;
  /** A pending reduction of the filtered type to this count (the "free N" banner). */
  reduceTo?: number;
}

const meta: Meta<Args> = {
  title: 'Usage/usage-overview',
  component: 'usage-overview',
  args: { typeId: '', search: '' },
  argTypes: {
    typeId: {
      control: 'select',
      options: ['', 'voice', 'outbound', 'email', 'chat', 'sms', 'whatsapp', 'call-recording', 'supervisor'],
    },
    search: { control: 'text' },
  },
  render: ({ typeId, search, agents, failUsage, frame, withoutAssign, reduceTo, ...data }) => {
    const memory = storyAdapter({
      ...data,
      ...(agents === undefined ? {} : { seed: (seed) => ({ ...seed, agents: generateAgents(agents) }) }),
    });
    if (failUsage) memory.failNext('listUsage', failUsage);
    const adapter: LicensingAdapter = withoutAssign
      ? {
          load: (o) => memory.load(o),
          listUsage: (q, o) => memory.listUsage(q, o),
          commit: (c, o) => memory.commit(c, o),
        }
      : memory;
    const store = new LicensingStore(adapter).useRules(ruleBook);
    if (reduceTo !== undefined) void store.load().then(() => store.setCount(typeId, reduceTo));
    const overview = html`<usage-overview
      type-id=${typeId}
      search=${search}
      .store=${store}
    ></usage-overview>`;
    return frame ? html`<div class=${frame}>${overview}</div>` : overview;
  },
};
export default meta;
type Story = StoryObj<Args>;

export const Default: Story = {};
/** Opened from "see who uses these licences" on a blocked reduction. */
export const FilteredByType: Story = { args: { typeId: 'outbound' } };
export const Search: Story = { args: { search: 'nov' } };
export const TenThousandAgents: Story = { args: { agents: 10_000 } };
export const HundredThousandAgents: Story = { args: { agents: 100_000 } };
export const NoMatch: Story = { args: { search: 'no such agent' } };
export const Empty: Story = { args: { agents: 0 } };
export const Loading: Story = { args: { latency: FOREVER } };
export const LoadError: Story = { args: { failLoad: 'unavailable' } };
export const RowsError: Story = { args: { failUsage: 'network' } };
/** `view` permission: the same view (nothing here changes licences). */
export const ReadOnly: Story = { args: { permission: 'view' } };
export const NoAccess: Story = { args: { permission: 'none' } };
export const HostileNames: Story = {
  args: {
    seed: (seed) => ({
      ...seed,
      agents: [
        { id: 'h1', name: '<img src=x onerror=alert(1)>', email: '=cmd|/c calc!A1', licences: ['voice'] },
        { id: 'h2', name: '<b>Bold</b> "quoted", with commas', licences: ['email', 'chat'] },
        { id: 'h3', name: 'A very long name '.repeat(6), email: 'long@example.com', licences: [] },
      ],
    }),
  },
};
export const Dark: Story = { args: { typeId: 'voice' }, globals: { theme: 'dark' } };
export const Czech: Story = { globals: { lang: 'cs' } };
/** A phone (below 600 px): each agent is a card listing every licence type, ✓ held or – not. */
export const Phone: Story = { args: { frame: 'phone' } };
/** A phone in Czech: the licence names come from the data's `names.cs` (Hlas, Odchozí, …). */
export const PhoneCzech: Story = { args: { frame: 'phone' }, globals: { lang: 'cs' } };
export const PhoneDark: Story = { args: { frame: 'phone', typeId: 'outbound' }, globals: { theme: 'dark' } };
/** A side panel between a phone and a table: two columns of licence types per card. */
export const SidePanel: Story = { args: { frame: 'side-panel' } };

// ————— assignment (issue #22): an `update` user on an adapter with assign / unassign —————

/** Clicks the checkboxes of the agents in rows `rows` (Shift-click from the first to the last). */
async function select(canvas: HTMLElement, rows: readonly number[], range = false): Promise<HTMLElement> {
  const overview = canvas.querySelector('usage-overview')!;
  const root = overview.shadowRoot!;
  for (let i = 0; i < 100 && !root.querySelector('input[type="checkbox"]'); i++)
    await new Promise((resolve) => setTimeout(resolve, 50));
  rows.forEach((row, i) =>
    root
      .querySelector(`[data-row="${row}"] input[type="checkbox"]`)
      ?.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, shiftKey: range && i > 0 })),
  );
  await (overview as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
  return overview;
}

/** Opens the confirmation from the toolbar button whose text starts with `label`. */
async function ask(overview: HTMLElement, label: string): Promise<void> {
  [...overview.shadowRoot!.querySelectorAll<HTMLButtonElement>('[role="toolbar"] button')]
    .find((b) => b.textContent!.trim().startsWith(label))
    ?.click();
  await (overview as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
}

/** Chooses the licence type `typeId` in the toolbar's list (the overview showing every type). */
async function chooseType(overview: HTMLElement, typeId: string): Promise<HTMLElement> {
  const type = overview.shadowRoot!.querySelector<HTMLSelectElement>('[role="toolbar"] select')!;
  type.value = typeId;
  type.dispatchEvent(new Event('change'));
  await (overview as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
  return overview;
}

/** Three agents picked (a range): the toolbar with its live count, the actions and what is available. */
export const Selection: Story = {
  args: { typeId: 'voice' },
  play: async ({ canvasElement }) => void (await select(canvasElement, [2, 4], true)),
};
/**
 * The selection on a phone (360 px): the toolbar is compact, its actions on rows that wrap and the
 * "available" line under them, so the cards stay in view.
 */
export const SelectionPhone: Story = {
  args: { typeId: '', frame: 'phone' },
  play: async ({ canvasElement }) => void (await select(canvasElement, [1, 3], true)),
};
/** The same in Czech, whose labels are longer. */
export const SelectionPhoneCzech: Story = {
  args: { typeId: '', frame: 'phone' },
  globals: { lang: 'cs' },
  play: async ({ canvasElement }) => void (await select(canvasElement, [1, 3], true)),
};
/**
 * The toolbar holding focus (WAI-ARIA APG "Toolbar"): one Tab stop, Left / Right / Home / End move
 * between its controls; here on "Assign Supervisor …", which is off (too few free) yet focusable,
 * described by the line that says why.
 */
export const ToolbarFocused: Story = {
  args: { typeId: '' },
  play: async ({ canvasElement }) => {
    const overview = await chooseType(await select(canvasElement, [0, 9], true), 'supervisor');
    overview.shadowRoot!.querySelector<HTMLElement>('[part~="assign-button"]')?.focus();
  },
};
/** The confirmation says what happens in words. */
export const Confirmation: Story = {
  args: { typeId: 'voice' },
  play: async ({ canvasElement }) => ask(await select(canvasElement, [2, 4], true), 'Remove'),
};
/** R12: Voice cannot be removed from agents holding Outbound; the dialog offers removing both. */
export const RefusalOutboundNeedsVoice: Story = {
  args: { typeId: '' },
  play: async ({ canvasElement }) =>
    ask(await chooseType(await select(canvasElement, [0, 9], true), 'voice'), 'Remove'),
};
/** More agents without the type selected than licences are free: Assign is off and says why. */
export const NotEnoughAvailable: Story = {
  args: { typeId: '' },
  play: async ({ canvasElement }) =>
    void (await chooseType(await select(canvasElement, [0, 9], true), 'supervisor')),
};
/** An adapter without `assign` / `unassign`: no checkbox, no toolbar, as before. */
export const WithoutAssignment: Story = { args: { typeId: 'voice', withoutAssign: true } };
/** `view` permission: no checkbox, no toolbar. */
export const ViewNoSelection: Story = { args: { typeId: 'voice', permission: 'view' } };
/** Opened from a blocked reduction: "Free N Voice licences to reduce to …". */
export const FreeToReduce: Story = { args: { typeId: 'voice', reduceTo: 1 } };
/**
 * "Select all N matching", then one agent unticked: the agents loaded so far stay selected, all
 * but that one, and the count says so.
 */
export const AllButOne: Story = {
  args: { typeId: 'voice' },
  play: async ({ canvasElement }) => {
    const overview = await select(canvasElement, [0]);
    await ask(overview, 'Select all');
    await select(canvasElement, [1]);
  },
};
/** Voice and Outbound removed together ("both"): the toast names both, with Undo. */
export const RemovedBoth: Story = {
  args: { typeId: '' },
  play: async ({ canvasElement }) => {
    const overview = await chooseType(await select(canvasElement, [0, 9], true), 'voice');
    await ask(overview, 'Remove');
    const both = [...overview.shadowRoot!.querySelectorAll<HTMLButtonElement>('dialog button')].find((b) =>
      b.textContent!.includes(' and '),
    );
    both?.click();
    for (let i = 0; i < 100 && !overview.shadowRoot!.querySelector('[part~="undo-button"]'); i++)
      await new Promise((resolve) => setTimeout(resolve, 50));
  },
};
/**
 * A reduction pending in the cart (R12 `availability`): the toolbar says what is free now and once
 * the reduction is saved ("… available now; 0 once the reduction to 1 is saved"), as the banner does.
 */
export const PendingReductionToolbar: Story = {
  args: { typeId: 'voice', reduceTo: 1 },
  play: async ({ canvasElement }) => void (await select(canvasElement, [2, 4], true)),
};
