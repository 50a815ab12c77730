/**
 * The reference backend's memory is bounded: a session and everything hanging off it goes
 * some time after it expires, nonces go once no signature carrying them can verify, live
 * sessions and an order's tries are capped, and a refused request leaves nothing behind.
 * Time moves through the backend's injected clock.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomToken } from '../../../src/protocol/base64url.js';
import type { Intent } from '../../../src/protocol/schemas.js';
import { signIntent } from '../../../src/server/index.js';
import { SESSION_RETENTION_MS, MAX_TRIES_PER_ORDER, type Store } from '../../../demo/backend/store.js';
import {
  intentFor,
  intentStatus,
  ledger,
  newSession,
  postIntent,
  startBackendWith,
  type RunningBackend,
} from '../helpers.js';

const MINUTE = 60_000;
const EMPTY = { sessions: 0, attempts: 0, nonces: 0, idempotency: 0, tries: 0, payers: 0 };

let clock = Date.parse('2026-06-01T04:00:00Z');
let server: RunningBackend;
before(async () => {
  server = await startBackendWith({ now: () => clock, maxSessions: 5 });
});
after(() => server.close());

async function status(path: string, init: RequestInit = {}): Promise<{ status: number; code: string | undefined }> {
  const response = await fetch(`${server.url}${path}`, init);
  const body = (await response.json()) as { error?: { code?: string } };
  return { status: response.status, code: body.error?.code };
}

/** Lets every session expire and its retention pass; the next request sweeps. */
async function expireAll(): Promise<void> {
  clock += 15 * MINUTE + SESSION_RETENTION_MS + MINUTE;
  await status('/api/orders/none');
}

describe('reference backend: bounded memory', () => {
  it('keeps an order through its retention after expiry, then lets it and all that hangs off it go', async () => {
    await expireAll();
    const wallet = await newSession(server.url, 'payer=demo-mixed.bounds');
    const paid = await postIntent(server.url, wallet, intentFor(wallet), { now: clock });
    assert.equal(paid.body.status, 'succeeded');
    const limited = await newSession(server.url, 'scenario=429@1');
    const turnedAway = await postIntent(server.url, limited, intentFor(limited), { now: clock });
    assert.equal(turnedAway.status, 429);
    const sizes = (server.backend.store as Store).sizes();
    assert.deepEqual(
      { sessions: sizes.sessions, attempts: sizes.attempts, tries: sizes.tries },
      { sessions: 2, attempts: 1, tries: 2 },
    );
    assert.ok(sizes.nonces > 0 && sizes.idempotency > 0 && sizes.payers === 2);

    // Expired, within the retention: the status and the ledger still answer.
    clock += 15 * MINUTE + SESSION_RETENTION_MS - MINUTE;
    assert.equal((await intentStatus(server.url, wallet, paid.body.id)).body.status, 'succeeded');
    assert.equal((await ledger(server.url, wallet.order.id)).attempts.length, 1);

    clock += 2 * MINUTE;
    assert.deepEqual(await status(`/api/orders/${wallet.order.id}`), { status: 404, code: 'order_not_found' });
    assert.deepEqual((server.backend.store as Store).sizes(), EMPTY);
    assert.equal((await intentStatus(server.url, wallet, paid.body.id)).status, 404);
    assert.deepEqual(await status(`/api/session?order=${wallet.order.id}`), { status: 404, code: 'order_not_found' });
    const late = await postIntent(server.url, wallet, intentFor(wallet), { now: clock });
    assert.deepEqual([late.status, late.body.error.code], [401, 'unknown_kid']);
    // The demo payer's cards went with its last session: it starts afresh from its wallet.
    const again = await newSession(server.url, 'payer=demo-mixed.bounds');
    assert.equal(again.savedCards.length, wallet.savedCards.length);
    assert.notDeepEqual(
      again.savedCards.map((c) => c.id),
      wallet.savedCards.map((c) => c.id),
    );
  });

  it('keeps a nonce only while a signature carrying it can verify', async () => {
    await expireAll();
    const session = await newSession(server.url);
    const intent = intentFor(session, { createdAt: new Date(clock).toISOString() });
    assert.equal((await postIntent(server.url, session, intent, { now: clock })).status, 200);
    const replay = await postIntent(server.url, session, { ...intent, attempt: randomToken(12) }, { now: clock });
    assert.deepEqual([replay.status, replay.body.error.code], [409, 'nonce_replayed']);
    assert.equal((server.backend.store as Store).sizes().nonces, 1);
    const signedThen = await signIntent(
      { ...intent, attempt: randomToken(12) },
      { key: session.signing.key, kid: session.signing.kid, now: clock, idempotencyKey: randomToken(18) },
    );

    clock += 7 * MINUTE;
    await status('/api/orders/none');
    assert.equal((server.backend.store as Store).sizes().nonces, 0);
    // The captured request cannot be replayed now: its signature is too old.
    const captured = await fetch(`${server.url}/api/intents`, { method: 'POST', headers: signedThen.headers, body: signedThen.body });
    assert.equal(captured.status, 401);
    assert.equal(((await captured.json()) as { error: { code: string } }).error.code, 'signature_expired');
  });

  it('holds at most maxSessions: the oldest unpaid one makes room, and with none 503 too_many_sessions', async () => {
    await expireAll();
    const paid = await newSession(server.url);
    assert.equal((await postIntent(server.url, paid, intentFor(paid), { now: clock })).body.status, 'succeeded');
    const idle = [];
    for (let i = 0; i < 4; i++) idle.push(await newSession(server.url));
    const extra = await newSession(server.url);
    assert.equal((server.backend.store as Store).sizes().sessions, 5);
    assert.deepEqual(await status(`/api/orders/${idle[0]!.order.id}`), { status: 404, code: 'order_not_found' });
    assert.equal((await ledger(server.url, paid.order.id)).paid, true);

    for (const session of [...idle.slice(1), extra]) {
      assert.equal((await postIntent(server.url, session, intentFor(session), { now: clock })).status, 200);
    }
    const before = (server.backend.store as Store).sizes();
    assert.deepEqual(await status('/api/session'), { status: 503, code: 'too_many_sessions' });
    assert.deepEqual((server.backend.store as Store).sizes(), before);
  });

  it('keeps an order’s latest tries and counts the older ones', async () => {
    await expireAll();
    const session = await newSession(server.url, 'scenario=flaky@1');
    const intents: Intent[] = [];
    for (let i = 0; i < MAX_TRIES_PER_ORDER + 5; i++) {
      const intent = intentFor(session);
      intents.push(intent);
      assert.equal((await postIntent(server.url, session, intent, { now: clock })).status, 503);
    }
    const book = await ledger(server.url, session.order.id);
    assert.equal(book.tries.length, MAX_TRIES_PER_ORDER);
    assert.equal(book.triesOmitted, 5);
    assert.equal(book.tries.at(-1).attempt, intents.at(-1)!.attempt);
    assert.equal(book.tries[0].attempt, intents[5]!.attempt);
  });

  it('refuses an oversized body with 413 and bad query strings with 400, keeping nothing of them', async () => {
    await expireAll();
    const session = await newSession(server.url);
    const before = (server.backend.store as Store).sizes();
    const padded = { ...intentFor(session), padding: 'x'.repeat(20 * 1024) } as Intent;
    const signed = await signIntent(padded, { key: session.signing.key, kid: session.signing.kid, now: clock, idempotencyKey: randomToken(18) });
    const response = await fetch(`${server.url}/api/intents`, { method: 'POST', headers: signed.headers, body: signed.body });
    assert.equal(response.status, 413);
    assert.equal(((await response.json()) as { error: { code: string } }).error.code, 'body_too_large');
    const removal = await status('/api/cards/sc_x', { method: 'DELETE', body: 'x'.repeat(5 * 1024) });
    assert.deepEqual(removal, { status: 413, code: 'body_too_large' });
    for (const query of [`description=${'x'.repeat(201)}`, `payer=${'p'.repeat(81)}`]) {
      assert.equal((await status(`/api/session?${query}`)).status, 400);
    }
    assert.deepEqual((server.backend.store as Store).sizes(), before);
    assert.deepEqual((await ledger(server.url, session.order.id)).tries, []);
  });
});
