// R1 permissions (docs/rules.md). The Accesses screen: "Access" lets a user view the current licences,
// "Update" lets them add and remove licences; without either the module is not shown at all.

import type { Permission } from './types.js';

/**
 * R1: whether the user may see the licensing data. `none` shows only "no access to licensing, ask
 * an administrator (check Accesses)".
 */
export function canView(permission: Permission): boolean {
  return permission === 'view' || permission === 'update';
}

/**
 * R1: whether the user may change anything. With `view` every control that changes something is
 * disabled and the store refuses every change; `validate` reports `permission-denied`.
 */
export function canEdit(permission: Permission): permission is 'update' {
  return permission === 'update';
}

/**
 * R1: whether the user may draft a change and send it as a request (an `update` user reviews it
 * and saves it, or declines it). `view` may draft a request, never commit one: `canEdit` stays
 * false, `validate` still reports `permission-denied`, and the backend refuses the commit.
 */
export function canRequest(permission: Permission): permission is 'view' {
  return permission === 'view';
}
