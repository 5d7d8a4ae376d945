import { expect, fixture, html } from '@open-wc/testing';
import { MemoryAdapter, makeLicenseKey } from '../src/adapters/memory/index.js';
import type { MemorySeed } from '../src/adapters/memory/demo-data.js';
import type { InstallationLicense, Permission } from '../src/core/index.js';
import '../src/elements/license-details/license-details.js';
import type { LicenseDetails } from '../src/elements/license-details/license-details.component.js';
import { registerMessages } from '../src/i18n/locale.js';
import { common as csCommon } from '../src/locales/cs/common.js';
import { messages as csDetails } from '../src/locales/cs/license-details.js';
import { sharedStoreFor } from '../src/state/controller.js';
import { smallSeed } from './helpers/fixtures.js';
import { deepQueryAll, deepText, describeWidgetStates } from './helpers/widget-states.js';
import { settle } from './helpers/settle.js';

const NOW = new Date('2026-11-23T10:00:00Z');
const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const inDays = (days: number) => new Date(NOW.getTime() + days * DAY).toISOString();

function licence(overrides: Partial<InstallationLicense> = {}): InstallationLicense {
  return {
    token: 'tok-1',
    plan: 'annual',
    expiresAt: '2027-06-01T00:00:00Z',
    staff: { users: 1200, agents: 250, telephones: 260, mobileAgents: 40 },
    channels: ['voice', 'chat', 'email'],
    modules: ['contacts-manager', 'dialer'],
    addOns: ['webrtc', 'screen-recording'],
    ai: ['ai-bots', 'quality-analysis'],
    sessions: { ivrChannels: 60, channelSessions: 400 },
    updatesAllowed: true,
    appZone: false,
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

async function details(installation: InstallationLicense | null = licence(), names?: Record<string, string>) {
  const adapter = new MemoryAdapter(seed(installation));
  const el = await fixture<LicenseDetails>(
    html`<license-details .adapter=${adapter} .now=${NOW} .names=${names}></license-details>`,
  );
  await settle(el);
  return el;
}

/** The definition list's value for a term, as the user reads it. */
function valueOf(el: Element, term: string): string {
  const dt = deepQueryAll(el, 'dt').find((d) => d.textContent!.trim() === term);
  expect(dt, `term "${term}"`).to.exist;
  return deepText(dt!.nextElementSibling!);
}

/** The item named `name` in the group headed `group`. */
function item(el: Element, group: string, name: string): HTMLElement {
  const heading = deepQueryAll(el, '[part~="group-heading"]').find((h) => h.textContent!.trim() === group);
  expect(heading, `group "${group}"`).to.exist;
  const found = [...heading!.parentElement!.querySelectorAll<HTMLElement>('li')].filter(
    (li) => li.querySelector('[part~="item-name"]')!.textContent === name,
  );
  expect(found, `item "${name}" in ${group}`).to.have.length(1);
  return found[0]!;
}

/** What a user reads and sees for an item: its state text and which icon. */
function itemState(li: HTMLElement): { text: string; icon: 'check' | 'cross' } {
  const path = li.querySelector('[part~="item-icon"] svg path')!.getAttribute('d')!;
  return {
    text: li.querySelector('[part~="item-state"]')!.textContent!,
    icon: path.startsWith('M5 12.5') ? 'check' : 'cross',
  };
}

describeWidgetStates({
  tag: 'license-details',
  render: (adapter) => html`<license-details .adapter=${adapter} .now=${NOW}></license-details>`,
  seed: () => seed(),
  method: 'getInstallationLicense',
  readyText: 'Contacts Manager',
});

describe('license-details: what the licence includes', () => {
  it('shows plan, expiry with days left and status as a definition list', async () => {
    const el = await details();
    expect(valueOf(el, 'Type of licence')).to.equal('Annual');
    expect(valueOf(el, 'Expiration date')).to.equal('June 1, 2027 · 190 days left');
    expect(valueOf(el, 'Status')).to.equal('Active');
    expect(deepQueryAll(el, '[part~="notice"]')).to.have.length(0);
    expect(el.matches(':state(expiring)')).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('shows a monthly plan and a licence in its grace period', async () => {
    const el = await details(
      licence({
        plan: 'monthly',
        status: { state: 'grace', reason: 'late-payment', graceEndsAt: inDays(3) },
      }),
    );
    expect(valueOf(el, 'Type of licence')).to.equal('Monthly');
    expect(valueOf(el, 'Status')).to.equal('Grace period');
  });

  it('counts staff and sessions, with the note on performance limits', async () => {
    const el = await details();
    expect(valueOf(el, 'Users')).to.equal('1,200');
    expect(valueOf(el, 'Agents')).to.equal('250');
    expect(valueOf(el, 'Telephones')).to.equal('260');
    expect(valueOf(el, 'Mobile agents')).to.equal('40');
    expect(valueOf(el, 'IVR channels')).to.equal('60');
    expect(valueOf(el, 'Channel sessions')).to.equal('400');
    expect(deepText(el)).to.contain(
      'The number of IVR channels and channel sessions may be limited for technical reasons',
    );
  });

  it('tells included from not included by text and icon in every group', async () => {
    const el = await details();
    expect(itemState(item(el, 'Channels', 'Voice'))).to.deep.equal({ text: 'Included', icon: 'check' });
    expect(itemState(item(el, 'Channels', 'Fax'))).to.deep.equal({ text: 'Not included', icon: 'cross' });
    expect(itemState(item(el, 'Channels', 'WhatsApp')).text).to.equal('Not included');
    expect(itemState(item(el, 'Modules', 'Contacts Manager')).text).to.equal('Included');
    expect(itemState(item(el, 'Modules', 'Multiprofile')).text).to.equal('Not included');
    expect(itemState(item(el, 'Add-ons', 'Screen Recording')).text).to.equal('Included');
    expect(item(el, 'Add-ons', 'Screen Recording').textContent).to.contain('Available for Phonebar.');
    expect(itemState(item(el, 'Add-ons', 'Real-time Translator')).text).to.equal('Not included');
    expect(itemState(item(el, 'AI solutions', 'Quality Analysis')).text).to.equal('Included');
    expect(item(el, 'AI solutions', 'Quality Analysis').textContent).to.contain(
      'On voice: recording transcription, sentiment analysis and post-call analytics. On digital channels: sentiment analysis.',
    );
    expect(itemState(item(el, 'AI solutions', 'Agent Assistants')).text).to.equal('Not included');
    for (const group of ['Staff', 'Channels', 'Modules', 'Sessions', 'Add-ons', 'AI solutions', 'Others']) {
      expect(deepQueryAll(el, 'h4').map((h) => h.textContent!.trim())).to.include(group);
    }
  });

  it('others: software updates allowed or not, with what it means, and App Zone', async () => {
    let el = await details();
    expect(itemState(item(el, 'Others', 'Software updates'))).to.deep.equal({
      text: 'Allowed',
      icon: 'check',
    });
    expect(item(el, 'Others', 'Software updates').textContent).to.contain(
      'You may update Motion and Phonebar to new versions.',
    );
    expect(itemState(item(el, 'Others', 'App Zone')).text).to.equal('Not included');
    el = await details(licence({ updatesAllowed: false, appZone: true }));
    const updates = item(el, 'Others', 'Software updates');
    expect(itemState(updates)).to.deep.equal({ text: 'Not allowed', icon: 'cross' });
    expect(updates.textContent).to.contain('Updating Motion and Phonebar to new versions is not allowed.');
    expect(updates.querySelector('a')!.href).to.equal(
      'https://xcally.atlassian.net/servicedesk/customer/portal/3',
    );
    expect(itemState(item(el, 'Others', 'App Zone')).text).to.equal('Included');
    await expect(el).to.be.accessible();
  });

  it('shows unknown ids as given, and names a host gives over the built-in ones', async () => {
    let el = await details(licence({ modules: ['contacts-manager', 'custom-crm'] }));
    expect(itemState(item(el, 'Modules', 'custom-crm')).text).to.equal('Included');
    el = await details(licence({ modules: ['contacts-manager', 'custom-crm'] }), {
      'custom-crm': 'Our CRM',
      dialer: 'Auto dialer',
    });
    expect(itemState(item(el, 'Modules', 'Our CRM')).text).to.equal('Included');
    expect(itemState(item(el, 'Modules', 'Auto dialer')).text).to.equal('Not included');
  });

  it('renders hostile ids as text', async () => {
    const el = await details(licence({ channels: ['<img src=x onerror="window.hacked=3">'] }));
    expect(deepQueryAll(el, 'img')).to.have.length(0);
    expect(deepText(el)).to.contain('<img src=x onerror="window.hacked=3">');
  });

  it('shows the new licence after a manual update through the shared store', async () => {
    const adapter = new MemoryAdapter(seed(), { now: () => NOW });
    const el = await fixture<LicenseDetails>(
      html`<license-details .adapter=${adapter} .now=${NOW}></license-details>`,
    );
    await settle(el);
    await sharedStoreFor(adapter).applyLicenseKey(makeLicenseKey({ plan: 'monthly', expiresAt: inDays(10) }));
    await settle(el);
    expect(valueOf(el, 'Type of licence')).to.equal('Monthly');
    expect(valueOf(el, 'Expiration date')).to.contain('10 days left');
  });
});

describe('license-details: expiry (R10)', () => {
  it('warns in the last 30 days', async () => {
    const el = await details(licence({ expiresAt: inDays(12) }));
    expect(valueOf(el, 'Expiration date')).to.equal('December 5, 2026 · 12 days left');
    const notice = deepQueryAll(el, '[part~="notice"]')[0]!;
    expect(notice.getAttribute('data-kind')).to.equal('warning');
    expect(notice.textContent!.trim()).to.equal(
      'The licence expires in 12 days. Ask the licensing team to renew it in time.',
    );
    expect(el.matches(':state(expiring)')).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('does not warn 31 days ahead, and warns at 30', async () => {
    let el = await details(licence({ expiresAt: inDays(31) }));
    expect(deepQueryAll(el, '[part~="notice"]')).to.have.length(0);
    el = await details(licence({ expiresAt: inDays(30) }));
    expect(deepQueryAll(el, '[part~="notice"]')).to.have.length(1);
  });

  it('says so on the last day', async () => {
    const el = await details(licence({ expiresAt: new Date(NOW.getTime() + 3 * HOUR).toISOString() }));
    expect(valueOf(el, 'Expiration date')).to.contain('1 day left');
    expect(deepText(el)).to.contain('The licence expires within a day.');
  });

  it('shows the expired state after the expiry date', async () => {
    const el = await details(licence({ expiresAt: inDays(-3) }));
    expect(valueOf(el, 'Expiration date')).to.equal('November 20, 2026 · expired 3 days ago');
    const notice = deepQueryAll(el, '[part~="notice"]')[0]!;
    expect(notice.getAttribute('data-kind')).to.equal('danger');
    expect(notice.textContent).to.contain('The licence expired on November 20, 2026.');
    expect(el.matches(':state(expired)')).to.equal(true);
    expect(el.matches(':state(expiring)')).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('follows the `now` property', async () => {
    const el = await details(licence({ expiresAt: inDays(40) }));
    expect(deepQueryAll(el, '[part~="notice"]')).to.have.length(0);
    el.now = new Date(NOW.getTime() + 20 * DAY);
    await settle(el);
    expect(valueOf(el, 'Expiration date')).to.contain('20 days left');
    expect(el.matches(':state(expiring)')).to.equal(true);
  });
});

describe('license-details: the status never contradicts the dates (R10)', () => {
  /** The colour of an item's icon, as the user sees it. */
  const iconColour = (li: HTMLElement) => getComputedStyle(li.querySelector('[part~="item-icon"]')!).color;
  /** Whether the included items' ticks look different from the crosses of those not included. */
  const ticksInForce = (el: Element) =>
    iconColour(item(el, 'Channels', 'Voice')) !== iconColour(item(el, 'Channels', 'Fax'));
  const badge = (el: Element) => deepQueryAll(el, '[part~="badge"]')[0]!;
  const notice = (el: Element) => deepQueryAll(el, '[part~="notice"]').map((n) => n.textContent!.trim());

  it('an active licence: a badge "Active" with its icon, days left, the contents in force', async () => {
    const el = await details();
    expect(badge(el).getAttribute('data-state')).to.equal('active');
    expect(badge(el).querySelector('svg')).to.exist;
    expect(ticksInForce(el)).to.equal(true);
    expect(notice(el)).to.deep.equal([]);
  });

  it('expiring soon: the badge says so next to the days left', async () => {
    const el = await details(licence({ expiresAt: inDays(12) }));
    expect(valueOf(el, 'Status')).to.equal('Active, expires soon');
    expect(badge(el).getAttribute('data-state')).to.equal('expiring');
    expect(ticksInForce(el)).to.equal(true);
  });

  it('an expired licence never says "Active": the badge says Expired and the contents are not in force', async () => {
    const el = await details(licence({ expiresAt: inDays(-3), status: { state: 'active' } }));
    expect(valueOf(el, 'Status')).to.equal('Expired');
    expect(badge(el).getAttribute('data-state')).to.equal('expired');
    expect(notice(el)[0]).to.contain('Until the licensing team renews it, nothing below is in force.');
    expect(ticksInForce(el)).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('a deactivated licence: no days left, no green ticks, and says nothing below is in force', async () => {
    const el = await details(licence({ status: { state: 'deactivated', reason: 'late-payment' } }));
    expect(valueOf(el, 'Expiration date')).to.equal('June 1, 2027');
    expect(valueOf(el, 'Status')).to.equal('Deactivated');
    expect(deepText(el)).not.to.contain('days left');
    expect(notice(el)).to.deep.equal([
      'The licence is deactivated: nothing below is in force until the licensing team reactivates it.',
    ]);
    expect(ticksInForce(el)).to.equal(false);
    // The text still says what the licence includes once it is reactivated.
    expect(itemState(item(el, 'Channels', 'Voice')).text).to.equal('Included');
    await expect(el).to.be.accessible();
  });

  it('the grace period: counts no expiry days, says until when the contents work; once ended, deactivated', async () => {
    const hardware = { state: 'grace', reason: 'hardware-change' } as const;
    let el = await details(licence({ status: { ...hardware, graceEndsAt: inDays(3) } }));
    expect(valueOf(el, 'Expiration date')).to.equal('June 1, 2027');
    expect(valueOf(el, 'Status')).to.equal('Grace period');
    expect(notice(el)).to.deep.equal(['Grace period: everything below works until November 26, 2026.']);
    expect(ticksInForce(el)).to.equal(true);
    // Its end unknown: the badge says it all, the contents still work.
    el = await details(licence({ status: hardware }));
    expect(notice(el)).to.deep.equal([]);
    expect(ticksInForce(el)).to.equal(true);
    el = await details(licence({ status: { ...hardware, graceEndsAt: inDays(-1) } }));
    expect(notice(el)).to.deep.equal([
      'The licence is deactivated: nothing below is in force until the licensing team reactivates it.',
    ]);
    expect(ticksInForce(el)).to.equal(false);
  });

  it('a late payment after the expiry date: expired days ago, in its grace period, not "expired" twice', async () => {
    const el = await details(
      licence({
        expiresAt: inDays(-2),
        status: { state: 'grace', reason: 'late-payment', graceEndsAt: inDays(5) },
      }),
    );
    expect(valueOf(el, 'Expiration date')).to.equal('November 21, 2026 · expired 2 days ago');
    expect(valueOf(el, 'Status')).to.equal('Grace period');
    expect(notice(el)).to.deep.equal(['Grace period: everything below works until November 28, 2026.']);
  });
});

describe('license-details: not available', () => {
  it('says when the adapter has no installation licence', async () => {
    const el = await details(null);
    expect(deepText(el)).to.contain('The installation licence is not available here.');
    await expect(el).to.be.accessible();
  });
});

describe('license-details: Czech', () => {
  before(() => {
    registerMessages('cs', 'common', csCommon);
    registerMessages('cs', 'license-details', csDetails);
  });

  async function czech(installation: InstallationLicense) {
    // A channel the catalog has is named as the data names it (one name per language): Czech here.
    const data = seed(installation);
    const catalog = data.snapshot.catalog.map((t) =>
      t.id === 'voice' ? { ...t, names: { cs: 'Hlas' } } : t,
    );
    const adapter = new MemoryAdapter({ ...data, snapshot: { ...data.snapshot, catalog } });
    // On the element itself: a plain wrapper would make fixture() wait for an animation frame,
    // which never comes while the runner's tab is in the background.
    const el = await fixture<LicenseDetails>(
      html`<license-details lang="cs" .adapter=${adapter} .now=${NOW}></license-details>`,
    );
    await settle(el);
    return el;
  }

  it('uses Czech plural forms, names, numbers and dates', async () => {
    let el = await czech(licence({ expiresAt: inDays(3) }));
    expect(valueOf(el, 'Datum vypršení')).to.equal('26. listopadu 2026 · zbývají 3 dny');
    expect(deepText(el)).to.contain('Licence vyprší za 3 dny.');
    expect(valueOf(el, 'Uživatelé')).to.match(/^1\s200$/);
    expect(itemState(item(el, 'Kanály', 'Hlas')).text).to.equal('Zahrnuto');
    expect(itemState(item(el, 'Kanály', 'Fax')).text).to.equal('Nezahrnuto');
    await expect(el).to.be.accessible();
    el = await czech(licence({ expiresAt: inDays(5) }));
    expect(valueOf(el, 'Datum vypršení')).to.contain('zbývá 5 dní');
    el = await czech(licence({ expiresAt: new Date(NOW.getTime() + 3 * HOUR).toISOString() }));
    expect(valueOf(el, 'Datum vypršení')).to.contain('zbývá 1 den');
    el = await czech(licence({ expiresAt: inDays(-2) }));
    expect(valueOf(el, 'Datum vypršení')).to.contain('vypršela před 2 dny');
  });

  it('words every status and what it means for the contents in Czech', async () => {
    let el = await czech(licence({ expiresAt: inDays(-2) }));
    expect(valueOf(el, 'Stav')).to.equal('Vypršela');
    expect(deepText(el)).to.contain('Dokud ji licenční tým neobnoví, nic z níže uvedeného neplatí.');
    el = await czech(licence({ status: { state: 'deactivated', reason: 'late-payment' } }));
    expect(valueOf(el, 'Stav')).to.equal('Deaktivována');
    expect(valueOf(el, 'Datum vypršení')).to.equal('1. června 2027');
    expect(deepText(el)).to.contain(
      'Licence je deaktivována: nic z níže uvedeného neplatí, dokud ji licenční tým znovu neaktivuje.',
    );
    el = await czech(licence({ status: { state: 'grace', reason: 'late-payment', graceEndsAt: inDays(3) } }));
    expect(valueOf(el, 'Stav')).to.equal('Ochranná lhůta');
    expect(deepText(el)).to.contain('Ochranná lhůta: vše níže uvedené funguje do 26. listopadu 2026.');
    el = await czech(licence({ expiresAt: inDays(12) }));
    expect(valueOf(el, 'Stav')).to.equal('Aktivní, brzy vyprší');
    await expect(el).to.be.accessible();
  });
});
