import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { Failure } from '../src/adapters/adapter.js';
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
  render: ({ typeId, search, agents, failUsage, frame, ...data }) => {
    const adapter = storyAdapter({
      ...data,
      ...(agents === undefined ? {} : { seed: (seed) => ({ ...seed, agents: generateAgents(agents) }) }),
    });
    if (failUsage) adapter.failNext('listUsage', failUsage);
    const overview = html`<usage-overview
      type-id=${typeId}
      search=${search}
      .adapter=${adapter}
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
