// R8 prerequisites, as a status to show next to each Power Pack service at all times (validate()
// warns only about what a draft touches; the page shows every service's standing).

import { POWER_PACK_SERVICES } from './power-pack.js';
import type { ChangeSet, LicensingSnapshot } from './types.js';

/** What a service needs, and whether the account (with the draft applied) has it. */
export type PrerequisiteStatus =
  | { readonly kind: 'email-queues'; readonly met: boolean; readonly emailQueues: number }
  | {
      readonly kind: 'speech-to-text';
      readonly met: boolean;
      /** Whether Speech-to-Text is on once the draft is saved. */
      readonly speechToTextOn: boolean;
      readonly callQueuesWithAiTopics: number;
    }
  | { readonly kind: 'ai-qa-form'; readonly met: boolean; readonly aiQaForms: number };

/**
 * R8: the prerequisite of a Power Pack service: Smart routing needs email queues; AI Topics on call
 * queues needs Speech-to-Text on (met when no call queue uses AI Topics, or STT is on after the
 * draft); AI QA needs a QA form allowed for AI QA. Undefined for services without a known one, or
 * when the backend does not report prerequisites.
 */
export function servicePrerequisite(
  snapshot: LicensingSnapshot,
  draft: ChangeSet,
  serviceId: string,
): PrerequisiteStatus | undefined {
  const p = snapshot.prerequisites;
  if (!p) return undefined;
  switch (serviceId) {
    case POWER_PACK_SERVICES.smartRouting:
      return { kind: 'email-queues', met: p.emailQueues > 0, emailQueues: p.emailQueues };
    case POWER_PACK_SERVICES.aiTopics: {
      const speechToTextOn = draft.speechToText?.enabled ?? snapshot.speechToText?.enabled ?? false;
      return {
        kind: 'speech-to-text',
        met: p.callQueuesWithAiTopics === 0 || speechToTextOn,
        speechToTextOn,
        callQueuesWithAiTopics: p.callQueuesWithAiTopics,
      };
    }
    case POWER_PACK_SERVICES.aiQa:
      return { kind: 'ai-qa-form', met: p.aiQaForms > 0, aiQaForms: p.aiQaForms };
    default:
      return undefined;
  }
}
