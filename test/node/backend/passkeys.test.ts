/**
 * Passkey confirmation on the reference backend, with the real @simplewebauthn/server and a
 * software authenticator (real P-256 keys): register after a saved-card payment, pay a new
 * session of the same payer with the passkey and no CVV, and every refusal: a replayed
 * challenge or assertion, another order's challenge, a foreign origin, no user verification,
 * a counter that does not move on, a registration before any saved-card payment.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomToken } from '../../../src/protocol/base64url.js';
import { SIGNATURE_HEADER, signBody } from '../../../src/protocol/signature.js';
import type { Session } from '../../../src/protocol/schemas.js';
import { intentFor, ledger, newSession, postIntent, startBackendWith, type RunningBackend } from '../helpers.js';
import { SoftAuthenticator } from '../passkey/soft-authenticator.js';
import { confirm, requestCode, smsCode } from './binding-requests.js';

const ORIGIN = 'https://pay.merchant.example';
const RP_ID = 'merchant.example';
let server: RunningBackend;

before(async () => {
  server = await startBackendWith({ passkeyRp: { id: RP_ID, origins: [ORIGIN] } });
});
after(() => server.close());

async function signedPost(session: Session, path: string, body: unknown) {
  const signed = await signBody({ body, key: session.signing.key, kid: session.signing.kid, now: Date.now() });
  const response = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', [SIGNATURE_HEADER]: signed.header },
    body: signed.canonicalBody,
  });
  return { status: response.status, body: (await response.json()) as any };
}

const now = () => new Date().toISOString();
const payerQuery = (payer: string, extra = '') => `payer=${payer}&passkeys=1${extra}`;

async function paySaved(session: Session, instrument: Record<string, unknown>) {
  return postIntent(server.url, session, intentFor(session, { channel: 'card', instrument: { type: 'saved-card', cardId: session.savedCards[0]!.id, ...instrument } as never }));
}

async function register(payer: string, authenticator: SoftAuthenticator): Promise<Session> {
  const session = await newSession(server.url, payerQuery(payer));
  assert.equal(session.endpoints.passkeys, '/api/passkeys');
  assert.deepEqual(session.passkey, { registered: false });
  const paid = await paySaved(session, {});
  assert.equal(paid.body.status, 'succeeded');
  const offered = await signedPost(session, '/api/passkeys/registration', { v: 1, sessionId: session.id, createdAt: now() });
  assert.equal(offered.status, 200);
  assert.equal(offered.body.options.rp.id, RP_ID);
  assert.equal(offered.body.options.authenticatorSelection.userVerification, 'required');
  const credential = await authenticator.create(offered.body.options);
  const kept = await signedPost(session, '/api/passkeys', { v: 1, sessionId: session.id, registrationId: offered.body.registrationId, credential, createdAt: now() });
  assert.deepEqual(kept, { status: 200, body: { registered: true } });
  return session;
}

async function challengeFor(session: Session, cardId = session.savedCards[0]!.id) {
  const { order } = session;
  return signedPost(session, '/api/passkeys/challenge', { v: 1, sessionId: session.id, orderId: order.id, amount: order.amount, currency: order.currency, cardId, createdAt: now() });
}

describe('passkeys on the reference backend', () => {
  it('registers after a saved-card payment; a new session of the same payer pays with it and no CVV; the ledger says so', async () => {
    const payer = `demo-single.${randomToken(8)}`;
    const authenticator = new SoftAuthenticator({ origin: ORIGIN, rpId: RP_ID });
    await register(payer, authenticator);
    const session = await newSession(server.url, payerQuery(payer, '&savedCardCvv=1'));
    assert.deepEqual(session.passkey, { registered: true });
    const challenge = await challengeFor(session);
    assert.equal(challenge.status, 200);
    assert.equal(challenge.body.options.userVerification, 'required');
    assert.equal(challenge.body.options.rpId, RP_ID);
    assert.deepEqual(challenge.body.options.allowCredentials.map((c: { id: string }) => c.id), [(await authenticator.get(challenge.body.options)).id]);
    const assertion = await authenticator.get(challenge.body.options);
    const paid = await paySaved(session, { passkey: { challengeId: challenge.body.challengeId, assertion } });
    assert.equal(paid.status, 200);
    assert.equal(paid.body.status, 'succeeded');
    const book = await ledger(server.url, session.order.id);
    assert.equal(book.attempts.length, 1);
    assert.equal(book.attempts[0].instrument.confirmedBy, 'passkey');
    assert.equal(book.attempts[0].instrument.passkeyId, assertion.id);
  });

  it('refuses a replayed challenge, an assertion for another order, a foreign origin, no user verification and a counter that does not move', async () => {
    const payer = `demo-single.${randomToken(8)}`;
    const authenticator = new SoftAuthenticator({ origin: ORIGIN, rpId: RP_ID });
    await register(payer, authenticator);

    // Replay: the same challenge and assertion sent again as a second attempt of the same order (a new key).
    const first = await newSession(server.url, payerQuery(payer, '&savedCardCvv=1&scenario=card:declined'));
    const c1 = await challengeFor(first);
    const proof = { challengeId: c1.body.challengeId, assertion: await authenticator.get(c1.body.options) };
    const once = await paySaved(first, { passkey: proof });
    // The passkey verified; the (simulated) bank declined: the order is still open for a replay to try.
    assert.equal(once.body.failure.code, 'declined');
    const again = await paySaved(first, { passkey: proof });
    assert.equal(again.body.status, 'failed');
    assert.equal(again.body.failure.code, 'passkey_rejected');

    // Another order's challenge (the same payer's other session).
    const other = await newSession(server.url, payerQuery(payer, '&savedCardCvv=1'));
    const mine = await newSession(server.url, payerQuery(payer, '&savedCardCvv=1'));
    const c2 = await challengeFor(other);
    const stolen = await paySaved(mine, { passkey: { challengeId: c2.body.challengeId, assertion: await authenticator.get(c2.body.options) } });
    assert.equal(stolen.body.failure.code, 'passkey_rejected');

    // A phishing page's origin, relayed.
    const c3 = await challengeFor(mine);
    const phished = await paySaved(mine, { passkey: { challengeId: c3.body.challengeId, assertion: await authenticator.get(c3.body.options, { origin: 'https://pay.merchant.example.evil' }) } });
    assert.equal(phished.body.failure.code, 'passkey_rejected');

    // A counter that does not move on (a cloned authenticator).
    const c4 = await challengeFor(mine);
    const cloned = await paySaved(mine, { passkey: { challengeId: c4.body.challengeId, assertion: await authenticator.get(c4.body.options, { counter: 1 }) } });
    assert.equal(cloned.body.failure.code, 'passkey_rejected');

    // The fingerprint was not checked (UV flag off).
    const lazy = new SoftAuthenticator({ origin: ORIGIN, rpId: RP_ID, userVerified: false });
    Object.assign(lazy, { keys: (authenticator as unknown as { keys: unknown }).keys, credentialId: authenticator.credentialId, counter: authenticator.counter + 5 });
    const c5 = await challengeFor(mine);
    const unverified = await paySaved(mine, { passkey: { challengeId: c5.body.challengeId, assertion: await lazy.get(c5.body.options) } });
    assert.equal(unverified.body.failure.code, 'passkey_rejected');

    // And with all that, the right assertion still pays: nothing above moved the counter.
    const c6 = await challengeFor(mine);
    authenticator.counter += 10;
    const good = await paySaved(mine, { passkey: { challengeId: c6.body.challengeId, assertion: await authenticator.get(c6.body.options) } });
    assert.equal(good.body.status, 'succeeded');
    const book = await ledger(server.url, mine.order.id);
    assert.deepEqual(
      book.attempts.map((a: { status: string; failure: string | null }) => a.failure ?? a.status),
      ['passkey_rejected', 'passkey_rejected', 'passkey_rejected', 'passkey_rejected', 'succeeded'],
    );
  });

  it('offers a registration only after a saved-card payment, and a registration challenge once', async () => {
    const payer = `demo-single.${randomToken(8)}`;
    const session = await newSession(server.url, payerQuery(payer));
    const early = await signedPost(session, '/api/passkeys/registration', { v: 1, sessionId: session.id, createdAt: now() });
    assert.deepEqual(early, { status: 409, body: { error: { code: 'passkey_not_eligible' } } });
    await paySaved(session, {});
    const offered = await signedPost(session, '/api/passkeys/registration', { v: 1, sessionId: session.id, createdAt: now() });
    const authenticator = new SoftAuthenticator({ origin: ORIGIN, rpId: RP_ID });
    const credential = await authenticator.create(offered.body.options);
    const body = { v: 1, sessionId: session.id, registrationId: offered.body.registrationId, credential, createdAt: now() };
    assert.equal((await signedPost(session, '/api/passkeys', body)).status, 200);
    assert.deepEqual(await signedPost(session, '/api/passkeys', body), { status: 422, body: { error: { code: 'passkey_rejected' } } });
  });

  it('keeps a session\'s latest 5 challenges: asking on and on lets the oldest go, and the latest still pays', async () => {
    const payer = `demo-single.${randomToken(8)}`;
    const authenticator = new SoftAuthenticator({ origin: ORIGIN, rpId: RP_ID });
    await register(payer, authenticator);
    const session = await newSession(server.url, payerQuery(payer, '&savedCardCvv=1'));
    const asked = [];
    for (let i = 0; i < 6; i++) asked.push(await challengeFor(session));
    assert.deepEqual(asked.map((c) => c.status), [200, 200, 200, 200, 200, 200]);
    const oldest = asked[0]!.body;
    const dropped = await paySaved(session, { passkey: { challengeId: oldest.challengeId, assertion: await authenticator.get(oldest.options) } });
    assert.equal(dropped.body.failure.code, 'passkey_rejected');
    const second = asked[1]!.body;
    const kept = await paySaved(session, { passkey: { challengeId: second.challengeId, assertion: await authenticator.get(second.options) } });
    assert.equal(kept.body.status, 'succeeded');
  });

  it('has no challenge for a payer without a passkey, nor for a card that is not the payer\'s', async () => {
    const session = await newSession(server.url, payerQuery(`demo-single.${randomToken(8)}`));
    assert.equal((await challengeFor(session)).status, 404);
    assert.equal((await challengeFor(session, 'sc_not_mine')).status, 400);
  });

  it('a card bound and saved registers a passkey after that binding; the next session pays the bound card with it, no SMS code', async () => {
    const payer = `p_bound_${randomToken(6)}`;
    const authenticator = new SoftAuthenticator({ origin: ORIGIN, rpId: RP_ID });
    const query = payerQuery(payer, '&binding=1');
    const first = await newSession(server.url, query);
    const made = await requestCode(server.url, first, {}, { save: true });
    assert.equal((await confirm(server.url, first, made.body.id, await smsCode(server.url, made.body.id))).body.status, 'succeeded');
    const offered = await signedPost(first, '/api/passkeys/registration', { v: 1, sessionId: first.id, createdAt: now() });
    assert.equal(offered.status, 200);
    const credential = await authenticator.create(offered.body.options);
    assert.deepEqual(await signedPost(first, '/api/passkeys', { v: 1, sessionId: first.id, registrationId: offered.body.registrationId, credential, createdAt: now() }), {
      status: 200,
      body: { registered: true },
    });

    const session = await newSession(server.url, query);
    assert.ok(session.savedCards[0]?.bound, 'the bound card is listed');
    // Without its passkey, a bound card still pays only through its SMS code.
    const plain = await paySaved(session, {});
    assert.deepEqual([plain.status, plain.body.error?.code], [400, 'sms_code_required']);
    const challenge = await challengeFor(session);
    assert.equal(challenge.status, 200);
    const paid = await paySaved(session, { passkey: { challengeId: challenge.body.challengeId, assertion: await authenticator.get(challenge.body.options) } });
    assert.equal(paid.body.status, 'succeeded');
    const book = await ledger(server.url, session.order.id);
    assert.equal(book.attempts.length, 1);
    assert.equal(book.attempts[0].instrument.confirmedBy, 'passkey');
  });
});
