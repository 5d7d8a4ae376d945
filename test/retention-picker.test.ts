import { expect, fixture, fixtureSync, html } from '@open-wc/testing';
import type { LicensingAdapter } from '../src/adapters/adapter.js';
import { MemoryAdapter } from '../src/adapters/memory/index.js';
import '../src/elements/retention-picker/retention-picker.js';
import type { RetentionPicker } from '../src/elements/retention-picker/retention-picker.component.js';
import { sharedStoreFor } from '../src/state/controller.js';
import { smallSeed } from './helpers/fixtures.js';
import { deepText, describeWidgetStates } from './helpers/widget-states.js';
import { settle } from './helpers/settle.js';
import {
  canEdit,
  retentionMultiplier,
  retentionToString,
  type Permission,
  type Retention,
} from '../src/core/index.js';
import { messages as pickerMessages } from '../src/elements/retention-picker/retention-picker.messages.js';

async function picker(adapter: LicensingAdapter = new MemoryAdapter(smallSeed())) {
  const el = await fixture<RetentionPicker>(html`<retention-picker .adapter=${adapter}></retention-picker>`);
  await settle(el);
  return el;
}

const select = (el: RetentionPicker) => el.shadowRoot!.querySelector('select')!;

async function choose(el: RetentionPicker, value: string) {
  const list = select(el);
  list.value = value;
  list.dispatchEvent(new Event('change', { bubbles: true }));
  await settle(el);
}

describeWidgetStates({
  tag: 'retention-picker',
  render: (adapter) => html`<retention-picker .adapter=${adapter}></retention-picker>`,
  seed: () => smallSeed(),
  readyText: 'Call recording retention',
});

describe('retention-picker', () => {
  it('offers 14 days (free) and 3-month steps up to the maximum, labelled in words (R6)', async () => {
    const el = await picker();
    const labels = [...select(el).options].map((o) => o.textContent!.trim());
    expect(labels.slice(0, 6)).to.deep.equal([
      '14 days – free',
      '3 months',
      '6 months',
      '9 months',
      '1 year',
      '1 year and 3 months',
    ]);
    expect(labels.at(-1)).to.equal('2 years'); // maxMonths 24 in the fixture
    expect(select(el).value).to.equal('P9M');
    expect(deepText(el)).to.contain('×3 licence units per recording user');
    await expect(el).to.be.accessible();
  });

  it('puts the choice into the draft, shows the cost, and re-dispatches change', async () => {
    const adapter = new MemoryAdapter(smallSeed());
    const el = await picker(adapter);
    let changes = 0;
    el.addEventListener('change', () => changes++);
    await choose(el, 'P12M');
    expect(sharedStoreFor(adapter).state.draft).to.deep.equal({ retention: { months: 12 } });
    expect(changes).to.equal(1);
    expect(el.value).to.equal('P12M');
    // 3 recording licences × 1 more unit × €3.00
    expect(deepText(el)).to.contain('+€9.00 per month');
    expect(deepText(el)).to.contain('×4 licence units');
  });

  it('makes 14 days free and warns that older recordings go', async () => {
    const el = await picker();
    await choose(el, 'P14D');
    const text = deepText(el);
    expect(text).to.contain('No charge: recordings are kept 14 days.');
    expect(text).to.contain('−€27.00 per month');
    expect(text).to.contain('older than the new period will no longer be kept');
    await expect(el).to.be.accessible();
  });

  it('takes part in a form: submits its value, resets with the form', async () => {
    const adapter = new MemoryAdapter(smallSeed());
    // fixtureSync: fixture() waits an animation frame for a plain <form>, which a background tab
    // (two test files at once) may never give.
    const form = fixtureSync<HTMLFormElement>(
      html`<form><retention-picker name="retention" .adapter=${adapter}></retention-picker></form>`,
    );
    const el = form.querySelector('retention-picker')!;
    await settle(el);
    expect(new FormData(form).get('retention')).to.equal('P9M');
    await choose(el, 'P6M');
    expect(new FormData(form).get('retention')).to.equal('P6M');
    expect(el.form).to.equal(form);
    await choose(el, 'P9M');
    await choose(el, 'P6M');
    form.reset();
    await settle(el);
    expect(sharedStoreFor(adapter).state.draft).to.deep.equal({});
    // What the user sees follows too, after options were picked by hand.
    expect(select(el).value).to.equal('P9M');
    expect(new FormData(form).get('retention')).to.equal('P9M');
  });

  it('ignores a value that is not an allowed retention', async () => {
    const adapter = new MemoryAdapter(smallSeed());
    const el = await picker(adapter);
    el.value = 'P4M';
    el.value = 'banana';
    expect(sharedStoreFor(adapter).state.draft).to.deep.equal({});
  });

  it('is disabled inside a disabled fieldset', async () => {
    const form = fixtureSync<HTMLFormElement>(
      html`<form>
        <fieldset disabled>
          <retention-picker name="r" .adapter=${new MemoryAdapter(smallSeed())}></retention-picker>
        </fieldset>
      </form>`,
    );
    const el = form.querySelector('retention-picker')!;
    await settle(el);
    expect(select(el).disabled).to.equal(true);
  });

  it('shows the retention as plain text, with no control, with view permission', async () => {
    const el = await picker(new MemoryAdapter(smallSeed({ permission: 'view' })));
    expect(el.shadowRoot!.querySelector('select')).to.equal(null);
    expect(el.shadowRoot!.querySelector('[part="value"]')!.textContent!.trim()).to.equal('9 months');
  });

  it('says when the account has no call recording', async () => {
    const seed = smallSeed();
    const { recording: _omit, ...snapshot } = seed.snapshot;
    void _omit;
    const el = await picker(new MemoryAdapter({ ...seed, snapshot }));
    expect(deepText(el)).to.contain('Call recording is not part of this account.');
  });
});

// The picker shows the planned retention and its R6 multiplier; these fail if it derived them itself.
describe('retention-picker: says what the rules say', () => {
  const retentions: Retention[] = [{ days: 14 }, { months: 3 }, { months: 24 }];
  for (const retention of retentions) {
    it(`value and multiplier are the planned snapshot's: ${retentionToString(retention)}`, async () => {
      const adapter = new MemoryAdapter(smallSeed());
      const el = await picker(adapter);
      const store = sharedStoreFor(adapter);
      expect(store.setRetention(retention).ok).to.equal(true);
      await settle(el);
      const planned = store.state.planned!.recording!.retention;
      expect(el.value).to.equal(retentionToString(planned));
      expect(select(el).value).to.equal(retentionToString(planned));
      expect(el.shadowRoot!.querySelector('[part="multiplier"]')!.textContent!.trim()).to.equal(
        pickerMessages.multiplier(retentionMultiplier(planned)),
      );
    });
  }

  for (const permission of ['view', 'update'] as Permission[]) {
    it(`offers a control exactly when canEdit says yes: ${permission} (R1)`, async () => {
      const el = await picker(new MemoryAdapter(smallSeed({ permission })));
      expect(el.shadowRoot!.querySelector('select') !== null).to.equal(canEdit(permission));
    });
  }
});
