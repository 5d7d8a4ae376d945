// MemoryAdapter edges a host or a story meets: versions without a number, the log file's date
// without a clock, and a permission change that storage refuses to keep.
import { expect } from '@open-wc/testing';
import { MemoryAdapter } from '../src/adapters/memory/index.js';
import { installationLicence, smallSeed } from './helpers/fixtures.js';

const installation = installationLicence({ token: 'tok-1' });

describe('MemoryAdapter edges', () => {
  it('a version without a trailing number gets one on the next commit', async () => {
    const adapter = new MemoryAdapter(smallSeed({ version: 'alpha' }));
    const next = await adapter.commit(
      { counts: { email: 3 } },
      { expectedVersion: 'alpha', idempotencyKey: 'k' },
    );
    expect(next.version).to.equal('alpha-1');
    const after = await adapter.commit(
      { counts: { email: 4 } },
      { expectedVersion: 'alpha-1', idempotencyKey: 'k2' },
    );
    expect(after.version).to.equal('alpha-2');
  });

  it('without a clock, names the log file with today’s date', async () => {
    const adapter = new MemoryAdapter({ ...smallSeed(), installationLicense: installation });
    const today = new Date().toISOString().slice(0, 10);
    const file = await adapter.downloadLicenseLog!();
    expect(file.filename).to.equal(`license-${today}.log`);
    expect(await file.blob.text()).to.contain('token tok-1');
  });

  it('a permission change the storage refuses to keep still holds for this page, with a warning', async () => {
    const items = new Map<string, string>();
    let refuse = false;
    const storage = {
      getItem: (k: string) => items.get(k) ?? null,
      setItem: (k: string, v: string) => {
        if (refuse) throw new DOMException('Quota exceeded', 'QuotaExceededError');
        items.set(k, v);
      },
      removeItem: (k: string) => void items.delete(k),
    };
    const adapter = new MemoryAdapter(smallSeed(), { storageKey: 'lk-edges', storage });
    const seen: string[] = [];
    adapter.subscribe((s) => seen.push(s.permission));
    const warnings: unknown[][] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args);
    try {
      refuse = true;
      adapter.setPermission('view');
    } finally {
      console.warn = warn;
    }
    expect((await adapter.load()).permission).to.equal('view');
    expect(seen).to.deep.equal(['view']);
    expect(String(warnings[0]?.[0])).to.contain('the new permission holds until this page is reloaded');
  });
});
