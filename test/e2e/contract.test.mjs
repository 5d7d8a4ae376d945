// The contract is written four times: the types (src/core/types.ts), the decoders of the REST
// adapter (src/adapters/decode/), docs/openapi.yaml and the MSW handlers
// (src/mocks/licensing-handlers.ts). This ties them: every answer the handlers give, for each
// operation, success and every error status they can answer (on their own or through an injected
// failure), is checked against the schemas of docs/openapi.yaml with Ajv (JSON Schema 2020-12, the
// dialect of OpenAPI 3.1): the status must be documented for the operation, the content type
// listed, the body valid, and every header the yaml documents for that answer sent and valid. Each
// 2xx JSON body must also pass the adapter's decoder, and each body the handlers break on purpose
// (`malformed`) must be refused by the yaml as by the decoder, so the yaml is no looser than the
// client on what the tests rely on.
//
// The handlers, the memory backend and the decoders are TypeScript: esbuild bundles them into one
// module (packages left external, so it shares this process's msw) that this file imports, and
// msw's getResponse() answers each Request with no network and no browser.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { build } from 'esbuild';
import { getResponse } from 'msw';
import { parse } from 'yaml';
import { projectRoot } from './harness.mjs';

const BASE = 'http://licence-kit.test/api';
const SPEC_ID = 'https://licence-kit.test/openapi.json';

const spec = parse(readFileSync(join(projectRoot, 'docs/openapi.yaml'), 'utf8'));

// The whole document is one schema resource, so the yaml's own `#/components/schemas/…` refs
// resolve; its OpenAPI-only keywords are declared to Ajv, which stays strict about the rest (a
// misspelt `minimun` in a schema fails here).
const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
for (const keyword of ['openapi', 'info', 'servers', 'security', 'tags', 'paths', 'components', 'example']) {
  ajv.addKeyword(keyword);
}
ajv.addSchema({ ...spec, $id: SPEC_ID });

const escape = (segment) => segment.replaceAll('~', '~0').replaceAll('/', '~1');
const pointer = (...segments) => `/${segments.map(escape).join('/')}`;

/** The object of the document at `ref`, a local `$ref` (`#/components/…`). */
function at(ref) {
  const value = ref
    .slice(1)
    .split('/')
    .slice(1)
    .map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'))
    .reduce((node, key) => node?.[key], spec);
  assert.ok(value !== undefined, `docs/openapi.yaml has nothing at ${ref}`);
  return value;
}

/** Follows an OpenAPI `$ref` (a response or header object): `{ node, ptr }`. */
function deref(node, ptr) {
  return node && typeof node.$ref === 'string'
    ? { node: at(node.$ref), ptr: node.$ref.slice(1) }
    : { node, ptr };
}

const validators = new Map();
/** A validator for the schema at `ptr` of the document. */
function validatorAt(ptr) {
  if (!validators.has(ptr)) validators.set(ptr, ajv.compile({ $ref: `${SPEC_ID}#${ptr}` }));
  return validators.get(ptr);
}

const operations = Object.fromEntries(
  Object.entries(spec.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => [op.operationId, { path, method: method.toUpperCase(), op }]),
  ),
);

/**
 * Checks one answer of `operationId` against the yaml; returns the parsed body. `viaDefault`
 * allows the operation's `default` answer (injected failures); otherwise the status must be
 * listed.
 */
async function checkAnswer(operationId, response, { viaDefault = false } = {}) {
  const { path, method, op } = operations[operationId];
  const where = `${method} ${path} → ${response.status}`;
  const status = String(response.status);
  const listed = op.responses[status];
  assert.ok(
    listed || (viaDefault && op.responses.default),
    `${where}: the status is not documented for ${operationId} in docs/openapi.yaml`,
  );
  const key = listed ? status : 'default';
  const { node: answer, ptr } = deref(
    listed ?? op.responses.default,
    pointer('paths', path, method.toLowerCase(), 'responses', key),
  );

  for (const [name, header] of Object.entries(answer.headers ?? {})) {
    const { ptr: headerPtr } = deref(header, `${ptr}${pointer('headers', name)}`);
    const value = response.headers.get(name);
    assert.ok(value !== null, `${where}: the documented ${name} header is not sent`);
    const validate = validatorAt(`${headerPtr}/schema`);
    assert.ok(validate(value), `${where}: ${name}: ${ajv.errorsText(validate.errors)}`);
  }

  const mediaType = (response.headers.get('Content-Type') ?? '').split(';')[0].trim();
  const text = await response.text();
  if (!answer.content) return { text };
  assert.ok(
    mediaType in answer.content,
    `${where}: Content-Type ${mediaType || '(none)'} is not one of ${Object.keys(answer.content).join(', ')}`,
  );
  const body = /[/+]json$/.test(mediaType) ? JSON.parse(text) : text;
  const validate = validatorAt(`${ptr}${pointer('content', mediaType, 'schema')}`);
  assert.ok(
    validate(body),
    `${where}: the body does not match docs/openapi.yaml: ${ajv.errorsText(validate.errors)}\n${text.slice(0, 400)}`,
  );
  return { body, text };
}

/** Why the yaml refuses a 200 answer the handlers break on purpose, or undefined if it accepts it. */
function contractRefuses(operationId, mediaType, text) {
  const { path, method, op } = operations[operationId];
  const answer = op.responses['200'];
  if (!(mediaType in answer.content)) return `Content-Type ${mediaType} is not listed`;
  let body = text;
  if (/[/+]json$/.test(mediaType)) {
    try {
      body = JSON.parse(text);
    } catch {
      return 'the body is not JSON';
    }
  }
  const validate = validatorAt(
    `${pointer('paths', path, method.toLowerCase(), 'responses', '200')}${pointer('content', mediaType, 'schema')}`,
  );
  return validate(body) ? undefined : ajv.errorsText(validate.errors);
}

let outDir;
/** The bundled TypeScript: handlers, backend, key maker and decoders. */
let lib;

before(async () => {
  // Inside the project, so the bundle's bare imports (`msw`) resolve from its node_modules.
  const cache = join(projectRoot, 'node_modules', '.cache');
  if (!existsSync(cache)) mkdirSync(cache, { recursive: true });
  outDir = mkdtempSync(join(cache, 'contract-test-'));
  await build({
    absWorkingDir: projectRoot,
    stdin: {
      contents: `
        export { createLicensingHandlers } from './src/mocks/index.ts';
        export { MemoryAdapter, makeLicenseKey } from './src/adapters/memory/index.ts';
        export {
          decodeInstallationLicense,
          decodeLicensingSnapshot,
          decodeProblem,
          decodeUsagePage,
          parseEtag,
        } from './src/adapters/rest/index.ts';
        export { decodeChangeRequest } from './src/adapters/rest/requests.ts';
      `,
      resolveDir: projectRoot,
      loader: 'ts',
    },
    bundle: true,
    packages: 'external',
    format: 'esm',
    platform: 'node',
    target: 'es2022',
    outfile: join(outDir, 'contract.mjs'),
    tsconfig: join(projectRoot, 'tsconfig.json'),
    logLevel: 'error',
  });
  lib = await import(pathToFileURL(join(outDir, 'contract.mjs')).href);
});

after(() => {
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

const now = () => new Date('2026-11-15T10:00:00Z');

/** A fresh backend behind the handlers; `seed` as MemoryAdapter's. */
function server(seed) {
  const backend = new lib.MemoryAdapter(seed, { now });
  const api = lib.createLicensingHandlers({ backend, baseUrl: BASE, stallFor: 5 });
  const send = async (path, init = {}) => {
    const response = await getResponse(api.handlers, new Request(`${BASE}${path}`, init));
    assert.ok(response, `no handler answered ${init.method ?? 'GET'} ${path}`);
    return response;
  };
  return { backend, api, send };
}

const json = (body) => (typeof body === 'string' ? body : JSON.stringify(body));
const commitInit = (body, headers = { 'If-Match': '"v1"', 'Idempotency-Key': 'k1' }) => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json', ...headers },
  body: json(body),
});
const keyInit = (body) => ({
  method: 'PUT',
  headers: { 'Content-Type': 'application/json' },
  body: json(body),
});

/** The request each operation sends in the injected-failure checks. */
async function requestFor(operationId, backend) {
  switch (operationId) {
    case 'load':
      return ['/licensing'];
    case 'listUsage':
      return ['/licensing/usage?offset=0&limit=10'];
    case 'commit': {
      const voice = (await backend.load()).lines.find((line) => line.typeId === 'voice');
      return ['/licensing/changes', commitInit({ counts: { voice: voice.count + 1 } })];
    }
    case 'getInstallationLicense':
      return ['/license'];
    case 'applyLicenseKey':
      return ['/license/key', keyInit({ key: lib.makeLicenseKey({ plan: 'monthly' }) })];
    case 'downloadLicenseLog':
      return ['/license/log'];
  }
  throw new Error(`no request for ${operationId}`);
}

describe('docs/openapi.yaml', () => {
  it('is a valid OpenAPI 3.1 document whose schemas all compile', () => {
    assert.match(spec.openapi, /^3\.1\./);
    for (const name of Object.keys(spec.components.schemas))
      validatorAt(pointer('components', 'schemas', name));
  });

  it('names the operations the adapter and the handlers speak, and the host services apart', () => {
    const hostServices = Object.keys(operations).filter((id) =>
      operations[id].op.tags?.includes('host-services'),
    );
    const widgets = Object.keys(operations).filter((id) => !hostServices.includes(id));
    assert.deepEqual(widgets.sort(), [
      'applyLicenseKey',
      'approveRequest',
      'assign',
      'commit',
      'declineRequest',
      'downloadLicenseLog',
      'getInstallationLicense',
      'listHistory',
      'listRequests',
      'listUsage',
      'load',
      'requestChange',
      'streamEvents',
    ]);
    // Served by the reference backend only; server/test checks its answers against this file.
    assert.deepEqual(hostServices.sort(), ['isServiceAllowed', 'recordUsage']);
  });
});

describe('MSW handlers answer as docs/openapi.yaml says, and the decoders read it', () => {
  it('change requests (R1): a view user sends one, update declines it; refusals as documented', async () => {
    const { backend, send } = server();
    backend.setPermission('view');
    const post = (body, key = 'r1') => ({
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key },
      body: json(body),
    });
    const voice = (await backend.load()).lines.find((l) => l.typeId === 'voice').count;
    const sent = await send(
      '/licensing/requests',
      post({ changes: { counts: { voice: voice + 1 } }, note: 'hi' }),
    );
    assert.equal(sent.status, 201);
    const { body } = await checkAnswer('requestChange', sent);
    assert.deepEqual(lib.decodeChangeRequest(body), body);
    const listed = await send('/licensing/requests');
    assert.equal(listed.status, 200);
    await checkAnswer('listRequests', listed);
    const broken = await send('/licensing/requests', post({ changes: { counts: { voice: 0 } } }, 'r2'));
    assert.equal(broken.status, 422);
    await checkAnswer('requestChange', broken);
    backend.setPermission('update');
    const refused = await send(
      '/licensing/requests',
      post({ changes: { counts: { voice: voice + 2 } } }, 'r3'),
    );
    assert.equal(refused.status, 403);
    await checkAnswer('requestChange', refused);
    const declinePath = `/licensing/requests/${body.id}/decline`;
    const declined = await send(declinePath, {
      ...post({ reason: 'Budget' }),
      headers: { 'Content-Type': 'application/json' },
    });
    assert.equal(declined.status, 200);
    await checkAnswer('declineRequest', declined);
    const again = await send(`/licensing/requests/${body.id}/approve`, {
      ...post({}),
      headers: { 'Content-Type': 'application/json' },
    });
    assert.equal(again.status, 409);
    await checkAnswer('approveRequest', again);
  });

  it('load: 200 with the snapshot and its version as the ETag', async () => {
    const { send } = server();
    const response = await send('/licensing');
    assert.equal(response.status, 200);
    const etag = response.headers.get('ETag');
    const { body } = await checkAnswer('load', response);
    assert.equal(lib.parseEtag(etag), body.version);
    assert.deepEqual(lib.decodeLicensingSnapshot(body), body);
  });

  it('listUsage: 200 for a page, filtered, searched or not', async () => {
    const { send } = server();
    for (const query of ['', '?offset=0&limit=5', '?type=voice&q=nov&offset=2&limit=3', '?q=zzzz-nobody']) {
      const response = await send(`/licensing/usage${query}`);
      assert.equal(response.status, 200, query);
      const { body } = await checkAnswer('listUsage', response);
      assert.deepEqual(lib.decodeUsagePage(body), body, query);
    }
  });

  it('listUsage: 400 for an offset or limit that is not a whole number', async () => {
    const { send } = server();
    for (const query of ['?offset=-1&limit=10', '?offset=0&limit=ten']) {
      const response = await send(`/licensing/usage${query}`);
      assert.equal(response.status, 400, query);
      await checkAnswer('listUsage', response);
    }
  });

  it('commit: 200 with the new snapshot, and 200 again for a repeated Idempotency-Key', async () => {
    const { backend, send } = server();
    const voice = (await backend.load()).lines.find((line) => line.typeId === 'voice');
    for (let i = 0; i < 2; i++) {
      const response = await send('/licensing/changes', commitInit({ counts: { voice: voice.count + 1 } }));
      assert.equal(response.status, 200);
      const etag = response.headers.get('ETag');
      const { body } = await checkAnswer('commit', response);
      assert.equal(body.version, 'v2');
      assert.equal(lib.parseEtag(etag), body.version);
      assert.deepEqual(lib.decodeLicensingSnapshot(body), body);
    }
    assert.equal(backend.mutations, 1);
  });

  it('commit: 422 with the rule breaks as issues, and 422 with no issues for a bad shape', async () => {
    const { backend, send } = server();
    const voice = (await backend.load()).lines.find((line) => line.typeId === 'voice');
    const broken = await send('/licensing/changes', commitInit({ counts: { voice: voice.inUse - 1 } }));
    assert.equal(broken.status, 422);
    const { body } = await checkAnswer('commit', broken);
    assert.ok(body.issues.some((issue) => issue.code === 'reduce-below-in-use'));
    assert.deepEqual(lib.decodeProblem(body).issues, body.issues);

    for (const shape of [{ count: { voice: 1 } }, { counts: { voice: 'many' } }, [1, 2]]) {
      const response = await send('/licensing/changes', commitInit(shape));
      assert.equal(response.status, 422, JSON.stringify(shape));
      const { body: problem } = await checkAnswer('commit', response);
      assert.deepEqual(problem.issues, []);
    }
  });

  it('commit: 409 with currentVersion for a stale If-Match', async () => {
    const { backend, send } = server();
    const voice = (await backend.load()).lines.find((line) => line.typeId === 'voice');
    const response = await send(
      '/licensing/changes',
      commitInit({ counts: { voice: voice.count + 1 } }, { 'If-Match': '"v0"', 'Idempotency-Key': 'k1' }),
    );
    assert.equal(response.status, 409);
    const { body } = await checkAnswer('commit', response);
    assert.equal(lib.decodeProblem(body).currentVersion, 'v1');
  });

  it('commit: 403 for a user who may only view', async () => {
    const { backend, send } = server();
    backend.setPermission('view');
    const response = await send(
      '/licensing/changes',
      commitInit({ counts: { voice: 1 } }, { 'If-Match': '"v2"', 'Idempotency-Key': 'k1' }),
    );
    assert.equal(response.status, 403);
    await checkAnswer('commit', response);
  });

  it('commit: 428 without If-Match, 400 without Idempotency-Key or with a body that is not JSON', async () => {
    const { send } = server();
    const cases = [
      [428, commitInit({ counts: {} }, { 'Idempotency-Key': 'k1' })],
      [400, commitInit({ counts: {} }, { 'If-Match': '"v1"' })],
      [400, commitInit('{"counts": {', { 'If-Match': '"v1"', 'Idempotency-Key': 'k1' })],
    ];
    for (const [status, init] of cases) {
      const response = await send('/licensing/changes', init);
      assert.equal(response.status, status);
      await checkAnswer('commit', response);
    }
  });

  it('getInstallationLicense: 200 with the licence', async () => {
    const { send } = server();
    const response = await send('/license');
    assert.equal(response.status, 200);
    const { body } = await checkAnswer('getInstallationLicense', response);
    assert.deepEqual(lib.decodeInstallationLicense(body), body);
  });

  it('applyLicenseKey: 200 for a good key; 422 for a refused key or no key; 400 for a body that is not JSON', async () => {
    const { send } = server();
    const good = await send('/license/key', keyInit({ key: lib.makeLicenseKey({ plan: 'annual' }) }));
    assert.equal(good.status, 200);
    const { body } = await checkAnswer('applyLicenseKey', good);
    assert.deepEqual(lib.decodeInstallationLicense(body), body);

    for (const [status, init] of [
      [422, keyInit({ key: 'not a key' })],
      [422, keyInit({ token: 'XCL1-' })],
      [400, keyInit('{"key":')],
    ]) {
      const response = await send('/license/key', init);
      assert.equal(response.status, status, init.body);
      const { body: problem } = await checkAnswer('applyLicenseKey', response);
      assert.equal(typeof problem.detail, 'string');
    }
  });

  it('downloadLicenseLog: 200 with the file and its name', async () => {
    const { send } = server();
    const response = await send('/license/log');
    assert.equal(response.status, 200);
    const { text } = await checkAnswer('downloadLicenseLog', response);
    assert.ok(text.length > 0);
  });

  it('every installation-licence operation: 501 on a backend without an installation licence', async () => {
    const { send } = server({ installationLicense: null });
    const cases = [
      ['getInstallationLicense', '/license'],
      ['applyLicenseKey', '/license/key', keyInit({ key: 'XCL1-' })],
      ['downloadLicenseLog', '/license/log'],
    ];
    for (const [operationId, path, init] of cases) {
      const response = await send(path, init);
      assert.equal(response.status, 501, operationId);
      await checkAnswer(operationId, response);
    }
  });
});

describe('MSW handlers: injected failures answer as docs/openapi.yaml says', () => {
  // The statuses each injected failure answers; `network` and `timeout` give no HTTP answer.
  const failures = { server: 500, unavailable: 503, forbidden: 403, conflict: 409, validation: 422 };

  for (const operationId of [
    'load',
    'listUsage',
    'commit',
    'getInstallationLicense',
    'applyLicenseKey',
    'downloadLicenseLog',
  ]) {
    it(`${operationId}: each failure's status is documented (or the default answer) and its body matches`, async () => {
      for (const [failure, status] of Object.entries(failures)) {
        const { api, backend, send } = server();
        const request = await requestFor(operationId, backend);
        api.failNext(operationId, failure);
        const response = await send(...request);
        assert.equal(response.status, status, `${operationId} × ${failure}`);
        // Failures a real server gives for this operation must be listed; the others (a 409 on a
        // GET) only exist to exercise clients, and fall under the operation's `default` answer.
        await checkAnswer(operationId, response, { viaDefault: true });
      }
      for (const failure of ['network', 'timeout']) {
        const { api, backend, send } = server();
        const request = await requestFor(operationId, backend);
        api.failNext(operationId, failure);
        assert.equal((await send(...request)).type, 'error', `${operationId} × ${failure}`);
      }
    });

    it(`${operationId}: a malformed answer is refused by the yaml as by the adapter's decoder`, async () => {
      const { api, backend, send } = server();
      const request = await requestFor(operationId, backend);
      api.failNext(operationId, 'malformed');
      const response = await send(...request);
      assert.equal(response.status, 200);
      const mediaType = (response.headers.get('Content-Type') ?? '').split(';')[0].trim();
      const text = await response.text();
      assert.ok(
        contractRefuses(operationId, mediaType, text),
        `docs/openapi.yaml accepts the malformed ${operationId} answer`,
      );
      const decoder = {
        load: lib.decodeLicensingSnapshot,
        commit: lib.decodeLicensingSnapshot,
        listUsage: lib.decodeUsagePage,
        getInstallationLicense: lib.decodeInstallationLicense,
        applyLicenseKey: lib.decodeInstallationLicense,
      }[operationId];
      // The log is refused for its content type (an HTML page), which the adapter checks itself;
      // a body that is not JSON is refused before any decoder runs.
      if (decoder) assert.throws(() => decoder(JSON.parse(text)));
    });
  }
});

describe('docs/openapi.yaml refuses the bodies the decoders refuse', () => {
  /** The schema of the 200 answer of `operationId`. */
  const schemaOf = (operationId) => {
    const { path, method } = operations[operationId];
    return validatorAt(
      `${pointer('paths', path, method.toLowerCase(), 'responses', '200')}${pointer('content', 'application/json', 'schema')}`,
    );
  };
  /** A copy of `body` changed by `change`. */
  const changed = (body, change) => {
    const copy = structuredClone(body);
    change(copy);
    return copy;
  };

  /** `[what, change]` pairs, each a break the decoder names; plus one both must accept. */
  const cases = {
    load: [
      ['a fractional count', (s) => (s.lines[0].count = 2.5)],
      ['a negative count', (s) => (s.lines[0].inUse = -1)],
      ['a count beyond a safe integer', (s) => (s.lines[0].peak = 2 ** 53)],
      ['money in fractions of a cent', (s) => (s.catalog[0].unitPrice.amount = 24.5)],
      ['a lower-case currency', (s) => (s.catalog[0].unitPrice.currency = 'eur')],
      ['an unknown permission', (s) => (s.permission = 'admin')],
      ['an empty version', (s) => (s.version = '')],
      ['no period', (s) => delete s.period],
      ['an empty type id', (s) => (s.catalog[0].id = '')],
      ['null for an optional field', (s) => (s.speechToText = null)],
      ['a negative Speech-to-Text limit', (s) => (s.speechToText.limitOverBase = -1)],
      ['a fractional Power Pack limit', (s) => (s.powerPack.services[0].limit = 1.5)],
      ['a Power Pack limit beyond a safe integer', (s) => (s.powerPack.services[0].limit = 2 ** 53)],
      ['a retention that is not a step of 3 months', (s) => (s.recording.retention = { months: 4 })],
      ['a retention of days other than 14', (s) => (s.recording.retention = { days: 7 })],
      ['a retention with neither days nor months', (s) => (s.recording.retention = {})],
      ['a negative price', (s) => (s.catalog[0].unitPrice.amount = -1)],
      ['a version holding a quote', (s) => (s.version = 'v"1')],
      ['a version holding a newline', (s) => (s.version = 'v1\nX')],
      ['a version holding a non-ASCII character', (s) => (s.version = 'verze-č1')],
      ['a period start that is not a date', (s) => (s.period.start = '1 November 2026')],
      ['a type id that is an Object.prototype name', (s) => (s.catalog[0].id = 'constructor')],
      ['a service id that is an Object.prototype name', (s) => (s.powerPack.services[0].id = '__proto__')],
    ],
    listUsage: [
      ['a fractional total', (p) => (p.total = 1.5)],
      ['a negative count by type', (p) => (p.countsByType.voice = -1)],
      ['licences that are not a list', (p) => (p.agents[0].licences = 'voice')],
      ['null for an optional email', (p) => (p.agents[0].email = null)],
      ['an agent without an id', (p) => delete p.agents[0].id],
    ],
    getInstallationLicense: [
      ['an unknown plan', (l) => (l.plan = 'weekly')],
      ['an unknown state', (l) => (l.status.state = 'expired')],
      ['an unknown grace reason', (l) => (l.status.reason = 'other')],
      ['a negative staff count', (l) => (l.staff.users = -1)],
      ['a module that is not text', (l) => (l.modules = [1])],
      ['no appZone', (l) => delete l.appZone],
    ],
  };
  const decoders = () => ({
    load: lib.decodeLicensingSnapshot,
    listUsage: lib.decodeUsagePage,
    getInstallationLicense: lib.decodeInstallationLicense,
  });
  const paths = {
    load: '/licensing',
    listUsage: '/licensing/usage?offset=0&limit=5',
    getInstallationLicense: '/license',
  };

  for (const [operationId, breaks] of Object.entries(cases)) {
    it(`${operationId}: each break is refused by both, a field added by a newer server by neither`, async () => {
      const { send } = server();
      const good = await (await send(paths[operationId])).json();
      const decode = decoders()[operationId];
      const validate = schemaOf(operationId);
      for (const [what, change] of breaks) {
        const bad = changed(good, change);
        assert.throws(() => decode(bad), `the decoder accepts ${what}`);
        assert.equal(validate(bad), false, `docs/openapi.yaml accepts ${what}`);
      }
      const newer = changed(good, (body) => (body.addedByANewerServer = { any: 'thing' }));
      assert.doesNotThrow(() => decode(newer));
      assert.ok(validate(newer), ajv.errorsText(validate.errors));
    });
  }
});
