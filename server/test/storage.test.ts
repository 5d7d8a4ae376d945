// The embedded default on disk: data survives a restart, one process owns a data folder, a stale
// lock left by a dead process is cleared, and the server starts again after a SIGKILL.

import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { LicensingSnapshot } from '../../src/core/index.js';
import { FolderLockedError, lockFolder } from '../src/db/lock.js';
import { openDatabase } from '../src/db/open.js';
import { checkResponse } from './helpers/contract.js';
import { startServer } from './helpers/harness.js';

const folders: string[] = [];
async function folder(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'licence-kit-server-'));
  folders.push(dir);
  return dir;
}
after(async () => {
  for (const dir of folders) await rm(dir, { recursive: true, force: true });
});

const main = fileURLToPath(new URL('../src/main.ts', import.meta.url));

/** `npm run server` as a child process; resolves with its base URL once it listens. */
function serve(dataDir: string): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', main, '--port', '0', '--data', dataDir], {
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /reference backend on (http:\/\/\S+)\/api/.exec(output);
      if (match) resolve({ child, url: match[1]!, output: () => output });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`server exited (${code}):\n${output}`)));
  });
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });

async function api<T>(url: string, method: string, path: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(`${url}/api${path}`, {
    ...init,
    method,
    headers: { Authorization: 'Bearer demo-update', 'Content-Type': 'application/json', ...init.headers },
  });
  const body = (await response.json()) as T;
  checkResponse(method, path, response.status, response.headers.get('content-type') ?? '', body);
  assert.equal(response.status, 200, JSON.stringify(body));
  return body;
}

async function raiseSupervisor(url: string, count: number, key: string): Promise<LicensingSnapshot> {
  const before = await api<LicensingSnapshot>(url, 'GET', '/licensing');
  return api<LicensingSnapshot>(url, 'POST', '/licensing/changes', {
    headers: { 'If-Match': `"${before.version}"`, 'Idempotency-Key': key },
    body: JSON.stringify({ counts: { supervisor: count } }),
  });
}

describe('reference backend on PGlite: the data folder', () => {
  it('keeps a commit across a clean restart (SIGTERM), and seeds the demo only on first start', async () => {
    const dir = await folder();
    const first = await serve(dir);
    let committed: LicensingSnapshot;
    try {
      assert.match(first.output(), /seeded: demo/);
      assert.match(first.output(), /update +demo-update/);
      committed = await raiseSupervisor(first.url, 30, 'restart-1');
    } finally {
      first.child.kill('SIGTERM');
    }
    assert.equal(await exited(first.child), 0, 'a clean close exits with 0');
    const second = await serve(dir);
    try {
      assert.doesNotMatch(second.output(), /seeded/);
      const reloaded = await api<LicensingSnapshot>(second.url, 'GET', '/licensing');
      assert.equal(reloaded.version, committed.version);
      assert.equal(reloaded.lines.find((l) => l.typeId === 'supervisor')?.count, 30);
    } finally {
      second.child.kill('SIGTERM');
      await exited(second.child);
    }
  });

  it('starts again on the same folder after a SIGKILL, with the commits it had answered', async () => {
    const dir = await folder();
    const first = await serve(dir);
    let committed: LicensingSnapshot;
    try {
      committed = await raiseSupervisor(first.url, 31, 'kill-1');
    } finally {
      first.child.kill('SIGKILL');
    }
    await exited(first.child);
    const second = await serve(dir);
    try {
      const reloaded = await api<LicensingSnapshot>(second.url, 'GET', '/licensing');
      assert.equal(reloaded.version, committed.version);
      assert.equal(reloaded.lines.find((l) => l.typeId === 'supervisor')?.count, 31);
      await raiseSupervisor(second.url, 32, 'kill-2');
    } finally {
      second.child.kill('SIGTERM');
      await exited(second.child);
    }
  });

  it('refuses a second process on a folder in use, and clears a lock whose process is gone', async () => {
    const dir = await folder();
    const release = await lockFolder(dir);
    await assert.rejects(openDatabase({ dataDir: dir }), FolderLockedError);
    await release();
    // A lock naming a process that no longer exists (pid far above any pid_max).
    await writeFile(join(dir, 'server.lock'), '99999999\n');
    const db = await openDatabase({ dataDir: dir });
    await db.close();
  });

  it('keeps data when the in-process server closes and opens the folder again', async () => {
    const dir = await folder();
    const server = await startServer({ dataDir: dir });
    const account = await server.account();
    await server.close();
    const again = await startServer({ dataDir: dir });
    try {
      const answer = await again.call<LicensingSnapshot>('GET', '/licensing', {
        token: account.tokens.update,
      });
      assert.equal(answer.status, 200);
    } finally {
      await again.close();
    }
  });
});
