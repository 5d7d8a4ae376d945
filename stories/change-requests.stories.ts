// Change requests (R1) on <licence-manager requests>: a view user's request steppers, the cart in
// request mode and what happens on send, and the requests panel an update user decides in.
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { LicensingAdapter } from '../src/adapters/adapter.js';
import type { MemoryAdapter } from '../src/adapters/memory/index.js';
import type { ChangeSet } from '../src/core/index.js';
import '../src/elements/licence-manager/licence-manager.js';
import { sharedStoreFor } from '../src/state/controller.js';
import { storyAdapter, type StoryData } from './support.js';

interface Args extends StoryData {
  /** The view user's request draft. */
  draft?: ChangeSet;
  /** Open the request review. */
  open?: boolean;
  /** Requests already sent (by a view user) before the page shows. */
  sent?: { changes: ChangeSet; note: string }[];
  /** After sending, the permission becomes `update` (an administrator opens the page). */
  asAdmin?: boolean;
  /** Another administrator changes Voice after the requests were sent. */
  movedUnderneath?: boolean;
  /** One request is declined with this reason before the page shows. */
  declined?: string;
  /** The adapter has no request methods: the cart fires `licence-change-request`. */
  withoutRequestMethods?: boolean;
}

async function prepare(backend: MemoryAdapter, { sent = [], asAdmin, movedUnderneath, declined }: Args) {
  for (const [i, r] of sent.entries())
    await backend.requestChange(r.changes, r.note, { idempotencyKey: `s${i}` });
  if (asAdmin || declined) backend.setPermission('update');
  if (declined) await backend.decideRequest('request-1', { outcome: 'declined', reason: declined });
  if (movedUnderneath) {
    const snapshot = await backend.load();
    const voice = snapshot.lines.find((l) => l.typeId === 'voice')!;
    await backend.commit(
      { counts: { voice: voice.count + 2 } },
      { expectedVersion: snapshot.version, idempotencyKey: 'moved' },
    );
  }
  if (declined && !asAdmin) backend.setPermission('view');
}

const meta: Meta<Args> = {
  title: 'Seat licences/change requests',
  component: 'licence-manager',
  render: (args) => {
    const { draft, open, withoutRequestMethods, ...data } = args;
    const backend = storyAdapter({ permission: 'view', ...data });
    const adapter: LicensingAdapter = withoutRequestMethods
      ? {
          load: (o) => backend.load(o),
          listUsage: (q, o) => backend.listUsage(q, o),
          commit: (c, o) => backend.commit(c, o),
        }
      : backend;
    const ready = prepare(backend, args);
    const manager = document.createElement('licence-manager');
    void ready.then(async () => {
      manager.requests = true;
      manager.adapter = adapter;
      const store = sharedStoreFor(adapter).allowRequests();
      await store.load();
      if (draft) store.edit(draft);
      if (open) {
        await manager.updateComplete;
        await new Promise((r) => setTimeout(r, 50));
        const cart = manager.shadowRoot?.querySelector('licence-cart');
        cart?.shadowRoot?.querySelector<HTMLButtonElement>('[part~="request-button"]')?.click();
      }
    });
    return html`${manager}`;
  },
};
export default meta;
type Story = StoryObj<Args>;

const more: ChangeSet = { counts: { voice: 223 } };
const request = {
  changes: { counts: { voice: 224 }, retention: { months: 12 } },
  note: 'Two teams start on Monday.',
};

/** A view user sees steppers marked "Request"; the page says changes are sent for approval. */
export const ViewUserCanRequest: Story = {};
/** The request in the cart: "Request: 1 change", with this and next month's effect. */
export const RequestDraft: Story = { args: { draft: more } };
/** The review of a request: nothing is bought, the quote, a note field, Send request. */
export const RequestReview: Story = { args: { draft: more, open: true } };
/** A request that breaks a rule (below what is in use): the bar says what to fix before sending. */
export const RequestWithProblem: Story = { args: { draft: { counts: { voice: 3 } } } };
/** The requester's own requests: pending. */
export const MyPendingRequest: Story = { args: { sent: [request] } };
/** The requester sees the outcome: declined, with the administrator's reason. */
export const MyDeclinedRequest: Story = {
  args: { sent: [request], declined: 'The budget is frozen until January.' },
};
/** An update user's panel: who, when, the change, the note, the price now, Review in cart, Decline…. */
export const PendingForAdmin: Story = { args: { sent: [request], asAdmin: true } };
/** Counts moved since the request was sent: shown with what changed underneath, as a conflict is. */
export const ChangedSinceSent: Story = { args: { sent: [request], asAdmin: true, movedUnderneath: true } };
/** Without request methods: Send request fires licence-change-request for the host to route. */
export const HostRoutesRequests: Story = { args: { draft: more, open: true, withoutRequestMethods: true } };
export const Dark: Story = { args: { draft: more }, globals: { theme: 'dark' } };
export const Czech: Story = { args: { draft: more, open: true }, globals: { lang: 'cs' } };
export const CzechAdmin: Story = { args: { sent: [request], asAdmin: true }, globals: { lang: 'cs' } };
/** A view user's request in the settings: retention and a Power Pack limit, each marked "Request". */
export const SettingsRequest: Story = {
  args: { draft: { retention: { months: 3 }, powerPack: { limits: { 'smart-routing': 12 } } } },
};
/** The review of a request says when each change would apply, as the normal review does. */
export const RequestReviewTimeline: Story = {
  args: { draft: { counts: { voice: 223 }, retention: { months: 3 } }, open: true },
};
