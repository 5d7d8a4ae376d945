// The shared state suite every data widget runs (loading, error with retry, none / view / update
// permission, not connected), with an axe check in each state.
import './lit-warnings.js';
import { expect, fixture } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import type { LicensingAdapter } from '../../src/adapters/adapter.js';
import { MemoryAdapter } from '../../src/adapters/memory/index.js';
import type { MemorySeed } from '../../src/adapters/memory/demo-data.js';
import type { LicensingSnapshot } from '../../src/core/index.js';
import { settle } from './settle.js';

export interface WidgetStateOptions {
  /** The widget's tag, for test names. */
  tag: string;
  /** Renders the widget given `.adapter` (the suite passes a fresh one per test). */
  render(adapter: LicensingAdapter | undefined): TemplateResult;
  /** A seed that has data for the widget; `permission` is overridden per test. */
  seed(): MemorySeed;
  /** Loads what the widget needs beyond the snapshot (e.g. the installation licence). */
  method?: 'load' | 'getInstallationLicense';
  /** The text that proves the widget shows its data (e.g. a licence name). */
  readyText: string;
  /** Whether the view-permission state must still be checked for enabled controls. */
  editableInView?: boolean;
}

/** All text of the element and its shadow roots, as a user would read it. */
export function deepText(node: Node): string {
  let text = '';
  const walk = (n: Node) => {
    if (n.nodeType === Node.TEXT_NODE) text += n.textContent;
    if (n instanceof Element && n.shadowRoot) n.shadowRoot.childNodes.forEach(walk);
    n.childNodes.forEach(walk);
  };
  walk(node);
  return text.replace(/\s+/g, ' ').trim();
}

/** Every element of the given selector inside the widget, across nested shadow roots. */
export function deepQueryAll<T extends Element = Element>(root: Element, selector: string): T[] {
  const found: T[] = [];
  const walk = (scope: Element | ShadowRoot) => {
    scope.querySelectorAll<T>(selector).forEach((el) => found.push(el));
    scope.querySelectorAll('*').forEach((el) => el.shadowRoot && walk(el.shadowRoot));
  };
  if (root.shadowRoot) walk(root.shadowRoot);
  return found;
}

/**
 * Enabled controls that could change something: inputs not read-only, switches, buttons. A select
 * marked `data-filter` only narrows what is shown (the history's filters) and changes nothing.
 */
function changingControls(el: Element): Element[] {
  return deepQueryAll(
    el,
    'input:not([readonly]):not([disabled]), textarea:not([readonly]):not([disabled]), select:not([disabled]):not([data-filter]), [role="switch"]:not([disabled])',
  );
}

export function describeWidgetStates(options: WidgetStateOptions): void {
  const withPermission = (permission: LicensingSnapshot['permission']) => {
    const seed = options.seed();
    return new MemoryAdapter({ ...seed, snapshot: { ...seed.snapshot, permission } });
  };

  describe(`${options.tag}: shared states`, () => {
    it('says when it is not connected to any data source', async () => {
      const el = await fixture(options.render(undefined));
      await settle(el);
      expect(deepText(el)).to.contain('Not connected');
      await expect(el).to.be.accessible();
    });

    it('shows a busy loading state', async () => {
      const adapter = withPermission('update');
      adapter.latency = 60_000;
      const el = await fixture(options.render(adapter));
      await settle(el);
      expect(deepQueryAll(el, '[aria-busy="true"]').length).to.be.greaterThan(0);
      expect(deepText(el)).not.to.contain(options.readyText);
      await expect(el).to.be.accessible();
    });

    it('shows a failed load with a retry that recovers', async () => {
      const adapter = withPermission('update');
      adapter.failNext(options.method ?? 'load', 'unavailable');
      const el = await fixture(options.render(adapter));
      await settle(el);
      const alert = deepQueryAll(el, '[role="alert"]');
      expect(alert.length, 'an alert').to.be.greaterThan(0);
      await expect(el).to.be.accessible();
      const retry = deepQueryAll<HTMLButtonElement>(el, 'button').find((b) =>
        /try again/i.test(b.textContent ?? ''),
      );
      expect(retry, 'a retry button').to.exist;
      retry!.click();
      await settle(el);
      await new Promise((resolve) => setTimeout(resolve, 20));
      await settle(el);
      expect(deepText(el)).to.contain(options.readyText);
    });

    it('shows only the no-access notice without permission (R1)', async () => {
      const el = await fixture(options.render(withPermission('none')));
      await settle(el);
      expect(deepText(el)).to.contain('You have no access to licensing');
      expect(deepText(el)).not.to.contain(options.readyText);
      expect(changingControls(el)).to.have.length(0);
      await expect(el).to.be.accessible();
    });

    it('shows everything and changes nothing with view permission (R1)', async () => {
      const el = await fixture(options.render(withPermission('view')));
      await settle(el);
      expect(deepText(el)).to.contain(options.readyText);
      if (!options.editableInView) expect(changingControls(el).map((c) => c.outerHTML)).to.deep.equal([]);
      await expect(el).to.be.accessible();
    });

    it('shows its data and controls with update permission', async () => {
      const el = await fixture(options.render(withPermission('update')));
      await settle(el);
      expect(deepText(el)).to.contain(options.readyText);
      await expect(el).to.be.accessible();
    });
  });
}
