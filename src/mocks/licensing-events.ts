// `GET /licensing/events` of the MSW handlers: the backend's changes as Server-Sent Events, so
// RestAdapter over MSW (the demo's "REST via MSW", Storybook, the tests) gets live updates as it
// does from the reference backend. The memory backend tells its listeners of every commit (and
// another tab's); each becomes an event whose `id` is the new version. `none` is refused (403).

import { http, HttpResponse, type HttpHandler } from 'msw';
import type { MemoryAdapter } from '../adapters/memory/memory-adapter.js';

const encoder = new TextEncoder();
const event = (version: string): Uint8Array =>
  encoder.encode(`id: ${version}\ndata: ${JSON.stringify({ version })}\n\n`);

/** The events route on `base`, and `closeAll` to end every open stream (before `worker.stop()`). */
export function eventsHandler(
  backend: MemoryAdapter,
  base: string,
): { handler: HttpHandler; closeAll: () => void } {
  const open = new Set<() => void>();
  const handler = http.get(`${base}/licensing/events`, async () => {
    const snapshot = await backend.load();
    if (snapshot.permission === 'none') {
      return HttpResponse.json(
        { type: 'about:blank', title: 'Forbidden', status: 403, detail: 'You have no access to licensing.' },
        { status: 403, headers: { 'Content-Type': 'application/problem+json' } },
      );
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
    return new HttpResponse(body, {
      headers: { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-cache' },
    });
  });
  return { handler, closeAll: () => [...open].forEach((close) => close()) };
}
