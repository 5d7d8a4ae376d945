/** What the "Couldn't refresh" notice says (section `refresh`), in English. */
export const messages = {
  /** `time`: when the data shown arrived, e.g. "10:42" (with the date when not today). */
  failed: (time: string) => `Couldn’t refresh — showing data from ${time}.`,
  retrying: 'Refreshing…',
};

export type RefreshMessages = typeof messages;
