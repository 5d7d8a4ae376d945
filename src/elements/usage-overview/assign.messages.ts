// Intl directly, not i18n/format.js: sharing it with the overview's chunk would cost every page bytes.
const numbers = new Intl.NumberFormat('en');
const rules = new Intl.PluralRules('en');
const n = (value: number) => numbers.format(value);
const plural = (count: number, _lang: 'en', forms: { one: string; other: string }) =>
  rules.select(count) === 'one' ? forms.one : forms.other;
const agents = (count: number) =>
  plural(count, 'en', { one: `${n(count)} agent`, other: `${n(count)} agents` });
const licences = (count: number, type: string) =>
  plural(count, 'en', { one: `${n(count)} ${type} licence`, other: `${n(count)} ${type} licences` });

/**
 * What `usage-overview` says while an `update` user assigns and frees licences (section
 * `usage-assign`), in English. Loaded with the selection's code, on first use.
 */
export const messages = {
  /** The selection column's checkbox, for one agent. */
  select: (name: string) => `Select ${name}`,
  /** The selection toolbar's accessible name. */
  toolbarLabel: 'Selected agents',
  /** The polite live count of the toolbar. */
  selected: (count: number) => `${n(count)} selected`,
  /** "Select all N matching", then one unticked: only the agents loaded so far stay selected. */
  selectedLoaded: (count: number, total: number) =>
    `${n(count)} of ${n(total)} selected: only the agents loaded so far stay selected`,
  selectAll: (count: number) => `Select all ${n(count)} matching`,
  clear: 'Clear selection',
  /** The type the toolbar acts on, when the overview shows every type. */
  typeLabel: 'Licence',
  remove: (type: string, count: number) => `Remove ${type} licence from ${agents(count)}`,
  assign: (type: string, count: number) => `Assign ${type} to ${agents(count)}`,
  /** Licences of the type not in use now (count − in use, R12). */
  available: (type: string, count: number) => `${licences(count, type)} available`,
  /**
   * With a count pending in the cart (R12 `availability`): free now (saved count − in use) and once
   * the pending `to` is saved; `reduce` when it is a reduction.
   */
  availablePending: (type: string, now: number, after: number, to: number, reduce: boolean) =>
    `${licences(now, type)} available now; ${n(after)} once the ${reduce ? 'reduction' : 'increase'} to ${n(to)} is saved`,
  /** The assign button is off: more agents without the type are selected than licences are free. */
  notEnough: (type: string, count: number, free: number) =>
    `You selected ${agents(count)} without ${type}, ${free ? `and only ${licences(free, type)} ${free === 1 ? 'is' : 'are'} available` : `and no ${type} licences are available`}: select fewer or add licences in the cart first.`,
  // The confirmation
  removeTitle: (type: string, count: number) => `Remove ${type} licence from ${agents(count)}?`,
  assignTitle: (type: string, count: number) => `Assign ${type} to ${agents(count)}?`,
  /** What happens, in words: who, then a `inUseLine` per type that moves, then `sameBill`. */
  removeWho: (type: string, count: number) => `${type} will be removed from ${agents(count)}.`,
  assignWho: (type: string, count: number) => `${type} will be assigned to ${agents(count)}.`,
  /** `inUse` and `after` are the type's licences in use before and after, of `total` set. */
  inUseLine: (type: string, inUse: number, after: number, total: number) =>
    `${type} licences in use go from ${n(inUse)} to ${n(after)} of ${n(total)}.`,
  sameBill: 'The number of licences you pay for does not change.',
  /** Assigning now takes the type's pending count (`to`) below in use: `count` would have to be freed. */
  undoesReduction: (type: string, to: number, count: number) =>
    `This undoes your pending reduction to ${n(to)}: ${licences(count, type)} would then have to be freed before it can be saved.`,
  confirmRemove: 'Remove',
  confirmAssign: 'Assign',
  cancel: 'Cancel',
  working: 'Saving…',
  /** R12 refused: `dependent` needs `type`, and `count` of the selected agents hold `dependent`. */
  needsRemove: (dependent: string, type: string, count: number) =>
    `${dependent} needs ${type}: ${plural(count, 'en', { one: `${n(count)} of these agents holds`, other: `${n(count)} of these agents hold` })} ${dependent}. Remove ${dependent} from them too?`,
  /** R12 refused: `type` needs `required`, and `count` of the selected agents lack it. */
  needsAssign: (type: string, required: string, count: number) =>
    `${type} needs ${required}: ${plural(count, 'en', { one: `${n(count)} of these agents has`, other: `${n(count)} of these agents have` })} no ${required}. Assign ${required} to them too?`,
  removeBoth: (type: string, dependent: string) => `Remove ${type} and ${dependent}`,
  assignBoth: (type: string, required: string) => `Assign ${required} and ${type}`,
  /** Any other refusal or failure; the selection is kept. */
  failed: 'Nothing was changed.',
  // The toast
  removed: (type: string, count: number) => `Removed ${type} from ${agents(count)}`,
  assigned: (type: string, count: number) => `Assigned ${type} to ${agents(count)}`,
  /** "Both": `linked` was freed too, from `linkedCount` of the `count` agents that lost `type`. */
  removedBoth: (type: string, count: number, linked: string, linkedCount: number) =>
    linkedCount === count
      ? `Removed ${type} and ${linked} from ${agents(count)}`
      : `Removed ${type} from ${agents(count)} and ${linked} from ${n(linkedCount)} of them`,
  /** "Both": `linked` (which `type` needs) was given too, to `linkedCount` of the `count` agents. */
  assignedBoth: (type: string, count: number, linked: string, linkedCount: number) =>
    linkedCount === count
      ? `Assigned ${linked} and ${type} to ${agents(count)}`
      : `Assigned ${type} to ${agents(count)} and ${linked} to ${n(linkedCount)} of them`,
  undo: 'Undo',
  /** After Undo of a removal: the agents hold `type` again (and `linked`, "both", `linkedCount` of them). */
  undoneRemove: (type: string, count: number, linked: string, linkedCount: number) =>
    `Undone: ${type} is back for ${agents(count)}${linked ? `, ${linked} for ${n(linkedCount)} of them` : ''}`,
  /** After Undo of an assignment: the agents no longer hold `type` (nor `linked`, "both"). */
  undoneAssign: (type: string, count: number, linked: string, linkedCount: number) =>
    `Undone: ${type} is taken back from ${agents(count)}${linked ? `, ${linked} from ${n(linkedCount)} of them` : ''}`,
  // The banner of a blocked reduction (R3's mustFree)
  mustFree: (type: string, count: number, to: number) =>
    `Free ${licences(count, type)} to reduce to ${n(to)}`,
  freed: (type: string, to: number) =>
    `Enough ${type} licences are free: the reduction to ${n(to)} can be saved.`,
  backToCart: 'Back to the cart',
};

export type AssignMessages = typeof messages;
