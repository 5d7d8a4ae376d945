// Proves that MSW's service worker intercepts fetch inside the test page, so the REST adapter's
// tests can rely on it.
import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';

describe('MSW in the test page', () => {
  const worker = setupWorker(
    http.get('/api/ping', ({ request }) =>
      HttpResponse.json({ pong: true, auth: request.headers.get('authorization') }),
    ),
  );

  before(async () => {
    await worker.start({ quiet: true, onUnhandledFrame: 'bypass' });
  });
  after(() => worker.stop());

  it('answers fetch with the handler', async () => {
    const response = await fetch('/api/ping', { headers: { authorization: 'Bearer t' } });
    expect(response.status).to.equal(200);
    expect(await response.json()).to.deep.equal({ pong: true, auth: 'Bearer t' });
  });

  it('can override a handler per test', async () => {
    worker.use(http.get('/api/ping', () => HttpResponse.json({ title: 'Down' }, { status: 503 })));
    const response = await fetch('/api/ping');
    expect(response.status).to.equal(503);
    worker.resetHandlers();
    expect((await fetch('/api/ping')).status).to.equal(200);
  });
});
