// The MSW handlers speak the REST contract of docs/openapi.yaml: checked with plain fetch, so these
// tests say what any client (not only RestAdapter) gets from them.
import { expect } from '@open-wc/testing';
import { setupWorker } from 'msw/browser';
import { MemoryAdapter, makeLicenseKey } from '../src/adapters/memory/index.js';
import type { LicensingSnapshot, UsagePage } from '../src/core/index.js';
import { createLicensingHandlers, type LicensingHandlers } from '../src/mocks/index.js';

const now = () => new Date('2026-11-15T10:00:00Z');

interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail?: string;
  issues?: { code: string; severity: string }[];
  currentVersion?: string;
  reason?: string;
}

async function problemOf(response: Response): Promise<ProblemBody> {
  expect(response.headers.get('Content-Type')).to.match(/^application\/problem\+json/);
  const body = (await response.json()) as ProblemBody;
  expect(body.status).to.equal(response.status);
  expect(body.title).to.be.a('string');
  return body;
}

function commit(
  body: unknown,
  headers: Record<string, string> = { 'If-Match': '"v1"', 'Idempotency-Key': 'k1' },
) {
  return fetch('/api/licensing/changes', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

describe('MSW licensing handlers', () => {
  const worker = setupWorker();
  let backend: MemoryAdapter;
  let api: LicensingHandlers;
  let voice: { count: number; inUse: number };

  before(() => worker.start({ quiet: true, onUnhandledFrame: 'bypass' }));
  after(() => worker.stop());

  beforeEach(async () => {
    backend = new MemoryAdapter(undefined, { now });
    api = createLicensingHandlers({ backend });
    worker.use(...api.handlers);
    voice = (await backend.load()).lines.find((line) => line.typeId === 'voice')!;
  });
  afterEach(() => {
    api.reset(); // ends stalled requests, which worker.stop() would wait for
    worker.resetHandlers();
  });

  describe('GET /licensing', () => {
    it('answers the snapshot with its version as a strong ETag', async () => {
      const response = await fetch('/api/licensing');
      expect(response.status).to.equal(200);
      expect(response.headers.get('Content-Type')).to.match(/^application\/json/);
      expect(response.headers.get('ETag')).to.equal('"v1"');
      const body = (await response.json()) as LicensingSnapshot;
      expect(body).to.deep.equal(await backend.load());
    });
  });

  describe('GET /licensing/usage', () => {
    it('filters by type and search and pages on the server', async () => {
      const response = await fetch('/api/licensing/usage?type=voice&q=a&offset=5&limit=10');
      expect(response.status).to.equal(200);
      const page = (await response.json()) as UsagePage;
      expect(page).to.deep.equal(
        await backend.listUsage({ typeId: 'voice', search: 'a', offset: 5, limit: 10 }),
      );
      expect(page.agents).to.have.length(10);
      expect(page.agents.every((agent) => agent.licences.includes('voice'))).to.be.true;
    });

    it('answers 400 problem+json for an offset that is not a whole number', async () => {
      const response = await fetch('/api/licensing/usage?offset=-1&limit=10');
      expect(response.status).to.equal(400);
      await problemOf(response);
    });
  });

  describe('POST /licensing/changes', () => {
    it('applies the change set and answers the new snapshot with its ETag', async () => {
      const response = await commit({ counts: { voice: voice.count + 1 } });
      expect(response.status).to.equal(200);
      expect(response.headers.get('ETag')).to.equal('"v2"');
      const body = (await response.json()) as LicensingSnapshot;
      expect(body.version).to.equal('v2');
      expect(body.lines.find((line) => line.typeId === 'voice')!.count).to.equal(voice.count + 1);
      expect(backend.mutations).to.equal(1);
    });

    it('accepts an unquoted If-Match too', async () => {
      const response = await commit(
        { counts: { voice: voice.count + 1 } },
        { 'If-Match': 'v1', 'Idempotency-Key': 'k1' },
      );
      expect(response.status).to.equal(200);
    });

    it('answers a repeated Idempotency-Key with the first result and changes nothing more', async () => {
      const first = (await (
        await commit({ counts: { voice: voice.count + 1 } })
      ).json()) as LicensingSnapshot;
      const again = await commit({ counts: { voice: voice.count + 1 } });
      expect(again.status).to.equal(200);
      expect(await again.json()).to.deep.equal(first);
      expect(backend.mutations).to.equal(1);
    });

    it('answers 409 with currentVersion for a stale If-Match', async () => {
      const response = await commit(
        { counts: { voice: voice.count + 1 } },
        { 'If-Match': '"v0"', 'Idempotency-Key': 'k1' },
      );
      expect(response.status).to.equal(409);
      const problem = await problemOf(response);
      expect(problem.currentVersion).to.equal('v1');
      expect(backend.mutations).to.equal(0);
    });

    it('answers 422 with the issues of validate() for a change that breaks a rule', async () => {
      const response = await commit({ counts: { voice: 0 } });
      expect(response.status).to.equal(422);
      const problem = await problemOf(response);
      expect(problem.issues!.map((issue) => issue.code)).to.include('reduce-below-in-use');
      expect(backend.mutations).to.equal(0);
    });

    it('answers 428 without If-Match and 400 without Idempotency-Key', async () => {
      const noVersion = await commit({ counts: { voice: 1 } }, { 'Idempotency-Key': 'k1' });
      expect(noVersion.status).to.equal(428);
      await problemOf(noVersion);
      const noKey = await commit({ counts: { voice: 1 } }, { 'If-Match': '"v1"' });
      expect(noKey.status).to.equal(400);
      await problemOf(noKey);
      for (const key of ['a b', 'x'.repeat(256), 'key;drop']) {
        const badKey = await commit({ counts: { voice: 1 } }, { 'If-Match': '"v1"', 'Idempotency-Key': key });
        expect(badKey.status, key).to.equal(400);
        expect((await problemOf(badKey)).detail).to.contain('Idempotency-Key');
      }
      expect((await backend.load()).version, 'nothing applied').to.equal('v1');
    });

    it('answers 400 for a body that is not JSON, 422 naming the path for a wrong shape, never a crash', async () => {
      const notJson = await commit('{"counts":');
      expect(notJson.status).to.equal(400);
      await problemOf(notJson);

      for (const [body, path] of [
        [[1, 2], 'the body'],
        [{ counts: { voice: 'ten' } }, 'counts["voice"]'],
        [{ count: { voice: 3 } }, 'count'],
        [{ retention: { days: 7 } }, 'retention.days'],
        [{ powerPack: { limits: { 'ai-qa': '5' } } }, 'powerPack.limits["ai-qa"]'],
        [null, 'the body'],
      ] as const) {
        const response = await commit(body);
        expect(response.status, JSON.stringify(body)).to.equal(422);
        const problem = await problemOf(response);
        expect(problem.detail).to.contain(path);
      }
      expect(backend.mutations).to.equal(0);
    });
  });

  describe('installation licence', () => {
    it('GET /license answers the licence', async () => {
      const response = await fetch('/api/license');
      expect(response.status).to.equal(200);
      expect(await response.json()).to.deep.equal(await backend.getInstallationLicense!());
    });

    it('PUT /license/key applies a good key and answers 422 with the reason for a bad one', async () => {
      const put = (body: unknown) =>
        fetch('/api/license/key', {
          method: 'PUT',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(body),
        });
      const bad = await put({ key: 'nonsense' });
      expect(bad.status).to.equal(422);
      const refused = await problemOf(bad);
      expect(refused.detail).to.equal('A licence key starts with "XCL1-".');
      expect(refused.reason).to.equal('malformed');

      const noKey = await put({ licence: 'x' });
      expect(noKey.status).to.equal(422);
      expect((await problemOf(noKey)).reason, 'a body that breaks the contract is no refused key').to.equal(
        undefined,
      );

      const good = await put({ key: makeLicenseKey({ plan: 'monthly' }) });
      expect(good.status).to.equal(200);
      expect(((await good.json()) as { plan: string }).plan).to.equal('monthly');
    });

    it('GET /license/log answers the file with a Content-Disposition file name', async () => {
      const response = await fetch('/api/license/log');
      expect(response.status).to.equal(200);
      expect(response.headers.get('Content-Type')).to.match(/^text\/plain/);
      expect(response.headers.get('Content-Disposition')).to.contain('filename="license-2026-11-15.log"');
      expect(await response.text()).to.contain('licence check: active');
    });

    it('answers 501 when the backend has no installation licence', async () => {
      worker.resetHandlers();
      const bare = new MemoryAdapter({
        snapshot: await backend.load(),
        agents: [],
        installationLicense: null,
      });
      worker.use(...createLicensingHandlers({ backend: bare }).handlers);
      for (const response of [await fetch('/api/license'), await fetch('/api/license/log')]) {
        expect(response.status).to.equal(501);
        await problemOf(response);
      }
    });
  });

  describe('injected failures', () => {
    it('network: the request fails like a dropped connection', async () => {
      api.failNext('load', 'network');
      let error: unknown;
      await fetch('/api/licensing').catch((e: unknown) => (error = e));
      expect(error).to.be.instanceOf(TypeError);
      expect((await fetch('/api/licensing')).status, 'only the next request fails').to.equal(200);
    });

    it('server, unavailable, rate-limited, forbidden, conflict, validation: problem+json with the right status', async () => {
      const cases = [
        ['server', 500],
        ['unavailable', 503],
        ['rate-limited', 429],
        ['forbidden', 403],
        ['conflict', 409],
        ['validation', 422],
      ] as const;
      for (const [failure, status] of cases) {
        api.failNext('load', failure);
        const response = await fetch('/api/licensing');
        expect(response.status, failure).to.equal(status);
        await problemOf(response);
        if (failure === 'unavailable' || failure === 'rate-limited') {
          expect(response.headers.get('Retry-After'), failure).to.equal('1');
        }
      }
    });

    it('opening the events stream leaves a failure queued for the next load to that load', async () => {
      api.failNext('load', 'server');
      const events = await fetch('/api/licensing/events');
      expect(events.status).to.equal(200);
      await events.body!.cancel();
      const response = await fetch('/api/licensing');
      expect(response.status, 'the page still gets its failure').to.equal(500);
      expect((await fetch('/api/licensing')).status, 'once').to.equal(200);
    });

    it('a failed commit changes nothing', async () => {
      for (const failure of [
        'server',
        'unavailable',
        'rate-limited',
        'forbidden',
        'conflict',
        'validation',
        'malformed',
      ] as const) {
        api.failNext('commit', failure);
        const response = await commit(
          { counts: { voice: voice.count + 1 } },
          { 'If-Match': '"v1"', 'Idempotency-Key': failure },
        );
        await response.text();
      }
      expect(backend.mutations).to.equal(0);
      expect((await backend.load()).version).to.equal('v1');
    });

    it('timeout: no answer until the client gives up', async () => {
      api.failNext('listUsage', 'timeout');
      const started = performance.now();
      let error: unknown;
      await fetch('/api/licensing/usage?offset=0&limit=1', { signal: AbortSignal.timeout(150) }).catch(
        (e: unknown) => (error = e),
      );
      // Chromium and Firefox reject with the signal's TimeoutError, WebKit with an AbortError; what
      // matters is that no answer came before the client gave up.
      expect((error as DOMException).name).to.be.oneOf(['TimeoutError', 'AbortError']);
      expect(performance.now() - started).to.be.greaterThan(120);
    });

    it('malformed: 200 with a body that breaks the contract', async () => {
      api.failNext('listUsage', 'malformed');
      const usage = await fetch('/api/licensing/usage');
      expect(usage.status).to.equal(200);
      let parseError: unknown;
      await usage.json().catch((e: unknown) => (parseError = e));
      // A SyntaxError in Chromium and Firefox, a DOMException named so in WebKit.
      expect((parseError as Error).name).to.equal('SyntaxError');

      api.failNext('load', 'malformed');
      const load = await fetch('/api/licensing');
      expect(load.status).to.equal(200);
      const body = (await load.json()) as { lines: { count: number }[] };
      expect(Number.isInteger(body.lines[0]!.count)).to.be.false;

      api.failNext('downloadLicenseLog', 'malformed');
      const log = await fetch('/api/license/log');
      expect(log.headers.get('Content-Type')).to.match(/^text\/html/);
    });

    it('reset() forgets commits and queued failures', async () => {
      await commit({ counts: { voice: voice.count + 1 } });
      api.failNext('load', 'server', 3);
      api.reset();
      const response = await fetch('/api/licensing');
      expect(response.status).to.equal(200);
      expect(response.headers.get('ETag')).to.equal('"v1"');
    });
  });

  it('serves under another base URL', async () => {
    worker.resetHandlers();
    worker.use(...createLicensingHandlers({ backend, baseUrl: '/billing/v2/' }).handlers);
    expect((await fetch('/billing/v2/licensing')).status).to.equal(200);
  });
});
