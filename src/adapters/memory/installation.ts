// The installation licence as the memory adapter serves it: a licence key applied to the current
// licence (read and checked by license-key.ts) and the log file a download hands out. Pure helpers,
// kept apart from memory-adapter.ts, which only stores what they return and says who may ask.
import type { InstallationLicense } from '../../core/index.js';
import type { DownloadedFile } from '../adapter.js';
import { ValidationError } from '../errors.js';
import { readLicenseKey } from './license-key.js';

/**
 * The licence after `key` is applied to `current` at `now` (ms).
 * @throws ValidationError with the key's `reason` when it is refused.
 */
export function licenceWithKey(current: InstallationLicense, key: string, now: number): InstallationLicense {
  const read = readLicenseKey(key, { token: current.token, now });
  if (!read.ok) {
    throw new ValidationError('The licence key was refused.', { detail: read.detail, reason: read.reason });
  }
  // The key's token matched (readLicenseKey checked it): the installation keeps its own.
  return { ...current, ...read.fields, token: current.token, status: { state: 'active' } };
}

/** The licence check's log as of `now`, named after its day. */
export function licenceLogFile(licence: InstallationLicense, now: Date): DownloadedFile {
  const lines = [
    `${now.toISOString()} licence check: ${licence.status.state}`,
    `token ${licence.token}`,
    `plan ${licence.plan}, expires ${licence.expiresAt}`,
    `staff users=${licence.staff.users} agents=${licence.staff.agents} telephones=${licence.staff.telephones} mobile=${licence.staff.mobileAgents}`,
  ];
  return {
    filename: `license-${now.toISOString().slice(0, 10)}.log`,
    blob: new Blob([lines.join('\n') + '\n'], { type: 'text/plain' }),
  };
}
