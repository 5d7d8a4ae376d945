// Reading the response headers of the REST contract: the snapshot's version from `ETag`, the wait
// from `Retry-After` and the log's file name from `Content-Disposition`. Pure functions of the
// header's text, so servers (the MSW handlers) and tests use them as the adapter does.

/** `"v7"`, `W/"v7"` or `v7` → `v7`. */
export function parseEtag(value: string | null): string | undefined {
  if (value === null) return undefined;
  const match = /^\s*(?:W\/)?"([^"]*)"\s*$/.exec(value);
  const version = match ? match[1]! : value.trim();
  return version === '' ? undefined : version;
}

/** Milliseconds to wait from a `Retry-After` header: delay-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * The file name from a `Content-Disposition` header (RFC 6266): `filename*` (RFC 8187, UTF-8)
 * first, then `filename`. Any directory part is dropped, since the name comes from a server.
 */
export function parseContentDispositionFilename(value: string | null): string | undefined {
  if (!value) return undefined;
  let name: string | undefined;
  const extended = /filename\*\s*=\s*([^']*)'[^']*'([^;]+)/i.exec(value);
  if (extended) {
    try {
      name = decodeURIComponent(extended[2]!.trim());
    } catch {
      name = undefined;
    }
  }
  if (name === undefined) {
    const plain = /(?:^|;)\s*filename\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;]+))/i.exec(value);
    if (plain) name = plain[1] !== undefined ? plain[1].replace(/\\(.)/g, '$1') : plain[2]!.trim();
  }
  // Drop any path and control characters: the name is used to save a file on the user's disk.
  const base = name
    ?.split(/[/\\]/)
    .pop()
    ?.split('')
    .filter((c) => c.charCodeAt(0) > 0x1f && c.charCodeAt(0) !== 0x7f)
    .join('')
    .trim();
  return base && base !== '.' && base !== '..' ? base : undefined;
}
