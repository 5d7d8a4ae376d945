import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { ChangeSet } from '../src/core/index.js';
import '../src/elements/power-pack-limits/power-pack-limits.js';
import { sharedStoreFor } from '../src/state/controller.js';
import { FOREVER, STORY_NOW, storyAdapter, type StoryData } from './support.js';

interface Args extends StoryData {
  draft?: ChangeSet;
  /** The usage thresholds (R11), e.g. "50,80,100". */
  thresholds?: string;
  /** The day "this month's pace" is measured to (R11); the stories' day when unset. */
  now?: Date;
  /** Requests on (`store.allowRequests()`): a `view` user drafts a request (R1). */
  requests?: boolean;
}

const meta: Meta<Args> = {
  title: 'Power Pack/power-pack-limits',
  component: 'power-pack-limits',
  render: ({ draft, thresholds, now, requests, ...data }) => {
    const adapter = storyAdapter(data);
    if (requests) sharedStoreFor(adapter).allowRequests();
    if (draft)
      void sharedStoreFor(adapter)
        .load()
        .then(() => sharedStoreFor(adapter).edit(draft));
    return html`<power-pack-limits
      thresholds=${thresholds ?? ''}
      .now=${now ?? STORY_NOW}
      .adapter=${adapter}
    ></power-pack-limits>`;
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

// Issue #20 part 3 (R11): usage alerts per service.
const alerting: StoryData['snapshot'] = (s) => ({
  ...s,
  powerPack: {
    ...s.powerPack!,
    services: [
      { ...s.powerPack!.services[0]!, limit: 10, used: 8 },
      { ...s.powerPack!.services[1]!, limit: 10, used: 9 },
      { ...s.powerPack!.services[2]!, limit: 5, used: 5 },
    ],
  },
});
/** 8 of 10 "Over 75%", 9 of 10 "90%" (exactly), 5 of 5 stopped with "Raise the AI QA limit to N packs (at most … a month)". */
export const UsageAlerts: Story = { args: { snapshot: alerting } };
/** The host's thresholds="50,80,100". */
export const UsageAlertsCustomThresholds: Story = { args: { snapshot: alerting, thresholds: '50,80,100' } };
/** `view` permission: the alerts and what keeps a stopped service running, without the button. */
export const UsageAlertsReadOnly: Story = { args: { snapshot: alerting, permission: 'view' } };
/** After "Raise the limit": the raised limit is in the cart and the service resumes when saved. */
export const UsageAlertsLimitRaised: Story = {
  args: { snapshot: alerting, draft: { powerPack: { limits: { 'ai-qa': 7 } } } },
};
/** The 2nd of the month: too early to project, so "Raise the AI QA limit to 6 packs" resumes it now. */
export const UsageAlertsEarlyInTheMonth: Story = { args: { snapshot: alerting, now: new Date(2026, 10, 2) } };
export const UsageAlertsEarlyInTheMonthCzech: Story = {
  args: { snapshot: alerting, now: new Date(2026, 10, 2) },
  globals: { lang: 'cs' },
};
export const UsageAlertsCzech: Story = { args: { snapshot: alerting }, globals: { lang: 'cs' } };
export const UsageAlertsDark: Story = { args: { snapshot: alerting }, globals: { theme: 'dark' } };

/** A `view` user with requests on: the limits are steppers again, marked "Request". */
export const RequestMode: Story = { args: { permission: 'view', requests: true } };
/** A limit in a request's draft: what it would do on save, still a request. */
export const RequestModeDraft: Story = {
  args: { permission: 'view', requests: true, draft: { powerPack: { limits: { 'smart-routing': 12 } } } },
};
