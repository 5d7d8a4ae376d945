import { agentMatchesSearch, type ChangeSet, type LicensingSnapshot } from '../core/index.js';
import type { LicensingAdapter } from '../adapters/adapter.js';
import { DecodeError } from '../adapters/decode/fields.js';
import { decodeLicensingSnapshot } from '../adapters/decode/snapshot.js';
import { LicensingError } from '../adapters/errors.js';
import { describeHistoryConformance } from './history-conformance.js';
import { describeAssignmentConformance } from './assignment-conformance.js';

/** The two functions of your test framework the suite needs (mocha, jasmine, vitest, node:test…). */
export interface SuiteFunctions {
  describe(name: string, body: () => void): void;
  it(name: string, body: () => Promise<void>): void;
}

export interface ConformanceOptions extends SuiteFunctions {
  /** Shown in the suite's title. */
  name: string;
  /**
   * Returns an adapter on a fresh backend for each test: the signed-in user has `update`
   * permission, and at least one licence type has licences in use and at least one agent exists.
   */
  create(): LicensingAdapter | Promise<LicensingAdapter>;
  /**
   * Optional: an adapter on a fresh backend where the signed-in user has `view` permission only.
   * With it, the suite checks that such a user cannot commit (nor, with `licenseKey`, apply a key).
   */
  viewOnly?(): LicensingAdapter | Promise<LicensingAdapter>;
  /**
   * Optional, with `viewOnly`: a licence key the backend would accept from a user with `update`;
   * the suite checks that `applyLicenseKey` refuses it to the `view` user with a `PermissionError`.
   */
  licenseKey?: string;
}

class ConformanceFailure extends Error {
  override name = 'ConformanceFailure';
}

function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new ConformanceFailure(message);
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new ConformanceFailure('expected the call to reject, but it resolved');
}

function key(): string {
  return `conformance-${Math.random().toString(36).slice(2)}-${Date.now()}`;
}

/** A line that can take one more licence, and the count that adds it. */
function raisable(snapshot: LicensingSnapshot): { typeId: string; count: number } {
  for (const line of snapshot.lines) {
    const type = snapshot.catalog.find((t) => t.id === line.typeId);
    if (!type) continue;
    const required = type.requires && snapshot.lines.find((l) => l.typeId === type.requires);
    if (required && required.count <= line.count) continue;
    if (type.max === undefined || line.count < type.max)
      return { typeId: line.typeId, count: line.count + 1 };
  }
  throw new ConformanceFailure('the fixture has no licence type whose count can be raised by one');
}

/**
 * The adapter conformance suite: what every `LicensingAdapter` must do for the widgets to work.
 * licence-kit runs it against `MemoryAdapter` and `RestAdapter`; run it against yours:
 *
 * ```ts
 * import { describeAdapterConformance } from 'licence-kit/testing.js';
 * describeAdapterConformance({ name: 'my adapter', create: () => new MyAdapter(freshBackend()), describe, it });
 * ```
 */
export function describeAdapterConformance(options: ConformanceOptions): void {
  const { name, create, describe, it } = options;
  describe(`LicensingAdapter conformance: ${name}`, () => {
    it('load() returns a snapshot with a version, a permission and a line per catalog type', async () => {
      const snapshot = await (await create()).load();
      check(
        typeof snapshot.version === 'string' && snapshot.version !== '',
        'version must be a non-empty string',
      );
      check(
        ['none', 'view', 'update'].includes(snapshot.permission),
        `permission "${snapshot.permission}" is not none/view/update`,
      );
      for (const line of snapshot.lines) {
        check(
          snapshot.catalog.some((t) => t.id === line.typeId),
          `line ${line.typeId} has no catalog type`,
        );
        check(
          Number.isInteger(line.count) && Number.isInteger(line.inUse) && Number.isInteger(line.peak),
          `line ${line.typeId} must hold whole numbers`,
        );
      }
      for (const type of snapshot.catalog) {
        check(
          Number.isInteger(type.unitPrice.amount),
          `${type.id}: unitPrice.amount must be integer minor units`,
        );
      }
    });

    it('commit() applies the change set and returns a snapshot with a new version', async () => {
      const adapter = await create();
      const before = await adapter.load();
      const { typeId, count } = raisable(before);
      const after = await adapter.commit(
        { counts: { [typeId]: count } },
        { expectedVersion: before.version, idempotencyKey: key() },
      );
      check(after.version !== before.version, 'the version must change on a commit');
      check(
        after.lines.find((l) => l.typeId === typeId)?.count === count,
        `the count of ${typeId} must be ${count}`,
      );
      const reloaded = await adapter.load();
      check(reloaded.version === after.version, 'load() after a commit must return the committed version');
    });

    it('commit() with a stale expectedVersion rejects with a conflict and changes nothing', async () => {
      const adapter = await create();
      const before = await adapter.load();
      const { typeId, count } = raisable(before);
      const error = await rejection(
        adapter.commit(
          { counts: { [typeId]: count } },
          { expectedVersion: `${before.version}-stale`, idempotencyKey: key() },
        ),
      );
      check(
        error instanceof LicensingError && error.kind === 'conflict',
        `expected a ConflictError, got ${String(error)}`,
      );
      const after = await adapter.load();
      check(after.version === before.version, 'a refused commit must not change the version');
    });

    it('load() answers a snapshot the rules can handle (licence-kit’s snapshot decoder accepts it)', async () => {
      const snapshot = await (await create()).load();
      try {
        decodeLicensingSnapshot(JSON.parse(JSON.stringify(snapshot)));
      } catch (error) {
        if (error instanceof DecodeError)
          throw new ConformanceFailure(`the snapshot is refused: ${error.message}`);
        throw error;
      }
    });

    it('commit() against a version another commit replaced rejects with a conflict and keeps the other change', async () => {
      const adapter = await create();
      const before = await adapter.load();
      const { typeId, count } = raisable(before);
      const first = await adapter.commit(
        { counts: { [typeId]: count } },
        { expectedVersion: before.version, idempotencyKey: key() },
      );
      const error = await rejection(
        adapter.commit(
          { counts: { [typeId]: count - 1 } },
          { expectedVersion: before.version, idempotencyKey: key() },
        ),
      );
      check(
        error instanceof LicensingError && error.kind === 'conflict',
        `expected a ConflictError, got ${String(error)}`,
      );
      const after = await adapter.load();
      check(after.version === first.version, 'a refused commit must not change the version');
      check(
        after.lines.find((l) => l.typeId === typeId)?.count === count,
        'a refused commit must not overwrite the change it conflicted with',
      );
    });

    it('commit() with a repeated idempotency key returns the first result and applies once', async () => {
      const adapter = await create();
      const before = await adapter.load();
      const { typeId, count } = raisable(before);
      const changes: ChangeSet = { counts: { [typeId]: count } };
      const idempotencyKey = key();
      const first = await adapter.commit(changes, { expectedVersion: before.version, idempotencyKey });
      const second = await adapter.commit(changes, { expectedVersion: before.version, idempotencyKey });
      check(second.version === first.version, 'the repeat must return the first result');
      const after = await adapter.load();
      check(after.version === first.version, 'the repeat must not apply the change again');
    });

    it('commit() that breaks a rule rejects with a validation error and changes nothing', async () => {
      const adapter = await create();
      const before = await adapter.load();
      const line = before.lines.find((l) => l.inUse > 0);
      check(line, 'the fixture needs a licence type with licences in use');
      const error = await rejection(
        adapter.commit(
          { counts: { [line.typeId]: line.inUse - 1 } },
          { expectedVersion: before.version, idempotencyKey: key() },
        ),
      );
      check(
        error instanceof LicensingError && error.kind === 'validation',
        `expected a ValidationError, got ${String(error)}`,
      );
      check(
        (await adapter.load()).version === before.version,
        'a refused commit must not change the version',
      );
    });

    it('listUsage() pages agents with a stable order and a total', async () => {
      const adapter = await create();
      const all = await adapter.listUsage({ offset: 0, limit: 1_000_000 });
      check(all.total === all.agents.length, 'total must count every agent when the page holds them all');
      check(all.total > 0, 'the fixture needs at least one agent');
      const page = await adapter.listUsage({ offset: 1, limit: 2 });
      check(page.total === all.total, 'total must not depend on the page');
      check(
        JSON.stringify(page.agents.map((a) => a.id)) ===
          JSON.stringify(all.agents.slice(1, 3).map((a) => a.id)),
        'pages must follow one stable order',
      );
    });

    it('listUsage() filters by type and search on the backend, with counts per type', async () => {
      const adapter = await create();
      const all = await adapter.listUsage({ offset: 0, limit: 1_000_000 });
      const holder = all.agents.find((a) => a.licences.length > 0);
      check(holder, 'the fixture needs an agent holding a licence');
      const typeId = holder.licences[0]!;
      const byType = await adapter.listUsage({ typeId, offset: 0, limit: 1_000_000 });
      check(
        byType.agents.every((a) => a.licences.includes(typeId)),
        `every agent listed for ${typeId} must hold it`,
      );
      check(
        byType.total === all.agents.filter((a) => a.licences.includes(typeId)).length,
        `total for ${typeId} must count its holders`,
      );
      check(
        all.countsByType[typeId] === byType.total,
        `countsByType.${typeId} must equal the filtered total`,
      );
      const word = holder.name.split(' ')[0]!.toUpperCase();
      const found = await adapter.listUsage({ search: word, offset: 0, limit: 1_000_000 });
      check(
        found.agents.some((a) => a.id === holder.id),
        `a search for "${word}" must find ${holder.name} (case-insensitive)`,
      );
      check(
        found.agents.every((a) => agentMatchesSearch(a, word)),
        'a search must return only matching agents',
      );
    });

    const { viewOnly, licenseKey } = options;
    if (viewOnly) {
      it('commit() by a view user rejects with a PermissionError and changes nothing', async () => {
        const adapter = await viewOnly();
        const before = await adapter.load();
        check(before.permission === 'view', `viewOnly() must load as view, not ${before.permission}`);
        const { typeId, count } = raisable(before);
        const error = await rejection(
          adapter.commit(
            { counts: { [typeId]: count } },
            { expectedVersion: before.version, idempotencyKey: key() },
          ),
        );
        check(
          error instanceof LicensingError && error.kind === 'permission',
          `expected a PermissionError, got ${String(error)}`,
        );
        check(
          (await adapter.load()).version === before.version,
          'a refused commit must not change the version',
        );
      });
    }
    if (viewOnly && licenseKey !== undefined) {
      it('applyLicenseKey() by a view user rejects with a PermissionError', async () => {
        const adapter = await viewOnly();
        check(
          typeof adapter.applyLicenseKey === 'function',
          'with licenseKey, the adapter must offer applyLicenseKey',
        );
        const error = await rejection(adapter.applyLicenseKey(licenseKey));
        check(
          error instanceof LicensingError && error.kind === 'permission',
          `expected a PermissionError, got ${String(error)}`,
        );
      });
    }

    it('applyLicenseKey() refuses a text that is no licence key: a ValidationError with reason "malformed"', async () => {
      const adapter = await create();
      if (typeof adapter.applyLicenseKey !== 'function') return;
      const before = await adapter.getInstallationLicense?.().catch(() => undefined);
      const error = await rejection(adapter.applyLicenseKey('this is not a licence key'));
      // A backend without an installation licence answers that it has none: nothing to check.
      if (error instanceof LicensingError && error.kind === 'not-supported') return;
      check(
        error instanceof LicensingError && error.kind === 'validation',
        `expected a ValidationError, got ${String(error)}`,
      );
      const reason = (error as { reason?: unknown }).reason;
      check(reason === 'malformed', `expected the reason "malformed", got ${String(reason)}`);
      if (before && adapter.getInstallationLicense) {
        check(
          JSON.stringify(await adapter.getInstallationLicense()) === JSON.stringify(before),
          'a refused key must not change the installation licence',
        );
      }
    });

    describeHistoryConformance({ it, create, ...(viewOnly ? { viewOnly } : {}), raisable, key });
    describeAssignmentConformance({ it, create, ...(viewOnly ? { viewOnly } : {}), key });

    it('methods honour an aborted signal', async () => {
      const adapter = await create();
      const controller = new AbortController();
      controller.abort();
      const error = await rejection(adapter.load({ signal: controller.signal }));
      check(
        error instanceof DOMException && error.name === 'AbortError',
        `expected an AbortError, got ${String(error)}`,
      );
    });

    // R1 change requests, when the adapter offers them (`requestChange`, `listRequests`, `decideRequest`).
    if (viewOnly) {
      it('requestChange() by a view user keeps a pending request, once per key, and changes no licence', async () => {
        const adapter = await viewOnly();
        if (typeof adapter.requestChange !== 'function') return;
        const before = await adapter.load();
        const { typeId, count } = raisable(before);
        const options = { idempotencyKey: key() };
        const sent = await adapter.requestChange({ counts: { [typeId]: count } }, 'conformance', options);
        check(
          sent.status === 'pending' && sent.note === 'conformance',
          'a sent request must be pending, with its note',
        );
        check(sent.changes.counts?.[typeId] === count, 'a sent request must hold the change');
        check(
          (await adapter.requestChange({ counts: { [typeId]: count } }, 'conformance', options)).id ===
            sent.id,
          'a repeated Idempotency-Key must return the first request',
        );
        const listed = (await adapter.listRequests?.()) ?? [sent];
        check(
          listed.filter((r) => r.id === sent.id).length === 1,
          'listRequests() must list the request once',
        );
        check((await adapter.load()).version === before.version, 'a request must not change the licences');
      });
    }

    it('requestChange() by an update user, and decideRequest() of an unknown request, are refused', async () => {
      const adapter = await create();
      if (typeof adapter.requestChange !== 'function') return;
      const { typeId, count } = raisable(await adapter.load());
      const error = await rejection(
        adapter.requestChange({ counts: { [typeId]: count } }, '', { idempotencyKey: key() }),
      );
      check(
        error instanceof LicensingError && error.kind === 'permission',
        `expected a PermissionError, got ${String(error)}`,
      );
      if (typeof adapter.decideRequest !== 'function') return;
      const missing = await rejection(
        adapter.decideRequest('no-such-request', { outcome: 'declined', reason: 'x' }),
      );
      check(
        missing instanceof LicensingError && missing.kind === 'not-found',
        `expected a NotFoundError, got ${String(missing)}`,
      );
    });
  });
}
