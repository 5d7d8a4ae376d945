// The assignments of the REST contract (docs/openapi.yaml, R12): `POST /licensing/assignments`
// with `If-Match` and `Idempotency-Key` as a commit, answering the new snapshot and the agents that
// changed. A server without the route (501, or a 404 not of the route's own problem type) makes
// them a `NotSupportedError` and takes them off the adapter, so the overview turns read-only;
// `assignment: false` leaves the methods out from the start.
import type {
  AgentAssignment,
  AssignmentAction,
  AssignmentSelection,
  LicensingSnapshot,
} from '../../core/index.js';
import type { AssignOptions, AssignmentResult } from '../adapter.js';
import { decodeAgent, decodeLicensingSnapshot } from '../decode/bodies.js';
import { array, nonEmpty, object, req } from '../decode/fields.js';
import { NotSupportedError, toLicensingError } from '../errors.js';
import type { RestNotFoundError } from './problem.js';
import type { RequestCall, RequestSender } from './requests.js';

/** One agent's change of an assignment's answer (R12's `AgentAssignment`). */
function decodeAgentAssignment(value: unknown, path: string): AgentAssignment {
  const o = object(value, path);
  return {
    agentId: req(o, 'agentId', path, nonEmpty),
    add: req(o, 'add', path, array(nonEmpty)),
    remove: req(o, 'remove', path, array(nonEmpty)),
  };
}

/**
 * Checks an assignment's answer.
 * @throws DecodeError naming the first field that does not match the contract.
 */
export function decodeAssignmentResult(value: unknown): AssignmentResult {
  const o = object(value, '');
  const snapshot: LicensingSnapshot = req(o, 'snapshot', '', (v) => decodeLicensingSnapshot(v));
  const agents = req(o, 'agents', '', array(decodeAgent));
  return { snapshot, agents, changes: req(o, 'changes', '', array(decodeAgentAssignment)) };
}

/** The selection as the contract has it: a usage query's page (offset, limit) is not part of it. */
function wire(selection: AssignmentSelection): AssignmentSelection {
  if ('agentIds' in selection) return { agentIds: selection.agentIds };
  const { typeId, search } = selection.query;
  return { query: { ...(typeId ? { typeId } : {}), ...(search ? { search } : {}) } };
}

/** The problem type of a 404 the route itself sends (the account is gone), docs/openapi.yaml. */
const NOT_FOUND_TYPE = 'urn:licence-kit:problem:not-found';

/**
 * `assign` and `unassign` over `send` (the adapter's exchange); `withdraw` takes them off the
 * adapter once the server shows it has no such route.
 */
export function restAssignment(send: RequestSender, withdraw: () => void) {
  const call = async (
    action: AssignmentAction,
    typeId: string,
    selection: AssignmentSelection,
    options: AssignOptions,
  ): Promise<AssignmentResult> => {
    const request: RequestCall = {
      method: 'POST',
      path: '/licensing/assignments',
      body: JSON.stringify({ action, typeId, ...wire(selection), alsoLinked: options.alsoLinked ?? false }),
      headers: {
        'Content-Type': 'application/json',
        'If-Match': `"${options.expectedVersion}"`,
        'Idempotency-Key': options.idempotencyKey,
      },
      // Retried like a commit: the key makes a repeat return the first answer.
      retry: 'commit',
      read: 'text',
      signal: options.signal,
    };
    try {
      return await send(request, decodeAssignmentResult);
    } catch (thrown) {
      const error = toLicensingError(thrown);
      // 501, or a 404 that is not the route's own (a server without the route): the methods go, so
      // `canAssign` turns false and the overview is read-only. "The account no longer exists" stays.
      const noRoute =
        error.kind === 'not-supported' ||
        (error.kind === 'not-found' && (error as RestNotFoundError).problemType !== NOT_FOUND_TYPE);
      if (!noRoute) throw thrown;
      withdraw();
      throw new NotSupportedError('Assigning licences is not available here.', { cause: error });
    }
  };
  return {
    assign: (typeId: string, selection: AssignmentSelection, options: AssignOptions) =>
      call('assign', typeId, selection, options),
    unassign: (typeId: string, selection: AssignmentSelection, options: AssignOptions) =>
      call('unassign', typeId, selection, options),
  };
}
