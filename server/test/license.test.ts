// The installation licence on the server: Ed25519-signed manual keys (good, tampered, unsigned,
// another installation's, expired), the state worked out from the dates, the log file of the
// licence's events, and the sign-key CLI.

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { sign } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { InstallationLicense } from '../../src/core/index.js';
import {
  generateLicenseKeyPair,
  readPrivateKey,
  readPublicKey,
  signLicenseKey,
} from '../src/license/keys.js';
import { backendKind, startServer, type TestAccount, type TestServer } from './helpers/harness.js';

const TOKEN = '7f3c9a2e-51d8-4b6e-9c0a-e2d41f8b7a65';
const pair = generateLicenseKeyPair();
const privateKey = readPrivateKey(pair.privateKey);

let server: TestServer;
before(async () => {
  server = await startServer({
    now: new Date('2026-11-20T10:00:00Z'),
    licensePublicKey: readPublicKey(pair.publicKey),
  });
});
after(() => server.close());

/** A key signed properly over any payload text, as a licensing team's bug could make one. */
function signedRaw(payload: string): string {
  const signed = `LK1.${Buffer.from(payload).toString('base64url')}`;
  return `${signed}.${sign(null, Buffer.from(signed), privateKey).toString('base64url')}`;
}

type Problem = { detail?: string; issues?: unknown[]; reason?: string };

const licence = async (account: TestAccount) =>
  (await server.call<InstallationLicense>('GET', '/license', { token: account.tokens.view })).body;
const apply = (account: TestAccount, key: string) =>
  server.call<InstallationLicense & Problem>('PUT', '/license/key', {
    token: account.tokens.update,
    body: { key },
  });

describe(`reference backend on ${backendKind}: installation licence`, () => {
  it('applies a key signed for this installation: new expiry and plan, active, logged', async () => {
    server.clock.now = new Date('2026-11-20T10:00:00Z');
    const account = await server.account();
    const key = signLicenseKey(
      { token: TOKEN, expiresAt: '2028-01-31T00:00:00.000Z', plan: 'monthly' },
      privateKey,
    );
    const answer = await apply(account, `  ${key.slice(0, 40)}\n${key.slice(40)}  `);
    assert.equal(answer.status, 200);
    assert.equal(answer.body.expiresAt, '2028-01-31T00:00:00.000Z');
    assert.equal(answer.body.plan, 'monthly');
    assert.equal(answer.body.status.state, 'active');
    assert.deepEqual(await licence(account), answer.body);
  });

  it('refuses unsigned, tampered, foreign, other-installation and expired keys with a reason code and words, changing nothing', async () => {
    server.clock.now = new Date('2026-11-20T10:00:00Z');
    const account = await server.account();
    const before = await licence(account);
    const good = signLicenseKey({ token: TOKEN, expiresAt: '2028-01-31T00:00:00.000Z' }, privateKey);
    const [prefix, body, signature] = good.split('.');
    const forged = Buffer.from(
      JSON.stringify({ token: TOKEN, expiresAt: '2099-01-01T00:00:00.000Z' }),
    ).toString('base64url');
    const cases: [string, RegExp, string][] = [
      ['', /empty/, 'malformed'],
      ['XCL1-abc', /not a licence key/, 'malformed'],
      [`${prefix}.${body}`, /not signed/, 'unsigned'],
      [`${prefix}.${forged}.${signature}`, /changed after it was signed/, 'bad-signature'],
      [
        signLicenseKey(
          { token: TOKEN, expiresAt: '2028-01-31T00:00:00.000Z' },
          readPrivateKey(generateLicenseKeyPair().privateKey),
        ),
        /changed after it was signed/,
        'bad-signature',
      ],
      [
        signLicenseKey({ token: 'another-installation', expiresAt: '2028-01-31T00:00:00.000Z' }, privateKey),
        /another installation \(another-installation\)/,
        'wrong-token',
      ],
      [
        signLicenseKey({ token: TOKEN, expiresAt: '2026-11-01T00:00:00.000Z' }, privateKey),
        /expired on 2026-11-01/,
        'expired',
      ],
      [signedRaw('"not a licence"'), /holds no licence/, 'malformed'],
      [
        signedRaw(JSON.stringify({ token: TOKEN, expiresAt: '2028-01-31', plan: 'weekly' })),
        /unknown plan/,
        'malformed',
      ],
    ];
    for (const [key, detail, reason] of cases) {
      const answer = await apply(account, key);
      assert.equal(answer.status, 422, key);
      assert.match(answer.body.detail ?? '', detail);
      assert.equal(answer.body.reason, reason, key);
      assert.deepEqual(answer.body.issues, []);
    }
    assert.deepEqual(await licence(account), before);
    const shape = await server.call<Problem>('PUT', '/license/key', {
      token: account.tokens.update,
      body: {},
    });
    assert.equal(shape.status, 422);
    assert.match(shape.body.detail ?? '', /key is missing/);
    assert.equal(shape.body.reason, undefined, 'a body that breaks the contract is not a refused key');
  });

  it('without the licensing team’s public key, refuses every key in words, with no reason code', async () => {
    const bare = await startServer({ now: new Date('2026-11-20T10:00:00Z') });
    try {
      const account = await bare.account();
      const key = signLicenseKey({ token: TOKEN, expiresAt: '2028-01-31T00:00:00.000Z' }, privateKey);
      const answer = await bare.call<Problem>('PUT', '/license/key', {
        token: account.tokens.update,
        body: { key },
      });
      assert.equal(answer.status, 422);
      assert.match(answer.body.detail ?? '', /started without --license-public-key/);
      assert.equal(answer.body.reason, undefined);
    } finally {
      await bare.close();
    }
  });

  it('works the state out from the dates: active, then a 7-day grace period, then deactivated', async () => {
    server.clock.now = new Date('2026-11-20T10:00:00Z');
    const account = await server.account();
    const expiresAt = (await licence(account)).expiresAt;
    const expiry = Date.parse(expiresAt);
    assert.equal((await licence(account)).status.state, 'active');
    server.clock.now = new Date(expiry + 60_000);
    const grace = await licence(account);
    assert.equal(grace.status.state, 'grace');
    assert.equal(grace.status.reason, 'late-payment');
    assert.equal(grace.status.graceEndsAt, new Date(expiry + 7 * 24 * 3600_000).toISOString());
    server.clock.now = new Date(expiry + 8 * 24 * 3600_000);
    assert.equal((await licence(account)).status.state, 'deactivated');
    const log = await server.call<string>('GET', '/license/log', { token: account.tokens.update });
    const graceLines = log.body.split('\n').filter((line) => line.includes('grace period (late payment)'));
    assert.equal(graceLines.length, 1, 'the grace period is logged once');
    assert.match(log.body, /deactivated \(late payment\): the grace period has ended/);
  });

  it('downloads the log of the licence events as a text file', async () => {
    server.clock.now = new Date('2026-11-20T10:00:00Z');
    const account = await server.account();
    await apply(account, 'LK1.nope');
    await apply(account, signLicenseKey({ token: TOKEN, expiresAt: '2028-01-31T00:00:00.000Z' }, privateKey));
    const answer = await server.call<string>('GET', '/license/log', { token: account.tokens.update });
    assert.equal(answer.status, 200);
    assert.match(answer.headers.get('content-type') ?? '', /^text\/plain/);
    assert.match(
      answer.headers.get('content-disposition') ?? '',
      /attachment; filename="license-2026-11-20\.log"/,
    );
    const lines = answer.body.trim().split('\n');
    assert.match(lines[0]!, new RegExp(`installation ${TOKEN}`));
    assert.match(answer.body, /status: active/);
    assert.match(answer.body, /key refused: This licence key is not signed/);
    assert.match(answer.body, /key applied: plan annual, expires 2028-01-31/);
    assert.ok(answer.body.indexOf('key refused') < answer.body.indexOf('key applied'), 'oldest first');
  });
});

describe('sign-key CLI', () => {
  it('makes a key pair and signs a key the server accepts', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'licence-kit-keys-'));
    try {
      const run = promisify(execFile);
      const main = fileURLToPath(new URL('../src/main.ts', import.meta.url));
      await run(process.execPath, ['--import', 'tsx', main, 'sign-key', '--keygen', dir]);
      const { stdout } = await run(process.execPath, [
        ...['--import', 'tsx', main, 'sign-key', '--private-key', join(dir, 'license-private.pem')],
        ...['--token', TOKEN, '--expires', '2029-03-31', '--plan', 'monthly'],
      ]);
      const other = await startServer({
        now: new Date('2026-11-20T10:00:00Z'),
        licensePublicKey: readPublicKey(await readFile(join(dir, 'license-public.pem'), 'utf8')),
      });
      try {
        const account = await other.account();
        const answer = await other.call<InstallationLicense>('PUT', '/license/key', {
          token: account.tokens.update,
          body: { key: stdout.trim() },
        });
        assert.equal(answer.status, 200);
        assert.equal(answer.body.expiresAt, '2029-03-31T00:00:00.000Z');
        assert.equal(answer.body.plan, 'monthly');
      } finally {
        await other.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
