import { createHash } from 'node:crypto';
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
  /**
   * SHA-256 of the body the key first came with: enough to tell a retry from a conflict,
   * without keeping a card's JWE in memory for as long as the key lives.
   */
  bodyHash: string;
  answer: Promise<StoredAnswer>;
}

/** One signed request on the intents endpoint, whatever became of it. */
export interface TryRecord {
  attempt: string;
  idempotencyKey: string | null;
  at: number;
}

/** A session and what hangs off it: evicted together. */
interface LiveSession {
  record: SessionRecord;
  expiresAt: number;
  /** Idempotency answers by key: they matter only while the session can take intents. */
  idempotency: Map<string, IdempotencyRecord>;
  /** Keys `429@s` has already turned away once. */
  tried: Set<string>;
  attemptIds: string[];
  /** The latest `MAX_TRIES_PER_ORDER` tries, and how many older ones were let go. */
  tries: TryRecord[];
  triesOmitted: number;
}

/**
 * How long a session stays after it expires: a payment made in its last second may stay
 * `pending` for a while, and the cashier polls it, the host's backend (and the tests) read the
 * ledger after payment; 30 minutes covers that with a wide margin. After it the order is gone:
 * its status route and its ledger answer 404, and its intents 401 `unknown_kid`.
 */
export const SESSION_RETENTION_MS = 30 * 60 * 1000;
/**
 * Live sessions at most. `GET /api/session` is unauthenticated, so a loop could make sessions
 * as fast as the server answers; a checkout takes one. When full, the oldest session nothing
 * was paid with (no attempt: nothing in the ledger to lose) makes room; when every one holds
 * attempts, a new session is refused with 503 `too_many_sessions` rather than lose a ledger.
 */
export const MAX_SESSIONS = 1_000;
/** Tries an order's ledger keeps (the latest); older ones are only counted. */
export const MAX_TRIES_PER_ORDER = 100;
/** The signature's timestamp tolerance the backend verifies with (`verifyIntent`'s `toleranceSeconds`). */
export const SIGNATURE_TOLERANCE_S = 300;
/** Clock skew allowed on top of it before a nonce is let go. */
const NONCE_SKEW_MS = 60 * 1000;
/** Expired sessions and nonces are swept at most this often (or at once when the clock went back). */
const SWEEP_EVERY_MS = 30 * 1000;

/**
 * The reference backend's memory: sessions, the ledger, idempotency keys and seen nonces. One
 * process, one event loop: a check-and-insert with no `await` between is atomic.
 *
 * Nothing grows without bound: a session is evicted `SESSION_RETENTION_MS` after it expires,
 * with its attempts, tries, idempotency answers and `429@s` keys; at most `MAX_SESSIONS` live at
 * once; a nonce is kept only until no signature carrying it can verify any more. Eviction is
 * amortized on requests (`sweep`, at most every `SWEEP_EVERY_MS` of the injected clock), so no
 * timer keeps a process alive and tests move time with `now`.
 */
export class Store {
  readonly sessions = new Map<string, SessionRecord>();
  private readonly live = new Map<string, LiveSession>();
  private readonly sessionByKid = new Map<string, string>();
  private readonly sessionByOrder = new Map<string, string>();
  private readonly attempts = new Map<string, AttemptRecord>();
  /** Nonce → until when a signature carrying it could still verify. */
  private readonly nonces = new Map<string, number>();
  private readonly payers = new Map<string, number>();
  private readonly evicted: ((record: SessionRecord) => void)[] = [];
  private lastSweep = -Infinity;

  constructor(
    private readonly now: () => number,
    private readonly maxSessions = MAX_SESSIONS,
  ) {}

  /** Called with each session evicted, after everything of it is gone. */
  onEvict(listener: (record: SessionRecord) => void): void {
    this.evicted.push(listener);
  }

  /** Keeps a new session, making room if needed; false when every live session holds a ledger. */
  addSession(record: SessionRecord): boolean {
    this.sweep();
    if (this.live.size >= this.maxSessions) this.sweep(true);
    if (this.live.size >= this.maxSessions) {
      const idle = [...this.live.values()].find((live) => live.attemptIds.length === 0);
      if (!idle) return false;
      this.evict(idle);
    }
    const { id, signing, order } = record.session;
    this.sessions.set(id, record);
    this.live.set(id, {
      record,
      expiresAt: Date.parse(record.session.expiresAt),
      idempotency: new Map(),
      tried: new Set(),
      attemptIds: [],
      tries: [],
      triesOmitted: 0,
    });
    this.sessionByKid.set(signing.kid, id);
    this.sessionByOrder.set(order.id, id);
    this.payers.set(record.payer, (this.payers.get(record.payer) ?? 0) + 1);
    return true;
  }

  sessionForKid(kid: string): SessionRecord | undefined {
    const id = this.sessionByKid.get(kid);
    return id === undefined ? undefined : this.sessions.get(id);
  }

  sessionForOrder(orderId: string): SessionRecord | undefined {
    const id = this.sessionByOrder.get(orderId);
    return id === undefined ? undefined : this.sessions.get(id);
  }

  /** Whether any live session counts against this payer's limits and cards. */
  hasPayer(payer: string): boolean {
    return this.payers.has(payer);
  }

  /** The stored answer for a key, `'conflict'` when the key came with another body, or `undefined`. */
  idempotent(kid: string, key: string, canonicalBody: string): Promise<StoredAnswer> | 'conflict' | undefined {
    const record = this.liveForKid(kid)?.idempotency.get(key);
    if (!record) return undefined;
    return record.bodyHash === hashBody(canonicalBody) ? record.answer : 'conflict';
  }

  remember(kid: string, key: string, canonicalBody: string, answer: Promise<StoredAnswer>): void {
    this.liveForKid(kid)?.idempotency.set(key, { bodyHash: hashBody(canonicalBody), answer });
  }

  /**
   * True the first time a key is seen in this session, and from then on false. Only `429@s`
   * asks: it turns away the first try of each key without storing an answer for it.
   */
  firstTry(kid: string, key: string): boolean {
    const tried = this.liveForKid(kid)?.tried;
    if (!tried || tried.has(key)) return false;
    tried.add(key);
    return true;
  }

  /**
   * Records a nonce carried by a signature made at `signedAt` (unix seconds); false when it
   * was seen before (a replay). It is kept while that signature could still verify.
   */
  useNonce(nonce: string, signedAt: number): boolean {
    this.sweep();
    if (this.nonces.has(nonce)) return false;
    this.nonces.set(nonce, (signedAt + SIGNATURE_TOLERANCE_S) * 1000 + NONCE_SKEW_MS);
    return true;
  }

  /** Keeps an attempt in its session's ledger (none when the session was evicted meanwhile). */
  addAttempt(record: AttemptRecord): void {
    const live = this.live.get(record.sessionId);
    if (!live) return;
    live.attemptIds.push(record.id);
    this.attempts.set(record.id, record);
  }

  addTry(orderId: string, record: TryRecord): void {
    const live = this.liveForOrder(orderId);
    if (!live) return;
    live.tries.push(record);
    if (live.tries.length > MAX_TRIES_PER_ORDER) {
      live.tries.shift();
      live.triesOmitted++;
    }
  }

  /** The latest `MAX_TRIES_PER_ORDER` requests made for an order's attempts, in arrival order. */
  triesFor(orderId: string): TryRecord[] {
    return this.liveForOrder(orderId)?.tries ?? [];
  }

  /** How many of an order's tries are older than those `triesFor` lists. */
  triesOmitted(orderId: string): number {
    return this.liveForOrder(orderId)?.triesOmitted ?? 0;
  }

  attempt(id: string): AttemptRecord | undefined {
    return this.attempts.get(id);
  }

  /** Every attempt the backend holds, oldest first. */
  allAttempts(): IterableIterator<AttemptRecord> {
    return this.attempts.values();
  }

  attemptsFor(orderId: string): AttemptRecord[] {
    return (this.liveForOrder(orderId)?.attemptIds ?? []).map((id) => this.attempts.get(id)!);
  }

  update(record: AttemptRecord, patch: Partial<Pick<AttemptRecord, 'status' | 'failure' | 'action' | 'pendingPolls'>>): void {
    Object.assign(record, patch, { updatedAt: this.now() });
  }

  /** How much the store holds, for tests and the memory bench. */
  sizes(): { sessions: number; attempts: number; nonces: number; idempotency: number; tries: number; payers: number } {
    let idempotency = 0;
    let tries = 0;
    for (const live of this.live.values()) {
      idempotency += live.idempotency.size + live.tried.size;
      tries += live.tries.length;
    }
    return { sessions: this.live.size, attempts: this.attempts.size, nonces: this.nonces.size, idempotency, tries, payers: this.payers.size };
  }

  /**
   * Evicts the sessions past their retention and the nonces past their use. A full pass, but
   * at most once per `SWEEP_EVERY_MS` of the clock unless `force`d (the clock going back
   * counts as due): the cost per request stays small at `MAX_SESSIONS`.
   */
  sweep(force = false): void {
    const now = this.now();
    if (!force && now >= this.lastSweep && now - this.lastSweep < SWEEP_EVERY_MS) return;
    this.lastSweep = now;
    for (const live of this.live.values()) {
      if (live.expiresAt + SESSION_RETENTION_MS <= now) this.evict(live);
    }
    for (const [nonce, until] of this.nonces) {
      if (until <= now) this.nonces.delete(nonce);
    }
  }

  private evict(live: LiveSession): void {
    const { record } = live;
    const { id, signing, order } = record.session;
    for (const attemptId of live.attemptIds) this.attempts.delete(attemptId);
    this.live.delete(id);
    this.sessions.delete(id);
    this.sessionByKid.delete(signing.kid);
    this.sessionByOrder.delete(order.id);
    const count = (this.payers.get(record.payer) ?? 1) - 1;
    if (count > 0) this.payers.set(record.payer, count);
    else this.payers.delete(record.payer);
    for (const listener of this.evicted) listener(record);
  }

  private liveForKid(kid: string): LiveSession | undefined {
    const id = this.sessionByKid.get(kid);
    return id === undefined ? undefined : this.live.get(id);
  }

  private liveForOrder(orderId: string): LiveSession | undefined {
    const id = this.sessionByOrder.get(orderId);
    return id === undefined ? undefined : this.live.get(id);
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

function hashBody(canonicalBody: string): string {
  return createHash('sha256').update(canonicalBody).digest('base64url');
}
