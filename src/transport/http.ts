/**
 * One HTTP exchange with a time limit, answered as a result rather than a throw: the caller
 * decides per status what a failure means. `fetch` is injected (the element passes the page's).
 */
export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'DELETE';
  headers?: Record<string, string>;
  body?: string;
  /** Abort after this many milliseconds; default 15 s. */
  timeoutMs?: number;
  signal?: AbortSignal;
  fetch?: FetchLike;
}

/**
 * Marks a body that was not JSON, so a 200 with garbage is told apart from a JSON `null`. Being
 * a symbol, it fails every object schema: a caller that parses the body need not test for it.
 */
export const NOT_JSON: unique symbol = Symbol('not-json');

export type HttpResult =
  | { ok: true; status: number; headers: Headers; json: unknown }
  | { ok: false; reason: 'network' | 'timeout' | 'aborted' };

export async function requestJson(url: string, options: RequestOptions = {}): Promise<HttpResult> {
  const { method = 'GET', headers = {}, body, timeoutMs = 15_000, signal, fetch = globalThis.fetch.bind(globalThis) } =
    options;
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), timeoutMs);
  const onAbort = (): void => timeout.abort();
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const response = await fetch(url, {
      method,
      headers: { Accept: 'application/json', ...headers },
      ...(body === undefined ? {} : { body }),
      signal: timeout.signal,
      credentials: 'same-origin',
      cache: 'no-store',
    });
    const text = await response.text();
    let json: unknown = NOT_JSON;
    try {
      json = text === '' ? NOT_JSON : (JSON.parse(text) as unknown);
    } catch {
      json = NOT_JSON;
    }
    return { ok: true, status: response.status, headers: response.headers, json };
  } catch {
    if (signal?.aborted) return { ok: false, reason: 'aborted' };
    return { ok: false, reason: timeout.signal.aborted ? 'timeout' : 'network' };
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}
