// The usage search rule: a query matches an agent when, folded, it is part of the agent's folded
// name or email. Folding is lower case without accents, so "novakova" finds "Nováková" and
// "ANNA" finds "anna@example.com". The memory backend, the demo data and the conformance suite all
// fold with this one function, so what the demo finds is what the suite expects of a backend.

import type { Agent } from './types.js';

/**
 * Lower case without accents: canonical decomposition (NFD), every combining mark dropped, then
 * lower case. `'Nováková'` → `'novakova'`, `'Ångström'` → `'angstrom'`. Letters that do not
 * decompose (`ł`, `ø`, `ß`) are kept as they are.
 */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * The text a usage search looks in for `agent`: name and email, folded, on two lines (so a query
 * never matches across the end of the name and the start of the email). Worth computing once per
 * agent when many searches run over the same agents.
 */
export function agentSearchText(agent: Pick<Agent, 'name' | 'email'>): string {
  return foldForSearch(`${agent.name}\n${agent.email ?? ''}`);
}

/** A search query as it is matched: trimmed and folded. `''` matches every agent. */
export function searchKey(query: string): string {
  return foldForSearch(query.trim());
}

/** Whether a usage search for `query` finds `agent`: its folded name or email contains it. */
export function agentMatchesSearch(agent: Pick<Agent, 'name' | 'email'>, query: string): boolean {
  return agentSearchText(agent).includes(searchKey(query));
}
