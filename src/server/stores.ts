/**
 * Stores a host's backend keeps its single-use and replay records in, shared by all its
 * instances: idempotency records, nonces and card-JWE ids (`JweIdStore`). Each check-and-write
 * is one atomic step of the store, never a read then a write in the caller, so two instances
 * racing on one key cannot both win.
 */

/**
 * What an idempotency key holds when a request claims it:
 * - `new`: nobody had it; it is now claimed (pending) by this request, which must `finish` it
 *   with its answer (or `release` it when it ends without one).
 * - `pending`: a request with the same body holds it and has not answered yet.
 * - `done`: answered before: send `answer` again.
 * - `conflict`: the key came with another body.
 */
export type IdempotencyClaim =
  | { state: 'new' }
  | { state: 'pending' }
  | { state: 'done'; answer: string }
  | { state: 'conflict' };

export interface IdempotencyStore {
  /**
   * Claims `key` for a body (its hash) unless it is held: the claim lasts `pendingMs`, after
   * which a request that died while holding it no longer blocks its retries.
   */
  claim(key: string, bodyHash: string, pendingMs: number): Promise<IdempotencyClaim>;
  /** Keeps `answer` for `ttlMs`; the first answer kept for a key stays. */
  finish(key: string, bodyHash: string, answer: string, ttlMs: number): Promise<void>;
  /** Lets a pending claim go (the request ended with nothing to keep); an answer stays. */
  release(key: string, bodyHash: string): Promise<void>;
}

export interface NonceStore {
  /**
   * True when `nonce` was not seen (it is then kept until `expiresAtMs`), or when it was seen
   * with the same `owner` (a retry of the same request, e.g. `kid:idempotencyKey`); else false.
   */
  useOnce(nonce: string, expiresAtMs: number, owner?: string): Promise<boolean>;
}

/** The store could not be reached or answered with an error: the request may be retried. */
export class StoreUnavailableError extends Error {
  override name = 'StoreUnavailableError';
}
