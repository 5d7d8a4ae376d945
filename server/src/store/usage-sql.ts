// SQL the usage statements share (usage.ts, usage-search.ts, usage-search-split.ts).

/** `LIKE` pattern for "contains `key`". */
export const likePattern = (key: string): string => `%${key.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** An agent as JSON, `email` left out when absent. */
export const agentJson = `jsonb_strip_nulls(jsonb_build_object('id', a.id, 'name', a.name, 'email', a.email, 'licences', to_jsonb(a.licences)))`;
/** Page order: name, then id, byte order (PGlite and PostgreSQL agree whatever their locale). */
export const byKey = `a.name COLLATE "C", a.id COLLATE "C"`;

/**
 * The agents a search finds, $2 the folded key and $3 its LIKE pattern: candidates from the index of
 * the text's pieces (migration 013: all the key's 4-character pieces, or its one piece of three),
 * each decided by `search LIKE`. `indexed: false` for keys of one or two characters (no piece).
 */
export const searchMatch = (indexed = true): string =>
  `${indexed ? 'a.grams @> search_grams($2::text, least(length($2::text), 4))' : "$2::text <> ''"}
     AND a.search LIKE $3 ESCAPE '\\'`;
