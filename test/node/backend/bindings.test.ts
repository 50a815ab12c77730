/**
 * The reference backend's simulated bank for 快捷支付 binding (issue 17): card info by issuer
 * prefix, binding requests, the SMS code's countdown, expiry and tries, and the confirm that
 * binds the card and pays the order in one step, once.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomToken } from '../../../src/protocol/base64url.js';
import { encryptCard } from '../../../src/protocol/card-payload.js';
import type { BindingDetails } from '../../../src/protocol/binding.js';
import { canonicalize } from '../../../src/protocol/canonical-json.js';
import { IDEMPOTENCY_HEADER, SIGNATURE_HEADER, signBody } from '../../../src/protocol/signature.js';
import { encryptJwe } from '../../../src/protocol/jwe-encrypt.js';
import { cardClaims } from '../../../src/protocol/card-binding.js';
import type { Intent, Session } from '../../../src/protocol/schemas.js';
import { bindingOf, intentFor, ledger, newSession, startBackend, type RunningBackend } from '../helpers.js';

const DEBIT = '6217990000000000006';
const ID = '110101199003074477';
const MOBILE = '13800138000';

let clock = Date.now();
let server: RunningBackend;
before(async () => {
  server = await startBackend(() => clock);
});
after(() => server.close());

/** POSTs `body` signed with the session's key, as the cashier does. */
async function signedPost(session: Session, path: string, body: unknown, headers: Record<string, string> = {}) {
  const signed = await signBody({ body, key: session.signing.key, kid: session.signing.kid, now: clock });
  const response = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', [SIGNATURE_HEADER]: signed.header, ...headers },
    body: signed.canonicalBody,
  });
  return { status: response.status, body: (await response.json()) as any };
}

/** `value` sealed to the session's key and bound to its order, as the binding chunk seals it. */
async function seal(session: Session, value: object): Promise<string> {
  const plaintext = new TextEncoder().encode(JSON.stringify(value));
  return encryptJwe(plaintext, session.encryption!, { claims: cardClaims(bindingOf(session), clock) });
}

const now = () => new Date(clock).toISOString();

async function bindingSession(): Promise<Session> {
  return newSession(server.url, 'binding=1');
}

async function requestCode(session: Session, details: Partial<BindingDetails> = {}) {
  const encrypted = await seal(session, { number: DEBIT, holderName: '张三', idNumber: ID, mobile: MOBILE, ...details });
  return signedPost(session, '/api/bindings', { v: 1, sessionId: session.id, orderId: session.order.id, encrypted, agreed: true, createdAt: now() });
}

async function smsCode(id: string): Promise<string> {
  return ((await (await fetch(`${server.url}/api/bindings/${id}/code`)).json()) as { code: string }).code;
}

async function confirm(session: Session, bindingId: string, code: string, idempotencyKey = randomToken(18), overrides: Partial<Intent> = {}) {
  const encrypted = await seal(session, { code });
  const intent = intentFor(session, { channel: 'card', instrument: { type: 'binding', bindingId, encrypted }, createdAt: now(), ...overrides });
  return signedPost(session, `/api/bindings/${bindingId}/confirm`, intent, { [IDEMPOTENCY_HEADER]: idempotencyKey });
}

describe('card info', () => {
  it('names the bank and type of a known prefix, and says unknown otherwise', async () => {
    const session = await bindingSession();
    assert.deepEqual(session.endpoints, { intents: '/api/intents', status: '/api/intents/{id}', cards: '/api/cards', cardInfo: '/api/card-info', bindings: '/api/bindings' });
    const ask = (iin: string) => signedPost(session, '/api/card-info', { v: 1, sessionId: session.id, iin, createdAt: now() });
    assert.deepEqual(await ask('621799'), {
      status: 200,
      body: { known: true, bank: { id: 'PSBC', name: '中国邮政储蓄银行' }, type: 'debit', brand: 'unionpay', agreementUrl: '/demo/quick-pay-agreement.html' },
    });
    assert.equal((await ask('43922512')).body.type, 'credit');
    assert.deepEqual(await ask('999999'), { status: 200, body: { known: false } });
  });

  it('refuses more than a prefix, an unsigned request and a wrong signature', async () => {
    const session = await bindingSession();
    const refused = await signedPost(session, '/api/card-info', { v: 1, sessionId: session.id, iin: DEBIT, createdAt: now() });
    assert.deepEqual(refused, { status: 400, body: { error: { code: 'binding_malformed', field: 'iin' } } });
    const unsigned = await fetch(`${server.url}/api/card-info`, { method: 'POST', body: canonicalize({ v: 1, sessionId: session.id, iin: '621799', createdAt: now() }) });
    assert.equal(unsigned.status, 401);
    const other = await bindingSession();
    const forged = await signedPost({ ...other, signing: { ...other.signing, kid: session.signing.kid } }, '/api/card-info', { v: 1, sessionId: session.id, iin: '621799', createdAt: now() });
    assert.equal(forged.status, 401);
  });
});

describe('binding requests', () => {
  it('answers a binding id, its clocks and where the code went (masked), never the code, phone or ID', async () => {
    const session = await bindingSession();
    const { status, body } = await requestCode(session);
    assert.equal(status, 200);
    assert.deepEqual(Object.keys(body).sort(), ['attemptsLeft', 'expiresAt', 'id', 'resendAt', 'sentTo', 'status']);
    // A cashier whose phone field is in the card frame never saw the phone: the bank says where, masked.
    assert.equal(body.sentTo, '138****8000');
    assert.equal(body.status, 'code_sent');
    assert.equal(body.attemptsLeft, 5);
    assert.equal(Date.parse(body.resendAt) - clock, 60_000);
    assert.equal(Date.parse(body.expiresAt) - clock, 300_000);
    assert.match(await smsCode(body.id), /^\d{6}$/);
  });

  it('refuses an unknown bank, a bad ID, a credit card without expiry, a phone the bank does not have, and no agreement', async () => {
    const session = await bindingSession();
    assert.deepEqual((await requestCode(session, { number: '6200000000000005' })).body, { error: { code: 'card_refused' } });
    assert.deepEqual((await requestCode(session, { idNumber: '110101199003074478' })).body, { error: { code: 'card_refused' } });
    assert.deepEqual((await requestCode(session, { number: '4392250000000009' })).body, { error: { code: 'card_refused' } });
    assert.deepEqual(await requestCode(session, { mobile: '13900000000' }), { status: 422, body: { error: { code: 'mobile_mismatch' } } });
    const year = new Date(clock).getUTCFullYear() + 2;
    assert.equal((await requestCode(session, { number: '4392250000000009', expMonth: 12, expYear: year, cvv: '123' })).status, 200);
    const encrypted = await seal(session, { number: DEBIT, holderName: '张三', idNumber: ID, mobile: MOBILE });
    const unagreed = await signedPost(session, '/api/bindings', { v: 1, sessionId: session.id, orderId: session.order.id, encrypted, agreed: false, createdAt: now() });
    assert.deepEqual(unagreed.body, { error: { code: 'binding_malformed', field: 'agreed' } });
  });

  it('refuses details in plain JSON and details sealed for another order', async () => {
    const session = await bindingSession();
    const other = await bindingSession();
    const plain = await signedPost(session, '/api/bindings', { v: 1, sessionId: session.id, orderId: session.order.id, encrypted: JSON.stringify({ number: DEBIT }), agreed: true, createdAt: now() });
    assert.deepEqual(plain, { status: 400, body: { error: { code: 'binding_undecryptable' } } });
    const elsewhere = await seal(other, { number: DEBIT, holderName: '张三', idNumber: ID, mobile: MOBILE });
    const moved = await signedPost(session, '/api/bindings', { v: 1, sessionId: session.id, orderId: session.order.id, encrypted: elsewhere, agreed: true, createdAt: now() });
    assert.equal(moved.status, 400);
    const card = await encryptCard({ number: DEBIT, expMonth: 1, expYear: 2030 }, session.encryption!, bindingOf(session));
    assert.equal((await signedPost(session, '/api/bindings', { v: 1, sessionId: session.id, orderId: session.order.id, encrypted: card, agreed: true, createdAt: now() })).status, 400);
  });

  it('sends another code only after 60 s, and keeps the tries left', async () => {
    const session = await bindingSession();
    const { body } = await requestCode(session);
    const resend = () => signedPost(session, `/api/bindings/${body.id}/resend`, { v: 1, sessionId: session.id, bindingId: body.id, createdAt: now() });
    const first = await smsCode(body.id);
    const early = await resend();
    assert.equal(early.status, 429);
    assert.equal(early.body.error.code, 'sms_too_soon');
    assert.equal(await smsCode(body.id), first);
    clock += 60_000;
    const later = await resend();
    assert.equal(later.status, 200);
    assert.equal(Date.parse(later.body.resendAt) - clock, 60_000);
  });
});

describe('confirm: binds and pays in one step', () => {
  it('a wrong code uses a try, the right one pays once; the ledger holds one payment and the binding', async () => {
    const session = await bindingSession();
    const { body: binding } = await requestCode(session);
    const code = await smsCode(binding.id);
    const wrong = code === '000000' ? '111111' : '000000';
    const missed = await confirm(session, binding.id, wrong);
    assert.equal(missed.status, 200);
    assert.equal(missed.body.status, 'failed');
    assert.equal(missed.body.failure.code, 'sms_code_invalid');
    const state = (await (await fetch(`${server.url}/api/bindings/${binding.id}`)).json()) as any;
    assert.equal(state.attemptsLeft, 4);
    const key = randomToken(18);
    const paid = await confirm(session, binding.id, code, key);
    assert.equal(paid.body.status, 'succeeded');
    // The same attempt again (a retry after a lost answer) is answered as the first time, not paid twice.
    const book = await ledger(server.url, session.order.id);
    assert.equal(book.attempts.filter((a: any) => a.status === 'succeeded').length, 1);
    assert.deepEqual(book.bindings, [{ id: binding.id, status: 'bound', bank: 'PSBC', cardType: 'debit', brand: 'unionpay', last4: '0006', paymentId: paid.body.id }]);
    const text = JSON.stringify(book);
    for (const secret of [ID, MOBILE, DEBIT, code]) assert.ok(!text.includes(secret), `the ledger holds no ${secret}`);
    // A new attempt with the code again finds the order paid.
    assert.equal((await confirm(session, binding.id, code)).status, 409);
  });

  it('a retry of one confirm (same key, same body) is answered from its record', async () => {
    const session = await bindingSession();
    const { body: binding } = await requestCode(session);
    const code = await smsCode(binding.id);
    const encrypted = await seal(session, { code });
    const intent = intentFor(session, { channel: 'card', instrument: { type: 'binding', bindingId: binding.id, encrypted }, createdAt: now() });
    const key = randomToken(18);
    const first = await signedPost(session, `/api/bindings/${binding.id}/confirm`, intent, { [IDEMPOTENCY_HEADER]: key });
    const again = await signedPost(session, `/api/bindings/${binding.id}/confirm`, intent, { [IDEMPOTENCY_HEADER]: key });
    assert.deepEqual(again, first);
    assert.equal((await ledger(server.url, session.order.id)).attempts.length, 1);
    // The same sealed code under another key is a replay.
    const replayed = await signedPost(session, `/api/bindings/${binding.id}/confirm`, { ...intent, attempt: randomToken(12), nonce: randomToken(18) }, { [IDEMPOTENCY_HEADER]: randomToken(18) });
    assert.deepEqual(replayed, { status: 400, body: { error: { code: 'card_replayed' } } });
  });

  it('five wrong codes lock the binding; then even the right one does not pay', async () => {
    const session = await bindingSession();
    const { body: binding } = await requestCode(session);
    const code = await smsCode(binding.id);
    const wrong = code === '000000' ? '111111' : '000000';
    const codes: string[] = [];
    for (let i = 0; i < 5; i++) codes.push((await confirm(session, binding.id, wrong)).body.failure.code);
    assert.deepEqual(codes, ['sms_code_invalid', 'sms_code_invalid', 'sms_code_invalid', 'sms_code_invalid', 'binding_locked']);
    assert.equal((await confirm(session, binding.id, code)).body.failure.code, 'binding_locked');
    assert.equal((await ledger(server.url, session.order.id)).paid, false);
  });

  it('a code older than 5 minutes has expired', async () => {
    const session = await bindingSession();
    const { body: binding } = await requestCode(session);
    const code = await smsCode(binding.id);
    clock += 5 * 60_000;
    assert.equal((await confirm(session, binding.id, code)).body.failure.code, 'sms_code_expired');
    const state = (await (await fetch(`${server.url}/api/bindings/${binding.id}`)).json()) as any;
    assert.equal(state.status, 'expired');
    clock -= 5 * 60_000;
  });

  it('refuses a binding instrument on the intents route, another binding id in the path, and another session\'s binding', async () => {
    const session = await bindingSession();
    const { body: binding } = await requestCode(session);
    const encrypted = await seal(session, { code: '123456' });
    const intent = intentFor(session, { channel: 'card', instrument: { type: 'binding', bindingId: binding.id, encrypted }, createdAt: now() });
    const key = { [IDEMPOTENCY_HEADER]: randomToken(18) };
    assert.deepEqual((await signedPost(session, '/api/intents', intent, key)).body, { error: { code: 'instrument_mismatch' } });
    assert.deepEqual((await signedPost(session, '/api/bindings/bd_other/confirm', intent, key)).body, { error: { code: 'instrument_mismatch' } });
    const other = await bindingSession();
    const theirs = await confirm(other, binding.id, '123456');
    assert.deepEqual(theirs.body, { error: { code: 'binding_not_found' } });
  });
});

describe('one-click binding for a payer the host verified', () => {
  it('takes the card alone, sends the code to the bank\'s phone for the card and says where, masked', async () => {
    const session = await newSession(server.url, 'binding=1&knownPayer=1');
    assert.deepEqual(session.payer, { name: '张三丰', idNumber: '110101199003074477' });
    const encrypted = await seal(session, { number: DEBIT });
    const { status, body } = await signedPost(session, '/api/bindings', { v: 1, sessionId: session.id, orderId: session.order.id, encrypted, agreed: true, createdAt: now() });
    assert.equal(status, 200);
    assert.equal(body.sentTo, '138****0006');
    const paid = await confirm(session, body.id, await smsCode(body.id));
    assert.equal(paid.body.status, 'succeeded');
    assert.equal((await ledger(server.url, session.order.id)).bindings[0].status, 'bound');
  });

  it('refuses typed identity details in a one-click session, and a missing one in any other', async () => {
    const known = await newSession(server.url, 'binding=1&knownPayer=1');
    assert.deepEqual((await requestCode(known)).body, { error: { code: 'binding_malformed' } });
    const other = await bindingSession();
    const encrypted = await seal(other, { number: DEBIT });
    const bare = await signedPost(other, '/api/bindings', { v: 1, sessionId: other.id, orderId: other.order.id, encrypted, agreed: true, createdAt: now() });
    assert.deepEqual(bare, { status: 400, body: { error: { code: 'binding_malformed' } } });
  });
});

