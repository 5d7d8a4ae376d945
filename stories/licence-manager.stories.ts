import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { ChangeSet } from '../src/core/index.js';
import '../src/elements/licence-manager/licence-manager.js';
import type {
  ManagerLayout,
  ManagerSection,
} from '../src/elements/licence-manager/licence-manager.component.js';
import { sharedStoreFor } from '../src/state/controller.js';
import { FOREVER, storyAdapter, type StoryData } from './support.js';

interface Args extends StoryData {
  /** Sections left out (`hide`). */
  hide: ManagerSection[];
  /** Applied to the draft once loaded. */
  draft?: ChangeSet;
  /** The adapter offers no installation licence (a seat-only backend). */
  withoutInstallation?: boolean;
  /** Seat licences as cards (the default) or one table. */
  layout?: ManagerLayout;
  /** The usage alerts' thresholds for the page (R11), e.g. "50,80,100". */
  thresholds?: string;
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
  argTypes: {
    hide: { control: 'check', options: sections },
    layout: { control: 'inline-radio', options: ['cards', 'table'] },
  },
  parameters: { layout: 'fullscreen' },
  render: ({ hide, draft, withoutInstallation, layout = 'cards', thresholds, ...data }) => {
    const adapter = storyAdapter(
      withoutInstallation ? { ...data, seed: (s) => ({ ...s, installationLicense: null }) } : data,
    );
    if (draft)
      void sharedStoreFor(adapter)
        .load()
        .then(() => sharedStoreFor(adapter).edit(draft));
    return html`<licence-manager
      .adapter=${adapter}
      .hide=${hide}
      layout=${layout}
      .thresholds=${thresholds}
    ></licence-manager>`;
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
/** `view` permission: everything visible, nothing editable; the page says so once, at the top, and shows no cart. */
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

/** `layout="table"`: the seat licences as one table, for accounts with many licence types. */
export const Table: Story = { args: { layout: 'table' } };
/** The table with changes pending: each changed row marked, its monthly cost and the change. */
export const TablePendingChanges: Story = {
  args: { layout: 'table', draft: { counts: { voice: 230, email: 145 } } },
};
/** The table with a blocked reduction: the error at the count, a link to who uses the licence. */
export const TableBlockedReduction: Story = { args: { layout: 'table', draft: { counts: { voice: 3 } } } };
/** The table with `view` permission: plain numbers, the read-only notice once at the top. */
export const TableReadOnly: Story = { args: { layout: 'table', permission: 'view' } };
/** The table on a phone: each licence stacked, its figures named. */
export const TableOnAPhone: Story = {
  args: { layout: 'table' },
  globals: { viewport: { value: 'mobile1', isRotated: false } },
};
/** The table in Czech, dark. */
export const TableCzechDark: Story = {
  args: { layout: 'table', draft: { counts: { voice: 230 } } },
  globals: { lang: 'cs', theme: 'dark' },
};

/** `thresholds="50,80,100"` once on the page: the Speech-to-Text card and every Power Pack service alert at 50 %. */
export const CustomThresholds: Story = { args: { thresholds: '50,80,100' } };
