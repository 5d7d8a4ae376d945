// Live updates for RestAdapter: `GET {baseUrl}/licensing/events` (Server-Sent Events, see
// docs/openapi.yaml) read with `EventSource` when the host's auth travels by itself (cookies, or
// none), else with a streaming `fetch`, which can send the `headers` option's Authorization. Each
// event names the account's version; one the adapter has not seen makes it load the snapshot and
// hand it to the store (`subscribe`'s onChange), which then says what changed underneath and
// rebases the cart, as with any other adapter that pushes changes.

import type { ChangeSet, LicensingSnapshot } from '../../core/index.js';
import type { CommitOptions, RequestOptions } from '../adapter.js';
import { parseRetryAfter } from './headers.js';
import { sleep } from './signals.js';

/** How the stream is reached: what RestAdapter's options say. */
export interface EventStreamOptions {
  readonly url: string;
  /** The headers of each connection (auth). With neither this nor `fetch`, `EventSource` is used. */
  readonly headers: (() => Promise<Readonly<Record<string, string>>>) | undefined;
  readonly fetch: ((input: string, init: RequestInit) => Promise<Response>) | undefined;
  readonly credentials: RequestCredentials | undefined;
  /** Longest wait before reconnecting, ms. */
  readonly maxRetryDelay: number;
}

/** What RestAdapter's options give the stream (see RestAdapterOptions). */
export interface RestStreamSource {
  readonly baseUrl: string;
  readonly headers?:
    | Readonly<Record<string, string>>
    | ((request: {
        method: string;
        url: string;
      }) => Readonly<Record<string, string>> | Promise<Readonly<Record<string, string>>>)
    | undefined;
  readonly fetch?: ((input: string, init: RequestInit) => Promise<Response>) | undefined;
  readonly credentials?: RequestCredentials | undefined;
  readonly maxRetryDelay?: number | undefined;
}

/** The stream of `{baseUrl}/licensing/events` as RestAdapter's options reach it. */
export function streamOf(source: RestStreamSource): EventStreamOptions {
  const url = `${source.baseUrl.replace(/\/+$/, '')}/licensing/events`;
  const { headers } = source;
  return {
    url,
    headers:
      headers === undefined
        ? undefined
        : async () => (typeof headers === 'function' ? headers({ method: 'GET', url }) : headers),
    fetch: source.fetch,
    credentials: source.credentials,
    maxRetryDelay: Math.max(0, source.maxRetryDelay ?? 10_000),
  };
}

/** Milliseconds without a byte (heartbeats come every 15 s) before the stream is taken as dead. */
const IDLE_LIMIT = 45_000;
/** The first reconnect's wait, until the server's `retry` field says otherwise. */
const FIRST_RETRY = 1000;

/**
 * A status after which the stream is not asked for again: refused (401, 403), not offered (404,
 * 405, 501) or any other answer that retrying will not change. 408, 429 and 5xx are retried.
 */
const isFinal = (status: number) =>
  status === 501 || (status >= 400 && status < 500 && status !== 408 && status !== 429);

/**
 * Reads the event stream until stopped, reconnecting after a drop with exponential backoff and
 * jitter and `Last-Event-ID`; calls `onVersion` with each event's version. Answers the function
 * that stops it (and closes the connection).
 */
export function readEvents(
  options: EventStreamOptions,
  onVersion: (version: string) => void,
  lastEventId?: string,
): () => void {
  const stop = new AbortController();
  let lastId = lastEventId;
  let retry = FIRST_RETRY;
  const take = (data: string, id: string | undefined) => {
    if (id) lastId = id;
    try {
      const event = JSON.parse(data) as { version?: unknown };
      if (typeof event.version === 'string') onVersion(event.version);
    } catch {
      // Not an event of the contract: nothing to do with it.
    }
  };
  const backoff = (attempt: number) =>
    Math.min(options.maxRetryDelay, retry * 2 ** attempt) * (0.5 + Math.random() / 2);

  if (!options.headers && !options.fetch && typeof EventSource === 'function') {
    // EventSource reconnects by itself after a drop, with Last-Event-ID. It gives up on an HTTP
    // error, without saying which: if the stream never opened, it is refused or not offered (stop);
    // once it has opened, the server went away or is busy (a 503 while it restarts), so start
    // again later, with backoff, until it opens again.
    let source: EventSource | undefined;
    let attempt = 0;
    let opened = false;
    const open = () => {
      if (stop.signal.aborted) return;
      source = new EventSource(options.url, { withCredentials: options.credentials === 'include' });
      source.onopen = () => {
        opened = true;
        attempt = 0;
      };
      source.onmessage = (event) => take(event.data as string, event.lastEventId);
      source.onerror = () => {
        if (source?.readyState !== EventSource.CLOSED || !opened) return;
        sleep(backoff(attempt++), stop.signal).then(open, () => undefined);
      };
    };
    open();
    return () => {
      stop.abort();
      source?.close();
    };
  }

  void (async () => {
    for (let attempt = 0; !stop.signal.aborted;) {
      let wait: number | undefined;
      const connection = new AbortController();
      let idle: ReturnType<typeof setTimeout> | undefined;
      const alive = () => {
        clearTimeout(idle);
        idle = setTimeout(() => connection.abort(), IDLE_LIMIT);
      };
      try {
        const headers = new Headers(await options.headers?.());
        headers.set('Accept', 'text/event-stream');
        if (lastId) headers.set('Last-Event-ID', lastId);
        const init: RequestInit = {
          headers,
          signal: AbortSignal.any([stop.signal, connection.signal]),
        };
        if (options.credentials) init.credentials = options.credentials;
        const fetchImpl = options.fetch ?? ((input: string, i: RequestInit) => globalThis.fetch(input, i));
        alive();
        const response = await fetchImpl(options.url, init);
        const stream = /^text\/event-stream/i.test(response.headers.get('Content-Type') ?? '');
        if (response.status !== 200 || !response.body || !stream) {
          void response.body?.cancel().catch(() => undefined);
          // A 200 that is not a stream: a dev server's index.html fallback, not live updates.
          if (isFinal(response.status) || response.ok) return;
          wait = parseRetryAfter(response.headers.get('Retry-After'));
        } else {
          await parse(
            response.body,
            alive,
            (field, value) => {
              if (field === 'retry' && /^\d+$/.test(value)) retry = Number(value);
            },
            (data, id) => {
              attempt = 0;
              take(data, id);
            },
          );
        }
      } catch {
        // A dropped connection, a failed fetch or a stopped idle stream: reconnect below.
      } finally {
        clearTimeout(idle);
      }
      await sleep(Math.min(options.maxRetryDelay, wait ?? backoff(attempt++)), stop.signal).catch(
        () => undefined,
      );
    }
  })();
  return () => stop.abort();
}

/** Splits a text/event-stream body into events (`data`, `id`) and other fields, as the SSE spec does. */
async function parse(
  body: ReadableStream<Uint8Array>,
  alive: () => void,
  onField: (field: string, value: string) => void,
  onEvent: (data: string, id: string | undefined) => void,
): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let data: string[] = [];
  let id: string | undefined;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    alive();
    buffer += decoder.decode(value, { stream: true });
    const lines = buffer.split(/\r\n|\r|\n/);
    buffer = lines.pop() ?? '';
    for (const line of lines) {
      if (line === '') {
        if (data.length) onEvent(data.join('\n'), id);
        data = [];
        continue;
      }
      if (line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const text = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'data') data.push(text);
      else if (field === 'id') id = text;
      else onField(field, text);
    }
  }
}

/** The adapter `liveUpdates` serves: what it loads and saves tells it the version the page shows. */
export interface LiveAdapter {
  load(options?: RequestOptions): Promise<LicensingSnapshot>;
  commit(changes: ChangeSet, options: CommitOptions): Promise<LicensingSnapshot>;
}

/** The type of `liveUpdates`, RestAdapter's option of the same name; answers its `subscribe`. */
export type LiveUpdatesFactory = (
  adapter: LiveAdapter,
  source: RestStreamSource,
) => (onChange: (snapshot: LicensingSnapshot) => void) => () => void;

/**
 * Live updates for RestAdapter: `new RestAdapter({ baseUrl, liveUpdates })`, whose `subscribe` then
 * follows `GET {baseUrl}/licensing/events`. A separate export, so a page without it ships none of
 * it. It wraps the adapter's `load` and `commit` to learn each snapshot's version (one it has seen
 * is not news) and loads through it.
 */
export const liveUpdates: LiveUpdatesFactory = (adapter, source) => {
  const live = new LiveUpdates(streamOf(source), (signal) => adapter.load({ signal }));
  const { load, commit } = adapter;
  adapter.load = async (options) => live.saw(await load.call(adapter, options));
  adapter.commit = (changes, options) => {
    const saved = commit.call(adapter, changes, options).then((snapshot) => live.saw(snapshot));
    // The page's own commit is announced too, often before its answer: wait for that answer.
    live.saving = saved.catch(() => undefined);
    return saved;
  };
  return live.subscribe;
};

class LiveUpdates {
  private seen: Pick<LicensingSnapshot, 'version' | 'permission'> | undefined;
  private readonly waiting = new Set<() => void>();
  /** The adapter's commit in flight; an event waits for its answer before judging its version. */
  saving: Promise<unknown> | undefined;

  constructor(
    private readonly stream: EventStreamOptions,
    private readonly load: (signal: AbortSignal) => Promise<LicensingSnapshot>,
  ) {}

  /** Tells it a snapshot the adapter loaded or saved (its version is then not news); answers it. */
  saw(snapshot: LicensingSnapshot): LicensingSnapshot {
    this.seen = { version: snapshot.version, permission: snapshot.permission };
    const starting = [...this.waiting];
    this.waiting.clear();
    for (const start of starting) start();
    return snapshot;
  }

  readonly subscribe = (onChange: (snapshot: LicensingSnapshot) => void): (() => void) => {
    const stop = new AbortController();
    let close: (() => void) | undefined;
    let loading: Promise<void> | undefined;
    let again = false;
    const refresh = (): Promise<void> =>
      this.load(stop.signal).then(
        (snapshot) => {
          if (!stop.signal.aborted) onChange(snapshot);
        },
        () => undefined,
      );
    const onVersion = async (version: string) => {
      await this.saving;
      if (version === this.seen?.version || stop.signal.aborted) return;
      if (loading) {
        again = true;
        return;
      }
      loading = refresh().then(async () => {
        while (again && !stop.signal.aborted) {
          again = false;
          await refresh();
        }
        loading = undefined;
      });
    };
    const start = () => {
      if (stop.signal.aborted || close) return;
      // No access yet: start once a load says otherwise (the host signs in as someone else).
      if (this.seen?.permission === 'none') return void this.waiting.add(start);
      close = readEvents(this.stream, (version) => void onVersion(version), this.seen?.version);
    };
    if (this.seen) start();
    else this.waiting.add(start);
    return () => {
      stop.abort();
      this.waiting.delete(start);
      close?.();
    };
  };
}
