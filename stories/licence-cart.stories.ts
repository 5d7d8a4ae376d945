import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import type { LicensingAdapter } from '../src/adapters/adapter.js';
import type { ChangeSet } from '../src/core/index.js';
import '../src/elements/licence-cart/licence-cart.js';
import type { LicenceCart } from '../src/elements/licence-cart/licence-cart.component.js';
import { sharedStoreFor } from '../src/state/controller.js';
import { RestAdapter } from '../src/adapters/rest/index.js';
import { createLicensingHandlers } from '../src/mocks/index.js';
import { MemoryAdapter } from '../src/adapters/memory/index.js';
import { createDemoSeed } from '../src/adapters/memory/demo-data.js';
import { FOREVER, STORY_NOW, storyAdapter, type StoryData } from './support.js';

const storyApi = createLicensingHandlers({ backend: storyAdapter(), baseUrl: '/story-api' });

interface Args extends StoryData {
  draft?: ChangeSet;
  /** Open the review once rendered. */
  open?: boolean;
  /** Make the first commit fail this way. */
  failCommit?: 'network' | 'conflict' | 'server';
  /** Close the review after the failed save: the bar says it failed. */
  closeAfter?: boolean;
  /** The permission drops to view with the changes pending: they can only be discarded. */
  dropPermission?: boolean;
}

const meta: Meta<Args> = {
  title: 'Seat licences/licence-cart',
  component: 'licence-cart',
  render: ({ draft, open, failCommit, closeAfter, dropPermission, ...data }) => {
    const backend = storyAdapter(data);
    // Like a REST backend, this one does not push other people's changes: the conflict story then
    // meets the conflict on save, as a user would.
    const adapter: LicensingAdapter = {
      load: (o) => backend.load(o),
      listUsage: (q, o) => backend.listUsage(q, o),
      commit: (c, o) => backend.commit(c, o),
    };
    const store = sharedStoreFor(adapter);
    void store.load().then(async () => {
      if (draft) store.edit(draft);
      if (dropPermission) {
        backend.setPermission('view');
        await store.reload();
      }
      if (failCommit === 'conflict') {
        // Another administrator changes voice first.
        const voice = store.state.snapshot!.lines.find((l) => l.typeId === 'voice')!;
        await backend.commit(
          { counts: { voice: voice.count + 3 } },
          { expectedVersion: store.state.snapshot!.version, idempotencyKey: 'other' },
        );
      } else if (failCommit) backend.failNext('commit', failCommit);
      if (open || failCommit) {
        const cart = document.querySelector<LicenceCart>('licence-cart');
        await cart?.review();
        if (failCommit) await store.commit();
        if (closeAfter) cart?.closeReview();
      }
    });
    return html`<licence-cart .adapter=${adapter}></licence-cart>`;
  },
};
export default meta;
type Story = StoryObj<Args>;

const pending: ChangeSet = { counts: { voice: 230, email: 145 }, retention: { months: 12 } };

export const Empty: Story = {};
export const PendingChanges: Story = { args: { draft: pending } };
export const Review: Story = { args: { draft: pending, open: true } };
export const ReviewWithWarnings: Story = {
  args: { draft: { retention: { months: 3 }, speechToText: { enabled: false } }, open: true },
};
/** A blocking error: the bar counts it and offers "Go to Voice" instead of Save; no review opens. */
export const BlockingError: Story = { args: { draft: { counts: { voice: 3 } }, open: true } };
/** A problem beside changes that can be saved: the bar's totals leave the invalid line out. */
export const ProblemBesideValidChanges: Story = { args: { draft: { counts: { voice: 3, email: 145 } } } };
/** Another admin changed Voice under the draft: the bar says so once the review is closed. */
export const ChangedElsewhereInTheBar: Story = {
  args: { draft: pending, failCommit: 'conflict', closeAfter: true },
};
/** Signed totals, one of them a reduction (with a real minus sign). */
export const ReviewWithReduction: Story = {
  args: { draft: { counts: { voice: 215, email: 145 } }, open: true },
};
export const UsageLimits: Story = {
  args: {
    draft: { speechToText: { limitOverBase: null }, powerPack: { limits: { 'smart-routing': 20 } } },
    open: true,
  },
};
export const SaveFailed: Story = { args: { draft: pending, failCommit: 'network' } };
export const SaveFailedReviewClosed: Story = {
  args: { draft: pending, failCommit: 'network', closeAfter: true },
};
export const PermissionDroppedWithChanges: Story = { args: { draft: pending, dropPermission: true } };
export const Conflict: Story = { args: { draft: pending, failCommit: 'conflict' } };
export const ReadOnly: Story = { args: { permission: 'view' } };
export const NoAccess: Story = { args: { permission: 'none' } };
export const Loading: Story = { args: { latency: FOREVER } };
export const LoadError: Story = { args: { failLoad: 'network' } };
export const Dark: Story = { args: { draft: pending }, globals: { theme: 'dark' } };
export const Czech: Story = { args: { draft: pending, open: true }, globals: { lang: 'cs' } };

/**
 * The cart talking HTTP: RestAdapter against the MSW handlers of the REST contract (the worker
 * runs in Storybook), with the next save answered by a 503 and Retry-After, which the adapter
 * retries with the same idempotency key.
 */
export const OverRest: Story = {
  parameters: { msw: { handlers: storyApi.handlers } },
  render: () => {
    storyApi.reset();
    storyApi.failNext('commit', 'unavailable');
    const adapter = new RestAdapter({ baseUrl: '/story-api', retryDelay: 200 });
    const store = sharedStoreFor(adapter);
    void store.load().then(() => store.edit(pending));
    return html`<licence-cart .adapter=${adapter}></licence-cart>`;
  },
};

/**
 * When each change applies (#20): Voice up (usable now, this month at the month's peak, from
 * 1 December at the new count), Email down (applies to this month and the next, this month's
 * invoice keeps the peak) and a longer retention (in billed units). "Download summary" saves the
 * same change as JSON or CSV.
 */
export const WhenEachChangeApplies: Story = {
  args: { draft: { counts: { voice: 230, email: 120 }, retention: { months: 12 } }, open: true },
};
/** A rise that stays under the month's peak (reduced from 226 earlier): this month costs nothing more. */
export const RiseUnderTheMonthsPeak: Story = {
  args: {
    snapshot: (s) => ({
      ...s,
      lines: s.lines.map((l) => (l.typeId === 'voice' ? { ...l, count: 220, peak: 226 } : l)),
    }),
    draft: { counts: { voice: 223 } },
    open: true,
  },
};
/** Usage-based changes: billed by use from the save on, with their cap, without one, or switched off. */
export const WhenUsageBasedChangesApply: Story = {
  args: {
    draft: {
      speechToText: { enabled: false },
      powerPack: { limits: { 'smart-routing': 20, 'ai-topics': null } },
    },
    open: true,
  },
};
export const WhenEachChangeAppliesCzech: Story = {
  args: WhenEachChangeApplies.args,
  globals: { lang: 'cs' },
};
export const WhenEachChangeAppliesDark: Story = {
  args: WhenEachChangeApplies.args,
  globals: { theme: 'dark' },
};
/** The host names who reviews (`user`): the summary and `licence-commit`'s record carry it. */
export const SummaryNamesTheUser: Story = {
  args: { draft: { counts: { voice: 230 } }, open: true },
  play: async ({ canvasElement }) => {
    canvasElement.querySelector<LicenceCart>('licence-cart')!.user = 'Jana Dvořáková';
  },
};

/**
 * A change request another administrator declined while this one reviewed it in the cart (#20):
 * the save is refused in words (the request is approved with the commit, or nothing is saved) and
 * the change stays in the cart; saving again saves it as the admin's own change.
 */
export const RequestDecidedMeanwhile: Story = {
  render: () => {
    const backend = storyAdapter({ permission: 'view' });
    const store = sharedStoreFor(backend);
    void (async () => {
      const request = await backend.requestChange({ counts: { voice: 230 } }, 'For the new team', {
        idempotencyKey: 'story-request',
      });
      backend.setPermission('update');
      await store.reload(); // the cart's first load may have been made as view
      await store.requests.review(request);
      await backend.decideRequest(request.id, { outcome: 'declined', reason: 'Budget frozen' });
      await document.querySelector<LicenceCart>('licence-cart')?.review();
      await store.commit();
    })();
    return html`<licence-cart .adapter=${backend}></licence-cart>`;
  },
};

/**
 * A change request that no longer exists when the reviewed cart is saved (the demo was reset, the
 * data re-seeded; #20): the save is refused in words, the review ends and the change stays in the
 * cart; saving again saves it as the admin's own change.
 */
export const RequestGoneMeanwhile: Story = {
  render: () => {
    const backend = storyAdapter({ permission: 'view' });
    const store = sharedStoreFor(backend);
    void (async () => {
      const request = await backend.requestChange({ counts: { voice: 230 } }, 'For the new team', {
        idempotencyKey: 'story-request',
      });
      backend.setPermission('update');
      await store.reload(); // the cart's first load may have been made as view
      await store.requests.review(request);
      backend.reset(); // the demo is reset: the requests are forgotten
      backend.setPermission('update');
      await document.querySelector<LicenceCart>('licence-cart')?.review();
      await store.commit();
    })();
    return html`<licence-cart .adapter=${backend}></licence-cart>`;
  },
};

/**
 * Jana Nováková asked for 4 more Voice licences; an administrator reviewed the request in the cart,
 * moved Voice by `edit` from what she asked, and saved through the review (R1, `requestCarried`).
 */
function savedRequest(edit: number, tweak?: Partial<LicensingAdapter>): () => TemplateResult {
  return () => {
    const backend = new MemoryAdapter(createDemoSeed({ now: STORY_NOW }), { user: 'Jana Nováková' });
    Object.assign(backend, tweak);
    backend.setPermission('view');
    const store = sharedStoreFor(backend);
    void (async () => {
      const voice = (await backend.load()).lines.find((l) => l.typeId === 'voice')!.count;
      const request = await backend.requestChange({ counts: { voice: voice + 4 } }, 'New team', {
        idempotencyKey: 'story-request',
      });
      backend.setPermission('update');
      await store.reload(); // the cart's first load may have been made as view
      await store.requests.review(request);
      if (edit) store.setCount('voice', voice + 4 + edit);
      const cart = document.querySelector<LicenceCart>('licence-cart');
      await cart?.review();
      cart?.shadowRoot?.querySelector<HTMLButtonElement>('[part~="confirm-button"]')?.click();
    })();
    // At the foot of a page: after the save nothing is pending and the status shows over the page.
    return html`<div class="page-end"><licence-cart .adapter=${backend}></licence-cart></div>`;
  };
}

/** Saved as asked: the bar says (and announces) Jana Nováková's request is approved. */
export const RequestSavedApproved: Story = { render: savedRequest(0) };
/** Edited down (asked +4, saved +2): the save is the admin's own, the request stays pending. */
export const RequestSavedStillPending: Story = { render: savedRequest(-2) };
export const RequestSavedStillPendingCzech: Story = { render: savedRequest(-2), globals: { lang: 'cs' } };
export const RequestSavedApprovedDark: Story = { render: savedRequest(0), globals: { theme: 'dark' } };
/** Saved as asked, but nothing approved the request (an adapter that cannot approve requests): it stays pending. */
export const RequestSavedNotApproved: Story = {
  render: savedRequest(0, { commitsRequests: false, decideRequest: undefined }),
};
/** Saved, but the request list could not be loaded after it: what became of the request is not known. */
export const RequestSavedStatusUnknown: Story = {
  render: savedRequest(0, { listRequests: () => Promise.reject(new Error('The list is unavailable.')) }),
};
