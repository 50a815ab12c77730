import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomToken } from '../../../src/protocol/base64url.js';
import { SessionSchema } from '../../../src/protocol/schemas.js';
import { signIntent } from '../../../src/server/index.js';
import { intentFor, ledger, newSession, postIntent, startBackend, type RunningBackend } from '../helpers.js';

let server: RunningBackend;
before(async () => {
  server = await startBackend();
});
after(() => server.close());

describe('reference backend over HTTP', () => {
  it('issues a valid session with every channel and a 32-byte signing key', async () => {
    const session = await newSession(server.url, 'amount=12800');
    assert.equal(SessionSchema.safeParse(session).success, true);
    assert.deepEqual(
      session.channels.map((c) => c.id),
      ['wechat', 'alipay', 'unionpay', 'ecny', 'card'],
    );
    assert.equal(Buffer.from(session.signing.key, 'base64url').length, 32);
    assert.equal(session.order.amount, 12800);
    assert.equal(session.order.currency, 'CNY');
  });

  it('refuses a session request with a bad amount or scenario', async () => {
    for (const query of ['amount=-5', 'amount=1.5', 'amount=abc', 'scenario=nope', 'currency=yuan']) {
      const response = await fetch(`${server.url}/api/session?${query}`);
      assert.equal(response.status, 400, query);
    }
  });

  it('pays a signed wallet intent and records it in the ledger', async () => {
    const session = await newSession(server.url);
    const intent = intentFor(session);
    const { status, body } = await postIntent(server.url, session, intent);
    assert.equal(status, 200);
    assert.equal(body.status, 'succeeded');
    const book = await ledger(server.url, session.order.id);
    assert.equal(book.paid, true);
    assert.equal(book.attempts.length, 1);
    assert.equal(book.attempts[0].attempt, intent.attempt);
    assert.equal(book.attempts[0].channel, 'wechat');
    const status2 = await (await fetch(`${server.url}/api/intents/${body.id}`)).json();
    assert.deepEqual(status2, body);
  });

  it('answers a retry (same key, same body) with the first answer, and records one attempt', async () => {
    const session = await newSession(server.url);
    const intent = intentFor(session);
    const idempotencyKey = randomToken(18);
    const first = await postIntent(server.url, session, intent, { idempotencyKey });
    // A retry may be signed later: the body is the same, the header is new.
    const second = await postIntent(server.url, session, intent, { idempotencyKey, now: Date.now() + 5000 });
    assert.equal(second.status, 200);
    assert.deepEqual(second.body, first.body);
    assert.equal((await ledger(server.url, session.order.id)).attempts.length, 1);
  });

  it('answers two concurrent copies of one request with one attempt', async () => {
    const session = await newSession(server.url);
    const intent = intentFor(session);
    const idempotencyKey = randomToken(18);
    const [a, b] = await Promise.all([
      postIntent(server.url, session, intent, { idempotencyKey }),
      postIntent(server.url, session, intent, { idempotencyKey }),
    ]);
    assert.deepEqual(a.body, b.body);
    assert.equal((await ledger(server.url, session.order.id)).attempts.length, 1);
  });

  it('rejects a replay: a seen nonce under a new idempotency key', async () => {
    const session = await newSession(server.url, 'scenario=declined');
    const intent = intentFor(session);
    await postIntent(server.url, session, intent);
    const replay = await postIntent(server.url, session, intent);
    assert.equal(replay.status, 409);
    assert.equal(replay.body.error.code, 'nonce_replayed');
    assert.equal((await ledger(server.url, session.order.id)).attempts.length, 1);
  });

  it('rejects the same key with a different body', async () => {
    const session = await newSession(server.url, 'scenario=declined');
    const idempotencyKey = randomToken(18);
    await postIntent(server.url, session, intentFor(session), { idempotencyKey });
    const other = await postIntent(server.url, session, intentFor(session, { channel: 'alipay' }), { idempotencyKey });
    assert.equal(other.status, 409);
    assert.equal(other.body.error.code, 'idempotency_conflict');
  });

  it('answers 409 order_already_paid, with the paying attempt, to a second payment of a paid order', async () => {
    const session = await newSession(server.url);
    const first = await postIntent(server.url, session, intentFor(session));
    const second = await postIntent(server.url, session, intentFor(session, { channel: 'alipay' }));
    assert.equal(second.status, 409);
    assert.equal(second.body.error.code, 'order_already_paid');
    assert.deepEqual(second.body.paidAttempt, first.body);
    const book = await ledger(server.url, session.order.id);
    assert.equal(book.attempts.filter((a: { status: string }) => a.status === 'succeeded').length, 1);
  });

  it('answers 401 to a bad signature and 400 with a code to a malformed or mismatched body', async () => {
    const session = await newSession(server.url);
    const forged = await signIntent(intentFor(session), { key: randomToken(32), kid: session.signing.kid, idempotencyKey: randomToken(18) });
    const forgedResponse = await fetch(`${server.url}/api/intents`, { method: 'POST', headers: forged.headers, body: forged.body });
    assert.equal(forgedResponse.status, 401);
    assert.equal(((await forgedResponse.json()) as { error: { code: string } }).error.code, 'signature_mismatch');

    const garbled = await fetch(`${server.url}/api/intents`, {
      method: 'POST',
      headers: { ...forged.headers, 'Content-Type': 'application/json' },
      body: '{"v":1,',
    });
    assert.equal(garbled.status, 400);

    const cheaper = await postIntent(server.url, session, intentFor(session, { amount: 1 }));
    assert.equal(cheaper.status, 400);
    assert.equal(cheaper.body.error.code, 'amount_mismatch');
    const elsewhere = await postIntent(server.url, session, intentFor(session, { orderId: 'ord_other' }));
    assert.equal(elsewhere.body.error.code, 'session_mismatch');
    const unknownChannel = await postIntent(server.url, session, intentFor(session, { channel: 'paypal' }));
    assert.equal(unknownChannel.body.error.code, 'channel_unknown');
    assert.equal((await ledger(server.url, session.order.id)).attempts.length, 0);
  });

  it('answers 400 when the idempotency key is missing', async () => {
    const session = await newSession(server.url);
    const signed = await signIntent(intentFor(session), { key: session.signing.key, kid: session.signing.kid });
    const response = await fetch(`${server.url}/api/intents`, { method: 'POST', headers: signed.headers, body: signed.body });
    assert.equal(response.status, 400);
    assert.equal(((await response.json()) as { error: { code: string } }).error.code, 'idempotency_key_missing');
  });
});
