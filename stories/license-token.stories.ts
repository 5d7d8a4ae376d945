import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import type { AdapterMethod, Failure } from '../src/adapters/adapter.js';
import { MemoryAdapter, createDemoSeed, makeLicenseKey } from '../src/adapters/memory/index.js';
import type { InstallationLicense, Permission } from '../src/core/index.js';
import { storyPermission } from './support.js';
import '../src/elements/license-details/license-details.js';
import '../src/elements/license-token/license-token.js';
import type { LicenseToken } from '../src/elements/license-token/license-token.component.js';
import '../src/elements/licence-provider/licence-provider.js';
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
  status?: InstallationLicense['status'] & { previousToken?: string };
  permission?: Permission;
  /** `null`: the adapter has no installation licence. */
  installation?: null;
  latency?: number;
  fail?: [AdapterMethod, Failure];
  /** Leave out the optional methods the adapter would not offer. */
  without?: ('applyLicenseKey' | 'downloadLicenseLog')[];
}

function adapterFor({
  status,
  permission = 'update',
  installation,
  latency = 300,
  fail,
  without = [],
}: Setup) {
  const demo = createDemoSeed({ now: NOW });
  const adapter = new MemoryAdapter(
    {
      ...demo,
      snapshot: { ...demo.snapshot, permission: storyPermission(permission) ?? permission },
      installationLicense:
        installation === null ? null : { ...demo.installationLicense!, ...(status ? { status } : {}) },
    },
    { latency, now: () => NOW },
  );
  if (fail) adapter.failNext(...fail);
  for (const method of without) adapter[method] = undefined;
  return adapter;
}

const token = (setup: Setup, { supportUrl }: Args) =>
  html`<license-token .adapter=${adapterFor(setup)} .now=${NOW} support-url=${supportUrl}></license-token>`;

/** Waits for the widget's shadow root to hold `selector` (data arrives after the latency). */
async function find<T extends Element>(canvas: HTMLElement, selector: string): Promise<T> {
  const el = canvas.querySelector<LicenseToken>('license-token')!;
  for (let i = 0; i < 100; i++) {
    await el.updateComplete;
    const found = el.shadowRoot?.querySelector<T>(selector);
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${selector} did not appear`);
}

async function openManualUpdate(canvas: HTMLElement, text = ''): Promise<void> {
  (await find<HTMLButtonElement>(canvas, '[part~="edit-button"]')).click();
  const field = await find<HTMLTextAreaElement>(canvas, 'textarea');
  if (!text) return;
  field.value = text;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

const meta: Meta<Args> = {
  title: 'Installation licence/license-token',
  component: 'license-token',
  args: { supportUrl: 'https://xcally.atlassian.net/servicedesk/customer/portal/3' },
  render: (args) => token({}, args),
};
export default meta;

type Story = StoryObj<Args>;

export const Active: Story = {};

export const GraceHardwareChange: Story = {
  name: 'Grace period, hardware change (5 days left)',
  render: (args) =>
    token(
      {
        status: {
          state: 'grace',
          reason: 'hardware-change',
          graceEndsAt: at(4.5 * DAY),
          previousToken: '2b81d0c4-9e3a-4f17-8a55-01c7e9d3b246',
        },
      },
      args,
    ),
};

export const GraceLastDay: Story = {
  name: 'Grace period, last day',
  render: (args) =>
    token({ status: { state: 'grace', reason: 'hardware-change', graceEndsAt: at(DAY / 4) } }, args),
};

export const GraceLatePayment: Story = {
  name: 'Grace period, late payment',
  render: (args) =>
    token({ status: { state: 'grace', reason: 'late-payment', graceEndsAt: at(3 * DAY) } }, args),
};

export const Deactivated: Story = {
  render: (args) => token({ status: { state: 'deactivated', reason: 'hardware-change' } }, args),
};

export const ManualUpdateOpen: Story = {
  name: 'Manual update open',
  play: async ({ canvasElement }) => openManualUpdate(canvasElement),
};

export const KeyRejected: Story = {
  name: 'Manual update, key rejected',
  play: async ({ canvasElement }) => {
    await openManualUpdate(canvasElement, 'XCL1-this-is-not-a-licence');
    (await find<HTMLButtonElement>(canvasElement, '[part~="apply-button"]')).click();
  },
};

/** Applies `key` in the manual update, so the refusal shows in the page's language. */
const refuse =
  (key: string) =>
  async ({ canvasElement }: { canvasElement: HTMLElement }) => {
    await openManualUpdate(canvasElement, key);
    (await find<HTMLButtonElement>(canvasElement, '[part~="apply-button"]')).click();
  };

export const KeyExpired: Story = {
  name: 'Manual update, key expired',
  play: refuse(makeLicenseKey({ plan: 'annual', expiresAt: at(-10 * DAY) })),
};

export const KeyForAnotherServer: Story = {
  name: 'Manual update, key for another server',
  play: refuse(makeLicenseKey({ token: 'another-server', expiresAt: at(300 * DAY) })),
};

export const KeyRejectedCzech: Story = {
  name: 'Manual update, key rejected (Czech)',
  render: (args) => html`<div lang="cs">${token({}, args)}</div>`,
  play: refuse('XCL1-this-is-not-a-licence'),
};

export const ClipboardRefused: Story = {
  name: 'Clipboard refused',
  play: async ({ canvasElement }) => {
    const tokenEl = await find<HTMLElement>(canvasElement, '[part~="token"]');
    // Refuse for this one click, then give the page its clipboard back.
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: () => Promise.reject(new DOMException('Refused', 'NotAllowedError')) },
    });
    tokenEl.click();
    await new Promise((resolve) => setTimeout(resolve, 0));
    delete (navigator as { clipboard?: unknown }).clipboard;
  },
};

export const LogDownloadFailed: Story = {
  name: 'Log download failed',
  render: (args) => token({ fail: ['downloadLicenseLog', 'unavailable'] }, args),
  play: async ({ canvasElement }) => {
    (await find<HTMLButtonElement>(canvasElement, '[part~="download-button"]')).click();
  },
};

export const ReadOnly: Story = {
  name: 'Read-only (view permission)',
  render: (args) => token({ permission: 'view' }, args),
};

export const NoAccess: Story = {
  name: 'No access',
  render: (args) => token({ permission: 'none' }, args),
};

export const UpdateNotOffered: Story = {
  name: 'Adapter without update and log file',
  render: (args) => token({ without: ['applyLicenseKey', 'downloadLicenseLog'] }, args),
};

export const Loading: Story = {
  render: (args) => token({ latency: 1e9 }, args),
};

export const LoadError: Story = {
  name: 'Error (retry recovers)',
  render: (args) => token({ fail: ['getInstallationLicense', 'unavailable'] }, args),
};

export const NotAvailable: Story = {
  name: 'Not available (no installation licence)',
  render: (args) => token({ installation: null }, args),
};

export const Czech: Story = {
  render: (args) =>
    html`<div lang="cs">
      ${token({ status: { state: 'grace', reason: 'late-payment', graceEndsAt: at(1.5 * DAY) } }, args)}
    </div>`,
};

export const Dark: Story = {
  // The preview's theme toolbar sets the dark page (.storybook/preview.ts).
  globals: { theme: 'dark' },
  render: (args) =>
    token({ status: { state: 'grace', reason: 'hardware-change', graceEndsAt: at(4.5 * DAY) } }, args),
};

/** Token and details on one store: applying a licence in one updates the other. */
export const WithDetails: Story = {
  name: 'With license-details (one store)',
  render: ({ supportUrl }): TemplateResult =>
    html`<licence-provider
      .adapter=${adapterFor({ status: { state: 'grace', reason: 'late-payment', graceEndsAt: at(4.5 * DAY) } })}
    >
      <license-token .now=${NOW} support-url=${supportUrl}></license-token>
      <p>
        A licence to paste into the manual update:
        <code>${makeLicenseKey({ plan: 'monthly', expiresAt: at(20 * DAY) })}</code>
      </p>
      <license-details .now=${NOW} support-url=${supportUrl}></license-details>
    </licence-provider>`,
};
