// Assignments on the reference backend (R12, docs/openapi.yaml): the selection resolved inside the
// transaction (agent ids, or every agent the usage filter matches, as the overview pages them),
// judged with `planAssignment` and applied with `applyAssignment` / `assignedLicences` from the
// rule book; never a rule restated here. The caller holds the account lock (handlers: the same
// transaction, lock and version check as a commit).
import {
  MAX_ASSIGNMENT_AGENTS,
  applyAssignment,
  assignedLicences,
  planAssignment,
  type Agent,
  type AgentAssignment,
  type AssignmentAction,
  type AssignmentProblem,
  type AssignmentSelection,
  type LicensingSnapshot,
} from '../../../src/core/index.js';
import type { Sql } from '../db/database.js';
import { HttpProblem, problemTypes } from '../http/problem.js';
import { versionLabel, writeSnapshot } from './snapshot.js';
import { listUsage, MAX_PAGE } from './usage.js';

/** One assignment as the body asked for it. */
export interface AssignmentAsked {
  readonly action: AssignmentAction;
  readonly typeId: string;
  readonly selection: AssignmentSelection;
  readonly alsoLinked: boolean;
}

/** The answer of `POST /licensing/assignments`. */
export interface AssignmentAnswer {
  readonly snapshot: LicensingSnapshot;
  readonly agents: readonly Agent[];
  /** What each of them gained and lost (R12's plan), so a client can undo it exactly. */
  readonly changes: readonly AgentAssignment[];
}

/** R12's refusal, as the 422 the contract documents. */
function refused(problems: readonly AssignmentProblem[]): HttpProblem {
  return new HttpProblem(422, {
    type: problemTypes.validation,
    detail: 'The assignment breaks a rule; nothing was changed.',
    extensions: { issues: [], problems },
  });
}

interface AgentRow {
  id: string;
  name: string;
  email: string | null;
  licences: string[];
}

const agentOf = (row: AgentRow): Agent => ({
  id: row.id,
  name: row.name,
  ...(row.email === null ? {} : { email: row.email }),
  licences: row.licences,
});

/** The agents the selection names, as they are now; unknown ids and too many are refused. */
async function selected(sql: Sql, accountId: string, selection: AssignmentSelection): Promise<Agent[]> {
  if ('agentIds' in selection) {
    const ids = [...new Set(selection.agentIds)];
    const rows = await sql.query<AgentRow>(
      'SELECT id, name, email, licences FROM agents WHERE account_id = $1 AND id = ANY($2::text[]) ORDER BY id',
      [accountId, ids],
    );
    const found = new Set(rows.map((row) => row.id));
    const unknown = ids.filter((id) => !found.has(id));
    if (unknown.length) throw refused([{ code: 'unknown-agents', agentIds: unknown }]);
    return rows.map(agentOf);
  }
  // "All N matching": the overview's own query, paged through within this transaction.
  const filter = selection.query;
  const agents: Agent[] = [];
  for (let offset = 0; ; offset += MAX_PAGE) {
    const page = await listUsage(sql, accountId, { ...filter, offset, limit: MAX_PAGE });
    if (page.total > MAX_ASSIGNMENT_AGENTS) {
      throw refused([{ code: 'too-many-agents', requested: page.total, max: MAX_ASSIGNMENT_AGENTS }]);
    }
    agents.push(...page.agents);
    if (page.agents.length < MAX_PAGE || agents.length >= page.total) return agents;
  }
}

/**
 * Judges and applies one assignment on `before` (at `version`, the account locked): the agents'
 * licences, the lines' in-use, the version moved when anything changed, and one row in
 * assignment_log. Throws the 422 of R12 when refused.
 */
export async function applyAssignmentAsked(
  sql: Sql,
  accountId: string,
  who: { readonly name: string; readonly key: string; readonly at: Date },
  before: LicensingSnapshot,
  version: number,
  asked: AssignmentAsked,
): Promise<AssignmentAnswer> {
  const agents = await selected(sql, accountId, asked.selection);
  const plan = planAssignment(before, asked.typeId, agents, asked.action, { alsoLinked: asked.alsoLinked });
  if (plan.problems.length) throw refused(plan.problems);
  const byId = new Map(agents.map((agent) => [agent.id, agent]));
  const changed = plan.changes.map((change) => {
    const agent = byId.get(change.agentId)!;
    return { ...agent, licences: assignedLicences(agent.licences, change) };
  });
  if (changed.length === 0) return { snapshot: before, agents: [], changes: [] };
  // One statement for every agent (the counts' triggers see them as one change).
  await sql.query(
    `UPDATE agents a SET licences = v.licences
       FROM jsonb_to_recordset($2::text::jsonb) AS v(id text, licences text[])
      WHERE a.account_id = $1 AND a.id = v.id`,
    [accountId, JSON.stringify(changed.map(({ id, licences }) => ({ id, licences })))],
  );
  const after: LicensingSnapshot = { ...applyAssignment(before, plan), version: versionLabel(version + 1) };
  await writeSnapshot(sql, accountId, after, version + 1);
  await sql.query(
    `INSERT INTO assignment_log (account_id, at, user_name, idempotency_key, action, type_id, also_linked,
                                 agents, agent_ids, in_use_delta, version_before, version_after)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::text::jsonb, $10::text::jsonb, $11, $12)`,
    [
      accountId,
      who.at.toISOString(),
      who.name,
      who.key,
      asked.action,
      asked.typeId,
      asked.alsoLinked,
      changed.length,
      JSON.stringify(changed.map((agent) => agent.id)),
      JSON.stringify({ ...plan.inUseDelta }),
      version,
      version + 1,
    ],
  );
  return { snapshot: after, agents: changed, changes: plan.changes };
}
