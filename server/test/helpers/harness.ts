// Starts the reference backend in this process on 127.0.0.1 (an ephemeral port) over PGlite in
// memory, or over PostgreSQL when DATABASE_URL is set, and talks to it over real HTTP.

import { randomUUID, type KeyObject } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { MemorySeed } from '../../../src/adapters/memory/demo-data.js';
import { createDemoSeed } from '../../../src/adapters/memory/demo-data.js';
import type { Permission } from '../../../src/core/index.js';
import type { Database } from '../../src/db/database.js';
import { openDatabase } from '../../src/db/open.js';
import { buildApp } from '../../src/http/app.js';
import type { LimitOptions } from '../../src/http/limits.js';
import { seedAccount } from '../../src/store/seed.js';
import { checkResponse } from './contract.js';

export interface Answer<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

export interface TestAccount {
  id: string;
  tokens: Record<Permission, string>;
}

export interface TestServer {
  /** `http://127.0.0.1:PORT` */
  origin: string;
  /** `http://127.0.0.1:PORT/api` */
  api: string;
  db: Database;
  app: FastifyInstance;
  /** The clock the server reads; tests set `clock.now`. */
  clock: { now: Date };
  /** A new account with its own users (one per permission), seeded with `seed` or a small demo. */
  account(seed?: Partial<MemorySeed> & { timeZone?: string }): Promise<TestAccount>;
  /** A request under `/api`; the answer is checked against the contract. */
  call<T = unknown>(method: string, path: string, options?: CallOptions): Promise<Answer<T>>;
  close(): Promise<void>;
}

export interface CallOptions {
  token?: string;
  body?: unknown;
  /** Sent as is (not JSON-encoded). */
  rawBody?: string;
  headers?: Record<string, string>;
}

/** What the backend is: `pglite` or `postgres`, from DATABASE_URL. */
export const backendKind = process.env.DATABASE_URL ? 'postgres' : 'pglite';

export async function startServer(
  options: {
    dataDir?: string;
    now?: Date;
    licensePublicKey?: KeyObject;
    corsOrigin?: string;
    demoControls?: boolean;
    /** `--server-timing`: a Server-Timing header on every answer. */
    serverTiming?: boolean;
    limits?: LimitOptions;
    eventsHeartbeat?: number;
    eventsMaxAge?: number;
    /** A PostgreSQL URL instead of DATABASE_URL's (a cluster of the test's own). */
    databaseUrl?: string;
    /** PostgreSQL's statement timeout for this server's connections (faults tests). */
    statementTimeoutMs?: number;
    /** Wraps the database the app is given (faults tests inject failures through it). */
    wrapDatabase?: (db: Database) => Database;
  } = {},
): Promise<TestServer> {
  const opened = await openDatabase({
    databaseUrl: options.databaseUrl ?? process.env.DATABASE_URL,
    dataDir: options.dataDir,
    ...(options.statementTimeoutMs ? { statementTimeoutMs: options.statementTimeoutMs } : {}),
  });
  const db = options.wrapDatabase ? options.wrapDatabase(opened) : opened;
  const clock = { now: options.now ?? new Date() };
  const app = await buildApp({
    db,
    now: () => clock.now,
    ...(options.licensePublicKey ? { licensePublicKey: options.licensePublicKey } : {}),
    ...(options.corsOrigin ? { corsOrigin: options.corsOrigin } : {}),
    ...(options.demoControls ? { demoControls: true } : {}),
    ...(options.serverTiming ? { serverTiming: true } : {}),
    ...(options.limits ? { limits: options.limits } : {}),
    ...(options.eventsHeartbeat ? { eventsHeartbeat: options.eventsHeartbeat } : {}),
    ...(options.eventsMaxAge ? { eventsMaxAge: options.eventsMaxAge } : {}),
  });
  const origin = await app.listen({ port: 0, host: '127.0.0.1' });
  const api = `${origin}/api`;
  return {
    origin,
    api,
    db,
    app,
    clock,
    async account(seed = {}) {
      const demo = createDemoSeed({ now: clock.now, agents: 60 });
      const id = `test-${randomUUID()}`;
      const tokens = {
        none: `none-${randomUUID()}`,
        view: `view-${randomUUID()}`,
        update: `update-${randomUUID()}`,
      };
      await db.transaction((tx) =>
        seedAccount(tx, {
          id,
          ...(seed.timeZone ? { timeZone: seed.timeZone } : {}),
          snapshot: seed.snapshot ?? demo.snapshot,
          agents: seed.agents ?? demo.agents,
          installationLicense:
            'installationLicense' in seed ? seed.installationLicense : demo.installationLicense,
          users: (['none', 'view', 'update'] as const).map((permission) => ({
            token: tokens[permission],
            name: `${permission} user`,
            permission,
          })),
        }),
      );
      return { id, tokens };
    },
    async call<T>(method: string, path: string, call: CallOptions = {}) {
      const headers: Record<string, string> = { ...call.headers };
      if (call.token) headers.Authorization = `Bearer ${call.token}`;
      let body: string | undefined = call.rawBody;
      if (call.body !== undefined) {
        body = JSON.stringify(call.body);
        headers['Content-Type'] ??= 'application/json';
      }
      const response = await fetch(`${api}${path}`, {
        method,
        headers,
        ...(body === undefined ? {} : { body }),
      });
      const text = await response.text();
      const type = response.headers.get('content-type') ?? '';
      const parsed = /json/.test(type) && text !== '' ? (JSON.parse(text) as unknown) : text;
      checkResponse(method, path.split('?')[0]!, response.status, type, parsed);
      return { status: response.status, headers: response.headers, body: parsed as T };
    },
    async close() {
      await app.close();
      await db.close();
    },
  };
}
