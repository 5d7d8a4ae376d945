// RestAdapter against the stateful MSW handlers (src/mocks): the HTTP side of the data layer, with
// every failure the handlers can inject, plus the decoders on bodies that break the contract.
import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';
import type { AdapterMethod, Failure } from '../src/adapters/adapter.js';
import {
  BadResponseError,
  ConflictError,
  LicensingError,
  NetworkError,
  NotFoundError,
  NotSupportedError,
  PermissionError,
  ServerError,
  TimeoutError,
  ValidationError,
  isAbortError,
} from '../src/adapters/errors.js';
import { MemoryAdapter, makeLicenseKey } from '../src/adapters/memory/index.js';
import {
  RestAdapter,
  decodeInstallationLicense,
  decodeLicensingSnapshot,
  decodeUsagePage,
  parseContentDispositionFilename,
  parseEtag,
  parseRetryAfter,
  type RestAdapterOptions,
} from '../src/adapters/rest/index.js';
import type { ChangeSet, LicensingSnapshot } from '../src/core/index.js';
import { createLicensingHandlers, type LicensingHandlers } from '../src/mocks/index.js';
import { rejection } from './helpers/rejection.js';

const now = () => new Date('2026-11-15T10:00:00Z');

interface Seen {
  method: string;
  url: URL;
  headers: Headers;
  body: Promise<string>;
}

describe('RestAdapter', () => {
  const worker = setupWorker();
  let backend: MemoryAdapter;
  let api: LicensingHandlers;
  let seen: Seen[];
  let start: LicensingSnapshot;
  let voiceCount: number;

  /** Small timeout and backoff: each test stays fast. */
  const adapter = (options: Partial<RestAdapterOptions> = {}) =>
    new RestAdapter({ baseUrl: '/api', timeout: 1000, retryDelay: 1, maxRetryDelay: 20, ...options });
  const raise = (): ChangeSet => ({ counts: { voice: voiceCount + 1 } });
  const commitOptions = (key = 'cart-1') => ({ expectedVersion: start.version, idempotencyKey: key });
  const requests = (path: string) => seen.filter((r) => r.url.pathname === path);

  before(() => worker.start({ quiet: true, onUnhandledFrame: 'bypass' }));
  after(() => worker.stop());

  beforeEach(async () => {
    backend = new MemoryAdapter(undefined, { now });
    api = createLicensingHandlers({ backend });
    seen = [];
    worker.use(...api.handlers);
    // Prepended, so it sees every request first; returning nothing passes it on to the contract.
    worker.use(
      http.all('/api/*', ({ request }) => {
        seen.push({
          method: request.method,
          url: new URL(request.url),
          headers: new Headers(request.headers),
          body: request.clone().text(),
        });
      }),
    );
    start = await backend.load();
    voiceCount = start.lines.find((line) => line.typeId === 'voice')!.count;
  });
  afterEach(() => {
    api.reset(); // ends requests a `timeout` failure holds, which worker.stop() would wait for
    worker.resetHandlers();
  });

  describe('happy paths', () => {
    it('load() answers the snapshot', async () => {
      expect(await adapter().load()).to.deep.equal(start);
      expect(requests('/api/licensing')[0]!.method).to.equal('GET');
    });

    it('listUsage() sends type, q, offset and limit and answers the page', async () => {
      const query = { typeId: 'voice', search: 'an', offset: 3, limit: 7 };
      expect(await adapter().listUsage(query)).to.deep.equal(await backend.listUsage(query));
      const { searchParams } = requests('/api/licensing/usage')[0]!.url;
      expect(Object.fromEntries(searchParams)).to.deep.equal({
        type: 'voice',
        q: 'an',
        offset: '3',
        limit: '7',
      });
    });

    it('listUsage() leaves out an empty filter', async () => {
      await adapter().listUsage({ offset: 0, limit: 5 });
      expect([...requests('/api/licensing/usage')[0]!.url.searchParams.keys()]).to.deep.equal([
        'offset',
        'limit',
      ]);
    });

    it('commit() answers the new snapshot, applied once on the server', async () => {
      const next = await adapter().commit(raise(), commitOptions());
      expect(next.version).to.equal('v2');
      expect(next.lines.find((line) => line.typeId === 'voice')!.count).to.equal(voiceCount + 1);
      expect(await backend.load()).to.deep.equal(next);
      expect(backend.mutations).to.equal(1);
    });

    it('getInstallationLicense() answers the licence', async () => {
      expect(await adapter().getInstallationLicense!()).to.deep.equal(
        await backend.getInstallationLicense!(),
      );
    });

    it('applyLicenseKey() applies a good key', async () => {
      const licence = await adapter().applyLicenseKey!(makeLicenseKey({ plan: 'monthly' }));
      expect(licence.plan).to.equal('monthly');
      expect((await backend.getInstallationLicense!()).plan).to.equal('monthly');
      expect(await requests('/api/license/key')[0]!.body).to.equal(
        JSON.stringify({ key: makeLicenseKey({ plan: 'monthly' }) }),
      );
    });

    it('applyLicenseKey() rejects a bad key with a ValidationError whose detail is the reason', async () => {
      const error = await rejection(adapter().applyLicenseKey!('hello'));
      expect(error).to.be.instanceOf(ValidationError);
      expect((error as ValidationError).detail).to.equal('A licence key starts with "XCL1-".');
    });

    it('downloadLicenseLog() answers the file named by Content-Disposition', async () => {
      const file = await adapter().downloadLicenseLog!();
      expect(file.filename).to.equal('license-2026-11-15.log');
      expect(file.blob.type).to.match(/^text\/plain/);
      expect(await file.blob.text()).to.contain('7f3c9a2e-51d8-4b6e-9c0a-e2d41f8b7a65');
    });

    it('downloadLicenseLog() falls back to license.log without Content-Disposition', async () => {
      worker.use(http.get('/api/license/log', () => HttpResponse.text('log line\n')));
      const file = await adapter().downloadLicenseLog!();
      expect(file.filename).to.equal('license.log');
      expect(await file.blob.text()).to.equal('log line\n');
    });

    it('leaves out the installation-licence methods with installationLicense: false', () => {
      const rest = adapter({ installationLicense: false });
      expect('getInstallationLicense' in rest).to.be.false;
      expect('applyLicenseKey' in rest).to.be.false;
      expect('downloadLicenseLog' in rest).to.be.false;
    });

    it('takes the version from the ETag when the body has none', async () => {
      worker.use(
        http.get('/api/licensing', () => {
          const { version, ...rest } = start;
          return HttpResponse.json(rest, { headers: { ETag: `W/"${version}-etag"` } });
        }),
      );
      expect((await adapter().load()).version).to.equal('v1-etag');
    });

    it('works with an absolute base URL with a trailing slash', async () => {
      const rest = adapter({ baseUrl: `${location.origin}/api/` });
      expect((await rest.load()).version).to.equal('v1');
    });
  });

  describe('headers', () => {
    it('commit() sends If-Match with the quoted version, Idempotency-Key and a JSON body', async () => {
      await adapter().commit(raise(), commitOptions('cart-42'));
      const [post] = requests('/api/licensing/changes');
      expect(post!.method).to.equal('POST');
      expect(post!.headers.get('If-Match')).to.equal('"v1"');
      expect(post!.headers.get('Idempotency-Key')).to.equal('cart-42');
      expect(post!.headers.get('Content-Type')).to.equal('application/json');
      expect(JSON.parse(await post!.body)).to.deep.equal(raise());
    });

    it('sends auth headers from an async function, asked again for every attempt', async () => {
      const asked: string[] = [];
      let token = 0;
      const rest = adapter({
        headers: async ({ method, url }) => {
          asked.push(`${method} ${url}`);
          return { Authorization: `Bearer t${++token}` };
        },
      });
      api.failNext('load', 'unavailable');
      await rest.load();
      expect(asked).to.deep.equal(['GET /api/licensing', 'GET /api/licensing']);
      expect(requests('/api/licensing').map((r) => r.headers.get('Authorization'))).to.deep.equal([
        'Bearer t1',
        'Bearer t2',
      ]);
    });

    it('sends a static header record', async () => {
      await adapter({ headers: { 'X-Tenant': 'acme' } }).getInstallationLicense!();
      expect(requests('/api/license')[0]!.headers.get('X-Tenant')).to.equal('acme');
    });

    it('uses a custom fetch', async () => {
      const calls: string[] = [];
      const rest = adapter({
        fetch: (input, init) => {
          calls.push(`${init.method} ${input}`);
          return fetch(input, init);
        },
      });
      await rest.load();
      expect(calls).to.deep.equal(['GET /api/licensing']);
    });
  });

  describe('retries', () => {
    it('retries a GET after 503, waiting for Retry-After', async () => {
      api.failNext('load', 'unavailable'); // 503 with Retry-After: 1
      const started = performance.now();
      const snapshot = await adapter({ maxRetryDelay: 10000 }).load();
      expect(performance.now() - started).to.be.at.least(950);
      expect(snapshot.version).to.equal('v1');
      expect(requests('/api/licensing')).to.have.length(2);
    });

    it('retries a GET after 429 (rate limited), waiting for Retry-After', async () => {
      api.failNext('listUsage', 'rate-limited'); // 429 with Retry-After: 1
      const started = performance.now();
      const page = await adapter({ maxRetryDelay: 10000 }).listUsage({ offset: 0, limit: 3 });
      expect(performance.now() - started).to.be.at.least(950);
      expect(page.agents).to.have.length(3);
      expect(requests('/api/licensing/usage')).to.have.length(2);
    });

    it('gives up on 429 after `retries`, with a ServerError of status 429', async () => {
      api.failNext('load', 'rate-limited', 3);
      const error = await rejection(adapter({ retries: 2 }).load());
      expect(error).to.be.instanceOf(ServerError);
      expect((error as ServerError).status).to.equal(429);
      expect((error as ServerError).retryable).to.equal(true);
      expect(requests('/api/licensing')).to.have.length(3);
    });

    it('caps Retry-After at maxRetryDelay', async () => {
      worker.use(
        http.get(
          '/api/licensing',
          () => HttpResponse.json({ title: 'Busy' }, { status: 503, headers: { 'Retry-After': '3600' } }),
          { once: true },
        ),
      );
      const started = performance.now();
      await adapter({ maxRetryDelay: 30 }).load();
      expect(performance.now() - started).to.be.below(900);
    });

    it('retries a GET after a network error', async () => {
      api.failNext('listUsage', 'network');
      const page = await adapter().listUsage({ offset: 0, limit: 3 });
      expect(page.agents).to.have.length(3);
      expect(requests('/api/licensing/usage')).to.have.length(2);
    });

    it('retries a GET on 502 and 504 too, but not on 500', async () => {
      const statuses = [502, 504];
      let attempts = 0;
      worker.use(
        http.get('/api/license', () => {
          attempts++;
          const status = statuses.shift();
          // Nothing returned: the contract handler answers.
          return status === undefined ? undefined : new HttpResponse(null, { status });
        }),
      );
      await adapter().getInstallationLicense!();
      expect(attempts).to.equal(3);

      seen = [];
      api.failNext('getInstallationLicense', 'server');
      expect(await rejection(adapter().getInstallationLicense!())).to.be.instanceOf(ServerError);
      expect(requests('/api/license')).to.have.length(1);
    });

    it('gives up after `retries` and rejects with the last failure', async () => {
      api.failNext('load', 'unavailable', 5);
      const error = await rejection(adapter({ retries: 2 }).load());
      expect(error).to.be.instanceOf(ServerError);
      expect((error as ServerError).status).to.equal(503);
      expect(requests('/api/licensing')).to.have.length(3);
    });

    it('does not retry a commit refused with 422 or 409', async () => {
      const refused = await rejection(adapter().commit({ counts: { voice: 0 } }, commitOptions()));
      expect(refused).to.be.instanceOf(ValidationError);
      expect((refused as ValidationError).issues.map((issue) => issue.code)).to.include(
        'reduce-below-in-use',
      );
      expect(requests('/api/licensing/changes')).to.have.length(1);

      seen = [];
      const stale = await rejection(
        adapter().commit(raise(), { expectedVersion: 'v0', idempotencyKey: 'cart-2' }),
      );
      expect(stale).to.be.instanceOf(ConflictError);
      expect((stale as ConflictError).currentVersion).to.equal('v1');
      expect(requests('/api/licensing/changes')).to.have.length(1);
      expect(backend.mutations).to.equal(0);
    });

    it('does not retry a commit on 500 (the server may be broken, not busy)', async () => {
      api.failNext('commit', 'server');
      expect(await rejection(adapter().commit(raise(), commitOptions()))).to.be.instanceOf(ServerError);
      expect(requests('/api/licensing/changes')).to.have.length(1);
    });

    it('retries a commit after a network error with the same key and body, applied once', async () => {
      api.failNext('commit', 'network');
      const next = await adapter().commit(raise(), commitOptions('cart-7'));
      expect(next.version).to.equal('v2');
      const posts = requests('/api/licensing/changes');
      expect(posts).to.have.length(2);
      expect(posts.map((p) => p.headers.get('Idempotency-Key'))).to.deep.equal(['cart-7', 'cart-7']);
      expect(await posts[1]!.body).to.equal(await posts[0]!.body);
      expect(backend.mutations).to.equal(1);
    });

    it('retries a commit whose answer was lost after the server applied it: still applied once', async () => {
      // The server applies the first attempt, then the connection drops before the answer.
      worker.use(
        http.post(
          '/api/licensing/changes',
          async ({ request }) => {
            const key = request.headers.get('Idempotency-Key')!;
            await backend.commit((await request.json()) as ChangeSet, {
              expectedVersion: 'v1',
              idempotencyKey: key,
            });
            return HttpResponse.error();
          },
          { once: true },
        ),
      );
      const next = await adapter().commit(raise(), commitOptions('cart-8'));
      expect(next.version).to.equal('v2');
      expect(backend.mutations).to.equal(1);
      expect(next).to.deep.equal(await backend.load());
    });

    it('retries a commit after a timeout and after a 503', async () => {
      api.failNext('commit', 'timeout');
      api.failNext('commit', 'unavailable');
      // 1 s: the held request times out, and the answered one has room on a busy machine (at 200 ms
      // Firefox in CI's three-engine run timed out the third attempt too).
      const next = await adapter({ timeout: 1000, commitRetries: 2 }).commit(
        raise(),
        commitOptions('cart-9'),
      );
      expect(next.version).to.equal('v2');
      expect(requests('/api/licensing/changes')).to.have.length(3);
      expect(backend.mutations).to.equal(1);
    });

    it('retries a commit refused with 429 (rate limited) with the same key and body, applied once', async () => {
      api.failNext('commit', 'rate-limited'); // 429 with Retry-After: 1 (capped by maxRetryDelay here)
      const next = await adapter().commit(raise(), commitOptions('cart-429'));
      expect(next.version).to.equal('v2');
      const posts = requests('/api/licensing/changes');
      expect(posts.map((p) => p.headers.get('Idempotency-Key'))).to.deep.equal(['cart-429', 'cart-429']);
      expect(await posts[1]!.body).to.equal(await posts[0]!.body);
      expect(backend.mutations).to.equal(1);
    });

    it('does not retry a commit with commitRetries: 0', async () => {
      api.failNext('commit', 'network');
      expect(
        await rejection(adapter({ commitRetries: 0 }).commit(raise(), commitOptions())),
      ).to.be.instanceOf(NetworkError);
      expect(backend.mutations).to.equal(0);
    });

    it('does not retry applyLicenseKey', async () => {
      api.failNext('applyLicenseKey', 'network');
      expect(await rejection(adapter().applyLicenseKey!(makeLicenseKey({})))).to.be.instanceOf(NetworkError);
      expect(requests('/api/license/key')).to.have.length(1);
    });
  });

  describe('fault matrix: each method × each injected failure → its typed error', () => {
    const methods: AdapterMethod[] = [
      'load',
      'listUsage',
      'commit',
      'getInstallationLicense',
      'applyLicenseKey',
      'downloadLicenseLog',
      'listHistory',
    ];
    const expected: Record<Failure, new (...args: never[]) => LicensingError> = {
      network: NetworkError,
      server: ServerError,
      unavailable: ServerError,
      'rate-limited': ServerError,
      timeout: TimeoutError,
      forbidden: PermissionError,
      conflict: ConflictError,
      validation: ValidationError,
      malformed: BadResponseError,
    };
    const call = (rest: RestAdapter, method: AdapterMethod): Promise<unknown> => {
      switch (method) {
        case 'load':
          return rest.load();
        case 'listUsage':
          return rest.listUsage({ offset: 0, limit: 10 });
        case 'commit':
          return rest.commit(raise(), commitOptions());
        case 'getInstallationLicense':
          return rest.getInstallationLicense!();
        case 'applyLicenseKey':
          return rest.applyLicenseKey!(makeLicenseKey({ plan: 'monthly' }));
        case 'downloadLicenseLog':
          return rest.downloadLicenseLog!();
        case 'listHistory':
          return rest.listHistory({ offset: 0, limit: 10 });
      }
    };

    for (const method of methods) {
      for (const failure of Object.keys(expected) as Failure[]) {
        it(`${method} × ${failure} → ${expected[failure].name}`, async () => {
          const licence = await backend.getInstallationLicense!();
          // No retries here: each failure must surface as itself (retries are tested above), and
          // a timeout long enough that a loaded machine's service worker still answers in time;
          // the one request consumes the one queued failure.
          api.failNext(method, failure);
          const error = await rejection(
            call(adapter({ retries: 0, commitRetries: 0, timeout: 600 }), method),
          );
          expect(error).to.be.instanceOf(expected[failure]);
          expect((error as LicensingError).kind).to.equal(new expected[failure]().kind);
          expect(seen, 'one request, no retry').to.have.length(1);
          // A failed call changed nothing on the server.
          expect(await backend.load()).to.deep.equal(start);
          expect(backend.mutations).to.equal(0);
          expect(await backend.getInstallationLicense!()).to.deep.equal(licence);
        });
      }
    }
  });

  describe('recovery: a transient failure retried → the call succeeds, commit applied once', () => {
    const transient: [AdapterMethod, Failure[]][] = [
      ['load', ['network', 'unavailable']],
      ['listUsage', ['network', 'unavailable']],
      ['getInstallationLicense', ['network', 'unavailable']],
      ['downloadLicenseLog', ['network', 'unavailable']],
      ['commit', ['network', 'unavailable', 'timeout']],
    ];
    for (const [method, failures] of transient) {
      for (const failure of failures) {
        it(`${method} × ${failure}`, async () => {
          api.failNext(method, failure);
          const rest = adapter({ timeout: 600 });
          switch (method) {
            case 'load':
              expect((await rest.load()).version).to.equal('v1');
              break;
            case 'listUsage':
              expect((await rest.listUsage({ offset: 0, limit: 2 })).agents).to.have.length(2);
              break;
            case 'getInstallationLicense':
              expect((await rest.getInstallationLicense!()).token).to.be.a('string');
              break;
            case 'downloadLicenseLog':
              expect((await rest.downloadLicenseLog!()).filename).to.equal('license-2026-11-15.log');
              break;
            default:
              expect((await rest.commit(raise(), commitOptions())).version).to.equal('v2');
              expect(backend.mutations).to.equal(1);
          }
        });
      }
    }
  });

  describe('bodies that break the contract → BadResponseError naming the path', () => {
    it('load: a fractional count', async () => {
      api.failNext('load', 'malformed');
      const error = await rejection(adapter().load());
      expect(error).to.be.instanceOf(BadResponseError);
      expect((error as Error).message).to.contain('lines[0].count is not a whole number');
      expect((error as Error).message).to.contain('GET /api/licensing');
    });

    it('listUsage: a body that is not JSON', async () => {
      api.failNext('listUsage', 'malformed');
      const error = await rejection(adapter().listUsage({ offset: 0, limit: 1 }));
      expect(error).to.be.instanceOf(BadResponseError);
      expect((error as Error).message).to.contain('not valid JSON');
    });

    it('getInstallationLicense: an unknown plan', async () => {
      api.failNext('getInstallationLicense', 'malformed');
      const error = await rejection(adapter().getInstallationLicense!());
      expect((error as Error).message).to.contain('plan is not one of monthly, annual');
    });

    it('downloadLicenseLog: an HTML page instead of the log', async () => {
      api.failNext('downloadLicenseLog', 'malformed');
      const error = await rejection(adapter().downloadLicenseLog!());
      expect(error).to.be.instanceOf(BadResponseError);
      expect((error as Error).message).to.contain('HTML page');
    });

    it('money that is not whole minor units', async () => {
      const body = JSON.parse(JSON.stringify(start)) as { catalog: { unitPrice: { amount: number } }[] };
      body.catalog[1]!.unitPrice.amount = 12.5;
      worker.use(http.get('/api/licensing', () => HttpResponse.json(body)));
      const error = await rejection(adapter().load());
      expect((error as Error).message).to.contain(
        'catalog[1].unitPrice.amount is not a whole number of minor units',
      );
    });

    it('an HTML page answered for JSON', async () => {
      worker.use(http.get('/api/license', () => HttpResponse.html('<!doctype html><p>Sign in</p>')));
      const error = await rejection(adapter().getInstallationLicense!());
      expect(error).to.be.instanceOf(BadResponseError);
      expect((error as Error).message).to.contain('text/html');
    });
  });

  describe('decoders', () => {
    /** The snapshot as loose JSON a test can break. */
    interface Loose {
      permission: unknown;
      period: { start?: unknown };
      lines: { typeId: unknown; count: unknown }[];
      recording?: unknown;
    }
    const snapshot = () => JSON.parse(JSON.stringify(start)) as Loose;
    const message = (f: () => unknown) => {
      try {
        f();
      } catch (error) {
        return (error as Error).message;
      }
      throw new Error('expected the decoder to throw');
    };

    it('accepts every body the memory backend serves', async () => {
      expect(decodeLicensingSnapshot(JSON.parse(JSON.stringify(start)))).to.deep.equal(start);
      const page = await backend.listUsage({ offset: 0, limit: 50 });
      expect(decodeUsagePage(JSON.parse(JSON.stringify(page)))).to.deep.equal(page);
      const licence = await backend.getInstallationLicense!();
      expect(decodeInstallationLicense(JSON.parse(JSON.stringify(licence)))).to.deep.equal(licence);
    });

    it('names the first bad path', () => {
      const a = snapshot();
      a.lines[2]!.count = 1.5;
      expect(message(() => decodeLicensingSnapshot(a))).to.equal(
        'lines[2].count is not a whole number (got 1.5)',
      );
      const b = snapshot();
      delete b.period.start;
      expect(message(() => decodeLicensingSnapshot(b))).to.equal('period.start is missing');
      const c = snapshot();
      c.lines[0]!.typeId = 'fax';
      expect(message(() => decodeLicensingSnapshot(c))).to.equal(
        'lines[0].typeId is not in the catalog (got "fax")',
      );
      const d = snapshot();
      d.permission = 'admin';
      expect(message(() => decodeLicensingSnapshot(d))).to.contain(
        'permission is not one of none, view, update',
      );
      const e = snapshot();
      e.recording = { typeId: 'call-recording', retention: { months: 4 } };
      expect(message(() => decodeLicensingSnapshot(e))).to.contain('recording.retention.months');
      expect(message(() => decodeLicensingSnapshot([]))).to.contain('the body is not an object');
      expect(
        message(() => decodeUsagePage({ total: 1, countsByType: { voice: -1 }, agents: [] })),
      ).to.contain('countsByType["voice"] is not a whole number');
      expect(
        message(() =>
          decodeUsagePage({ total: 1, countsByType: {}, agents: [{ id: 'a', name: 'A', licences: [3] }] }),
        ),
      ).to.contain('agents[0].licences[0] is not a string');
    });

    it('drops fields it does not know (a newer server stays readable)', () => {
      const body = { ...structuredClone(start), futureField: true };
      expect(decodeLicensingSnapshot(body)).to.deep.equal(start);
    });
  });

  describe('status mapping without a problem body', () => {
    const cases: [number, new (...args: never[]) => LicensingError][] = [
      [400, ValidationError],
      [401, PermissionError],
      [403, PermissionError],
      [404, NotFoundError],
      [412, ConflictError],
      [418, BadResponseError],
      [500, ServerError],
      [501, NotSupportedError],
    ];
    for (const [status, type] of cases) {
      it(`${status} → ${type.name}`, async () => {
        worker.use(http.get('/api/licensing', () => new HttpResponse('nope', { status })));
        const error = await rejection(adapter({ retries: 0 }).load());
        expect(error).to.be.instanceOf(type);
        expect((error as LicensingError).status).to.equal(status);
      });
    }

    it('problem+json detail and currentVersion reach the error', async () => {
      worker.use(
        http.post('/api/licensing/changes', () =>
          HttpResponse.json(
            {
              type: 'about:blank',
              title: 'Precondition Failed',
              status: 412,
              detail: 'Reload.',
              currentVersion: 'v9',
            },
            { status: 412, headers: { 'Content-Type': 'application/problem+json' } },
          ),
        ),
      );
      const error = (await rejection(adapter().commit(raise(), commitOptions()))) as ConflictError;
      expect(error).to.be.instanceOf(ConflictError);
      expect(error.detail).to.equal('Reload.');
      expect(error.currentVersion).to.equal('v9');
    });
  });

  describe('timeout and abort', () => {
    it('rejects with a TimeoutError when the server does not answer in time', async () => {
      api.failNext('load', 'timeout');
      const started = performance.now();
      const error = await rejection(adapter({ timeout: 200, retries: 0 }).load());
      expect(error).to.be.instanceOf(TimeoutError);
      expect(performance.now() - started).to.be.within(180, 900);
    });

    it('times out even when a custom fetch ignores the signal', async () => {
      const rest = adapter({ timeout: 100, retries: 0, fetch: () => new Promise<Response>(() => {}) });
      expect(await rejection(rest.load())).to.be.instanceOf(TimeoutError);
    });

    it('a caller abort rejects with the AbortError, not a TimeoutError', async () => {
      api.failNext('listUsage', 'timeout');
      const controller = new AbortController();
      const pending = adapter({ timeout: 5000 }).listUsage(
        { offset: 0, limit: 1 },
        { signal: controller.signal },
      );
      setTimeout(() => controller.abort(), 50);
      const error = await rejection(pending);
      expect(isAbortError(error)).to.be.true;
      expect(error).not.to.be.instanceOf(LicensingError);
    });

    it('an already aborted signal sends nothing', async () => {
      const error = await rejection(adapter().load({ signal: AbortSignal.abort() }));
      expect(isAbortError(error)).to.be.true;
      expect(seen).to.have.length(0);
    });

    it('an abort during the backoff wait stops the retries', async () => {
      api.failNext('load', 'unavailable', 3);
      const controller = new AbortController();
      const pending = adapter({ maxRetryDelay: 10000 }).load({ signal: controller.signal });
      setTimeout(() => controller.abort(), 150);
      expect(isAbortError(await rejection(pending))).to.be.true;
      expect(requests('/api/licensing')).to.have.length(1);
    });
  });

  describe('header parsing', () => {
    it('parseEtag accepts quoted, weak and bare forms', () => {
      expect(parseEtag('"v7"')).to.equal('v7');
      expect(parseEtag('W/"v7"')).to.equal('v7');
      expect(parseEtag('v7')).to.equal('v7');
      expect(parseEtag(null)).to.equal(undefined);
      expect(parseEtag('""')).to.equal(undefined);
    });

    it('parseRetryAfter reads seconds and HTTP dates', () => {
      const at = Date.parse('Sun, 15 Nov 2026 10:00:00 GMT');
      expect(parseRetryAfter('2', at)).to.equal(2000);
      expect(parseRetryAfter('Sun, 15 Nov 2026 10:00:05 GMT', at)).to.equal(5000);
      expect(parseRetryAfter('Sun, 15 Nov 2026 09:00:00 GMT', at)).to.equal(0);
      expect(parseRetryAfter('soon', at)).to.equal(undefined);
    });

    it('parseContentDispositionFilename prefers filename*, and drops any path', () => {
      expect(parseContentDispositionFilename('attachment; filename="a.log"')).to.equal('a.log');
      expect(parseContentDispositionFilename('attachment; filename=b.log')).to.equal('b.log');
      expect(
        parseContentDispositionFilename(`attachment; filename="x.log"; filename*=UTF-8''licen%C3%A7a.log`),
      ).to.equal('licença.log');
      expect(parseContentDispositionFilename('attachment; filename="../../etc/passwd"')).to.equal('passwd');
      expect(parseContentDispositionFilename('attachment')).to.equal(undefined);
    });
  });
});
