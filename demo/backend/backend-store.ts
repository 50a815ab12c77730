import type { JweIdStore } from '../../src/server/jwe-id-store.js';
import type { BindingRecord } from './bindings.js';
import type { CardKey } from './card-key.js';
import type { PasskeyStore } from './passkey-store.js';
import type { AttemptRecord, SessionRecord, StoredAnswer, TryRecord } from './store.js';
import type { VaultCard } from './saved-cards.js';

/** What a duplicate of an intent finds: see `IdempotencyClaim` in `shouyin/server`. */
export type AnswerClaim =
  | { state: 'new' }
  | { state: 'pending' }
  | { state: 'done'; answer: StoredAnswer }
  | { state: 'conflict' };

/**
 * A new attempt for an order, to keep unless the order is already paid. Placing it cancels the
 * order's open attempts (so two can never both succeed); `dailyRoom` is what the payer may
 * still take on the channel today before counting this backend's ledger: when the ledger's
 * total plus this amount exceeds it, `refused` is kept instead of `attempt`.
 */
export interface Placement {
  attempt: AttemptRecord;
  refused: AttemptRecord;
  payer: string;
  dailyRoom?: number;
  /** A saved card: placed only while the payer still has it (a removal may have come meanwhile). */
  savedCardId?: string;
}

export type Placed =
  | { kind: 'placed'; attempt: AttemptRecord }
  /**
   * The order already has an attempt made with this idempotency key: the same request,
   * processed again after the instance that made it died before keeping its answer.
   */
  | { kind: 'existing'; attempt: AttemptRecord }
  | { kind: 'paid'; attempt: AttemptRecord }
  | { kind: 'card_unknown' };

/**
 * Where the reference backend keeps everything: in memory (`Store`, one process) or in Redis
 * (`RedisBackendStore`, any number of instances). Each method that checks and writes is one
 * atomic step of the store; the backend never reads, decides and writes back across an await.
 * Every method may reject with `StoreUnavailableError` (Redis unreachable): the request is
 * answered 503 `store_unavailable` and may be retried.
 */
export interface BackendStore {
  /** Keeps a new session; false when the backend holds as many as it may. */
  addSession(record: SessionRecord): Promise<boolean>;
  sessionForKid(kid: string): Promise<SessionRecord | undefined>;
  sessionForOrder(orderId: string): Promise<SessionRecord | undefined>;

  /** Claims an idempotency key of a session for a body (its hash). */
  claim(kid: string, key: string, bodyHash: string): Promise<AnswerClaim>;
  finish(kid: string, key: string, bodyHash: string, answer: StoredAnswer): Promise<void>;
  release(kid: string, key: string, bodyHash: string): Promise<void>;
  /** True the first time a key is seen in a session (`429@s`). */
  firstTry(kid: string, key: string): Promise<boolean>;
  /** A nonce of a signature made at `signedAt` (unix seconds), once, or again by the same `owner`. */
  useNonce(nonce: string, signedAt: number, owner: string): Promise<boolean>;
  readonly jweIds: JweIdStore;

  addTry(orderId: string, record: TryRecord): Promise<void>;
  /** The latest `MAX_TRIES_PER_ORDER` tries, and how many older ones were let go. */
  tries(orderId: string): Promise<{ tries: TryRecord[]; omitted: number }>;

  attempt(id: string): Promise<AttemptRecord | undefined>;
  attemptsFor(orderId: string): Promise<AttemptRecord[]>;
  place(placement: Placement): Promise<Placed>;
  /**
   * Moves an attempt on: `poll` counts down a pending test card's polls and then settles it,
   * `confirm` settles an attempt waiting for its payer; settling never makes a second success.
   */
  advance(id: string, how: 'poll' | 'confirm'): Promise<AttemptRecord | undefined>;

  /** The payer's saved cards, `make()`'s on first sight. */
  wallet(payer: string, make: () => VaultCard[]): Promise<VaultCard[]>;
  /** Removes a card unless a payment with it is still open; a repeat answers `removed`. */
  removeCard(payer: string, cardId: string): Promise<'removed' | 'not_found' | 'in_use'>;
  /** Adds a card to the payer's vault (a card bound with "save this card"), after its other cards. */
  addCard(payer: string, card: VaultCard): Promise<void>;

  /** Keeps a new 快捷支付 binding, for as long as its order. */
  addBinding(record: BindingRecord): Promise<void>;
  binding(id: string): Promise<BindingRecord | undefined>;
  /**
   * Changes a binding in one atomic step: `change` gets the binding as it stands and answers
   * what it becomes. It may run more than once (on a fresher copy, when another instance
   * changed the binding meanwhile), so it must be pure. Answers the binding before and after
   * the change that was kept, or `undefined` when there is no such binding.
   */
  changeBinding(id: string, change: (record: BindingRecord) => BindingRecord): Promise<{ before: BindingRecord; after: BindingRecord } | undefined>;
  /** The order's bindings, oldest first. */
  bindingsFor(orderId: string): Promise<BindingRecord[]>;
  /** Notes a signed binding request (card info, binding, resend) of an order as received, its JWE by its shape. */
  addBindingRequest(orderId: string, shape: string): Promise<void>;
  bindingRequests(orderId: string): Promise<string[]>;

  /** The payers' passkeys and the challenges issued for them (issue 17). */
  readonly passkeys: PasskeyStore;

  /** The card key every session's `encryption` is, the same on every instance; made on first use. */
  cardKey(): Promise<CardKey>;

  /** Every attempt held, for checks over the whole ledger (tests, the bench). */
  allAttempts(): Promise<AttemptRecord[]>;
  /** Lets go of what expired; Redis expires keys by itself. */
  sweep(): void;
}
