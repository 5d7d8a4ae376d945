// What the adapters say and send at their edges: the memory adapter's reasons for refusing a pasted
// licence key, the typed error the RestAdapter makes of each odd error answer, and the requests it
// sends (credentials, a retry after a network failure, a log file without headers).
import { expect } from '@open-wc/testing';
import { BadResponseError, ConflictError, TimeoutError, ValidationError } from '../src/adapters/errors.js';
import { MemoryAdapter, makeLicenseKey, type LicenseKeyFields } from '../src/adapters/memory/index.js';
import { RestAdapter, type RestAdapterOptions } from '../src/adapters/rest/index.js';
import { installationLicence, smallSeed, smallSnapshot } from './helpers/fixtures.js';
import { rejection } from './helpers/rejection.js';

const installation = installationLicence({ token: 'tok-1' });

describe('MemoryAdapter: a pasted licence key it refuses, and why', () => {
  const adapter = () => new MemoryAdapter({ ...smallSeed(), installationLicense: installation });
  const encoded = (json: string) => 'XCL1-' + btoa(json);
  const cases: [string, string, string][] = [
    ['only white space', ' \n\t ', 'The licence key is empty.'],
    [
      'not base64',
      'XCL1-%%%not-base64%%%',
      'The licence key is damaged: copy it again from the message of the licence team.',
    ],
    ['JSON that is not a licence', encoded('42'), 'The licence key holds no licence.'],
    ['null', encoded('null'), 'The licence key holds no licence.'],
    [
      'an unknown plan',
      makeLicenseKey({ plan: 'weekly' } as unknown as LicenseKeyFields),
      'The licence key names an unknown plan.',
    ],
    [
      'an expiry that is not a date',
      makeLicenseKey({ expiresAt: 'soon' }),
      'The licence key has no valid expiry date.',
    ],
    [
      'an expiry that is a number',
      encoded('{"expiresAt":20270101}'),
      'The licence key has no valid expiry date.',
    ],
  ];
  for (const [what, key, reason] of cases) {
    it(`${what}: a ValidationError saying "${reason}", and the licence unchanged`, async () => {
      const memory = adapter();
      const error = await rejection(memory.applyLicenseKey!(key));
      expect(error).to.be.instanceOf(ValidationError);
      expect((error as ValidationError).detail).to.equal(reason);
      expect(await memory.getInstallationLicense!()).to.deep.equal(installation);
    });
  }

  it('a key split over lines by a mail client is read whole', async () => {
    const key = makeLicenseKey({ plan: 'monthly' });
    const licence = await adapter().applyLicenseKey!(`${key.slice(0, 10)}\n${key.slice(10)}`);
    expect(licence.plan).to.equal('monthly');
  });
});

/** A RestAdapter whose fetch answers `answer()` and records each request. */
function rest(answer: () => Response | Promise<Response>, options: Partial<RestAdapterOptions> = {}) {
  const sent: { url: string; init: RequestInit }[] = [];
  const adapter = new RestAdapter({
    baseUrl: '/api',
    retries: 0,
    fetch: (url, init) => {
      sent.push({ url: String(url), init: init ?? {} });
      return Promise.resolve(answer());
    },
    ...options,
  });
  return { adapter, sent };
}

const commitTo = (adapter: RestAdapter) =>
  rejection(adapter.commit({ counts: { voice: 11 } }, { expectedVersion: 'v1', idempotencyKey: 'k1' }));

describe('RestAdapter: odd error answers still become the right typed error', () => {
  it('a 422 passes on only the issues it can read', async () => {
    const body = {
      title: 'Refused',
      issues: [
        null,
        'reduce-below-in-use',
        { code: 'x', severity: 'info' },
        { code: 'reduce-below-in-use', severity: 'error', typeId: 'voice' },
      ],
    };
    const { adapter } = rest(
      () =>
        new Response(JSON.stringify(body), {
          status: 422,
          headers: { 'Content-Type': 'application/problem+json' },
        }),
    );
    const error = (await commitTo(adapter)) as ValidationError;
    expect(error).to.be.instanceOf(ValidationError);
    expect(error.detail).to.equal('Refused');
    expect(error.issues).to.deep.equal([{ code: 'reduce-below-in-use', severity: 'error', typeId: 'voice' }]);
  });

  it('a 409 with a broken JSON body is still a conflict', async () => {
    const { adapter } = rest(
      () =>
        new Response('{"currentVersion":', { status: 409, headers: { 'Content-Type': 'application/json' } }),
    );
    const error = (await commitTo(adapter)) as ConflictError;
    expect(error).to.be.instanceOf(ConflictError);
    expect(error.status).to.equal(409);
    expect(error.detail).to.equal(undefined);
  });

  it('a 412 without any body or type is a conflict', async () => {
    const { adapter } = rest(() => new Response(null, { status: 412 }));
    expect(await commitTo(adapter)).to.be.instanceOf(ConflictError);
  });

  it('a 408 is a TimeoutError carrying the server’s words', async () => {
    const { adapter } = rest(
      () =>
        new Response(JSON.stringify({ detail: 'Too slow.' }), {
          status: 408,
          headers: { 'Content-Type': 'application/json' },
        }),
    );
    const error = (await rejection(adapter.load())) as TimeoutError;
    expect(error).to.be.instanceOf(TimeoutError);
    expect(error.detail).to.equal('Too slow.');
  });

  it('a 200 that is not JSON and has no type says so plainly', async () => {
    const { adapter } = rest(() => new Response(new Blob(['<html>'])));
    const error = (await rejection(adapter.load())) as BadResponseError;
    expect(error).to.be.instanceOf(BadResponseError);
    // No "(text/html)"-like type after it: none came.
    expect(error.message).to.match(/\): the body is not valid JSON\.$/);
  });
});

describe('RestAdapter: the requests it sends', () => {
  it('sends the credentials it was given', async () => {
    const { adapter, sent } = rest(() => Response.json(smallSnapshot()), { credentials: 'include' });
    await adapter.load();
    expect(sent.map((r) => r.init.credentials)).to.deep.equal(['include']);
  });

  it('sends a read again after a network failure, and answers with the second', async () => {
    let calls = 0;
    const { adapter, sent } = rest(
      () => {
        calls += 1;
        if (calls === 1) throw new TypeError('Failed to fetch');
        return Response.json(smallSnapshot());
      },
      { retries: 1, retryDelay: 1, maxRetryDelay: 1 },
    );
    expect((await adapter.load()).version).to.equal('v1');
    expect(sent).to.have.length(2);
  });

  it('saves a log file that came without a type or a name as license.log', async () => {
    const { adapter } = rest(() => new Response(new Blob(['line 1\n'])));
    const file = await adapter.downloadLicenseLog!();
    expect(file.filename).to.equal('license.log');
    expect(await file.blob.text()).to.equal('line 1\n');
  });
});
