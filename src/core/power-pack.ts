// R8 Power Pack (docs/rules.md): "Enter the maximum number of Power Packs you want to spend per
// service. Once you have used the selected number, the specific service will stop working until the
// subsequent month." Prerequisites: "Set up Smart routing in your email queues", "Set up AI Topics
// in any queue types. For calls, you must also have Speech-to-Text turned on", "Set up AI QA in
// Manage → Settings → QA Forms by allowing the use of a form for AI QA".

import { add, multiply, zero } from './money.js';
import { stopOnSave, type StopOnSave } from './period.js';
import { capped, UNLIMITED, type SpendCap } from './pricing.js';
import type { PowerPack, PowerPackService } from './types.js';

/**
 * R8: the ids of the services whose prerequisites the rule book knows. Other services are data: they
 * get limits, meters and caps, but no prerequisite check.
 */
export const POWER_PACK_SERVICES = Object.freeze({
  smartRouting: 'smart-routing',
  aiTopics: 'ai-topics',
  aiQa: 'ai-qa',
} as const);

/**
 * R8: whether a service has stopped until next month: it has a limit and used all of it. A limit of
 * 0 therefore stops the service at once.
 */
export function isServiceStopped(service: Pick<PowerPackService, 'limit' | 'used'>): boolean {
  return service.limit !== null && service.used >= service.limit;
}

/**
 * R8: whether a service of `powerPack` is stopped until next month, as a user sees it: the Power
 * Pack is on and the service has used all of its limit. Switched off, nothing is "stopped".
 */
export function isPowerPackServiceStopped(
  powerPack: Pick<PowerPack, 'enabled'>,
  service: Pick<PowerPackService, 'limit' | 'used'>,
): boolean {
  return powerPack.enabled && isServiceStopped(service);
}

/**
 * R8: what saving the draft does to one service's stop, from the loaded Power Pack and service
 * (`saved`, `service`) and the planned ones (the store's `planned`): a service at its limit whose
 * limit is raised `resumes`; one lowered to what it already used `stops` as soon as it is saved.
 */
export function powerPackServiceOnSave(
  saved: Pick<PowerPack, 'enabled'>,
  service: Pick<PowerPackService, 'limit' | 'used'>,
  planned: Pick<PowerPack, 'enabled'>,
  plannedService: Pick<PowerPackService, 'limit' | 'used'>,
): StopOnSave {
  return stopOnSave(
    isPowerPackServiceStopped(saved, service),
    isPowerPackServiceStopped(planned, plannedService),
    planned.enabled,
  );
}

/** R8: the most one service can cost in a month: limit × pack price; no cap without a limit; nothing when off. */
export function powerPackServiceMaxSpend(
  powerPack: Pick<PowerPack, 'enabled' | 'packPrice'>,
  limit: number | null,
): SpendCap {
  if (!powerPack.enabled) return capped(zero(powerPack.packPrice.currency));
  if (limit === null) return UNLIMITED;
  return capped(multiply(powerPack.packPrice, limit));
}

/** R8: the most the Power Pack can cost in a month: the sum of its services' caps; no cap if any service has none. */
export function powerPackMaxSpend(powerPack: PowerPack): SpendCap {
  let total = zero(powerPack.packPrice.currency);
  for (const service of powerPack.services) {
    const cap = powerPackServiceMaxSpend(powerPack, service.limit);
    if (cap.kind === 'unlimited') return UNLIMITED;
    total = add(total, cap.amount);
  }
  return capped(total);
}
