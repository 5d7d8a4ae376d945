// Decoders of the usage and installation-licence bodies of the REST contract (docs/openapi.yaml);
// the snapshot's is in snapshot.ts. Each builds a fresh object from the fields it knows, so unknown
// fields a newer server adds are ignored and nothing unchecked reaches the store.

import type { Agent, InstallationLicense, UsagePage } from '../../core/index.js';
import {
  array,
  boolean,
  date,
  nonEmpty,
  object,
  oneOf,
  opt,
  record,
  req,
  string,
  whole,
  withOptional,
} from './fields.js';

export { decodeLicensingSnapshot } from './snapshot.js';

function agent(value: unknown, path: string): Agent {
  const o = object(value, path);
  const result: Agent = {
    id: req(o, 'id', path, nonEmpty),
    name: req(o, 'name', path, string),
    licences: req(o, 'licences', path, array(string)),
  };
  return withOptional(result, 'email', opt(o, 'email', path, string));
}

/**
 * Checks a `GET /licensing/usage` body and returns it as a `UsagePage`.
 * @throws DecodeError naming the first field that does not match the contract.
 */
export function decodeUsagePage(value: unknown): UsagePage {
  const o = object(value, '');
  return {
    total: req(o, 'total', '', whole),
    countsByType: req(o, 'countsByType', '', record(whole)),
    agents: req(o, 'agents', '', array(agent)),
  };
}

const plan = oneOf(['monthly', 'annual']);
const licenceState = oneOf(['active', 'grace', 'deactivated']);
const graceReason = oneOf(['hardware-change', 'late-payment']);

/**
 * Checks a `GET /license` or `PUT /license/key` body and returns it as an `InstallationLicense`.
 * @throws DecodeError naming the first field that does not match the contract.
 */
export function decodeInstallationLicense(value: unknown): InstallationLicense {
  const o = object(value, '');
  // Fields in the order of the type, so the error names the first bad one a reader would find.
  return {
    token: req(o, 'token', '', nonEmpty),
    plan: req(o, 'plan', '', plan),
    expiresAt: req(o, 'expiresAt', '', date),
    staff: req(o, 'staff', '', (v, path) => {
      const staff = object(v, path);
      return {
        users: req(staff, 'users', path, whole),
        agents: req(staff, 'agents', path, whole),
        telephones: req(staff, 'telephones', path, whole),
        mobileAgents: req(staff, 'mobileAgents', path, whole),
      };
    }),
    channels: req(o, 'channels', '', array(string)),
    modules: req(o, 'modules', '', array(string)),
    addOns: req(o, 'addOns', '', array(string)),
    ai: req(o, 'ai', '', array(string)),
    sessions: req(o, 'sessions', '', (v, path) => {
      const sessions = object(v, path);
      return {
        ivrChannels: req(sessions, 'ivrChannels', path, whole),
        channelSessions: req(sessions, 'channelSessions', path, whole),
      };
    }),
    updatesAllowed: req(o, 'updatesAllowed', '', boolean),
    appZone: req(o, 'appZone', '', boolean),
    status: req(o, 'status', '', (v, path) => {
      const status = object(v, path);
      const result: InstallationLicense['status'] = { state: req(status, 'state', path, licenceState) };
      withOptional(result, 'reason', opt(status, 'reason', path, graceReason));
      withOptional(result, 'graceEndsAt', opt(status, 'graceEndsAt', path, date));
      return withOptional(result, 'previousToken', opt(status, 'previousToken', path, string));
    }),
  };
}

/** One agent of a usage page or an assignment's answer (R12). */
export const decodeAgent = agent;
