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
