// `GET /licensing/history` (docs/openapi.yaml) served from the memory backend's `listHistory`,
// registered by createLicensingHandlers with the other routes.
import { http, HttpResponse, type HttpHandler } from 'msw';
import type { AdapterMethod } from '../adapters/adapter.js';
import type { MemoryAdapter } from '../adapters/memory/memory-adapter.js';

/** A history page whose entry has no readable time, for the `malformed` failure. */
export const malformedHistory = {
  total: 1,
  entries: [
    {
      id: 'h1',
      at: 'yesterday',
      user: 'Jana',
      version: 'v2',
      changes: [],
      thisMonth: { amount: 0, currency: 'EUR' },
      nextMonth: { amount: 0, currency: 'EUR' },
    },
  ],
};

const whole = (text: string | null, fallback: number): number | undefined =>
  text === null || text === '' ? fallback : /^\d{1,9}$/.test(text) ? Number(text) : undefined;

/** An ISO 8601 date (its UTC midnight) or date-time with an offset, as the contract's formats say. */
const ISO = /^\d{4}-\d{2}-\d{2}(?:[Tt ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2}))?$/;
const instant = (text: string | null): string | undefined | false =>
  text === null || text === '' ? undefined : !ISO.test(text) || Number.isNaN(Date.parse(text)) ? false : text;

/** The route; `serve` answers the backend's typed errors, `badRequest` a query the contract refuses. */
export function historyHandler(
  base: string,
  backend: MemoryAdapter,
  serve: (operation: AdapterMethod, work: () => Promise<Response>) => Promise<Response>,
  badRequest: (detail: string) => Response,
): HttpHandler {
  return http.get(`${base}/licensing/history`, ({ request }) =>
    serve('listHistory', async () => {
      const url = new URL(request.url);
      const offset = whole(url.searchParams.get('offset'), 0);
      const limit = whole(url.searchParams.get('limit'), 20);
      if (offset === undefined || limit === undefined || limit < 1 || limit > 200) {
        return badRequest('offset must be a whole number and limit one from 1 to 200.');
      }
      const from = instant(url.searchParams.get('from'));
      const to = instant(url.searchParams.get('to'));
      if (from === false || to === false)
        return badRequest('from and to must be ISO 8601 dates or date-times.');
      const type = url.searchParams.get('type') || undefined;
      const page = await backend.listHistory({
        offset,
        limit,
        ...(type ? { type } : {}),
        ...(from ? { from } : {}),
        ...(to ? { to } : {}),
      });
      return HttpResponse.json(page);
    }),
  );
}
