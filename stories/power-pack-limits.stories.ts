import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { ChangeSet } from '../src/core/index.js';
import '../src/elements/power-pack-limits/power-pack-limits.js';
import { sharedStoreFor } from '../src/state/controller.js';
import { FOREVER, storyAdapter, type StoryData } from './support.js';

interface Args extends StoryData {
  draft?: ChangeSet;
}

const meta: Meta<Args> = {
  title: 'Power Pack/power-pack-limits',
  component: 'power-pack-limits',
  render: ({ draft, ...data }) => {
    const adapter = storyAdapter(data);
    if (draft)
      void sharedStoreFor(adapter)
        .load()
        .then(() => sharedStoreFor(adapter).edit(draft));
    return html`<power-pack-limits .adapter=${adapter}></power-pack-limits>`;
  },
};
export default meta;
type Story = StoryObj<Args>;

export const OnWithLimits: Story = {};
export const Off: Story = {
  args: { snapshot: (s) => ({ ...s, powerPack: { ...s.powerPack!, enabled: false } }) },
};
export const ServiceStopped: Story = {
  args: {
    snapshot: (s) => ({
      ...s,
      powerPack: {
        ...s.powerPack!,
        services: s.powerPack!.services.map((x) => ({ ...x, limit: 4, used: 4 })),
      },
    }),
  },
};
export const LimitBelowUsage: Story = { args: { draft: { powerPack: { limits: { 'smart-routing': 2 } } } } };
export const PrerequisitesMissing: Story = {
  args: {
    snapshot: (s) => ({ ...s, prerequisites: { emailQueues: 0, callQueuesWithAiTopics: 3, aiQaForms: 0 } }),
    draft: { speechToText: { enabled: false } },
  },
};
export const Unlimited: Story = {
  args: {
    snapshot: (s) => ({
      ...s,
      powerPack: { ...s.powerPack!, services: s.powerPack!.services.map((x) => ({ ...x, limit: null })) },
    }),
  },
};
export const ReadOnly: Story = { args: { permission: 'view' } };
export const NoAccess: Story = { args: { permission: 'none' } };
export const Loading: Story = { args: { latency: FOREVER } };
export const LoadError: Story = { args: { failLoad: 'timeout' } };
export const Dark: Story = { globals: { theme: 'dark' } };
export const Czech: Story = { globals: { lang: 'cs' } };
/** Issue #15: a stopped service whose limit the draft raises says it resumes when saved. */
export const LimitRaisedResumesOnSave: Story = {
  args: {
    snapshot: (s) => ({
      ...s,
      powerPack: {
        ...s.powerPack!,
        services: s.powerPack!.services.map((x) => ({ ...x, limit: 4, used: 4 })),
      },
    }),
    draft: { powerPack: { limits: { 'smart-routing': 6 } } },
  },
};
/** Issue #15: switched off in the draft, the limits and prerequisite badges look inactive. */
export const SwitchedOffInDraft: Story = { args: { draft: { powerPack: { enabled: false } } } };
/** Issue #15: read-only shows the switch and the limits as plain values. */
export const ReadOnlyCzech: Story = { args: { permission: 'view' }, globals: { lang: 'cs' } };
