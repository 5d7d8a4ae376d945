// `npm run server -- sign-key …`: the licensing team's tool (and the tests'): make an Ed25519 key
// pair, and sign a licence key for one installation token.

import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generateLicenseKeyPair, readPrivateKey, signLicenseKey } from './keys.js';

export const signKeyUsage = `Usage:
  npm run server -- sign-key --keygen DIR
      writes DIR/license-private.pem (keep it secret) and DIR/license-public.pem
      (give it to the server: --license-public-key DIR/license-public.pem)
  npm run server -- sign-key --private-key FILE --token TOKEN --expires DATE [--plan monthly|annual]
      prints a licence key for the installation TOKEN, valid until DATE (ISO 8601)`;

export async function signKeyCli(args: string[], cwd: string): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      keygen: { type: 'string' },
      'private-key': { type: 'string' },
      token: { type: 'string' },
      expires: { type: 'string' },
      plan: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(signKeyUsage);
    return;
  }
  if (values.keygen) {
    const dir = resolve(cwd, values.keygen);
    await mkdir(dir, { recursive: true });
    const pair = generateLicenseKeyPair();
    await writeFile(join(dir, 'license-private.pem'), pair.privateKey, { mode: 0o600 });
    await writeFile(join(dir, 'license-public.pem'), pair.publicKey);
    console.log(`wrote ${join(dir, 'license-private.pem')} and ${join(dir, 'license-public.pem')}`);
    return;
  }
  const { token, expires, plan } = values;
  if (!values['private-key'] || !token || !expires) throw new Error(signKeyUsage);
  if (Number.isNaN(Date.parse(expires))) throw new Error(`--expires ${expires} is not an ISO 8601 date`);
  if (plan !== undefined && plan !== 'monthly' && plan !== 'annual')
    throw new Error('--plan is monthly or annual');
  const privateKey = readPrivateKey(await readFile(resolve(cwd, values['private-key']), 'utf8'));
  const expiresAt = new Date(Date.parse(expires)).toISOString();
  console.log(
    signLicenseKey(
      { token, expiresAt, ...(plan ? { plan } : {}), issuedAt: new Date().toISOString() },
      privateKey,
    ),
  );
}
