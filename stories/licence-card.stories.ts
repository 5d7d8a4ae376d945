import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/elements/licence-card/licence-card.js';
import '../src/elements/licence-provider/licence-provider.js';
import { sharedStoreFor } from '../src/state/controller.js';
import { FOREVER, STORY_NOW, storyAdapter, type StoryData } from './support.js';

interface Args extends StoryData {
  typeId: string;
  /** The host shows its own read-only notice (`no-read-only-note`). */
  noReadOnlyNote?: boolean;
  /** Applied to the draft before the story renders. */
  draft?: Parameters<ReturnType<typeof sharedStoreFor>['edit']>[0];
  /** The Speech-to-Text card's usage thresholds (R11), e.g. "50,80,100". */
  thresholds?: string;
  /** The day "this month's pace" is measured to (R11); the stories' day when unset. */
  now?: Date;
}

const meta: Meta<Args> = {
  title: 'Seat licences/licence-card',
  component: 'licence-card',
  args: { typeId: 'voice' },
  argTypes: {
    typeId: {
      control: 'select',
      options: ['voice', 'outbound', 'email', 'chat', 'call-recording', 'speech-to-text', 'power-pack'],
    },
  },
  render: ({ typeId, draft, noReadOnlyNote, thresholds, now, ...data }) => {
    const adapter = storyAdapter(data);
    if (draft)
      void sharedStoreFor(adapter)
        .load()
        .then(() => sharedStoreFor(adapter).edit(draft));
    return html`<licence-card
      type-id=${typeId}
      ?no-read-only-note=${noReadOnlyNote}
      thresholds=${thresholds ?? ''}
      .now=${now ?? STORY_NOW}
      .adapter=${adapter}
    ></licence-card>`;
  },
};
export default meta;
type Story = StoryObj<Args>;

export const Default: Story = {};
export const PendingIncrease: Story = { args: { draft: { counts: { voice: 230 } } } };
export const ReductionHeldAtPeak: Story = { args: { draft: { counts: { voice: 215 } } } };
export const BlockedBelowInUse: Story = { args: { draft: { counts: { voice: 3 } } } };
export const OutboundAboveVoice: Story = {
  args: { typeId: 'outbound', draft: { counts: { outbound: 999 } } },
};
export const CallRecording: Story = { args: { typeId: 'call-recording' } };
export const SpeechToText: Story = { args: { typeId: 'speech-to-text' } };
export const SpeechToTextStopped: Story = {
  args: {
    typeId: 'speech-to-text',
    snapshot: (s) => ({ ...s, speechToText: { ...s.speechToText!, usedMinutes: 7000 } }),
  },
};
export const SpeechToTextLimitBelowUsage: Story = {
  args: { typeId: 'speech-to-text', draft: { speechToText: { limitOverBase: 100 } } },
};
export const PowerPack: Story = { args: { typeId: 'power-pack' } };
export const ReadOnly: Story = { args: { permission: 'view' } };
export const NoAccess: Story = { args: { permission: 'none' } };
export const Loading: Story = { args: { latency: FOREVER } };
export const LoadError: Story = { args: { failLoad: 'unavailable' } };
export const Dark: Story = { args: { draft: { counts: { voice: 230 } } }, globals: { theme: 'dark' } };
export const Czech: Story = { args: { draft: { counts: { voice: 230 } } }, globals: { lang: 'cs' } };
export const AllCards: Story = {
  render: () => {
    const adapter = storyAdapter();
    return html`<licence-provider .adapter=${adapter}>
      <div class="grid">
        ${['voice', 'outbound', 'email', 'chat', 'sms', 'call-recording', 'speech-to-text', 'power-pack'].map(
          (id) => html`<licence-card type-id=${id}></licence-card>`,
        )}
      </div>
    </licence-provider>`;
  },
};

// Issue #15: what the card says before an admin spends.
/** The month's peak above the count: a raise up to it costs nothing this month. */
export const PeakBeforeAnyEdit: Story = {};
export const RaiseWithinPeak: Story = {
  render: (args) => {
    const adapter = storyAdapter(args);
    const store = sharedStoreFor(adapter);
    void store.load().then((snap) => {
      const voice = snap?.lines.find((l) => l.typeId === 'voice');
      if (voice) store.setCount('voice', voice.count + 3);
    });
    return html`<licence-card type-id="voice" .adapter=${adapter}></licence-card>`;
  },
};
export const RetentionChangePending: Story = {
  args: { typeId: 'call-recording', draft: { retention: { months: 12 } } },
};
/** The stepper stops at what is in use, and says so on the control. */
export const StoppedAtInUse: Story = {
  render: (args) => {
    const adapter = storyAdapter(args);
    const store = sharedStoreFor(adapter);
    void store.load().then((snap) => {
      const voice = snap?.lines.find((l) => l.typeId === 'voice');
      if (voice) store.setCount('voice', voice.inUse);
    });
    return html`<licence-card type-id="voice" .adapter=${adapter}></licence-card>`;
  },
};
/** Another admin raised Voice while this draft was open: the card says so, the draft is kept. */
export const ChangedBySomeoneElse: Story = {
  render: (args) => {
    const adapter = storyAdapter(args);
    const store = sharedStoreFor(adapter);
    void store.load().then(async (snap) => {
      const voice = snap?.lines.find((l) => l.typeId === 'voice');
      if (!snap || !voice) return;
      store.setCount('voice', voice.count + 2);
      await adapter.commit(
        { counts: { voice: voice.count + 5 } },
        { expectedVersion: snap.version, idempotencyKey: 'story-another-admin' },
      );
    });
    return html`<licence-card type-id="voice" .adapter=${adapter}></licence-card>`;
  },
};
/** With `view` permission inside a host that says so once: plain values, no sentence. */
export const ReadOnlyWithoutNote: Story = { args: { permission: 'view', noReadOnlyNote: true } };
export const ReadOnlyCzech: Story = { args: { permission: 'view' }, globals: { lang: 'cs' } };
/** Issue #15: a pending limit below what is used: the planned total, and it stops on save. */
export const SpeechToTextStopsOnSave: Story = {
  args: {
    typeId: 'speech-to-text',
    snapshot: (s) => ({ ...s, speechToText: { ...s.speechToText!, usedMinutes: 5830 } }),
    draft: { speechToText: { limitOverBase: 500 } },
  },
};
/** Issue #15: a stopped Speech-to-Text given room says it resumes when saved. */
export const SpeechToTextResumesOnSave: Story = {
  args: {
    typeId: 'speech-to-text',
    snapshot: (s) => ({ ...s, speechToText: { ...s.speechToText!, usedMinutes: 7000 } }),
    draft: { speechToText: { limitOverBase: 3000 } },
  },
};
/** Issue #15: switched off in the draft, the switch says Off and the limit is inactive. */
export const SpeechToTextOffInDraft: Story = {
  args: { typeId: 'speech-to-text', draft: { speechToText: { enabled: false } } },
};
/** Issue #15: read-only, the switch and the limit are plain values. */
export const SpeechToTextReadOnly: Story = { args: { typeId: 'speech-to-text', permission: 'view' } };

// Issue #20 part 3 (R11): usage alerts on the Speech-to-Text meter.
const sttUsed = (usedMinutes: number) => (s: Parameters<NonNullable<StoryData['snapshot']>>[0]) => ({
  ...s,
  speechToText: { ...s.speechToText!, usedMinutes },
});
/** 5,830 of 7,000 minutes: "Over 75% of the limit used", with a warning icon. */
export const SpeechToTextOver75: Story = { args: { typeId: 'speech-to-text', snapshot: sttUsed(5830) } };
/** 6,400 of 7,000 minutes: "Over 90% of the limit used". */
export const SpeechToTextOver90: Story = { args: { typeId: 'speech-to-text', snapshot: sttUsed(6400) } };
/** The host's thresholds="50,80,100": 5,830 of 7,000 is "Over 80% of the limit used". */
export const SpeechToTextCustomThresholds: Story = {
  args: { typeId: 'speech-to-text', snapshot: sttUsed(5830), thresholds: '50,80,100' },
};
/** Stopped: when it resumes, the estimated limit that keeps it running this month, and "Raise the limit to N (at most … a month)". */
export const SpeechToTextStoppedRaiseTheLimit: Story = {
  args: { typeId: 'speech-to-text', snapshot: sttUsed(7000) },
};
/** Stopped on the 2nd of the month: too early to project, so the limit that resumes it now. */
export const SpeechToTextStoppedEarlyInTheMonth: Story = {
  args: { typeId: 'speech-to-text', snapshot: sttUsed(7000), now: new Date(2026, 10, 2) },
};
export const SpeechToTextStoppedEarlyInTheMonthCzech: Story = {
  args: { typeId: 'speech-to-text', snapshot: sttUsed(7000), now: new Date(2026, 10, 2) },
  globals: { lang: 'cs' },
};
/** Stopped, `view` permission: the same words, no button. */
export const SpeechToTextStoppedReadOnly: Story = {
  args: { typeId: 'speech-to-text', snapshot: sttUsed(7000), permission: 'view' },
};
export const SpeechToTextStoppedCzech: Story = {
  args: { typeId: 'speech-to-text', snapshot: sttUsed(7000) },
  globals: { lang: 'cs' },
};
export const SpeechToTextOver90Dark: Story = {
  args: { typeId: 'speech-to-text', snapshot: sttUsed(6400) },
  globals: { theme: 'dark' },
};
