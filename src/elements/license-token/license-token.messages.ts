import type { LicenseKeyRefusal } from '../../core/index.js';
import { formatNumber, plural } from '../../i18n/format.js';

const n = (value: number) => formatNumber(value, 'en');

/** Why a licence is in its grace period or deactivated (`status.reason`), in words. */
export type LicenceStatusReason = 'hardware-change' | 'late-payment';

/** What `license-token` says (section `license-token`), in English. */
export const messages = {
  heading: 'Licence token',
  description:
    'The unique ID of this server. Give it to the licensing team whenever you ask for a licence change; support requests need it too.',
  tokenLabel: 'Token',
  tokenHint: 'Click the token to copy it.',
  copy: 'Copy',
  /** The copy button's accessible name; its visible text (`copy`) must stay part of it. */
  copyToken: 'Copy token',
  copied: 'Token copied to the clipboard.',
  /** `keys`: "Ctrl+C" or "Cmd+C". */
  copyManually: (keys: string) =>
    `The browser did not allow copying. The token is selected: press ${keys} to copy it.`,
  loadFailed: 'The installation licence could not be loaded.',
  notAvailable: 'The installation licence is not available here.',
  opensInNewTab: '(opens in a new tab)',

  // Manual update (the product's "blue pencil icon", R10 in docs/rules.md).
  updateManually: 'Update licence manually',
  updateHeading: 'Update the licence manually',
  keyLabel: 'Licence from the licensing team',
  keyHint:
    'Paste the licence exactly as the licensing team sent it. Use this when the automatic update fails.',
  keyEmpty: 'Paste the licence first.',
  keyRefused: (reason: string) => `The licence was not applied: ${reason}`,
  /** Why a key was refused, by the server's reason code; an unknown code shows the server's words. */
  refusals: {
    malformed: 'This is not a licence key. Paste it exactly as the licensing team sent it.',
    unsigned: 'The licence key is not signed. Paste all of it, exactly as sent.',
    'bad-signature': 'The licence key was changed after it was signed. Copy it again from the message.',
    expired: 'The licence key has expired. Ask the licensing team for a new one.',
    'wrong-token': 'The licence key is for another server. Ask for one for this server’s token.',
  } satisfies Record<LicenseKeyRefusal, string>,
  apply: 'Apply',
  applying: 'Applying…',
  cancel: 'Cancel',
  applied: (plan: string, date: string) => `Licence updated: ${plan} plan, valid until ${date}.`,
  plans: { monthly: 'monthly', annual: 'annual' } as Record<string, string>,
  updateUnavailable: 'Manual licence update is not available here.',

  // Licence log file.
  downloadLog: 'Download licence log file',
  /** R10's confirmation, with the UI's spelling of the noun (docs/architecture.md, naming). */
  logDownloaded: 'Licence log file downloaded!',
  logFailed: (why: string) => `The licence log file could not be downloaded. ${why}`,
  logUnavailable: 'The licence log file is not available here.',

  // Grace period and deactivation (R10).
  graceHeading: (daysLeft: number | undefined) =>
    daysLeft === undefined
      ? 'Grace period'
      : daysLeft === 0
        ? 'Grace period: it has ended'
        : daysLeft === 1
          ? 'Grace period: last day'
          : `Grace period: ${plural(daysLeft, 'en', { one: `${n(daysLeft)} day`, other: `${n(daysLeft)} days` })} left of 7`,
  graceUntil: (date: string) =>
    `The licence keeps working until ${date}; then it is deactivated unless the licensing team reactivates it.`,
  graceEnded: (date: string) =>
    `The grace period ended on ${date}: the licence is deactivated unless the licensing team reactivates it.`,
  graceLasts:
    'The licence keeps working for 7 days; then it is deactivated unless the licensing team reactivates it.',
  why: 'Why:',
  whatToDo: 'What to do:',
  reasons: {
    'hardware-change':
      'the server changed (CPU, memory, disk, IP address, hostname, MAC address or network), so its token no longer matches the licence, and the licensing team was not told of the change.',
    'late-payment': 'a payment is overdue.',
  } satisfies Record<LicenceStatusReason, string>,
  graceTellTeam: {
    before: 'tell the licensing team on the ',
    link: 'support portal',
    after: ' before the grace period ends, so they can check what changed.',
  },
  gracePay: {
    before: 'make the payment, or tell the licensing team on the ',
    link: 'support portal',
    after: ', before the grace period ends.',
  },
  moveHeading: 'Move the licence to the new token',
  /** The portal's request type is quoted by its own name, so it keeps the portal's spelling. */
  moveSteps:
    'On the support portal choose “Move License to a New Token (Grace Period)” and enter the old and the new token (this server’s, above).',
  oldToken: 'Old token',
  oldTokenUnknown: 'the token the licence was issued for (it is in the licensing team’s messages to you)',
  newToken: 'New token (this server)',
  copyOldToken: 'Copy old token',
  copyNewToken: 'Copy new token',
  deactivatedHeading: 'The licence is deactivated',
  reactivate: {
    before: 'To reactivate it, contact the licensing team on the ',
    link: 'support portal',
    after: ' and give them this server’s token.',
  },
};

export type LicenseTokenMessages = typeof messages;
