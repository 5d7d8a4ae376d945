import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { AdapterMethod, Failure } from '../src/adapters/adapter.js';
import { MemoryAdapter, createDemoSeed } from '../src/adapters/memory/index.js';
import type { InstallationLicense, Permission } from '../src/core/index.js';
import { storyPermission } from './support.js';
import '../src/elements/license-details/license-details.js';
import '../src/locales/cs.js';

/** A fixed clock, so days left read the same on every run. */
const NOW = new Date('2026-11-23T10:00:00Z');
const DAY = 24 * 60 * 60 * 1000;
const at = (ms: number) => new Date(NOW.getTime() + ms).toISOString();

interface Args {
  /** Where the licensing team is reached. */
  supportUrl: string;
}

interface Setup {
  licence?: Partial<InstallationLicense>;
  permission?: Permission;
  /** `null`: the adapter has no installation licence. */
  installation?: null;
  latency?: number;
  fail?: [AdapterMethod, Failure];
  names?: Record<string, string>;
}

function adapterFor({ licence = {}, permission = 'update', installation, latency = 300, fail }: Setup) {
  const demo = createDemoSeed({ now: NOW });
  const adapter = new MemoryAdapter(
    {
      ...demo,
      snapshot: { ...demo.snapshot, permission: storyPermission(permission) ?? permission },
      installationLicense:
        installation === null
          ? null
          : { ...demo.installationLicense!, expiresAt: '2027-06-01T00:00:00Z', ...licence },
    },
    { latency, now: () => NOW },
  );
  if (fail) adapter.failNext(...fail);
  return adapter;
}

const details = (setup: Setup, { supportUrl }: Args) =>
  html`<license-details
    .adapter=${adapterFor(setup)}
    .now=${NOW}
    .names=${setup.names}
    support-url=${supportUrl}
  ></license-details>`;

const meta: Meta<Args> = {
  title: 'Installation licence/license-details',
  component: 'license-details',
  args: { supportUrl: 'https://xcally.atlassian.net/servicedesk/customer/portal/3' },
  render: (args) => details({}, args),
};
export default meta;

type Story = StoryObj<Args>;

export const Annual: Story = { name: 'Active, annual' };

export const Monthly: Story = {
  name: 'Active, monthly',
  render: (args) => details({ licence: { plan: 'monthly', expiresAt: at(27 * DAY + DAY / 2) } }, args),
};

export const ExpiringSoon: Story = {
  name: 'Expiring soon (12 days)',
  render: (args) => details({ licence: { expiresAt: at(11.5 * DAY) } }, args),
};

export const LastDay: Story = {
  name: 'Expires today',
  render: (args) => details({ licence: { expiresAt: at(DAY / 4) } }, args),
};

export const Expired: Story = {
  name: 'Expired (the status still says active)',
  render: (args) => details({ licence: { expiresAt: at(-3 * DAY) } }, args),
};

export const GracePeriod: Story = {
  name: 'In a grace period',
  render: (args) =>
    details(
      { licence: { status: { state: 'grace', reason: 'hardware-change', graceEndsAt: at(4.5 * DAY) } } },
      args,
    ),
};

export const Deactivated: Story = {
  render: (args) => details({ licence: { status: { state: 'deactivated', reason: 'late-payment' } } }, args),
};

export const GraceEnded: Story = {
  name: 'Grace period ended (not in force)',
  render: (args) =>
    details(
      { licence: { status: { state: 'grace', reason: 'hardware-change', graceEndsAt: at(-DAY / 2) } } },
      args,
    ),
};

export const LatePaymentAfterExpiry: Story = {
  name: 'Late payment: expired, in its grace period',
  render: (args) =>
    details(
      {
        licence: {
          expiresAt: at(-2 * DAY),
          status: { state: 'grace', reason: 'late-payment', graceEndsAt: at(5 * DAY) },
        },
      },
      args,
    ),
};

export const DeactivatedCzech: Story = {
  name: 'Deactivated (Czech)',
  render: (args) =>
    html`<div lang="cs">
      ${details({ licence: { status: { state: 'deactivated', reason: 'late-payment' } } }, args)}
    </div>`,
};

export const DeactivatedDark: Story = {
  name: 'Deactivated (dark)',
  globals: { theme: 'dark' },
  render: (args) =>
    details({ licence: { status: { state: 'deactivated', reason: 'hardware-change' } } }, args),
};

export const UpdatesNotAllowed: Story = {
  name: 'Updates not allowed, no App Zone',
  render: (args) => details({ licence: { updatesAllowed: false, appZone: false } }, args),
};

export const Everything: Story = {
  name: 'Everything included',
  render: (args) =>
    details(
      {
        licence: {
          channels: ['voice', 'chat', 'email', 'sms', 'fax', 'open-channel', 'whatsapp'],
          modules: ['contacts-manager', 'dialer', 'jscripty', 'inspectors', 'multiprofile', 'timings'],
          addOns: ['webrtc', 'customization', 'screen-recording', 'real-time-translator'],
          ai: ['ai-bots', 'ai-assistants', 'agent-assistants', 'quality-analysis'],
        },
      },
      args,
    ),
};

export const HostNames: Story = {
  name: 'Host names and an unknown id',
  render: (args) =>
    details(
      {
        licence: { modules: ['contacts-manager', 'dialer', 'custom-crm', 'wallboard'] },
        names: { 'custom-crm': 'Our CRM', 'contacts-manager': 'Address book' },
      },
      args,
    ),
};

export const ReadOnly: Story = {
  name: 'Read-only (view permission)',
  render: (args) => details({ permission: 'view' }, args),
};

export const NoAccess: Story = {
  name: 'No access',
  render: (args) => details({ permission: 'none' }, args),
};

export const Loading: Story = {
  render: (args) => details({ latency: 1e9 }, args),
};

export const LoadError: Story = {
  name: 'Error (retry recovers)',
  render: (args) => details({ fail: ['getInstallationLicense', 'unavailable'] }, args),
};

export const NotAvailable: Story = {
  name: 'Not available (no installation licence)',
  render: (args) => details({ installation: null }, args),
};

export const Czech: Story = {
  render: (args) => html`<div lang="cs">${details({ licence: { expiresAt: at(2.5 * DAY) } }, args)}</div>`,
};

export const Dark: Story = {
  // The preview's theme toolbar sets the dark page (.storybook/preview.ts).
  globals: { theme: 'dark' },
  render: (args) => details({ licence: { expiresAt: at(11.5 * DAY), updatesAllowed: false } }, args),
};
