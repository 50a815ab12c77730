/**
 * When and how soon to try a request again. Only faults that say nothing about the payment
 * are retried: the network, a time-out, 502/503/504 and 429. Every retry of an attempt reuses
 * its idempotency key and body, so the backend answers a retry of a request it already
 * processed with the first answer instead of paying again.
 */
import type { HttpResult } from './http.js';

export interface RetryPolicy {
  /** Tries in all, the first included. */
  tries: number;
  /** Backoff before the first retry, doubled each time, capped at `capMs`, with full jitter. */
  baseMs: number;
  capMs: number;
  /** The longest `Retry-After` honoured; a longer one ends the retries. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { tries: 4, baseMs: 400, capMs: 5000, maxRetryAfterMs: 30_000 };

const RETRYABLE_STATUS = new Set([429, 502, 503, 504]);

export function isRetryable(result: HttpResult): boolean {
  return result.ok ? RETRYABLE_STATUS.has(result.status) : result.reason !== 'aborted';
}

/** `Retry-After` as delta-seconds or an HTTP date, in milliseconds from `now`; `undefined` if absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (!value) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * How long to wait before retry number `retry` (0 for the first retry): the backend's
 * `Retry-After` when it gave one, else capped exponential backoff with full jitter, so many
 * cashiers that failed together do not come back together.
 */
export function retryDelay(retry: number, policy: RetryPolicy, random: () => number, retryAfterMs?: number): number {
  if (retryAfterMs !== undefined) return retryAfterMs;
  return Math.round(random() * Math.min(policy.capMs, policy.baseMs * 2 ** retry));
}

export interface RetryOptions {
  policy?: RetryPolicy;
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  signal?: AbortSignal;
}

/**
 * Sends until the answer is not a retryable fault or the tries run out; returns the last
 * result. `send` must resend the very same request (same idempotency key, same body).
 */
export async function withRetries(send: () => Promise<HttpResult>, options: RetryOptions = {}): Promise<HttpResult> {
  const {
    policy = DEFAULT_RETRY_POLICY,
    random = Math.random,
    sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
    now = Date.now,
    signal,
  } = options;
  let result = await send();
  for (let retry = 0; retry < policy.tries - 1 && isRetryable(result) && !signal?.aborted; retry++) {
    const retryAfter = result.ok ? parseRetryAfter(result.headers.get('Retry-After'), now()) : undefined;
    if (retryAfter !== undefined && retryAfter > policy.maxRetryAfterMs) break;
    await sleep(retryDelay(retry, policy, random, retryAfter));
    result = await send();
  }
  return result;
}
