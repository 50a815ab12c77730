import type { IdempotencyClaim, IdempotencyStore, NonceStore } from './stores.js';

/** How often the in-memory stores sweep out expired records. */
const SWEEP_MS = 1000;

interface Expiring {
  until: number;
}

/**
 * Records that expire, swept at most once a second: for one backend process, where a check
 * and a write with no await between are one step.
 */
class ExpiringMap<V extends Expiring> {
  readonly map = new Map<string, V>();
  private sweptAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly now: () => number) {}

  get(key: string): V | undefined {
    const now = this.now();
    if (now - this.sweptAt >= SWEEP_MS || now < this.sweptAt) this.sweep(now);
    const value = this.map.get(key);
    return value && value.until > now ? value : undefined;
  }

  private sweep(now: number): void {
    this.sweptAt = now;
    for (const [key, value] of this.map) if (value.until <= now) this.map.delete(key);
  }
}

interface IdempotencyRecord extends Expiring {
  bodyHash: string;
  answer?: string;
}

/** The in-memory `IdempotencyStore`, for one process. */
export class MemoryIdempotencyStore implements IdempotencyStore {
  private readonly records: ExpiringMap<IdempotencyRecord>;

  constructor(private readonly now: () => number = Date.now) {
    this.records = new ExpiringMap(now);
  }

  claim(key: string, bodyHash: string, pendingMs: number): Promise<IdempotencyClaim> {
    const record = this.records.get(key);
    if (!record) {
      this.records.map.set(key, { bodyHash, until: this.now() + pendingMs });
      return Promise.resolve({ state: 'new' });
    }
    if (record.bodyHash !== bodyHash) return Promise.resolve({ state: 'conflict' });
    return Promise.resolve(record.answer === undefined ? { state: 'pending' } : { state: 'done', answer: record.answer });
  }

  finish(key: string, bodyHash: string, answer: string, ttlMs: number): Promise<void> {
    if (this.records.get(key)?.answer === undefined) this.records.map.set(key, { bodyHash, answer, until: this.now() + ttlMs });
    return Promise.resolve();
  }

  release(key: string, bodyHash: string): Promise<void> {
    const record = this.records.get(key);
    if (record && record.answer === undefined && record.bodyHash === bodyHash) this.records.map.delete(key);
    return Promise.resolve();
  }

  get size(): number {
    return this.records.map.size;
  }
}

interface NonceRecord extends Expiring {
  owner: string;
}

/** The in-memory `NonceStore`, for one process. */
export class MemoryNonceStore implements NonceStore {
  private readonly nonces: ExpiringMap<NonceRecord>;

  constructor(now: () => number = Date.now) {
    this.nonces = new ExpiringMap(now);
  }

  useOnce(nonce: string, expiresAtMs: number, owner = ''): Promise<boolean> {
    const record = this.nonces.get(nonce);
    if (record) return Promise.resolve(owner !== '' && record.owner === owner);
    this.nonces.map.set(nonce, { owner, until: expiresAtMs });
    return Promise.resolve(true);
  }

  get size(): number {
    return this.nonces.map.size;
  }
}
