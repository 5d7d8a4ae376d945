// Reads GET /api/licensing/events as a client would: over real HTTP, the stream parsed into
// events (`id`, `data`) and comments, every answer checked against docs/openapi.yaml (the status
// and media type, and each event's data against `LicensingEvent`).

import type { ChangeSet } from '../../../src/core/index.js';
import { checkResponse, checkSchema } from './contract.js';

export interface StreamEvent {
  id: string | undefined;
  data: { version: string; changes?: ChangeSet };
}

export interface EventStream {
  status: number;
  headers: Headers;
  /** The problem+json body of a refusal; `undefined` for a stream. */
  problem: { status: number; detail?: string } | undefined;
  /** Every event so far. */
  events: StreamEvent[];
  /** Every comment line so far (`: heartbeat` → `heartbeat`). */
  comments: string[];
  /** The `retry` field, once received. */
  retry: number | undefined;
  /** Resolves with the event after the `count` taken so far; rejects after `timeout` ms. */
  next(timeout?: number): Promise<StreamEvent>;
  /** Resolves when a comment arrives; rejects after `timeout` ms. */
  nextComment(timeout?: number): Promise<string>;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  close(): void;
}

export async function openEvents(
  api: string,
  { token, lastEventId }: { token?: string; lastEventId?: string } = {},
): Promise<EventStream> {
  const headers: Record<string, string> = { Accept: 'text/event-stream' };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (lastEventId) headers['Last-Event-ID'] = lastEventId;
  const controller = new AbortController();
  const response = await fetch(`${api}/licensing/events`, { headers, signal: controller.signal });
  const type = response.headers.get('content-type') ?? '';
  const stream: EventStream = {
    status: response.status,
    headers: response.headers,
    problem: undefined,
    events: [],
    comments: [],
    retry: undefined,
    next: () => Promise.reject(new Error('not a stream')),
    nextComment: () => Promise.reject(new Error('not a stream')),
    ended: Promise.resolve(),
    close: () => controller.abort(),
  };
  if (response.status !== 200) {
    const body = JSON.parse(await response.text()) as { status: number; detail?: string };
    checkResponse('GET', '/licensing/events', response.status, type, body);
    stream.problem = body;
    return stream;
  }
  checkResponse('GET', '/licensing/events', 200, type, '');

  const waiters: (() => void)[] = [];
  const wake = () => waiters.splice(0).forEach((w) => w());
  let taken = 0;
  let commentsTaken = 0;
  let done = false;
  const wait = <T>(ready: () => T | undefined, timeout: number, what: string): Promise<T> =>
    new Promise((resolve, reject) => {
      const check = () => {
        const value = ready();
        if (value !== undefined) {
          clearTimeout(timer);
          resolve(value);
        } else if (done) {
          clearTimeout(timer);
          reject(new Error(`the stream ended before ${what}`));
        } else waiters.push(check);
      };
      const timer = setTimeout(() => reject(new Error(`no ${what} within ${timeout} ms`)), timeout);
      check();
    });
  stream.next = (timeout = 2000) =>
    wait(() => (taken < stream.events.length ? stream.events[taken++] : undefined), timeout, 'event');
  stream.nextComment = (timeout = 2000) =>
    wait(
      () => (commentsTaken < stream.comments.length ? stream.comments[commentsTaken++] : undefined),
      timeout,
      'comment',
    );

  stream.ended = (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    let id: string | undefined;
    let data: string[] = [];
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let newline: number;
        while ((newline = buffer.indexOf('\n')) >= 0) {
          const line = buffer.slice(0, newline).replace(/\r$/, '');
          buffer = buffer.slice(newline + 1);
          if (line === '') {
            if (data.length) {
              const parsed = JSON.parse(data.join('\n')) as StreamEvent['data'];
              checkSchema('LicensingEvent', parsed);
              stream.events.push({ id, data: parsed });
            }
            data = [];
          } else if (line.startsWith(':')) stream.comments.push(line.slice(1).trim());
          else {
            const colon = line.indexOf(':');
            const field = colon < 0 ? line : line.slice(0, colon);
            const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
            if (field === 'id') id = value;
            else if (field === 'data') data.push(value);
            else if (field === 'retry') stream.retry = Number(value);
          }
        }
        wake();
      }
    } catch (error) {
      if (!controller.signal.aborted) throw error;
    } finally {
      done = true;
      wake();
    }
  })();
  stream.ended.catch(() => undefined);
  return stream;
}
