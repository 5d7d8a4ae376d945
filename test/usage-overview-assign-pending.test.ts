// <usage-overview>'s assignment while the cart holds a pending count (issue #22, R12 availability):
// the toolbar says what is free now and once the reduction is saved, the confirmation says before
// it happens that an assignment undoes the pending reduction (and the banner then agrees); a
// "both" confirmation says both types' lines; the wording has no "a Email". Memory adapter and
// REST over MSW (the backend judges by the saved count in both).
import './helpers/lit-warnings.js';
import { expect } from '@open-wc/testing';
import type { LicensingAdapter } from '../src/adapters/adapter.js';
import { MemoryAdapter } from '../src/adapters/memory/index.js';
import type { UsageOverview } from '../src/elements/usage-overview/usage-overview.component.js';
import { ruleBook } from '../src/core/index.js';
import '../src/locales/cs.js';
import { sharedStoreFor } from '../src/state/controller.js';
import { adapterOver } from './helpers/adapter-modes.js';
import {
  assignOverview,
  assignSeed,
  button,
  checkbox,
  dialog,
  liveCount,
  root,
  text,
  toast,
  toolbar,
} from './helpers/assign-fixtures.js';
import { until } from './helpers/grid-host.js';

const click = (el: HTMLElement) =>
  el.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
const available = (el: UsageOverview) => text(toolbar(el)!.querySelector('[part~="available"]'));
const banner = (el: UsageOverview) => text(root(el).querySelector('[part~="banner"]'));

for (const mode of ['memory', 'rest over MSW'] as const) {
  const over = async (backend: MemoryAdapter): Promise<LicensingAdapter> =>
    mode === 'memory' ? backend : adapterOver(mode, backend);

  describe(`usage-overview assignment with a pending reduction (${mode})`, () => {
    it('says free now and once the reduction is saved, and that assigning undoes it', async () => {
      const backend = new MemoryAdapter(assignSeed());
      const adapter = await over(backend);
      // Voice: 12 set, 11 in use; the cart reduces to 11 (valid: nothing to free).
      const el = await assignOverview(adapter, '');
      // The rule book, as a page with the cart gives it to the store.
      sharedStoreFor(adapter).useRules(ruleBook).setCount('voice', 11);
      await until(() => root(el).querySelector('[data-row="11"] input') !== null, 'Lea’s row');
      click(checkbox(el, 'Lea Agent')!);
      await until(() => liveCount(el) === '1 selected', '1 selected');
      expect(available(el)).to.equal('1 Voice licence available now; 0 once the reduction to 11 is saved');
      const assign = button(toolbar(el)!, 'Assign Voice to 1 agent')!;
      expect(assign.getAttribute('aria-disabled')).to.equal('false');
      expect(assign.getAttribute('aria-describedby')).to.equal('assign-available');
      assign.click();
      await until(() => dialog(el)?.open === true, 'the confirmation');
      const confirm = dialog(el)!;
      expect(text(confirm.querySelector('#assign-text'))).to.equal(
        'Voice will be assigned to 1 agent. Voice licences in use go from 11 to 12 of 12. The number of licences you pay for does not change.',
      );
      expect(confirm.getAttribute('aria-describedby')).to.equal('assign-text assign-warning');
      expect(text(confirm.querySelector('#assign-warning'))).to.equal(
        'This undoes your pending reduction to 11: 1 Voice licence would then have to be freed before it can be saved.',
      );
      await expect(el).to.be.accessible();
      button(confirm, 'Assign')!.click();
      await until(() => toast(el) === 'Assigned Voice to 1 agent Undo', 'the toast', 5000);
      // What the confirmation said is what the banner now says (filtered on Voice).
      el.setAttribute('type-id', 'voice');
      await until(() => banner(el) !== '', 'the banner', 5000);
      expect(banner(el)).to.equal('Free 1 Voice licence to reduce to 11');
    });

    it('an assignment within the pending count warns of nothing; the Czech toolbar says both figures', async () => {
      const backend = new MemoryAdapter(assignSeed());
      const adapter = await over(backend);
      const el = await assignOverview(adapter, '', { lang: 'cs' });
      // Email: 2 set, none in use; the cart reduces to 1.
      sharedStoreFor(adapter).setCount('email', 1);
      await until(() => root(el).querySelector('[data-row="11"] input') !== null, 'Lea’s row');
      click(root(el).querySelector<HTMLElement>('input[aria-label="Vybrat: Lea Agent"]')!);
      await until(() => liveCount(el) === 'Vybráno: 1', 'Vybráno: 1');
      const type = toolbar(el)!.querySelector('select')!;
      type.value = 'email';
      type.dispatchEvent(new Event('change'));
      await until(() => available(el).startsWith('Volné licence Email'), 'the email figures');
      expect(available(el)).to.equal('Volné licence Email: teď 2, po uložení snížení na 1 jich bude 1');
      button(toolbar(el)!, 'Přidělit licenci Email 1 agentovi')!.click();
      await until(() => dialog(el)?.open === true, 'the confirmation');
      expect(text(dialog(el)!.querySelector('#assign-text'))).to.equal(
        '1 agent dostane licenci Email. Používaných licencí Email bude 1 z 2 (nyní 0). Počet licencí, které platíte, se nemění.',
      );
      expect(dialog(el)!.querySelector('#assign-warning')).to.equal(null);
      expect(dialog(el)!.getAttribute('aria-describedby')).to.equal('assign-text');
    });
  });
}

describe('usage-overview assignment: what the confirmation says', () => {
  it('says both types’ lines for "Remove Voice and Outbound"', async () => {
    const el = await assignOverview(new MemoryAdapter(assignSeed()));
    for (const name of ['Ada Agent', 'Ben Agent', 'Cleo Agent']) click(checkbox(el, name)!);
    await until(() => liveCount(el) === '3 selected', '3 selected');
    button(toolbar(el)!, 'Remove Voice licence from 3 agents')!.click();
    await until(() => dialog(el)?.open === true, 'the confirmation');
    expect(text(root(el).getElementById('assign-title'))).to.equal('Remove Voice licence from 3 agents?');
    expect(text(dialog(el)!.querySelector('#assign-text'))).to.equal(
      'Voice will be removed from 3 agents. Voice licences in use go from 11 to 8 of 12. Outbound licences in use go from 2 to 0 of 2. The number of licences you pay for does not change.',
    );
    expect(button(dialog(el)!, 'Remove Voice and Outbound')).not.to.equal(undefined);
  });

  it('says Email without "a Email", in English and Czech, and the Czech refusal with its plurals', async () => {
    const backend = new MemoryAdapter(assignSeed());
    const el = await assignOverview(backend, '');
    await until(() => root(el).querySelector('[data-row="11"] input') !== null, 'Lea’s row');
    click(checkbox(el, 'Lea Agent')!);
    click(checkbox(el, 'Karel Agent')!);
    await until(() => liveCount(el) === '2 selected', '2 selected');
    const type = toolbar(el)!.querySelector('select')!;
    type.value = 'email';
    type.dispatchEvent(new Event('change'));
    await until(() => button(toolbar(el)!, 'Assign Email to 2 agents') !== undefined, 'the email action');
    button(toolbar(el)!, 'Assign Email to 2 agents')!.click();
    await until(() => dialog(el)?.open === true, 'the confirmation');
    expect(text(dialog(el)!.querySelector('#assign-text'))).to.equal(
      'Email will be assigned to 2 agents. Email licences in use go from 0 to 2 of 2. The number of licences you pay for does not change.',
    );
    button(dialog(el)!, 'Cancel')!.click();
    await until(() => dialog(el) === null, 'closed');
    // Czech: 3 agents without Call recording (3 set): fine; pick a fourth over the count.
    const cs = await assignOverview(backend, '', { lang: 'cs' });
    await until(() => root(cs).querySelector('[data-row="11"] input') !== null, 'Lea’s row');
    for (const i of [8, 9, 10, 11]) click(root(cs).querySelector<HTMLElement>(`[data-row="${i}"] input`)!);
    await until(() => liveCount(cs) === 'Vybráno: 4', 'Vybráno: 4');
    const csType = toolbar(cs)!.querySelector('select')!;
    csType.value = 'call-recording';
    csType.dispatchEvent(new Event('change'));
    await until(() => available(cs).startsWith('Vybrali'), 'the refusal');
    expect(available(cs)).to.match(
      /^Vybrali jste 4 agenty bez licence .+, volné jsou jen 3 licence\. Vyberte méně agentů, nebo nejdřív přidejte licence v košíku\.$/,
    );
  });
});
