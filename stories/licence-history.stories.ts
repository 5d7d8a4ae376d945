import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { Failure, LicensingAdapter } from '../src/adapters/adapter.js';
import { createDemoHistory } from '../src/adapters/memory/demo-history.js';
import '../src/elements/licence-history/licence-history.js';
import type { HistoryPeriod } from '../src/elements/licence-history/licence-history.component.js';
import { FOREVER, storyAdapter, type StoryData } from './support.js';

/** The stories' clock: the demo data's, so the history reads the same on every run. */
const NOW = new Date('2026-11-23T10:00:00Z');

interface Args extends StoryData {
  /** The licence type or setting shown (`type-filter`); empty for all. */
  typeFilter: string;
  /** The period shown. */
  period: HistoryPeriod;
  /** Commits per page (`page-size`). */
  pageSize: number;
  /** No commit saved yet. */
  noHistory?: boolean;
  /** Fail the first `listHistory`, after the snapshot loaded. */
  failHistory?: Failure;
  /** The history never answers (its loading state). */
  slowHistory?: boolean;
  /** An adapter without `listHistory`. */
  withoutMethod?: boolean;
  /** A narrow container (`.storybook/preview.css`): a phone, 360 px. */
  frame?: 'phone';
}

function adapterOf({ noHistory, failHistory, slowHistory, withoutMethod, ...data }: Args): LicensingAdapter {
  const adapter = storyAdapter({
    ...data,
    seed: (seed) => ({ ...seed, history: noHistory ? [] : createDemoHistory(seed.snapshot, NOW) }),
  });
  if (failHistory) adapter.failNext('listHistory', failHistory);
  if (!slowHistory && !withoutMethod) return adapter;
  const plain: LicensingAdapter = {
    load: (o) => adapter.load(o),
    listUsage: (q, o) => adapter.listUsage(q, o),
    commit: (c, o) => adapter.commit(c, o),
  };
  // Loading: a history that never answers while someone looks.
  return slowHistory ? { ...plain, listHistory: () => new Promise<never>(() => undefined) } : plain;
}

const meta: Meta<Args> = {
  title: 'History/licence-history',
  component: 'licence-history',
  args: { typeFilter: '', period: 'all', pageSize: 20 },
  argTypes: {
    typeFilter: {
      control: 'select',
      options: ['', 'voice', 'outbound', 'email', 'chat', 'retention', 'speech-to-text', 'power-pack'],
    },
    period: { control: 'select', options: ['all', 'month', '90d', '12m'] },
    pageSize: { control: 'number' },
  },
  render: (args) => {
    const history = html`<licence-history
      .adapter=${adapterOf(args)}
      type-filter=${args.typeFilter}
      period=${args.period}
      page-size=${args.pageSize}
    ></licence-history>`;
    return args.frame ? html`<div class=${args.frame}>${history}</div>` : history;
  },
};
export default meta;
type Story = StoryObj<Args>;

/** The saved changes, newest first: when, who, each change, and this and next month's invoice. */
export const List: Story = {};
/** Only the commits that changed the call-recording retention. */
export const Filtered: Story = { args: { typeFilter: 'retention' } };
/** A filter nothing matches: "No saved change matches these filters." */
export const FilteredEmpty: Story = { args: { typeFilter: 'sms', period: '90d' } };
/** Two commits a page: "1–2 of 6" with Previous and Next. */
export const Paged: Story = { args: { pageSize: 2 } };
/** No commit saved yet. */
export const Empty: Story = { args: { noHistory: true } };
/** The history is on its way. */
export const Loading: Story = { args: { slowHistory: true } };
/** The snapshot is on its way (the shared loading state). */
export const LoadingSnapshot: Story = { args: { latency: FOREVER } };
/** The history failed to load: the reason and Try again. */
export const LoadFailed: Story = { args: { failHistory: 'unavailable' } };
/** An adapter without `listHistory`: the history says it is not available here. */
export const NoAdapterMethod: Story = { args: { withoutMethod: true } };
/** `view` permission sees the same history (nothing on it changes anything). */
export const ViewPermission: Story = { args: { permission: 'view' } };
/** No access (`none`): the notice every widget shows. */
export const NoAccess: Story = { args: { permission: 'none' } };
/** A phone, 360 px: each commit's figures under its changes. */
export const Phone: Story = { args: { frame: 'phone' } };
/** Czech, dark. */
export const CzechDark: Story = { globals: { lang: 'cs', theme: 'dark' } };
