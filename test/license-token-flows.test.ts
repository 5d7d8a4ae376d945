// license-token flows the main suite leaves out: the copy keys per platform, keys that do not copy,
// the pencil as a toggle, double submits while a request runs, partial capabilities, and licence
// data from an adapter that does not decode (an unknown plan or reason).
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { LicensingAdapter } from '../src/adapters/adapter.js';
import { ValidationError } from '../src/adapters/errors.js';
import { MemoryAdapter } from '../src/adapters/memory/index.js';
import type { InstallationLicense } from '../src/core/index.js';
import '../src/elements/license-token/license-token.js';
import type { LicenseToken } from '../src/elements/license-token/license-token.component.js';
import type { LicenceTokenCopyDetail } from '../src/events.js';
import { installationLicence, smallSeed } from './helpers/fixtures.js';
import { typeText } from './helpers/keys.js';
import { settle } from './helpers/settle.js';
import { deepQueryAll, deepText } from './helpers/widget-states.js';

const NOW = new Date('2026-11-23T10:00:00Z');

const licence = installationLicence;

const backend = (installation: InstallationLicense = licence()) =>
  new MemoryAdapter({ ...smallSeed(), installationLicense: installation }, { now: () => NOW });

/** An adapter with only the given installation methods, passing data through undecoded. */
function partial(
  installation: InstallationLicense,
  extra: Pick<LicensingAdapter, 'applyLicenseKey' | 'downloadLicenseLog'> = {},
): LicensingAdapter {
  const memory = backend();
  return {
    load: (o) => memory.load(o),
    listUsage: (q, o) => memory.listUsage(q, o),
    commit: (c, o) => memory.commit(c, o),
    getInstallationLicense: () => Promise.resolve(installation),
    ...extra,
  };
}

async function token(adapter: LicensingAdapter = backend()) {
  const el = await fixture<LicenseToken>(
    html`<license-token .adapter=${adapter} .now=${NOW}></license-token>`,
  );
  await settle(el);
  return el;
}

const buttons = (el: Element, name: string) =>
  deepQueryAll<HTMLButtonElement>(el, 'button').filter(
    (b) => (b.getAttribute('aria-label') ?? b.textContent?.trim()) === name,
  );
const button = (el: Element, name: string) => {
  const found = buttons(el, name);
  expect(found, `button "${name}"`).to.have.length(1);
  return found[0]!;
};
const tokenControl = (el: LicenseToken) => el.shadowRoot!.querySelector<HTMLElement>('[data-token="main"]')!;
const textareas = (el: Element) => deepQueryAll<HTMLTextAreaElement>(el, 'textarea');

/** Overrides a navigator property for one test. */
function stubNavigator(name: string, value: unknown) {
  Object.defineProperty(navigator, name, { configurable: true, value });
}

function restoreNavigator() {
  for (const name of ['clipboard', 'userAgentData', 'platform', 'userAgent'])
    delete (navigator as unknown as Record<string, unknown>)[name];
}

describe('license-token: the copy keys the manual-copy instruction names', () => {
  afterEach(restoreNavigator);

  it('says Cmd+C on a Mac (from the client hints platform)', async () => {
    stubNavigator('clipboard', undefined);
    stubNavigator('userAgentData', { platform: 'macOS' });
    const el = await token();
    button(el, 'Copy token').click();
    await settle(el);
    expect(deepText(el)).to.contain('The token is selected: press Cmd+C to copy it.');
  });

  it('falls back to navigator.platform without client hints: Ctrl+C on Windows', async () => {
    stubNavigator('clipboard', undefined);
    stubNavigator('userAgentData', undefined);
    stubNavigator('platform', 'Win32');
    const el = await token();
    button(el, 'Copy token').click();
    await settle(el);
    expect(deepText(el)).to.contain('press Ctrl+C to copy it.');
  });

  it('falls back to the user agent when the platform is empty: Cmd+C on an iPad', async () => {
    stubNavigator('clipboard', undefined);
    stubNavigator('userAgentData', undefined);
    stubNavigator('platform', '');
    stubNavigator('userAgent', 'Mozilla/5.0 (iPad; CPU OS 17_0 like Mac OS X) AppleWebKit/605.1.15');
    const el = await token();
    button(el, 'Copy token').click();
    await settle(el);
    expect(deepText(el)).to.contain('press Cmd+C to copy it.');
  });

  it('other keys on the token do not copy it', async () => {
    const written: string[] = [];
    stubNavigator('clipboard', { writeText: (t: string) => (written.push(t), Promise.resolve()) });
    const el = await token();
    const events: LicenceTokenCopyDetail[] = [];
    el.addEventListener('licence-token-copy', (e) => events.push(e.detail));
    const keys: string[] = [];
    tokenControl(el).addEventListener('keydown', (e) => keys.push(e.key));
    tokenControl(el).focus();
    await sendKeys({ press: 'a' });
    await sendKeys({ press: 'Tab' });
    await settle(el);
    expect(keys).to.deep.equal(['a', 'Tab']);
    expect(written).to.deep.equal([]);
    expect(events).to.deep.equal([]);
    expect(deepText(el)).not.to.contain('Token copied');
  });
});

describe('license-token: manual update edges', () => {
  it('the pencil toggles the form: a second click closes it and keeps focus on the pencil', async () => {
    const el = await token();
    const pencil = button(el, 'Update licence manually');
    pencil.click();
    await settle(el);
    expect(textareas(el)).to.have.length(1);
    pencil.click();
    await settle(el);
    expect(textareas(el)).to.have.length(0);
    expect(pencil.getAttribute('aria-expanded')).to.equal('false');
    expect(el.shadowRoot!.activeElement).to.equal(pencil);
  });

  it('while a licence is applying, Apply sends nothing more and Cancel does not close the form', async () => {
    const received: string[] = [];
    let answer!: (l: InstallationLicense) => void;
    const adapter = partial(licence(), {
      applyLicenseKey: (key) => {
        received.push(key);
        return new Promise((resolve) => (answer = resolve));
      },
    });
    const el = await token(adapter);
    button(el, 'Update licence manually').click();
    await settle(el);
    textareas(el)[0]!.focus();
    await typeText('XCL1-key');
    await settle(el);
    button(el, 'Apply').click();
    await settle(el);
    expect(deepText(el)).to.contain('Applying…');
    button(el, 'Applying…').click();
    button(el, 'Cancel').click();
    await settle(el);
    expect(received).to.deep.equal(['XCL1-key']);
    expect(textareas(el)).to.have.length(1);
    expect(textareas(el)[0]!.value).to.equal('XCL1-key');
    answer(licence({ plan: 'monthly' }));
    await settle(el);
    expect(textareas(el)).to.have.length(0);
    expect(deepText(el)).to.contain('Licence updated: monthly plan');
  });

  it('names a plan it has no words for by the adapter’s own name', async () => {
    const adapter = partial(licence(), {
      applyLicenseKey: () =>
        Promise.resolve(
          licence({ plan: 'triennial' as InstallationLicense['plan'], expiresAt: '2029-11-30T00:00:00Z' }),
        ),
    });
    const el = await token(adapter);
    button(el, 'Update licence manually').click();
    await settle(el);
    textareas(el)[0]!.focus();
    await typeText('XCL1-key');
    button(el, 'Apply').click();
    await settle(el);
    expect(deepText(el)).to.contain('Licence updated: triennial plan, valid until November 30, 2029.');
  });

  it('a refusal without the server’s reason says the licence was refused', async () => {
    const adapter = partial(licence(), {
      applyLicenseKey: () => Promise.reject(new ValidationError('Refused')),
    });
    const el = await token(adapter);
    button(el, 'Update licence manually').click();
    await settle(el);
    textareas(el)[0]!.focus();
    await typeText('XCL1-key');
    button(el, 'Apply').click();
    await settle(el);
    const alert = deepQueryAll(el, '[part~="key-error"]')[0]!;
    expect(alert.textContent).to.equal('The licence was not applied: The changes were refused.');
  });
});

describe('license-token: log file and partial capabilities', () => {
  it('a second click while the log file downloads asks for it once', async () => {
    let asked = 0;
    const adapter = partial(licence(), {
      downloadLicenseLog: () => {
        asked += 1;
        return new Promise(() => {});
      },
    });
    const el = await token(adapter);
    const download = button(el, 'Download licence log file');
    download.click();
    await settle(el);
    expect(download.getAttribute('aria-disabled')).to.equal('true');
    download.click();
    await settle(el);
    expect(asked).to.equal(1);
  });

  it('offers only the download when the adapter cannot apply a licence', async () => {
    const el = await token(
      partial(licence(), { downloadLicenseLog: () => Promise.reject(new Error('unused')) }),
    );
    expect(buttons(el, 'Update licence manually')).to.have.length(0);
    expect(buttons(el, 'Download licence log file')).to.have.length(1);
    expect(deepText(el)).to.contain('Manual licence update is not available here.');
    expect(deepText(el)).not.to.contain('The licence log file is not available here.');
    await expect(el).to.be.accessible();
  });

  it('offers only the pencil when the adapter has no log file', async () => {
    const el = await token(partial(licence(), { applyLicenseKey: () => Promise.resolve(licence()) }));
    expect(buttons(el, 'Update licence manually')).to.have.length(1);
    expect(buttons(el, 'Download licence log file')).to.have.length(0);
    expect(deepText(el)).to.contain('The licence log file is not available here.');
    expect(deepText(el)).not.to.contain('Manual licence update is not available here.');
    await expect(el).to.be.accessible();
  });
});

describe('license-token: banner reasons from an adapter that does not decode', () => {
  it('a grace period without a reason shows the banner without a "Why"', async () => {
    const el = await token(partial(licence({ status: { state: 'grace' } as InstallationLicense['status'] })));
    expect(deepText(el)).to.contain('Grace period');
    expect(deepText(el)).not.to.contain('Why:');
  });

  it('a reason it has no words for (even an Object.prototype name) is left out, not printed', async () => {
    const status = { state: 'deactivated', reason: 'toString' } as unknown as InstallationLicense['status'];
    const el = await token(partial(licence({ status })));
    expect(deepText(el)).to.contain('The licence is deactivated');
    expect(deepText(el)).not.to.contain('Why:');
    expect(deepText(el)).not.to.contain('function');
  });
});
