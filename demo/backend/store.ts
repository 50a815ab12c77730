import { createHash } from 'node:crypto';
import { MemoryPasskeyStore } from './passkey-store.js';
import type { BrandId } from '../../src/card/brands.js';
import type { Action, Failure, Intent, IntentResponse, Session, AttemptStatus } from '../../src/protocol/schemas.js';
import { MemoryJweIdStore } from '../../src/server/jwe-id-store.js';
import type { AnswerClaim, BackendStore, Placed, Placement } from './backend-store.js';
import type { BindingRecord } from './bindings.js';
import { generateCardKey, type CardKey } from './card-key.js';
import { dayInChina } from './limits.js';
import type { VaultCard } from './saved-cards.js';
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
  instrument: { type: Intent['instrument']['type']; cardId?: string; bindingId?: string; brand?: BrandId | string; last4?: string; confirmedBy?: 'passkey'; passkeyId?: string };
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
  /** In Redis: the payer's daily total this attempt counts in, while it does. */
  counted?: string;
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
  /** Absent while the first request with the key is being processed. */
  answer?: StoredAnswer;
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
  bindingIds: string[];
  /** The order's signed binding requests as received. */
  bindingRequests: string[];
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

/** Until when a nonce of a signature made at `signedAt` (unix seconds) is kept. */
export function nonceUntil(signedAt: number): number {
  return (signedAt + SIGNATURE_TOLERANCE_S) * 1000 + NONCE_SKEW_MS;
}

export const FINAL_STATUSES: ReadonlySet<string> = new Set(['succeeded', 'failed', 'canceled']);
export const CANCELED: Failure = { code: 'canceled', retryable: false };

/**
 * The reference backend's memory: sessions, the ledger, idempotency keys, seen nonces and the
 * payers' saved cards. One process, one event loop: each method checks and writes with no
 * `await` between, so each is atomic; several instances need `RedisBackendStore`.
 *
 * Nothing grows without bound: a session is evicted `SESSION_RETENTION_MS` after it expires,
 * with its attempts, tries, idempotency answers and `429@s` keys; at most `MAX_SESSIONS` live at
 * once; a nonce is kept only until no signature carrying it can verify any more; a payer's
 * cards go with its last session. Eviction is amortized on requests (`sweep`, at most every
 * `SWEEP_EVERY_MS` of the injected clock), so no timer keeps a process alive and tests move
 * time with `now`.
 */
export class Store implements BackendStore {
  readonly sessions = new Map<string, SessionRecord>();
  readonly jweIds: MemoryJweIdStore;
  readonly passkeys: MemoryPasskeyStore;
  private readonly live = new Map<string, LiveSession>();
  private readonly sessionByKid = new Map<string, string>();
  private readonly sessionByOrder = new Map<string, string>();
  private readonly attempts = new Map<string, AttemptRecord>();
  /** Nonce → until when a signature carrying it could still verify, and the request that used it. */
  private readonly nonces = new Map<string, { until: number; owner: string }>();
  private readonly payers = new Map<string, number>();
  private readonly wallets = new Map<string, VaultCard[]>();
  /** Per payer, the card ids removed: a repeated removal answers as the first did. */
  private readonly removed = new Map<string, Set<string>>();
  private readonly bindings = new Map<string, BindingRecord>();
  private lastSweep = -Infinity;
  private cardKeyPromise: Promise<CardKey> | undefined;

  constructor(
    private readonly now: () => number,
    private readonly maxSessions = MAX_SESSIONS,
  ) {
    this.jweIds = new MemoryJweIdStore(now);
    this.passkeys = new MemoryPasskeyStore(now);
  }

  addSession(record: SessionRecord): Promise<boolean> {
    this.sweep();
    if (this.live.size >= this.maxSessions) this.sweep(true);
    if (this.live.size >= this.maxSessions) {
      const idle = [...this.live.values()].find((live) => live.attemptIds.length === 0);
      if (!idle) return Promise.resolve(false);
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
      bindingIds: [],
      bindingRequests: [],
    });
    this.sessionByKid.set(signing.kid, id);
    this.sessionByOrder.set(order.id, id);
    this.payers.set(record.payer, (this.payers.get(record.payer) ?? 0) + 1);
    return Promise.resolve(true);
  }

  sessionForKid(kid: string): Promise<SessionRecord | undefined> {
    return Promise.resolve(this.liveForKid(kid)?.record);
  }

  sessionForOrder(orderId: string): Promise<SessionRecord | undefined> {
    return Promise.resolve(this.liveForOrder(orderId)?.record);
  }

  claim(kid: string, key: string, bodyHash: string): Promise<AnswerClaim> {
    const idempotency = this.liveForKid(kid)?.idempotency;
    const record = idempotency?.get(key);
    if (!record) {
      idempotency?.set(key, { bodyHash });
      return Promise.resolve({ state: 'new' });
    }
    if (record.bodyHash !== bodyHash) return Promise.resolve({ state: 'conflict' });
    return Promise.resolve(record.answer ? { state: 'done', answer: record.answer } : { state: 'pending' });
  }

  finish(kid: string, key: string, bodyHash: string, answer: StoredAnswer): Promise<void> {
    const idempotency = this.liveForKid(kid)?.idempotency;
    if (idempotency && !idempotency.get(key)?.answer) idempotency.set(key, { bodyHash, answer });
    return Promise.resolve();
  }

  release(kid: string, key: string, bodyHash: string): Promise<void> {
    const idempotency = this.liveForKid(kid)?.idempotency;
    const record = idempotency?.get(key);
    if (record && !record.answer && record.bodyHash === bodyHash) idempotency!.delete(key);
    return Promise.resolve();
  }

  firstTry(kid: string, key: string): Promise<boolean> {
    const tried = this.liveForKid(kid)?.tried;
    if (!tried || tried.has(key)) return Promise.resolve(false);
    tried.add(key);
    return Promise.resolve(true);
  }

  useNonce(nonce: string, signedAt: number, owner: string): Promise<boolean> {
    this.sweep();
    const seen = this.nonces.get(nonce);
    if (seen) return Promise.resolve(seen.owner === owner);
    this.nonces.set(nonce, { until: nonceUntil(signedAt), owner });
    return Promise.resolve(true);
  }

  addTry(orderId: string, record: TryRecord): Promise<void> {
    const live = this.liveForOrder(orderId);
    if (live) {
      live.tries.push(record);
      if (live.tries.length > MAX_TRIES_PER_ORDER) {
        live.tries.shift();
        live.triesOmitted++;
      }
    }
    return Promise.resolve();
  }

  tries(orderId: string): Promise<{ tries: TryRecord[]; omitted: number }> {
    const live = this.liveForOrder(orderId);
    return Promise.resolve({ tries: live?.tries ?? [], omitted: live?.triesOmitted ?? 0 });
  }

  attempt(id: string): Promise<AttemptRecord | undefined> {
    return Promise.resolve(this.attempts.get(id));
  }

  attemptsFor(orderId: string): Promise<AttemptRecord[]> {
    return Promise.resolve(this.attemptsOf(orderId));
  }

  allAttempts(): Promise<AttemptRecord[]> {
    return Promise.resolve([...this.attempts.values()]);
  }

  place({ attempt, refused, payer, dailyRoom, savedCardId }: Placement): Promise<Placed> {
    if (savedCardId !== undefined && !this.walletOf(payer)?.some((c) => c.id === savedCardId)) {
      return Promise.resolve({ kind: 'card_unknown' });
    }
    const attempts = this.attemptsOf(attempt.orderId);
    const existing = attempts.find((a) => a.idempotencyKey === attempt.idempotencyKey);
    if (existing) return Promise.resolve({ kind: 'existing', attempt: existing });
    const paid = attempts.find((a) => a.status === 'succeeded');
    if (paid) return Promise.resolve({ kind: 'paid', attempt: paid });
    for (const open of attempts.filter((a) => !FINAL_STATUSES.has(a.status))) {
      this.update(open, { status: 'canceled', failure: CANCELED });
    }
    const over = dailyRoom !== undefined && this.takenToday(attempt.channel, attempt.createdAt, payer) + attempt.amount > dailyRoom;
    const kept = over ? refused : attempt;
    const live = this.live.get(kept.sessionId);
    if (live) {
      live.attemptIds.push(kept.id);
      this.attempts.set(kept.id, kept);
    }
    return Promise.resolve({ kind: 'placed', attempt: kept });
  }

  advance(id: string, how: 'poll' | 'confirm'): Promise<AttemptRecord | undefined> {
    const attempt = this.attempts.get(id);
    if (!attempt) return Promise.resolve(undefined);
    if (how === 'poll') {
      if (attempt.status !== 'pending' || attempt.pendingPolls === undefined) return Promise.resolve(attempt);
      if (attempt.pendingPolls > 0) {
        this.update(attempt, { pendingPolls: attempt.pendingPolls - 1 });
        return Promise.resolve(attempt);
      }
      delete attempt.pendingPolls;
    } else if (attempt.status !== 'requires_action') {
      return Promise.resolve(attempt);
    }
    // Never a second success for one order, however the attempts interleave.
    const paid = this.attemptsOf(attempt.orderId).some((a) => a.status === 'succeeded');
    this.update(attempt, paid ? { status: 'canceled', failure: CANCELED } : { status: 'succeeded' });
    return Promise.resolve(attempt);
  }

  cardKey(): Promise<CardKey> {
    // Made on the first session request (RSA key generation takes a while); a failed
    // generation is not kept, so the next request tries again.
    this.cardKeyPromise ??= generateCardKey().catch((error: unknown) => {
      this.cardKeyPromise = undefined;
      throw error;
    });
    return this.cardKeyPromise;
  }

  wallet(payer: string, make: () => VaultCard[]): Promise<VaultCard[]> {
    let cards = this.wallets.get(payer);
    if (!cards) {
      cards = make();
      this.wallets.set(payer, cards);
    }
    return Promise.resolve(cards);
  }

  removeCard(payer: string, cardId: string): Promise<'removed' | 'not_found' | 'in_use'> {
    const removed = this.removed.get(payer) ?? new Set<string>();
    if (removed.has(cardId)) return Promise.resolve('removed');
    const cards = this.walletOf(payer) ?? [];
    if (!cards.some((c) => c.id === cardId)) return Promise.resolve('not_found');
    for (const attempt of this.attempts.values()) {
      if (attempt.instrument.cardId !== cardId || FINAL_STATUSES.has(attempt.status)) continue;
      if (this.sessions.get(attempt.sessionId)?.payer === payer) return Promise.resolve('in_use');
    }
    this.wallets.set(payer, cards.filter((c) => c.id !== cardId));
    this.removed.set(payer, removed.add(cardId));
    return Promise.resolve('removed');
  }

  addCard(payer: string, card: VaultCard): Promise<void> {
    this.wallets.set(payer, [...(this.walletOf(payer) ?? []), card]);
    return Promise.resolve();
  }

  addBinding(record: BindingRecord): Promise<void> {
    const live = this.liveForOrder(record.orderId);
    if (live) {
      live.bindingIds.push(record.id);
      this.bindings.set(record.id, structuredClone(record));
    }
    return Promise.resolve();
  }

  binding(id: string): Promise<BindingRecord | undefined> {
    const record = this.bindings.get(id);
    return Promise.resolve(record && structuredClone(record));
  }

  changeBinding(id: string, change: (record: BindingRecord) => BindingRecord): Promise<{ before: BindingRecord; after: BindingRecord } | undefined> {
    const record = this.bindings.get(id);
    if (!record) return Promise.resolve(undefined);
    const before = structuredClone(record);
    const after = change(structuredClone(record));
    this.bindings.set(id, structuredClone(after));
    return Promise.resolve({ before, after });
  }

  bindingsFor(orderId: string): Promise<BindingRecord[]> {
    const ids = this.liveForOrder(orderId)?.bindingIds ?? [];
    return Promise.resolve(ids.map((id) => structuredClone(this.bindings.get(id)!)));
  }

  addBindingRequest(orderId: string, shape: string): Promise<void> {
    this.liveForOrder(orderId)?.bindingRequests.push(shape);
    return Promise.resolve();
  }

  bindingRequests(orderId: string): Promise<string[]> {
    return Promise.resolve([...(this.liveForOrder(orderId)?.bindingRequests ?? [])]);
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
    for (const [nonce, { until }] of this.nonces) {
      if (until <= now) this.nonces.delete(nonce);
    }
  }

  /**
   * What the payer has taken on a channel on the day of `at` (China's calendar day), across
   * all its orders: succeeded attempts, and open ones too, since they may still succeed.
   */
  private takenToday(channelId: string, at: number, payer: string): number {
    const today = dayInChina(at);
    let total = 0;
    for (const a of this.attempts.values()) {
      if (a.channel !== channelId || (a.status !== 'succeeded' && FINAL_STATUSES.has(a.status))) continue;
      if (this.sessions.get(a.sessionId)?.payer !== payer) continue;
      if (dayInChina(a.updatedAt) === today) total += a.amount;
    }
    return total;
  }

  private walletOf(payer: string): VaultCard[] | undefined {
    return this.wallets.get(payer);
  }

  private attemptsOf(orderId: string): AttemptRecord[] {
    return (this.liveForOrder(orderId)?.attemptIds ?? []).map((id) => this.attempts.get(id)!);
  }

  private update(record: AttemptRecord, patch: Partial<Pick<AttemptRecord, 'status' | 'failure' | 'action' | 'pendingPolls'>>): void {
    Object.assign(record, patch, { updatedAt: this.now() });
  }

  private evict(live: LiveSession): void {
    const { record } = live;
    const { id, signing, order } = record.session;
    for (const attemptId of live.attemptIds) this.attempts.delete(attemptId);
    for (const bindingId of live.bindingIds) this.bindings.delete(bindingId);
    this.live.delete(id);
    this.sessions.delete(id);
    this.sessionByKid.delete(signing.kid);
    this.sessionByOrder.delete(order.id);
    const count = (this.payers.get(record.payer) ?? 1) - 1;
    if (count > 0) {
      this.payers.set(record.payer, count);
    } else {
      // The payer's cards go with its last session (a demo payer then starts afresh).
      this.payers.delete(record.payer);
      this.wallets.delete(record.payer);
      this.removed.delete(record.payer);
    }
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

export function hashBody(canonicalBody: string): string {
  return createHash('sha256').update(canonicalBody).digest('base64url');
}
