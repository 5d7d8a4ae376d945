// R7, R8: whether a usage-based service may run now. A backend answers its host's services with
// this (the reference backend's `GET /licensing/services/{id}/allowed`); the widgets show the
// same stop rules as "stopped until next month".

import { nextPeriodStart } from './period.js';
import { isServiceStopped } from './power-pack.js';
import { isSpeechToTextStopped } from './speech-to-text.js';
import type { LicensingSnapshot } from './types.js';

/** The id under which Speech-to-Text reports use and asks whether it may run. */
export const SPEECH_TO_TEXT = 'speech-to-text';

/** Whether one service may run now, and if not, why and from which day it may again. */
export interface ServiceAllowance {
  readonly service: string;
  readonly allowed: boolean;
  /** `disabled`: switched off (Speech-to-Text, or the whole Power Pack); `limit-reached`: stopped until `resumesOn`. */
  readonly reason?: 'disabled' | 'limit-reached';
  /** The first day of the next billing month (ISO date), when a stopped service runs again. */
  readonly resumesOn?: string;
}

/**
 * R7, R8: whether `service` (`speech-to-text` or a Power Pack service id) may run now, by the stop
 * rules: off is not allowed; a service that used its whole monthly limit stops until the next
 * billing month. `undefined` when the account has no such service.
 */
export function serviceAllowance(snapshot: LicensingSnapshot, service: string): ServiceAllowance | undefined {
  if (service === SPEECH_TO_TEXT) {
    const stt = snapshot.speechToText;
    if (!stt) return undefined;
    if (!stt.enabled) return { service, allowed: false, reason: 'disabled' };
    if (isSpeechToTextStopped(stt)) {
      return {
        service,
        allowed: false,
        reason: 'limit-reached',
        resumesOn: nextPeriodStart(snapshot.period),
      };
    }
    return { service, allowed: true };
  }
  const pp = snapshot.powerPack;
  const found = pp?.services.find((s) => s.id === service);
  if (!pp || !found) return undefined;
  if (!pp.enabled) return { service, allowed: false, reason: 'disabled' };
  if (isServiceStopped(found)) {
    return { service, allowed: false, reason: 'limit-reached', resumesOn: nextPeriodStart(snapshot.period) };
  }
  return { service, allowed: true };
}
