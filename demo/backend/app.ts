import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { yearMonthAt } from '../../src/card/card-fields.js';
import { randomToken } from '../../src/protocol/base64url.js';
import { IntentResponseSchema, type ReceivedIntent } from '../../src/protocol/schemas.js';
import { StoreUnavailableError } from '../../src/server/stores.js';
import { verifyIntent } from '../../src/server/verify-intent.js';
import { actionFor } from './actions.js';
import { readCard, unreadableError, type CardIntake, type CardUse } from './card-intake.js';
import type { CardKey } from './card-key.js';
import { decodeSegment, readBody, refuseBody, requestUrl, sendError, sendJson, sendRejection, sendText } from './http.js';
import { ledgerBody } from './ledger-body.js';
import { Bindings, type BindingIntake } from './bindings.js';
import type { BackendStore } from './backend-store.js';
import { channelRefusal } from './limits.js';
import { mulberry32 } from './random.js';
import { Passkeys, type PasskeyRp } from './passkeys.js';
import { SavedCards, type SavedCardIntake } from './saved-cards.js';
import { FaultName, faultsFor, parseScenario, type ChannelFaults } from './scenario-spec.js';
import { decideOutcome, limitExceeded, type Outcome } from './scenarios.js';
import { CHANNEL_IDS, issueSession } from './session-factory.js';
import { hashBody, SIGNATURE_TOLERANCE_S, Store, toResponse, type AttemptRecord, type StoredAnswer } from './store.js';

export interface BackendOptions {
  /** Milliseconds since the epoch; injected so tests can move time. */
  now?: () => number;
  /** Uniform in [0, 1); what `flaky` draws from in a session without `seed@n`. */
  random?: () => number;
  /** Live sessions at most (default `MAX_SESSIONS`); tests lower it. */
  maxSessions?: number;
  /**
   * Where sessions, the ledger and the single-use records live: the in-memory `Store` (one
   * process) by default, or a `RedisBackendStore` shared by several instances.
   */
  store?: BackendStore;
  /** The relying party passkeys are for; without it, a page on `localhost` (the demo, the tests). */
  passkeyRp?: PasskeyRp;
}

export interface Backend {
  /** Serves one request under `/api/`; false when the path is not the backend's. */
  handle(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
  readonly store: BackendStore;
}

/** A duplicate of a request in flight on another instance waits this long for its answer. */
const DUPLICATE_WAIT_MS = 6_000;
const DUPLICATE_POLL_MS = 20;
/** A card intent is under 3 KB (its JWE included); anything much larger is not one. */
const MAX_INTENT_BYTES = 16 * 1024;
/** `?description=` as long as the session schema lets `order.description` be. */
const MAX_DESCRIPTION = 200;
/** `?payer=`: an id, not a document (the demo wallets' `demo-<wallet>.<suffix>` fits). */
const PAYER = /^[A-Za-z0-9._-]{1,80}$/;

/**
 * The reference backend: issues demo sessions, verifies and records signed intents, and
 * answers with the response contract. The demo server and the test runner mount this same
 * handler, so tests talk to the real thing over HTTP.
 *
 * Card data: every session carries the public half of one RSA-OAEP-256 key pair, made on the
 * first session request (RSA key generation takes a while; a backend that never issues a
 * session never pays for it). A `card` intent is decrypted with the private half, checked
 * again with the card form's own rules, and answered from the test-card table
 * (`test-cards.ts`). See `card-intake.ts` for what is a 400 and what is a failed attempt.
 */
export function createBackend({ now = Date.now, random = Math.random, maxSessions, store = new Store(now, maxSessions), passkeyRp }: BackendOptions = {}): Backend {
  const cardKey = (): Promise<CardKey> => store.cardKey();
  const savedCards = new SavedCards(store, now, cardKey);
  /** The card JWEs accepted in the last minutes (new cards and saved cards' CVVs): each pays once. */
  const { jweIds } = store;
  /** This instance's requests in flight by `kid:key`: a duplicate here waits for the first. */
  const inFlight = new Map<string, Promise<StoredAnswer>>();
  const passkeys = new Passkeys({ store, now, toleranceSeconds: SIGNATURE_TOLERANCE_S, ...(passkeyRp ? { rp: passkeyRp } : {}) });
  const bindings = new Bindings({ now, random, cardKey, replay: jweIds, store, toleranceSeconds: SIGNATURE_TOLERANCE_S });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const url = requestUrl(req);
    if (!url) {
      // Not a URL at all (`//[`): nothing here or in the static files can match it.
      sendError(res, 400, 'path_malformed');
      return true;
    }
    const path = url.pathname;
    if (!path.startsWith('/api/')) return false;
    try {
      store.sweep();
      if (path === '/api/session') {
        if (req.method !== 'GET' && req.method !== 'POST') return methodNotAllowed(res, 'GET, POST');
        await createSession(url, res);
        return true;
      }
      if (path === '/api/intents') {
        if (req.method !== 'POST') return methodNotAllowed(res, 'POST');
        await postIntent(req, res);
        return true;
      }
      if (path === '/api/card-info' || path === '/api/bindings') {
        if (req.method !== 'POST') return methodNotAllowed(res, 'POST');
        await (path === '/api/card-info' ? bindings.cardInfo(req, res) : bindings.create(req, res));
        return true;
      }
      if (path === '/api/passkeys' || path === '/api/passkeys/challenge' || path === '/api/passkeys/registration') {
        if (req.method !== 'POST') return methodNotAllowed(res, 'POST');
        if (path === '/api/passkeys') await passkeys.register(req, res);
        else if (path === '/api/passkeys/challenge') await passkeys.challenge(req, res, async (payer, cardId) => (await savedCards.cardsFor(payer)).some((c) => c.id === cardId));
        else await passkeys.registration(req, res, paidBySavedCard);
        return true;
      }
      const routed = matchIdRoute(path);
      if (!routed) {
        sendError(res, 404, 'not_found');
        return true;
      }
      if (req.method !== routed.route.method) return methodNotAllowed(res, routed.route.method);
      // Each id is decoded once, here; escapes that are not UTF-8 are the client's mistake.
      const id = decodeSegment(routed.raw);
      if (id === undefined) {
        sendError(res, 400, 'path_malformed');
        return true;
      }
      const { name } = routed.route;
      if (name === 'binding-confirm') await postIntent(req, res, id);
      else if (name === 'binding-resend') await bindings.resend(req, res, id);
      else if (name === 'binding-code') await bindings.code(res, id);
      else if (name === 'binding') await bindings.status(res, id);
      else if (name === 'confirm') await confirmAttempt(id, res);
      else if (name === 'attempt') await getAttempt(id, res);
      else if (name === 'ledger') await getLedger(id, res);
      else await savedCards.handleDelete(req, res, id);
    } catch (error) {
      if (error instanceof StoreUnavailableError) {
        // The store is down: nothing was decided, the same request may be tried again.
        console.error('shouyin backend: store unavailable on', req.method, path);
        if (!res.headersSent) sendError(res, 503, 'store_unavailable', undefined, {}, { 'Retry-After': '1' });
        else res.end();
        return true;
      }
      // The reference backend logs its own faults; no request body (and so no card data) is printed.
      console.error('shouyin backend: internal error on', req.method, path, (error as Error).name);
      if (!res.headersSent) sendError(res, 500, 'internal_error');
      else res.end();
    }
    return true;
  }

  async function createSession(url: URL, res: ServerResponse): Promise<void> {
    // The same order again, as a host's backend answers a reloaded checkout page.
    const orderId = url.searchParams.get('order');
    if (orderId !== null) {
      const existing = await store.sessionForOrder(orderId);
      if (!existing) return sendError(res, 404, 'order_not_found');
      // A paid order says so, so the cashier shows it paid whatever its tab kept (or lost).
      const paid = (await store.attemptsFor(orderId)).find((a) => a.status === 'succeeded');
      return sendJson(res, 200, paid ? { ...existing.session, paid: { paymentId: paid.id } } : existing.session);
    }
    const amount = Number(url.searchParams.get('amount') ?? '12800');
    const currency = (url.searchParams.get('currency') ?? 'CNY').toUpperCase();
    if (!Number.isSafeInteger(amount) || amount <= 0) return sendError(res, 400, 'amount_invalid');
    if (!/^[A-Z]{3}$/.test(currency)) return sendError(res, 400, 'currency_invalid');
    const parsed = parseScenario(url.searchParams.get('scenario') ?? 'default', CHANNEL_IDS);
    if (!parsed.ok) return sendError(res, 400, parsed.code, `scenario item not accepted: ${parsed.item}`);
    const description = url.searchParams.get('description') ?? undefined;
    if (description !== undefined && description.length > MAX_DESCRIPTION) return sendError(res, 400, 'description_invalid');
    const askedPayer = url.searchParams.get('payer');
    if (askedPayer !== null && !PAYER.test(askedPayer)) return sendError(res, 400, 'payer_invalid');
    const fallbackMode = url.searchParams.get('fallback') ?? 'prompt';
    if (fallbackMode !== 'auto' && fallbackMode !== 'prompt' && fallbackMode !== 'off') return sendError(res, 400, 'fallback_invalid');
    const { encryption } = await cardKey();
    const { session, verifyKey, spec } = issueSession(
      { amount, currency, scenario: parsed.spec, fallbackMode, ...(description ? { description } : {}) },
      now(),
      encryption,
    );
    // `?binding=1`: the card channel takes Chinese bank cards by 快捷支付 binding (issue 17).
    if (url.searchParams.get('binding') === '1') session.endpoints = { ...session.endpoints, cardInfo: '/api/card-info', bindings: '/api/bindings' };
    // `?payer=` with `?binding=1`: the host keeps this payer's cards, so a bound card may be saved.
    if (askedPayer !== null && session.endpoints.bindings) session.card = { ...session.card, canSave: true };
    // `?knownPayer=1`: the host has verified the payer's identity (one-click binding); a demo identity.
    if (url.searchParams.get('knownPayer') === '1') session.payer = { name: '张三丰', idNumber: '110101199003074477' };
    const seeded = spec.seed === undefined ? random : mulberry32(spec.seed);
    // Daily limits are a payer's: orders of the same `?payer=` share them, others start afresh
    // (so a long-running demo or test server never wears a channel out for everyone).
    const payer = askedPayer ?? `p_${randomToken(9)}`;
    if (!(await store.addSession({ session, verifyKey, scenario: spec.text, spec, random: seeded, payer }))) {
      return sendError(res, 503, 'too_many_sessions');
    }
    await savedCards.decorate(session, payer, url);
    await passkeys.decorate(session, payer, url);
    sendJson(res, 200, session);
  }

  /** `bindingId`: the intent came to `/api/bindings/{id}/confirm`, which only a binding's confirm may. */
  async function postIntent(req: IncomingMessage, res: ServerResponse, bindingId?: string): Promise<void> {
    const read = await readBody(req, MAX_INTENT_BYTES);
    if (!read.ok) return refuseBody(req, res, read.code);
    const verified = await verifyIntent(
      { headers: req.headers, body: read.body },
      { keyFor: async (kid) => (await store.sessionForKid(kid))?.verifyKey, now, toleranceSeconds: SIGNATURE_TOLERANCE_S },
    );
    if (!verified.ok) return sendRejection(res, verified);
    const { intent, kid, timestamp, canonicalBody, idempotencyKey } = verified;
    const { instrument } = intent;
    if ((instrument.type === 'binding') !== (bindingId !== undefined) || (instrument.type === 'binding' && instrument.bindingId !== bindingId)) {
      return sendError(res, 400, 'instrument_mismatch');
    }
    // The session may have been evicted while the signature was checked.
    const record = await store.sessionForKid(kid);
    if (!record) return sendError(res, 401, 'unknown_kid');
    // Every signed request is noted before any fault or check, so the ledger shows each try of
    // an attempt and the key it carried (a retry without its attempt's key would show here).
    await store.addTry(record.session.order.id, { attempt: intent.attempt, idempotencyKey: idempotencyKey ?? null, at: now() });
    if (!idempotencyKey || !/^[A-Za-z0-9_-]{8,128}$/.test(idempotencyKey)) {
      return sendError(res, 400, 'idempotency_key_missing');
    }
    const faults = faultsFor(record.spec, intent.channel);
    // Faults in front of the backend turn a request away before anything is looked up or kept:
    // no attempt, no nonce, no idempotency answer, so a retry of it is processed as a first try.
    if (faults.flakyRate && record.random() < faults.flakyRate) {
      return reply(res, faults, error(503, 'unavailable'));
    }
    if (faults.retryAfterSeconds !== undefined && (await store.firstTry(kid, idempotencyKey))) {
      const answer = error(429, 'rate_limited');
      return reply(res, faults, { ...answer, headers: { 'Retry-After': String(faults.retryAfterSeconds) } });
    }
    const bodyHash = hashBody(canonicalBody);
    const first = await firstAnswer(kid, idempotencyKey, bodyHash);
    if (first === 'conflict') return reply(res, faults, error(409, 'idempotency_conflict'));
    if (first === 'in_progress') {
      return reply(res, faults, { ...error(503, 'idempotency_in_progress'), headers: { 'Retry-After': '1' } });
    }
    if (first) return reply(res, faults, first);
    // This request holds the key now: it answers, or lets the key go when it cannot.
    const flight = `${kid}:${idempotencyKey}`;
    const answer = (async (): Promise<StoredAnswer> => {
      // The nonce is this request's: a retry of it (same key, same body) may carry it again.
      if (!(await store.useNonce(intent.nonce, timestamp, flight))) return error(409, 'nonce_replayed');
      return decide(kid, intent, faults, idempotencyKey, canonicalBody);
    })();
    inFlight.set(flight, answer);
    let settled: StoredAnswer;
    try {
      settled = await answer;
      await store.finish(kid, idempotencyKey, bodyHash, settled);
    } catch (failure) {
      await store.release(kid, idempotencyKey, bodyHash).catch(() => undefined);
      throw failure;
    } finally {
      inFlight.delete(flight);
    }
    if (faults.lost && settled.status === 200) {
      // The attempt is recorded and its answer kept; the payer's network loses it. Only this
      // first processing of the key is lost: its retries get the stored answer above. (An
      // error answer records nothing, so losing it would teach the cashier nothing new.)
      if (faults.slowMs) await sleep(faults.slowMs);
      res.destroy();
      return;
    }
    return reply(res, faults, settled);
  }

  /**
   * The answer a key already has, `conflict` when it came with another body, `in_progress` when
   * its first request is still being processed elsewhere past `DUPLICATE_WAIT_MS`, or undefined
   * when this request now holds the key. A duplicate in flight waits for the first's answer: on
   * this instance for its promise, on another by polling the store; when the first died, its
   * claim lapses and this request takes the key over.
   */
  async function firstAnswer(
    kid: string,
    key: string,
    bodyHash: string,
  ): Promise<StoredAnswer | 'conflict' | 'in_progress' | undefined> {
    const deadline = performance.now() + DUPLICATE_WAIT_MS;
    for (;;) {
      const claim = await store.claim(kid, key, bodyHash);
      if (claim.state === 'new') return undefined;
      if (claim.state === 'conflict') return 'conflict';
      if (claim.state === 'done') return claim.answer;
      const here = inFlight.get(`${kid}:${key}`);
      if (here) return here;
      if (performance.now() > deadline) return 'in_progress';
      await sleep(DUPLICATE_POLL_MS);
    }
  }

  async function decide(
    kid: string,
    intent: ReceivedIntent,
    faults: ChannelFaults,
    idempotencyKey: string,
    requestBody: string,
  ): Promise<StoredAnswer> {
    const record = await store.sessionForKid(kid);
    if (!record) return error(401, 'unknown_kid');
    const { session } = record;
    if (intent.sessionId !== session.id || intent.orderId !== session.order.id) {
      return error(400, 'session_mismatch');
    }
    if (intent.amount !== session.order.amount || intent.currency !== session.order.currency) {
      return error(400, 'amount_mismatch');
    }
    if (Date.parse(session.expiresAt) <= now()) return error(410, 'session_expired');
    const channel = session.channels.find((c) => c.id === intent.channel);
    if (!channel) return error(400, 'channel_unknown');
    // A card (new or saved) only on a card channel, and no wallet payment on one: it would
    // "pay" by card with no card at all.
    const { type } = intent.instrument;
    if ((type !== 'wallet') !== (channel.kind === 'card')) return error(400, 'instrument_mismatch');
    // A card JWE is taken for this session's own order only (its values, not the intent's), once.
    const { order } = session;
    const use: CardUse = {
      expected: { sessionId: session.id, orderId: order.id, amount: order.amount, currency: order.currency },
      replay: jweIds,
      now,
    };
    let card: Exclude<CardIntake, { kind: 'unreadable' }> | undefined;
    if (intent.instrument.type === 'card') {
      const intake = await readCard(intent.instrument.encrypted, await cardKey(), yearMonthAt(now()), use);
      if (intake.kind === 'unreadable') return error(400, unreadableError(intake.code));
      card = intake;
    }
    let bound: Exclude<BindingIntake, { kind: 'unknown' | 'unreadable' }> | undefined;
    if (intent.instrument.type === 'binding') {
      const intake = await bindings.intake(intent.instrument, session);
      if (intake.kind === 'unknown') return error(400, 'binding_not_found');
      if (intake.kind === 'unreadable') return error(400, unreadableError(intake.code));
      bound = intake;
    }
    let saved: Exclude<SavedCardIntake, { kind: 'unknown' | 'needs_code' | 'unreadable' }> | undefined;
    if (intent.instrument.type === 'saved-card') {
      // A passkey confirms the card instead of its CVV; its challenge is spent whatever the outcome.
      const { passkey } = intent.instrument;
      const confirmed = passkey ? await passkeys.confirm(passkey, record, intent.instrument.cardId) : undefined;
      const intake = await savedCards.intake(intent.instrument, session, record.payer, use, confirmed);
      if (intake.kind === 'unknown') return error(400, 'card_unknown');
      if (intake.kind === 'needs_code') return error(400, 'sms_code_required');
      if (intake.kind === 'unreadable') return error(400, unreadableError(intake.code));
      saved = intake;
    }
    const at = now();
    const malformed = faults.outcome?.fault === FaultName.MalformedResponse;
    // Every limit but the daily total is the channel's own; the ledger's part of the daily
    // total is counted by the store, in the same step that keeps the attempt.
    const refusal = malformed ? undefined : channelRefusal(channel, intent.amount, at, 0);
    const cardRefusal = malformed
      ? undefined
      : card?.kind === 'invalid'
        ? 'card_invalid'
        : saved?.kind === 'refused'
          ? saved.code
          : bound?.kind === 'refused'
            ? bound.code
            : undefined;
    const outcome: Outcome = refusal
      ? { status: 'failed', failure: refusal }
      : cardRefusal
        ? { status: 'failed', failure: { code: cardRefusal, retryable: false } }
        : decideOutcome(faults, channel, card?.kind === 'valid' ? card.outcome : saved?.kind === 'usable' ? saved.outcome : bound?.kind === 'usable' ? bound.outcome : undefined);
    const { perDay, usedToday = 0 } = channel.limits;
    const id = `pay_${randomToken(12)}`;
    const action = outcome.status === 'requires_action' ? actionFor(channel, intent.env, id) : outcome.action;
    const attempt: AttemptRecord = {
      id,
      attempt: intent.attempt,
      ...(intent.previousAttempt ? { previousAttempt: intent.previousAttempt } : {}),
      orderId: session.order.id,
      sessionId: session.id,
      channel: channel.id,
      instrument: card ? card.card : saved ? saved.card : bound ? { type: 'binding', bindingId: bound.card.bindingId, ...(bound.card.cardId ? { cardId: bound.card.cardId } : {}), brand: bound.card.brand, last4: bound.card.last4 } : { type: intent.instrument.type },
      env: intent.env,
      amount: intent.amount,
      currency: intent.currency,
      status: outcome.status,
      ...(outcome.failure ? { failure: outcome.failure } : {}),
      ...(action ? { action } : {}),
      ...(outcome.pendingPolls !== undefined ? { pendingPolls: outcome.pendingPolls } : {}),
      idempotencyKey,
      requestBody: ledgerBody(requestBody),
      createdAt: at,
      updatedAt: at,
    };
    const dailyRoom = malformed || refusal || perDay === undefined ? undefined : perDay - usedToday;
    const { status: _status, failure: _failure, action: _action, pendingPolls: _polls, ...common } = attempt;
    const placed = await store.place({
      attempt,
      refused: { ...common, status: 'failed', failure: limitExceeded(channel) },
      payer: record.payer,
      ...(dailyRoom === undefined ? {} : { dailyRoom }),
      ...(saved ? { savedCardId: saved.card.cardId } : {}),
      // A saved bound card confirmed by its code: paid only while the payer still has it.
      ...(bound?.card.cardId ? { savedCardId: bound.card.cardId } : {}),
    });
    // A card removed while its CVV was decrypted is refused as any removed card is.
    if (placed.kind === 'card_unknown') return error(400, 'card_unknown');
    if (placed.kind === 'existing') return { status: 200, body: IntentResponseSchema.parse(toResponse(placed.attempt)) };
    if (bound && placed.kind === 'placed' && placed.attempt.status === 'succeeded') await bindings.bound(bound.card.bindingId, placed.attempt.id);
    if (placed.kind === 'paid') return { status: 409, body: { error: { code: 'order_already_paid' }, paidAttempt: toResponse(placed.attempt) } };
    if (malformed) return { status: 200, body: undefined, raw: '{"ok":true,"status":"paid?"}' };
    return { status: 200, body: IntentResponseSchema.parse(toResponse(placed.attempt)) };
  }

  /** A passkey is offered only to a payer who just confirmed a card the usual way: this order paid with a saved card or a binding. */
  async function paidBySavedCard(orderId: string): Promise<boolean> {
    return (await store.attemptsFor(orderId)).some((a) => a.status === 'succeeded' && (a.instrument.type === 'saved-card' || a.instrument.type === 'binding'));
  }

  async function getAttempt(id: string, res: ServerResponse): Promise<void> {
    const found = await store.attempt(id);
    if (!found) return sendError(res, 404, 'attempt_not_found');
    const spec = (await store.sessionForOrder(found.orderId))?.spec;
    const slowMs = spec ? faultsFor(spec, found.channel).slowMs : undefined;
    if (slowMs) await sleep(slowMs);
    // A status poll is what moves a pending test card on: `pendingPolls` polls answer
    // `pending`, the next one finds it settled (never as a second success for its order).
    const attempt = (await store.advance(id, 'poll')) ?? found;
    if (!res.destroyed) sendJson(res, 200, toResponse(attempt));
  }

  /**
   * The simulated payer finished in the wallet (scanned the QR code, paid in the sheet or on
   * the H5 page): the wallet's network tells the backend, as a real notification would. Only
   * an attempt waiting for its payer moves, and never to a second success for one order.
   */
  async function confirmAttempt(id: string, res: ServerResponse): Promise<void> {
    const attempt = await store.advance(id, 'confirm');
    if (!attempt) return sendError(res, 404, 'attempt_not_found');
    sendJson(res, 200, toResponse(attempt));
  }

  async function getLedger(orderId: string, res: ServerResponse): Promise<void> {
    const session = (await store.sessionForOrder(orderId))?.session;
    if (!session) return sendError(res, 404, 'order_not_found');
    const attempts = await store.attemptsFor(orderId);
    const { tries, omitted } = await store.tries(orderId);
    sendJson(res, 200, {
      orderId,
      amount: session.order.amount,
      currency: session.order.currency,
      paid: attempts.some((a) => a.status === 'succeeded'),
      tries: tries.map((t) => ({ ...t, at: new Date(t.at).toISOString() })),
      triesOmitted: omitted,
      bindings: await bindings.forOrder(orderId),
      bindingRequests: await bindings.requestsFor(orderId),
      attempts: attempts.map((a) => ({
        id: a.id,
        attempt: a.attempt,
        previousAttempt: a.previousAttempt ?? null,
        channel: a.channel,
        instrument: a.instrument,
        env: a.env,
        status: a.status,
        failure: a.failure?.code ?? null,
        idempotencyKey: a.idempotencyKey,
        requestBody: a.requestBody,
        createdAt: new Date(a.createdAt).toISOString(),
        updatedAt: new Date(a.updatedAt).toISOString(),
      })),
    });
  }

  return { handle, store };
}

function error(status: number, code: string): StoredAnswer {
  return { status, body: { error: { code } } };
}

function send(res: ServerResponse, answer: StoredAnswer): void {
  if (answer.raw !== undefined) sendText(res, answer.status, answer.raw);
  else sendJson(res, answer.status, answer.body, answer.headers);
}

/** Sends an intent answer, `slow@ms` late; not at all when the payer has hung up meanwhile. */
async function reply(res: ServerResponse, faults: ChannelFaults, answer: StoredAnswer): Promise<void> {
  if (faults.slowMs) await sleep(faults.slowMs);
  if (!res.destroyed) send(res, answer);
}

/** The routes that end in an id (still percent-encoded in the match), first match wins. */
const ID_ROUTES = [
  { name: 'binding-confirm', method: 'POST', pattern: /^\/api\/bindings\/(.*)\/confirm$/ },
  { name: 'binding-resend', method: 'POST', pattern: /^\/api\/bindings\/(.*)\/resend$/ },
  // DEMO ONLY: the SMS code the simulated bank sent. A real backend has no such route.
  { name: 'binding-code', method: 'GET', pattern: /^\/api\/bindings\/(.*)\/code$/ },
  { name: 'binding', method: 'GET', pattern: /^\/api\/bindings\/(.*)$/ },
  { name: 'confirm', method: 'POST', pattern: /^\/api\/intents\/(.*)\/confirm$/ },
  { name: 'attempt', method: 'GET', pattern: /^\/api\/intents\/(.*)$/ },
  { name: 'ledger', method: 'GET', pattern: /^\/api\/orders\/(.*)$/ },
  { name: 'card', method: 'DELETE', pattern: /^\/api\/cards\/(.*)$/ },
] as const;

function matchIdRoute(path: string): { route: (typeof ID_ROUTES)[number]; raw: string } | undefined {
  for (const route of ID_ROUTES) {
    const match = route.pattern.exec(path);
    if (match) return { route, raw: match[1]! };
  }
  return undefined;
}

/** Answers 405; true, as `handle` returns for a request it served. */
function methodNotAllowed(res: ServerResponse, allow: string): true {
  sendJson(res, 405, { error: { code: 'method_not_allowed' } }, { Allow: allow });
  return true;
}
