// `GET /licensing/events` of the MSW handlers: the backend's changes as Server-Sent Events, so
// RestAdapter over MSW (the demo's "REST via MSW", Storybook, the tests) gets live updates as it
// does from the reference backend. The memory backend tells its listeners of every commit (and
// another tab's); each becomes an event whose `id` is the new version. `none` is refused (403).
// Where the browser cannot stream a mocked body (WebKit), each answer is one event (long polling).

import { http, HttpResponse, type HttpHandler } from 'msw';
import type { MemoryAdapter } from '../adapters/memory/memory-adapter.js';

const encoder = new TextEncoder();
const streamHeaders = { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-cache' };

/**
 * Whether this browser can hand a ReadableStream to the worker. WebKit without transferable streams
 * cannot: there MSW reads a mocked body to its end before the page gets any of it, so an open stream
 * would never arrive.
 */
let transfers: boolean | undefined;
function streamsTransfer(): boolean {
  if (transfers === undefined) {
    try {
      const stream = new ReadableStream();
      new MessageChannel().port1.postMessage(stream, [stream as unknown as Transferable]);
      transfers = true;
    } catch {
      transfers = false;
    }
  }
  return transfers;
}

/** Resolves with the backend's next version, or its current one after `ms`. */
function nextVersion(backend: MemoryAdapter, current: string, ms: number): Promise<string> {
  return new Promise((resolve) => {
    const done = (version: string) => {
      clearTimeout(timer);
      unsubscribe();
      resolve(version);
    };
    const timer = setTimeout(() => done(current), ms);
    const unsubscribe = backend.subscribe((next) => done(next.version));
  });
}
const event = (version: string): Uint8Array =>
  encoder.encode(`id: ${version}\ndata: ${JSON.stringify({ version })}\n\n`);

/** The events route on `base`, and `closeAll` to end every open stream (before `worker.stop()`). */
export function eventsHandler(
  backend: MemoryAdapter,
  base: string,
): { handler: HttpHandler; closeAll: () => void } {
  const open = new Set<() => void>();
  const handler = http.get(`${base}/licensing/events`, async ({ request }) => {
    // Not backend.load(): a reconnect must not take a load failure queued for the page.
    const snapshot = backend.peek();
    if (snapshot.permission === 'none') {
      return HttpResponse.json(
        { type: 'about:blank', title: 'Forbidden', status: 403, detail: 'You have no access to licensing.' },
        { status: 403, headers: { 'Content-Type': 'application/problem+json' } },
      );
    }
    if (!streamsTransfer()) {
      // A stream that ends after each event: EventSource and RestAdapter's reader reconnect after
      // `retry` with Last-Event-ID, so a change still reaches the page within about half a second.
      const last = request.headers.get('Last-Event-ID');
      const version =
        last === snapshot.version ? await nextVersion(backend, snapshot.version, 20_000) : snapshot.version;
      const body = new Uint8Array([...encoder.encode('retry: 500\n\n'), ...event(version)]);
      return new HttpResponse(body, { headers: streamHeaders });
    }
    let stop = () => undefined as void;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encoder.encode('retry: 2000\n\n'));
        controller.enqueue(event(snapshot.version));
        const unsubscribe = backend.subscribe((next) => controller.enqueue(event(next.version)));
        stop = () => {
          unsubscribe();
          open.delete(stop);
          try {
            controller.close();
          } catch {
            // Already closed or cancelled.
          }
        };
        open.add(stop);
      },
      cancel: () => stop(),
    });
    return new HttpResponse(body, { headers: streamHeaders });
  });
  return { handler, closeAll: () => [...open].forEach((close) => close()) };
}
