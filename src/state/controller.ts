import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { LicensingAdapter } from '../adapters/adapter.js';
import type { RuleBook } from '../core/index.js';
import { licensingContext } from './context.js';
import { LicensingStore, type LicensingState } from './licensing-store.js';

const stores = new WeakMap<LicensingAdapter, LicensingStore>();

/**
 * The store every widget given `adapter` without a provider shares (one load, one draft), exactly
 * as they would under a provider. Made without rules: it has the rule book once a widget that
 * needs it connects, or once `store.useRules(ruleBook)` is called (the root entry's
 * `sharedStoreWithRules` does that).
 */
export function sharedStoreFor(adapter: LicensingAdapter): LicensingStore {
  let store = stores.get(adapter);
  if (!store) stores.set(adapter, (store = new LicensingStore(adapter)));
  return store;
}

/**
 * The store widgets given `adapter` share, without rules.
 * @deprecated Renamed `sharedStoreFor`; the root entry's `storeFor` (which gives the rules) is
 * `sharedStoreWithRules`.
 */
export const storeFor = sharedStoreFor;

/** An element that can be given a store or an adapter directly, outside any provider. */
export interface LicensingHost extends ReactiveControllerHost, HTMLElement {
  store?: LicensingStore | undefined;
  adapter?: LicensingAdapter | undefined;
}

/** What a widget asks of its controller. */
export interface LicensingControllerOptions {
  /** Load the installation licence too. */
  installation?: boolean;
  /**
   * The rule book, for a widget that shows `issues`, `quote`, `planned` or `canSave`: it is given to
   * every store the widget connects to, before its first render.
   */
  rules?: RuleBook | undefined;
}

/**
 * Connects a widget to its store: the host's own `.store`, else a store for the host's own
 * `.adapter`, else the nearest `<licence-provider>`'s. It gives the store the widget's rules (when
 * it has any), subscribes while connected, asks the store to load (shared: one request for all
 * widgets), and re-renders the host on every change.
 */
export class LicensingController implements ReactiveController {
  /** The store in use, once one is found. */
  store: LicensingStore | undefined;
  private fromContext: LicensingStore | undefined;
  private unsubscribe: (() => void) | undefined;

  constructor(
    private readonly host: LicensingHost,
    private readonly options: LicensingControllerOptions = {},
  ) {
    host.addController(this);
    new ContextConsumer(host, {
      context: licensingContext,
      subscribe: true,
      callback: (store) => {
        this.fromContext = store;
        this.resolve();
      },
    });
  }

  /** The store's state, or undefined while no store is connected. */
  get state(): LicensingState | undefined {
    return this.store?.state;
  }

  hostConnected(): void {
    this.resolve();
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  hostUpdate(): void {
    // Picks up a `.store` or `.adapter` set on the host since the last render.
    this.resolve();
  }

  private resolve(): void {
    const { host } = this;
    const next = host.store ?? (host.adapter ? sharedStoreFor(host.adapter) : this.fromContext);
    if (next === this.store && (this.unsubscribe || !host.isConnected)) return;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.store = next;
    if (next && this.options.rules) next.useRules(this.options.rules);
    if (next && host.isConnected) {
      this.unsubscribe = next.subscribe(() => host.requestUpdate());
      void next.load();
      if (this.options.installation) void next.loadInstallation();
    }
    host.requestUpdate();
  }
}
