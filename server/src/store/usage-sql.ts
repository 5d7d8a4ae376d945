// SQL the usage statements share (usage.ts, usage-search.ts, usage-search-split.ts).

/** `LIKE` pattern for "contains `key`". */
export const likePattern = (key: string): string => `%${key.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** An agent as JSON, `email` left out when absent. */
export const agentJson = `jsonb_strip_nulls(jsonb_build_object('id', a.id, 'name', a.name, 'email', a.email, 'licences', to_jsonb(a.licences)))`;
/** Page order: name, then id, byte order (PGlite and PostgreSQL agree whatever their locale). */
export const byKey = `a.name COLLATE "C", a.id COLLATE "C"`;
