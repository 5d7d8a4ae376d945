import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { typeText } from './helpers/keys.js';
import type { LicensingAdapter } from '../src/adapters/adapter.js';
import { ValidationError } from '../src/adapters/errors.js';
import { MemoryAdapter, makeLicenseKey } from '../src/adapters/memory/index.js';
import type { MemorySeed } from '../src/adapters/memory/demo-data.js';
import type { InstallationLicense, Permission } from '../src/core/index.js';
import '../src/elements/license-token/license-token.js';
import type { LicenseToken } from '../src/elements/license-token/license-token.component.js';
import type { LicenceKeyApplyDetail, LicenceTokenCopyDetail } from '../src/events.js';
import { registerMessages } from '../src/i18n/locale.js';
import { common as csCommon } from '../src/locales/cs/common.js';
import { messages as csToken } from '../src/locales/cs/license-token.js';
import { messages as csUi } from '../src/locales/cs/ui.js';
import { sharedStoreFor } from '../src/state/controller.js';
import { smallSeed } from './helpers/fixtures.js';
import { deepQueryAll, deepText, describeWidgetStates } from './helpers/widget-states.js';
import { settle } from './helpers/settle.js';

const NOW = new Date('2026-11-23T10:00:00Z');
const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const TOKEN = '7f3c9a2e-51d8-4b6e-9c0a-e2d41f8b7a65';
const PORTAL = 'https://xcally.atlassian.net/servicedesk/customer/portal/3';

function licence(overrides: Partial<InstallationLicense> = {}): InstallationLicense {
  return {
    token: TOKEN,
    plan: 'annual',
    expiresAt: '2027-06-01T00:00:00Z',
    staff: { users: 300, agents: 250, telephones: 260, mobileAgents: 40 },
    channels: ['voice', 'chat'],
    modules: ['contacts-manager'],
    addOns: ['webrtc'],
    ai: ['ai-bots'],
    sessions: { ivrChannels: 60, channelSessions: 400 },
    updatesAllowed: true,
    appZone: true,
    status: { state: 'active' },
    ...overrides,
  };
}

function seed(
  installation: InstallationLicense | null = licence(),
  permission: Permission = 'update',
): MemorySeed {
  return { ...smallSeed({ permission }), installationLicense: installation };
}

const grace = (reason: 'hardware-change' | 'late-payment', endsIn: number, extra: object = {}) =>
  licence({
    status: {
      state: 'grace',
      reason,
      graceEndsAt: new Date(NOW.getTime() + endsIn).toISOString(),
      ...extra,
    } as InstallationLicense['status'],
  });

async function token(adapter: LicensingAdapter = new MemoryAdapter(seed(), { now: () => NOW })) {
  const el = await fixture<LicenseToken>(
    html`<license-token .adapter=${adapter} .now=${NOW}></license-token>`,
  );
  await settle(el);
  return el;
}

/** The accessible name of a control: aria-label, else aria-labelledby, else its text. */
function nameOf(element: Element): string {
  const label = element.getAttribute('aria-label');
  if (label) return label;
  const ids = element.getAttribute('aria-labelledby');
  if (ids) {
    const root = element.getRootNode() as ShadowRoot;
    return ids
      .split(/\s+/)
      .map((id) => root.getElementById(id)?.textContent?.trim() ?? '')
      .join(' ');
  }
  return (element.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The control a user finds by its role and name. */
function control<T extends HTMLElement = HTMLButtonElement>(
  el: Element,
  role: string,
  name: string | RegExp,
): T {
  const selector =
    role === 'button' ? 'button, [role="button"]' : role === 'textbox' ? 'textarea, input' : role;
  const found = deepQueryAll<T>(el, selector).filter((c) =>
    typeof name === 'string' ? nameOf(c) === name : name.test(nameOf(c)),
  );
  expect(found, `${role} "${name}"`).to.have.length(1);
  return found[0]!;
}

const query = <T extends HTMLElement = HTMLButtonElement>(el: Element, role: string, name: string | RegExp) =>
  deepQueryAll<T>(el, role === 'button' ? 'button, [role="button"]' : role).filter((c) =>
    typeof name === 'string' ? nameOf(c) === name : name.test(nameOf(c)),
  );

function focused(el: LicenseToken): Element | null {
  return el.shadowRoot!.activeElement;
}

/** Replaces `navigator.clipboard` for one test; returns what was written. */
function stubClipboard(write: ((text: string) => Promise<void>) | 'absent') {
  const written: string[] = [];
  Object.defineProperty(navigator, 'clipboard', {
    configurable: true,
    value:
      write === 'absent'
        ? undefined
        : {
            writeText: (text: string) => {
              written.push(text);
              return write(text);
            },
          },
  });
  return written;
}

function restoreClipboard() {
  delete (navigator as { clipboard?: unknown }).clipboard;
}

async function typeInto(el: LicenseToken, field: HTMLElement, text: string) {
  field.focus();
  await typeText(text);
  await settle(el);
}

describeWidgetStates({
  tag: 'license-token',
  render: (adapter) => html`<license-token .adapter=${adapter} .now=${NOW}></license-token>`,
  seed: () => seed(),
  method: 'getInstallationLicense',
  readyText: TOKEN,
});

describe('license-token: the token', () => {
  afterEach(restoreClipboard);

  it('shows the token whole, as a control named by it, and explains what it is for', async () => {
    const el = await token();
    const tokenControl = control<HTMLElement>(el, 'button', `Token ${TOKEN}`);
    expect(tokenControl.textContent).to.equal(TOKEN);
    expect(deepText(el)).to.contain('The unique ID of this server');
    expect(deepText(el)).to.contain('Click the token to copy it.');
    await expect(el).to.be.accessible();
  });

  it('copies the token when it is clicked and announces it', async () => {
    const written = stubClipboard(() => Promise.resolve());
    const el = await token();
    const events: LicenceTokenCopyDetail[] = [];
    // Bubbles and is composed: a host listens anywhere above the widget.
    document.body.addEventListener('licence-token-copy', (e) => events.push(e.detail), { once: true });
    control<HTMLElement>(el, 'button', `Token ${TOKEN}`).click();
    await settle(el);
    expect(written).to.deep.equal([TOKEN]);
    const status = deepQueryAll(el, '[part~="copy-status"]')[0]!;
    expect(status.getAttribute('role')).to.equal('status');
    expect(status.textContent).to.equal('Token copied to the clipboard.');
    expect(events).to.deep.equal([{ token: TOKEN, copied: true }]);
    await expect(el).to.be.accessible();
  });

  it('copies with Enter and with Space on the token, and with the Copy button', async () => {
    const written = stubClipboard(() => Promise.resolve());
    const el = await token();
    control<HTMLElement>(el, 'button', `Token ${TOKEN}`).focus();
    await sendKeys({ press: 'Enter' });
    // ' ' rather than 'Space': Firefox's WebDriver BiDi knows no key by that name.
    await sendKeys({ press: ' ' });
    await settle(el);
    control(el, 'button', 'Copy token').click();
    await settle(el);
    expect(written).to.deep.equal([TOKEN, TOKEN, TOKEN]);
  });

  it('selects the token and says to press Ctrl/Cmd+C when the clipboard is refused', async () => {
    stubClipboard(() => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError')));
    const el = await token();
    const events: LicenceTokenCopyDetail[] = [];
    el.addEventListener('licence-token-copy', (e) => events.push(e.detail));
    control(el, 'button', 'Copy token').click();
    await settle(el);
    expect(window.getSelection()!.toString()).to.equal(TOKEN);
    expect(focused(el)?.textContent).to.equal(TOKEN);
    expect(deepText(el)).to.match(
      /The browser did not allow copying\. The token is selected: press (Ctrl|Cmd)\+C/,
    );
    expect(events).to.deep.equal([{ token: TOKEN, copied: false }]);
    await expect(el).to.be.accessible();
  });

  it('falls back the same way when there is no clipboard at all (plain http)', async () => {
    stubClipboard('absent');
    const el = await token();
    control<HTMLElement>(el, 'button', `Token ${TOKEN}`).click();
    await settle(el);
    expect(window.getSelection()!.toString()).to.equal(TOKEN);
    expect(deepText(el)).to.match(/press (Ctrl|Cmd)\+C to copy it/);
  });

  it('renders a hostile token as text', async () => {
    const hostile = '<img src=x onerror="window.hacked=1">';
    const el = await token(new MemoryAdapter(seed(licence({ token: hostile }))));
    expect(deepQueryAll(el, 'img')).to.have.length(0);
    expect(control<HTMLElement>(el, 'button', `Token ${hostile}`).textContent).to.equal(hostile);
    expect((window as { hacked?: number }).hacked).to.equal(undefined);
  });
});

describe('license-token: manual update', () => {
  function spied(installation = licence()) {
    const adapter = new MemoryAdapter(seed(installation), { now: () => NOW });
    const received: string[] = [];
    const apply = adapter.applyLicenseKey!.bind(adapter);
    adapter.applyLicenseKey = (key, options) => {
      received.push(key);
      return apply(key, options);
    };
    return { adapter, received };
  }

  it('opens from the pencil, applies a pasted licence, shows a toast and the new state', async () => {
    const { adapter, received } = spied(grace('hardware-change', 2 * DAY));
    const el = await token(adapter);
    const applied: LicenceKeyApplyDetail[] = [];
    el.addEventListener('licence-key-apply', (e) => applied.push(e.detail));
    const pencil = control(el, 'button', 'Update licence manually');
    expect(pencil.getAttribute('aria-expanded')).to.equal('false');
    pencil.click();
    await settle(el);
    expect(pencil.getAttribute('aria-expanded')).to.equal('true');
    const field = control<HTMLTextAreaElement>(el, 'textbox', /.*/);
    expect(focused(el)).to.equal(field);
    expect(field.labels?.[0]?.textContent).to.equal('Licence from the licensing team');
    await expect(el).to.be.accessible();

    const key = makeLicenseKey({ plan: 'monthly', expiresAt: '2027-12-31T00:00:00Z' });
    await typeInto(el, field, key);
    control(el, 'button', 'Apply').click();
    await settle(el);

    expect(received).to.deep.equal([key]);
    expect(query(el, 'textarea', /.*/)).to.have.length(0);
    expect(deepText(el)).to.contain('Licence updated: monthly plan, valid until December 31, 2027.');
    // The grace banner is gone: the licence is active again.
    expect(deepText(el)).not.to.contain('Grace period');
    expect(el.matches(':state(grace)')).to.equal(false);
    expect(applied.map((d) => d.licence.plan)).to.deep.equal(['monthly']);
    const state = sharedStoreFor(adapter).state.installation;
    expect(state.status === 'ready' && state.licence.plan).to.equal('monthly');
    expect(focused(el)).to.equal(pencil);
    await expect(el).to.be.accessible();
  });

  it('keeps the pasted text and says why the key was refused, from its reason code', async () => {
    const { adapter, received } = spied();
    const el = await token(adapter);
    control(el, 'button', 'Update licence manually').click();
    await settle(el);
    const field = control<HTMLTextAreaElement>(el, 'textbox', /.*/);
    await typeInto(el, field, 'not a licence');
    control(el, 'button', 'Apply').click();
    await settle(el);
    expect(received).to.deep.equal(['not a licence']);
    const alert = deepQueryAll(el, '[part~="key-error"]')[0]!;
    expect(alert.getAttribute('role')).to.equal('alert');
    expect(alert.textContent).to.equal(
      'The licence was not applied: This is not a licence key. Paste it exactly as the licensing team sent it.',
    );
    expect(field.value).to.equal('not a licence');
    expect(field.getAttribute('aria-invalid')).to.equal('true');
    expect(field.getAttribute('aria-describedby')).to.contain('key-error');
    expect(focused(el)).to.equal(field);
    await expect(el).to.be.accessible();
  });

  it('shows the server’s words when its reason code is one the widget does not know', async () => {
    const adapter = new MemoryAdapter(seed());
    adapter.applyLicenseKey = () =>
      Promise.reject(
        new ValidationError('Refused', {
          detail: 'A licence key starts with "XCL1-".',
          reason: 'newer-code',
        }),
      );
    const el = await token(adapter);
    control(el, 'button', 'Update licence manually').click();
    await settle(el);
    await typeInto(el, control(el, 'textbox', /.*/), 'not a licence');
    control(el, 'button', 'Apply').click();
    await settle(el);
    const alert = deepQueryAll(el, '[part~="key-error"]')[0]!;
    expect(alert.textContent).to.equal('The licence was not applied: A licence key starts with "XCL1-".');
  });

  it('shows a hostile reason as text', async () => {
    const adapter = new MemoryAdapter(seed());
    adapter.applyLicenseKey = () =>
      Promise.reject(new ValidationError('Refused', { detail: '<img src=x onerror="window.hacked=2">' }));
    const el = await token(adapter);
    control(el, 'button', 'Update licence manually').click();
    await settle(el);
    await typeInto(el, control(el, 'textbox', /.*/), 'XCL1-x');
    control(el, 'button', 'Apply').click();
    await settle(el);
    expect(deepQueryAll(el, 'img')).to.have.length(0);
    expect(deepText(el)).to.contain('<img src=x onerror="window.hacked=2">');
  });

  it('says what happened when the service cannot be reached, and keeps the text', async () => {
    const { adapter } = spied();
    adapter.failNext('applyLicenseKey', 'network');
    const el = await token(adapter);
    control(el, 'button', 'Update licence manually').click();
    await settle(el);
    const field = control<HTMLTextAreaElement>(el, 'textbox', /.*/);
    await typeInto(el, field, 'XCL1-abc');
    control(el, 'button', 'Apply').click();
    await settle(el);
    expect(deepText(el)).to.contain('The licensing service could not be reached');
    expect(field.value).to.equal('XCL1-abc');
  });

  it('asks for a licence before sending an empty one', async () => {
    const { adapter, received } = spied();
    const el = await token(adapter);
    control(el, 'button', 'Update licence manually').click();
    await settle(el);
    control(el, 'button', 'Apply').click();
    await settle(el);
    expect(received).to.deep.equal([]);
    expect(deepText(el)).to.contain('Paste the licence first.');
  });

  it('Cancel closes without change and returns focus to the pencil; Escape too', async () => {
    const { adapter, received } = spied();
    const el = await token(adapter);
    const pencil = control(el, 'button', 'Update licence manually');
    pencil.click();
    await settle(el);
    await typeInto(el, control(el, 'textbox', /.*/), 'XCL1-draft');
    control(el, 'button', 'Cancel').click();
    await settle(el);
    expect(query(el, 'textarea', /.*/)).to.have.length(0);
    expect(received).to.deep.equal([]);
    expect(focused(el)).to.equal(pencil);
    pencil.click();
    await settle(el);
    expect(control<HTMLTextAreaElement>(el, 'textbox', /.*/).value).to.equal('');
    await sendKeys({ press: 'Escape' });
    await settle(el);
    expect(query(el, 'textarea', /.*/)).to.have.length(0);
    expect(focused(el)).to.equal(pencil);
  });
});

describe('license-token: licence log file', () => {
  const originals = {
    create: URL.createObjectURL,
    revoke: URL.revokeObjectURL,
    click: HTMLAnchorElement.prototype.click,
  };
  let clicked: { download: string; href: string; connected: boolean }[];
  let created: Blob[];
  let revoked: string[];

  beforeEach(() => {
    clicked = [];
    created = [];
    revoked = [];
    URL.createObjectURL = (blob: Blob | MediaSource) => {
      created.push(blob as Blob);
      return 'blob:licence-log';
    };
    URL.revokeObjectURL = (url: string) => void revoked.push(url);
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      clicked.push({ download: this.download, href: this.href, connected: this.isConnected });
    };
  });

  afterEach(() => {
    URL.createObjectURL = originals.create;
    URL.revokeObjectURL = originals.revoke;
    HTMLAnchorElement.prototype.click = originals.click;
  });

  it('saves the file under the adapter’s name, revokes the URL and says "Licence log file downloaded!"', async () => {
    const el = await token();
    const downloads: string[] = [];
    el.addEventListener('licence-log-download', (e) => downloads.push(e.detail.filename));
    control(el, 'button', 'Download licence log file').click();
    await settle(el);
    expect(clicked).to.deep.equal([
      { download: 'license-2026-11-23.log', href: 'blob:licence-log', connected: true },
    ]);
    expect(await created[0]!.text()).to.contain(`token ${TOKEN}`);
    expect(deepQueryAll(el, 'a[download]')).to.have.length(0);
    const toast = deepQueryAll(el, '[part="toast"]')[0]!;
    expect(toast.closest('[role="status"]')).to.exist;
    expect(toast.textContent).to.contain('Licence log file downloaded!');
    expect(downloads).to.deep.equal(['license-2026-11-23.log']);
    await expect(el).to.be.accessible();
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(revoked).to.deep.equal(['blob:licence-log']);
  });

  it('says so when the download fails', async () => {
    const adapter = new MemoryAdapter(seed(), { now: () => NOW });
    adapter.failNext('downloadLicenseLog', 'server');
    const el = await token(adapter);
    control(el, 'button', 'Download licence log file').click();
    await settle(el);
    expect(clicked).to.deep.equal([]);
    const toast = deepQueryAll(el, '[part="toast"]')[0]!;
    expect(toast.closest('[role="alert"]')).to.exist;
    expect(toast.textContent).to.contain('The licence log file could not be downloaded.');
    expect(deepText(el)).not.to.contain('Licence log file downloaded!');
    await expect(el).to.be.accessible();
  });
});

describe('license-token: grace period and deactivation (R10)', () => {
  afterEach(restoreClipboard);

  it('hardware change, 5 days left: days of 7, why, what to do, and both tokens to move the licence', async () => {
    const written = stubClipboard(() => Promise.resolve());
    const el = await token(
      new MemoryAdapter(seed(grace('hardware-change', 4.5 * DAY, { previousToken: 'old-token-0001' }))),
    );
    const text = deepText(el);
    expect(el.matches(':state(grace)')).to.equal(true);
    expect(text).to.contain('Grace period: 5 days left of 7');
    expect(text).to.contain('The licence keeps working until November 27, 2026');
    expect(text).to.contain(
      'Why: the server changed (CPU, memory, disk, IP address, hostname, MAC address or network)',
    );
    expect(text).to.contain('What to do: tell the licensing team on the support portal');
    expect(text).to.contain(
      '“Move License to a New Token (Grace Period)” and enter the old and the new token',
    );
    const link = deepQueryAll<HTMLAnchorElement>(el, 'a[part~="portal-link"]')[0]!;
    expect(link.href).to.equal(PORTAL);
    control(el, 'button', 'Copy old token').click();
    await settle(el);
    control(el, 'button', 'Copy new token').click();
    await settle(el);
    expect(written).to.deep.equal(['old-token-0001', TOKEN]);
    // This server's token is shown once, as the new token of the move, not again in the banner.
    expect(text.split(TOKEN)).to.have.length(2);
    expect(control<HTMLElement>(el, 'button', `New token (this server) ${TOKEN}`).textContent).to.equal(
      TOKEN,
    );
    expect(query(el, 'button', `Token ${TOKEN}`)).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('deactivated after a hardware change: the move steps, and the token once', async () => {
    const el = await token(
      new MemoryAdapter(
        seed(
          licence({
            status: { state: 'deactivated', reason: 'hardware-change', previousToken: 'old-token-0001' },
          }),
        ),
      ),
    );
    const text = deepText(el);
    expect(text).to.contain('The licence is deactivated');
    expect(text).to.contain('Move the licence to the new token');
    expect(text.split(TOKEN)).to.have.length(2);
    expect(query(el, 'button', 'Copy new token')).to.have.length(1);
    expect(query(el, 'button', 'Copy old token')).to.have.length(1);
  });

  it('hardware change without the old token says where to find it', async () => {
    const el = await token(new MemoryAdapter(seed(grace('hardware-change', 3 * DAY))));
    expect(deepText(el)).to.contain('Old token: the token the licence was issued for');
    expect(query(el, 'button', 'Copy old token')).to.have.length(0);
    expect(query(el, 'button', 'Copy new token')).to.have.length(1);
  });

  it('says when it is the last day of the grace period', async () => {
    const el = await token(new MemoryAdapter(seed(grace('hardware-change', 3 * HOUR))));
    expect(deepText(el)).to.contain('Grace period: last day');
    await expect(el).to.be.accessible();
  });

  it('says the period lasts 7 days when its end is unknown, and when it has ended', async () => {
    let el = await token(
      new MemoryAdapter(seed(licence({ status: { state: 'grace', reason: 'late-payment' } }))),
    );
    expect(deepText(el)).to.contain('Grace period The licence keeps working for 7 days');
    el = await token(new MemoryAdapter(seed(grace('late-payment', -2 * HOUR))));
    expect(deepText(el)).to.contain('Grace period: it has ended');
    expect(deepText(el)).to.contain('The grace period ended on November 23, 2026');
  });

  it('late payment: pay or tell the licensing team; no token move', async () => {
    const el = await token(new MemoryAdapter(seed(grace('late-payment', 6 * DAY))));
    const text = deepText(el);
    expect(text).to.contain('Grace period: 6 days left of 7');
    expect(text).to.contain('Why: a payment is overdue.');
    expect(text).to.contain('What to do: make the payment, or tell the licensing team on the support portal');
    expect(text).not.to.contain('Move the licence to the new token');
    await expect(el).to.be.accessible();
  });

  it('deactivated: says so and how to reactivate, on the host’s own portal', async () => {
    const adapter = new MemoryAdapter(
      seed(licence({ status: { state: 'deactivated', reason: 'late-payment' } })),
    );
    const el = await fixture<LicenseToken>(
      html`<license-token
        .adapter=${adapter}
        .now=${NOW}
        support-url="https://support.example/licences"
      ></license-token>`,
    );
    await settle(el);
    const text = deepText(el);
    expect(el.matches(':state(deactivated)')).to.equal(true);
    expect(text).to.contain('The licence is deactivated');
    expect(text).to.contain('Why: a payment is overdue.');
    expect(text).to.contain('To reactivate it, contact the licensing team on the support portal');
    const link = deepQueryAll<HTMLAnchorElement>(el, 'a[part~="portal-link"]')[0]!;
    expect(link.href).to.equal('https://support.example/licences');
    expect(link.textContent).to.contain('(opens in a new tab)');
    await expect(el).to.be.accessible();
  });

  it('shows no banner for an active licence', async () => {
    const el = await token();
    expect(deepQueryAll(el, '[part~="banner"]')).to.have.length(0);
  });
});

describe('license-token: permissions and capabilities', () => {
  afterEach(restoreClipboard);

  it('with view permission shows the token (copy works) but no update or download', async () => {
    const written = stubClipboard(() => Promise.resolve());
    const el = await token(new MemoryAdapter(seed(licence(), 'view')));
    expect(query(el, 'button', 'Update licence manually')).to.have.length(0);
    expect(query(el, 'button', 'Download licence log file')).to.have.length(0);
    expect(deepText(el)).to.contain('You can view licences but not change them.');
    control(el, 'button', 'Copy token').click();
    await settle(el);
    expect(written).to.deep.equal([TOKEN]);
    await expect(el).to.be.accessible();
  });

  it('leaves the read-only sentence to a host that says it once for the page (no-read-only-note)', async () => {
    const el = await token(new MemoryAdapter(seed(licence(), 'view')));
    el.noReadOnlyNote = true;
    await settle(el);
    expect(deepText(el)).not.to.contain('You can view licences but not change them.');
    expect(deepText(el)).to.contain(TOKEN);
  });

  it('says plainly when the adapter cannot update the licence or give the log file', async () => {
    const backend = new MemoryAdapter(seed());
    const adapter: LicensingAdapter = {
      load: (o) => backend.load(o),
      listUsage: (q, o) => backend.listUsage(q, o),
      commit: (c, o) => backend.commit(c, o),
      getInstallationLicense: (o) => backend.getInstallationLicense!(o),
    };
    const el = await token(adapter);
    expect(query(el, 'button', 'Update licence manually')).to.have.length(0);
    expect(query(el, 'button', 'Download licence log file')).to.have.length(0);
    expect(deepText(el)).to.contain('Manual licence update is not available here.');
    expect(deepText(el)).to.contain('The licence log file is not available here.');
    await expect(el).to.be.accessible();
  });

  it('is busy while the installation licence loads after the snapshot', async () => {
    const backend = new MemoryAdapter(seed());
    const adapter: LicensingAdapter = {
      load: (o) => backend.load(o),
      listUsage: (q, o) => backend.listUsage(q, o),
      commit: (c, o) => backend.commit(c, o),
      getInstallationLicense: () => new Promise(() => {}),
    };
    const el = await token(adapter);
    expect(deepQueryAll(el, '[aria-busy="true"]')).to.have.length(1);
    expect(el.matches(':state(loading)')).to.equal(true);
    expect(deepText(el)).not.to.contain(TOKEN);
    await expect(el).to.be.accessible();
  });

  it('says when the adapter has no installation licence at all', async () => {
    const el = await token(new MemoryAdapter(seed(null)));
    expect(deepText(el)).to.contain('The installation licence is not available here.');
    expect(el.matches(':state(unsupported)')).to.equal(true);
    await expect(el).to.be.accessible();
  });
});

describe('license-token: Czech', () => {
  before(() => {
    registerMessages('cs', 'common', csCommon);
    registerMessages('cs', 'ui', csUi);
    registerMessages('cs', 'license-token', csToken);
  });

  async function czech(installation: InstallationLicense) {
    const adapter = new MemoryAdapter(seed(installation));
    // On the element itself: a plain wrapper would make fixture() wait for an animation frame,
    // which never comes while the runner's tab is in the background.
    const el = await fixture<LicenseToken>(
      html`<license-token lang="cs" .adapter=${adapter} .now=${NOW}></license-token>`,
    );
    await settle(el);
    return el;
  }

  it('uses Czech plural forms for the days left and Czech dates', async () => {
    expect(deepText(await czech(grace('late-payment', 4.5 * DAY)))).to.contain(
      'Ochranná lhůta: zbývá 5 dní ze 7',
    );
    expect(deepText(await czech(grace('late-payment', 1.5 * DAY)))).to.contain(
      'Ochranná lhůta: zbývají 2 dny ze 7',
    );
    const el = await czech(grace('hardware-change', 3 * HOUR));
    expect(deepText(el)).to.contain('Ochranná lhůta: poslední den');
    expect(deepText(el)).to.contain('Licence funguje do 23. listopadu 2026');
    expect(query(el, 'button', 'Aktualizovat licenci ručně')).to.have.length(1);
    await expect(el).to.be.accessible();
  });
});
