import type { BrandId } from '../../src/card/brands.js';
import type { Action, Failure, Intent, IntentResponse, Session, AttemptStatus } from '../../src/protocol/schemas.js';
import type { ScenarioSpec } from './scenario-spec.js';

export interface SessionRecord {
  session: Session;
  verifyKey: string;
  /** The scenario as given (`spec.text`). */
  scenario: string;
  /** The faults injected into this session's payments. */
  spec: ScenarioSpec;
  /** Where `flaky` draws from: the backend's source, or a PRNG seeded by `seed@n`. */
  random: () => number;
  /** Whose limits this order counts against (`?payer=`, else a payer of its own). */
  payer: string;
}

/** One attempt as the ledger keeps it: no card data, only what identifies the instrument. */
export interface AttemptRecord {
  id: string;
  attempt: string;
  previousAttempt?: string;
  orderId: string;
  sessionId: string;
  channel: string;
  /** A new card is only its brand and last four digits: the number and CVV are never stored. */
  instrument: { type: Intent['instrument']['type']; cardId?: string; brand?: BrandId; last4?: string };
  env: Intent['env'];
  amount: number;
  currency: string;
  status: AttemptStatus;
  action?: Action;
  failure?: Failure;
  /** While `pending`: status polls left before the test network settles the attempt. */
  pendingPolls?: number;
  idempotencyKey: string;
  /**
   * The intent as received (canonical JSON), so anyone can check what crossed the wire: for a
   * card, only a JWE, which is kept and shown as its shape (`ledgerBody`), never itself.
   */
  requestBody: string;
  createdAt: number;
  updatedAt: number;
}

/** What the backend answered to a request, kept to answer its retries the same way. */
export interface StoredAnswer {
  status: number;
  body: unknown;
  /** A scenario may send a body that is not JSON of the contract. */
  raw?: string;
  headers?: Record<string, string>;
}

interface IdempotencyRecord {
  canonicalBody: string;
  answer: Promise<StoredAnswer>;
  at: number;
}

/** One signed request on the intents endpoint, whatever became of it. */
export interface TryRecord {
  attempt: string;
  idempotencyKey: string | null;
  at: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The reference backend's memory: sessions, the ledger, idempotency keys (kept 24 h) and seen
 * nonces. One process, one event loop: a check-and-insert with no `await` between is atomic.
 */
export class Store {
  readonly sessions = new Map<string, SessionRecord>();
  private readonly sessionByKid = new Map<string, string>();
  private readonly attempts = new Map<string, AttemptRecord>();
  private readonly attemptsByOrder = new Map<string, string[]>();
  private readonly idempotency = new Map<string, IdempotencyRecord>();
  private readonly nonces = new Map<string, number>();
  private readonly tried = new Map<string, number>();
  private readonly triesByOrder = new Map<string, TryRecord[]>();

  constructor(private readonly now: () => number) {}

  addSession(record: SessionRecord): void {
    this.sessions.set(record.session.id, record);
    this.sessionByKid.set(record.session.signing.kid, record.session.id);
  }

  sessionForKid(kid: string): SessionRecord | undefined {
    const id = this.sessionByKid.get(kid);
    return id === undefined ? undefined : this.sessions.get(id);
  }

  /** The stored answer for a key, `'conflict'` when the key came with another body, or `undefined`. */
  idempotent(scope: string, key: string, canonicalBody: string): Promise<StoredAnswer> | 'conflict' | undefined {
    this.prune();
    const record = this.idempotency.get(`${scope}:${key}`);
    if (!record) return undefined;
    return record.canonicalBody === canonicalBody ? record.answer : 'conflict';
  }

  remember(scope: string, key: string, canonicalBody: string, answer: Promise<StoredAnswer>): void {
    this.idempotency.set(`${scope}:${key}`, { canonicalBody, answer, at: this.now() });
  }

  /**
   * True the first time a key is seen here, and from then on false (kept 24 h). Only `429@s`
   * asks: it turns away the first try of each key without storing an answer for it.
   */
  firstTry(scope: string, key: string): boolean {
    this.prune();
    const id = `${scope}:${key}`;
    if (this.tried.has(id)) return false;
    this.tried.set(id, this.now());
    return true;
  }

  /** Records a nonce; false when it was seen before (a replay). */
  useNonce(nonce: string): boolean {
    if (this.nonces.has(nonce)) return false;
    this.nonces.set(nonce, this.now());
    return true;
  }

  addAttempt(record: AttemptRecord): void {
    this.attempts.set(record.id, record);
    const list = this.attemptsByOrder.get(record.orderId) ?? [];
    list.push(record.id);
    this.attemptsByOrder.set(record.orderId, list);
  }

  addTry(orderId: string, record: TryRecord): void {
    const list = this.triesByOrder.get(orderId) ?? [];
    list.push(record);
    this.triesByOrder.set(orderId, list);
  }

  /** Every request made for an order's attempts, in arrival order. */
  triesFor(orderId: string): TryRecord[] {
    return this.triesByOrder.get(orderId) ?? [];
  }

  attempt(id: string): AttemptRecord | undefined {
    return this.attempts.get(id);
  }

  /** Every attempt the backend holds, oldest first. */
  allAttempts(): IterableIterator<AttemptRecord> {
    return this.attempts.values();
  }

  attemptsFor(orderId: string): AttemptRecord[] {
    return (this.attemptsByOrder.get(orderId) ?? []).map((id) => this.attempts.get(id)!);
  }

  update(record: AttemptRecord, patch: Partial<Pick<AttemptRecord, 'status' | 'failure' | 'action' | 'pendingPolls'>>): void {
    Object.assign(record, patch, { updatedAt: this.now() });
  }

  private prune(): void {
    const cutoff = this.now() - DAY_MS;
    for (const [key, record] of this.idempotency) {
      if (record.at >= cutoff) break;
      this.idempotency.delete(key);
    }
    for (const map of [this.nonces, this.tried]) {
      for (const [key, at] of map) {
        if (at >= cutoff) break;
        map.delete(key);
      }
    }
  }
}

/** The response contract for one attempt. */
export function toResponse(record: AttemptRecord): IntentResponse {
  return {
    id: record.id,
    status: record.status,
    ...(record.action ? { action: record.action } : {}),
    ...(record.failure ? { failure: record.failure } : {}),
  };
}
