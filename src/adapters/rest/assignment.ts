// The assignments of the REST contract (docs/openapi.yaml, R12): `POST /licensing/assignments`
// with `If-Match` and `Idempotency-Key` as a commit, answering the new snapshot and the agents that
// changed. A server without the route (404, 501) makes them a `NotSupportedError`, so the overview
// stays read-only; `assignment: false` leaves the methods out from the start.
import type { AssignmentAction, AssignmentSelection, LicensingSnapshot } from '../../core/index.js';
import type { AssignOptions, AssignmentResult } from '../adapter.js';
import { decodeAgent, decodeLicensingSnapshot } from '../decode/bodies.js';
import { array, object, req } from '../decode/fields.js';
import { NotSupportedError, toLicensingError } from '../errors.js';
import type { RequestCall, RequestSender } from './requests.js';

/**
 * Checks an assignment's answer.
 * @throws DecodeError naming the first field that does not match the contract.
 */
export function decodeAssignmentResult(value: unknown): AssignmentResult {
  const o = object(value, '');
  const snapshot: LicensingSnapshot = req(o, 'snapshot', '', (v) => decodeLicensingSnapshot(v));
  return { snapshot, agents: req(o, 'agents', '', array(decodeAgent)) };
}

/** `assign` and `unassign` over `send` (the adapter's exchange). */
export function restAssignment(send: RequestSender) {
  const call = async (
    action: AssignmentAction,
    typeId: string,
    selection: AssignmentSelection,
    options: AssignOptions,
  ): Promise<AssignmentResult> => {
    const request: RequestCall = {
      method: 'POST',
      path: '/licensing/assignments',
      body: JSON.stringify({ action, typeId, ...selection, alsoLinked: options.alsoLinked ?? false }),
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
      if (error.kind === 'not-found') {
        throw new NotSupportedError('Assigning licences is not available here.', { cause: error });
      }
      throw thrown;
    }
  };
  return {
    assign: (typeId: string, selection: AssignmentSelection, options: AssignOptions) =>
      call('assign', typeId, selection, options),
    unassign: (typeId: string, selection: AssignmentSelection, options: AssignOptions) =>
      call('unassign', typeId, selection, options),
  };
}
