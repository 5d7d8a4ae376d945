// `npm run server -- --agents N`: the demo account, or every account of --seed, gets N agents
// generated as the demo data set's are, counted and paged as the memory adapter pages them.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { MemoryAdapter } from '../../src/adapters/memory/index.js';
import { countHolders, createDemoSeed, generateAgents } from '../../src/adapters/memory/demo-data.js';
import type { UsagePage } from '../../src/core/index.js';
import { backendKind } from './helpers/harness.js';
import { usagePath } from './helpers/usage.js';

const { snapshot } = createDemoSeed({ agents: 1 });

describe(`reference backend on ${backendKind}: npm run server -- --agents N`, () => {
  const main = fileURLToPath(new URL('../src/main.ts', import.meta.url));
  const folders: string[] = [];
  after(async () => {
    for (const dir of folders) await rm(dir, { recursive: true, force: true });
  });

  /** Runs `npm run server`'s entry point until it listens (then stops it) or exits. */
  async function run(
    args: string[],
  ): Promise<{ output: string; code: number | null; api?: string; stop: () => Promise<void> }> {
    const dir = await mkdtemp(join(tmpdir(), 'licence-kit-agents-'));
    folders.push(dir);
    const dataArgs = backendKind === 'pglite' ? ['--data', dir] : [];
    const child = spawn(process.execPath, ['--import', 'tsx', main, '--port', '0', ...dataArgs, ...args], {
      cwd: fileURLToPath(new URL('..', import.meta.url)),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const stop = async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    };
    let output = '';
    try {
      return await new Promise((resolve) => {
        const onData = (chunk: Buffer) => {
          output += chunk.toString();
          const match = /reference backend on (http:\/\/\S+)\/api/.exec(output);
          if (match) resolve({ output, code: null, api: `${match[1]}/api`, stop });
        };
        child.stdout!.on('data', onData);
        child.stderr!.on('data', onData);
        void exited.then((code) => resolve({ output, code, stop }));
      });
    } catch (error) {
      await stop();
      throw error;
    }
  }

  it('seeds each account of --seed with N generated agents, counted and paged like the memory adapter’s', async () => {
    const id = `agents-${randomUUID()}`;
    const file = join(await mkdtemp(join(tmpdir(), 'licence-kit-seed-')), 'seed.json');
    folders.push(dirname(file));
    const token = `token-${randomUUID()}`;
    await writeFile(
      file,
      JSON.stringify({
        accounts: [
          {
            id,
            snapshot,
            agents: [{ id: 'replaced', name: 'Replaced By Generated', licences: [] }],
            users: [{ token, name: 'Admin', permission: 'view' }],
          },
        ],
      }),
    );
    const started = await run(['--seed', file, '--agents', '1200']);
    try {
      assert.ok(started.api, started.output);
      assert.match(started.output, new RegExp(`seeded ${id}: 1,200 agents in \\d+\\.\\d s`));
      const expected = generateAgents(1200, { typeIds: snapshot.catalog.map((type) => type.id) });
      const memory = new MemoryAdapter({ snapshot, agents: expected, installationLicense: null });
      for (const query of [
        { offset: 0, limit: 100 },
        { offset: 1100, limit: 100 },
        { typeId: 'sms', offset: 0, limit: 100 },
        { search: 'novak', offset: 0, limit: 100 },
      ]) {
        const response: Response = await fetch(`${started.api}${usagePath(query)}`, {
          headers: { Authorization: `Bearer ${token}` },
        });
        assert.deepEqual(await response.json(), await memory.listUsage(query), JSON.stringify(query));
      }
    } finally {
      await started.stop();
    }
  });

  it('seeds many agents on PostgreSQL although each of its statements outlasts --statement-timeout', async () => {
    if (backendKind === 'pglite') return; // PGlite has no statement timeout
    const id = `agents-${randomUUID()}`;
    const file = join(await mkdtemp(join(tmpdir(), 'licence-kit-seed-')), 'seed.json');
    folders.push(dirname(file));
    await writeFile(
      file,
      JSON.stringify({
        accounts: [
          {
            id,
            snapshot,
            agents: [],
            users: [{ token: `token-${randomUUID()}`, name: 'A', permission: 'view' }],
          },
        ],
      }),
    );
    // 20,000 agents: two 10,000-row INSERTs, the index rebuild and VACUUM, each well over 50 ms.
    const started = await run(['--seed', file, '--agents', '20000', '--statement-timeout', '50']);
    try {
      assert.ok(started.api, started.output);
      assert.match(started.output, new RegExp(`seeded ${id}: 20,000 agents in \\d+\\.\\d s`));
    } finally {
      await started.stop();
    }
  });

  it('seeds the demo account with N agents without --seed, and refuses an N that is not a count', async () => {
    const refused = await run(['--agents', 'lots']);
    assert.equal(refused.code, 1);
    assert.match(refused.output, /--agents lots is not a number of agents/);
    if (backendKind !== 'pglite') return; // the shared database's demo account belongs to other tests
    const demo = await run(['--agents', '300']);
    try {
      assert.match(demo.output, /seeded demo: 300 agents/);
      const response = await fetch(`${demo.api}/licensing/usage?limit=1`, {
        headers: { Authorization: 'Bearer demo-view' },
      });
      const body = (await response.json()) as UsagePage;
      assert.equal(body.total, 300);
      assert.deepEqual(body.countsByType, countHolders(createDemoSeed({ agents: 300 }).agents));
    } finally {
      await demo.stop();
    }
  });
});
