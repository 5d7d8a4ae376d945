import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { ChangeSet } from '../src/core/index.js';
import '../src/elements/licence-manager/licence-manager.js';
import type { ManagerSection } from '../src/elements/licence-manager/licence-manager.component.js';
import { sharedStoreFor } from '../src/state/controller.js';
import { FOREVER, storyAdapter, type StoryData } from './support.js';

interface Args extends StoryData {
  /** Sections left out (`hide`). */
  hide: ManagerSection[];
  /** Applied to the draft once loaded. */
  draft?: ChangeSet;
  /** The adapter offers no installation licence (a seat-only backend). */
  withoutInstallation?: boolean;
}

const sections: ManagerSection[] = [
  'invoice-warning',
  'usage',
  'seats',
  'usage-based',
  'cart',
  'installation',
];

const meta: Meta<Args> = {
  title: 'Pages/licence-manager',
  component: 'licence-manager',
  args: { hide: [] },
  argTypes: { hide: { control: 'check', options: sections } },
  parameters: { layout: 'fullscreen' },
  render: ({ hide, draft, withoutInstallation, ...data }) => {
    const adapter = storyAdapter(
      withoutInstallation ? { ...data, seed: (s) => ({ ...s, installationLicense: null }) } : data,
    );
    if (draft)
      void sharedStoreFor(adapter)
        .load()
        .then(() => sharedStoreFor(adapter).edit(draft));
    return html`<licence-manager .adapter=${adapter} .hide=${hide}></licence-manager>`;
  },
};
export default meta;
type Story = StoryObj<Args>;

/** The whole Licensing page on the demo data. */
export const Default: Story = {};
/** Changes waiting in the cart: the cart bar shows this and next month's effect. */
export const PendingChanges: Story = {
  args: { draft: { counts: { voice: 230, email: 145 }, retention: { months: 12 } } },
};
/** A blocked change: the card and the cart say why and link to the usage overview. */
export const BlockedReduction: Story = { args: { draft: { counts: { voice: 3 } } } };
/** `view` permission: everything visible, nothing editable. */
export const ReadOnly: Story = { args: { permission: 'view' } };
/** `none`: the page says the user has no access and whom to ask. */
export const NoAccess: Story = { args: { permission: 'none' } };
export const Loading: Story = { args: { latency: FOREVER } };
export const LoadError: Story = { args: { failLoad: 'unavailable' } };
/** A backend without the installation licence: that section is left out. */
export const WithoutInstallationLicence: Story = { args: { withoutInstallation: true } };
/** A host that shows only the seat cards and the cart. */
export const SeatsAndCartOnly: Story = { args: { hide: ['usage-based', 'installation', 'usage'] } };
export const Dark: Story = { args: { draft: { counts: { voice: 230 } } }, globals: { theme: 'dark' } };
export const Czech: Story = { globals: { lang: 'cs' } };

/**
 * The page had data, then a refresh failed: the data and the draft stay, and one notice at the top
 * says from when the data is, with Try again (which works: the failure was once).
 */
export const RefreshFailed: Story = {
  args: { draft: { counts: { voice: 224 } } },
  render: ({ hide, draft }) => {
    const adapter = storyAdapter();
    const store = sharedStoreFor(adapter);
    void store.load().then(() => {
      if (draft) store.edit(draft);
      adapter.failNext('load', 'unavailable');
      return store.reload();
    });
    return html`<licence-manager .adapter=${adapter} .hide=${hide}></licence-manager>`;
  },
};

/**
 * Another admin added one Voice licence under the user's +2: the memory adapter pushes it, the
 * store rebases the cart (+1 now) and notes the change, per card and in the cart's conflict.
 */
export const ChangedByAnotherAdmin: Story = {
  render: ({ hide }) => {
    const adapter = storyAdapter();
    const store = sharedStoreFor(adapter);
    void store.load().then(async (snapshot) => {
      const voice = snapshot!.lines.find((l) => l.typeId === 'voice')!.count;
      store.setCount('voice', voice + 2);
      await adapter.commit(
        { counts: { voice: voice + 1 } },
        { expectedVersion: snapshot!.version, idempotencyKey: 'story-other-admin' },
      );
    });
    return html`<licence-manager .adapter=${adapter} .hide=${hide}></licence-manager>`;
  },
};
