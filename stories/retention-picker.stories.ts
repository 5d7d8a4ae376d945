import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { Retention } from '../src/core/index.js';
import '../src/elements/retention-picker/retention-picker.js';
import { sharedStoreFor } from '../src/state/controller.js';
import { FOREVER, storyAdapter, type StoryData } from './support.js';

interface Args extends StoryData {
  retention?: Retention;
  /** The host shows its own read-only notice (`no-read-only-note`). */
  noReadOnlyNote?: boolean;
  /** Requests on (`store.allowRequests()`): a `view` user drafts a request (R1). */
  requests?: boolean;
}

const meta: Meta<Args> = {
  title: 'Seat licences/retention-picker',
  component: 'retention-picker',
  render: ({ retention, noReadOnlyNote, requests, ...data }) => {
    const adapter = storyAdapter(data);
    if (requests) sharedStoreFor(adapter).allowRequests();
    if (retention)
      void sharedStoreFor(adapter)
        .load()
        .then(() => sharedStoreFor(adapter).setRetention(retention));
    return html`<retention-picker
      ?no-read-only-note=${noReadOnlyNote}
      .adapter=${adapter}
    ></retention-picker>`;
  },
};
export default meta;
type Story = StoryObj<Args>;

export const Default: Story = {};
export const Longer: Story = { args: { retention: { months: 15 } } };
export const ShortenedWarns: Story = { args: { retention: { months: 3 } } };
export const FreeFourteenDays: Story = { args: { retention: { days: 14 } } };
export const AbovePlanMaximum: Story = {
  args: {
    snapshot: (s) => ({ ...s, recording: { ...s.recording!, retention: { months: 36 }, maxMonths: 24 } }),
    undecoded: true,
  },
};
export const InAForm: Story = {
  render: () =>
    html`<form>
      <retention-picker name="retention" .adapter=${storyAdapter()}></retention-picker>
      <button type="reset">Reset</button>
    </form>`,
};
export const ReadOnly: Story = { args: { permission: 'view' } };
export const NoAccess: Story = { args: { permission: 'none' } };
export const Loading: Story = { args: { latency: FOREVER } };
export const LoadError: Story = { args: { failLoad: 'server' } };
export const Dark: Story = { globals: { theme: 'dark' } };
export const Czech: Story = { args: { retention: { months: 15 } }, globals: { lang: 'cs' } };
/** With `view` permission inside a host that says so once (issue #15). */
export const ReadOnlyWithoutNote: Story = { args: { permission: 'view', noReadOnlyNote: true } };

/** A `view` user with requests on: the list is back, marked "Request", with the request note. */
export const RequestMode: Story = { args: { permission: 'view', requests: true } };
/** A shorter retention in a request's draft: "Requested: −… per month". */
export const RequestModeDraft: Story = {
  args: { permission: 'view', requests: true, retention: { months: 3 } },
};
