// What the React and Vue example apps say about the events they receive: the host's own text, so
// an integrator (and the end-to-end test) sees the typed events arrive.
import type { ChangeSet } from '../src/core/index.js';

/** How many things a draft changes: licence counts, retention, Speech-to-Text and Power Pack fields. */
export function pendingChanges(draft: ChangeSet): number {
  return (
    Object.keys(draft.counts ?? {}).length +
    (draft.retention ? 1 : 0) +
    Object.keys(draft.speechToText ?? {}).length +
    (draft.powerPack?.enabled === undefined ? 0 : 1) +
    Object.keys(draft.powerPack?.limits ?? {}).length
  );
}

/** The host's line after `licence-change`. */
export const pendingText = (draft: ChangeSet): string => `Pending changes: ${pendingChanges(draft)}`;

/** The host's line after `licence-commit`. */
export const savedText = (version: string): string => `Saved version ${version}`;

/** The host's line before anything happened. */
export const idleText = 'Pending changes: 0';
