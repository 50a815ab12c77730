/**
 * Card payments end to end on the reference backend, over HTTP: the card is encrypted to the
 * session's key as the cashier does it, decrypted and checked by the backend, answered from the
 * test-card table, and recorded as brand + last four digits only. Plus the host helper
 * `decryptCard` and the card payload's schema on their own.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BrandId } from '../../../src/card/brands.js';
import { luhnValid } from '../../../src/card/luhn.js';
import { validateNumber } from '../../../src/card/validate.js';
import { canonicalize } from '../../../src/protocol/canonical-json.js';
import { cardClaims, type CardBinding } from '../../../src/protocol/card-binding.js';
import { CardPayloadSchema, SavedCardCvvSchema, encryptCard, type CardPayload } from '../../../src/protocol/card-payload.js';
import { encryptJwe } from '../../../src/protocol/jwe.js';
import { SessionSchema, type Intent } from '../../../src/protocol/schemas.js';
import { DecryptCardCode, MemoryJweIdStore, decryptCard } from '../../../src/server/index.js';
import { PENDING_POLLS, TEST_CARDS, TestCardOutcome } from '../../../demo/backend/test-cards.js';
import {
  bindingOf,
  cardIntentFor,
  intentFor,
  intentStatus,
  ledger,
  newSession,
  postIntent,
  startBackend,
  type RunningBackend,
} from '../helpers.js';

const subtle = globalThis.crypto.subtle;
const RSA_OAEP_256 = { name: 'RSA-OAEP', hash: 'SHA-256' } as const;

/** A year ahead of any clock these tests run on, so the card has not expired. */
const FUTURE = { expMonth: 12, expYear: new Date().getUTCFullYear() + 3 };

function cardWith(number: string, extra: Partial<CardPayload> = {}): CardPayload {
  const brand = validateNumber(number);
  const cvv = brand.ok && brand.brand.cvvLength === 4 ? '7373' : '737';
  return { number, ...FUTURE, cvv, holderName: 'ZHANG SAN', ...extra };
}

/** Every string and number anywhere in a JSON value. */
function leaves(value: unknown): string[] {
  if (value === null || value === undefined) return [];
  if (typeof value === 'string') return [value];
  if (typeof value === 'number' || typeof value === 'boolean') return [String(value)];
  if (Array.isArray(value)) return value.flatMap(leaves);
  return Object.entries(value as object).flatMap(([key, member]) => [key, ...leaves(member)]);
}

/**
 * The number is 12+ digits, so a substring search cannot hit by chance; a CVV is 3–4 digits, so
 * it is looked for as a whole value, and no member may even be called `cvv`.
 */
function assertNoCardData(json: unknown, card: CardPayload, where: string): void {
  const text = JSON.stringify(json);
  assert.equal(text.includes(card.number), false, `${where}: the card number`);
  // Only a member name is followed by `":`; random base64 in a nonce or the JWE never is.
  assert.equal(/"[^"]*cvv[^"]*":/i.test(text), false, `${where}: a cvv member`);
  assert.equal(leaves(json).includes(card.cvv!), false, `${where}: the CVV`);
}

async function rsaKeyPair(): Promise<CryptoKeyPair> {
  return subtle.generateKey(
    { name: 'RSA-OAEP', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
    true,
    ['encrypt', 'decrypt'],
  );
}

let server: RunningBackend;
/** A key pair no backend holds. */
let foreign: CryptoKeyPair;
let foreignJwk: JsonWebKey;
before(async () => {
  server = await startBackend();
  foreign = await rsaKeyPair();
  foreignJwk = await subtle.exportKey('jwk', foreign.publicKey);
});
after(() => server.close());

describe('the test-card table', () => {
  it('says truly which numbers pass Luhn, and every number passes the card checks as its brand', () => {
    assert.equal(new Set(TEST_CARDS.map((c) => c.number)).size, TEST_CARDS.length, 'numbers are unique');
    for (const card of TEST_CARDS) {
      assert.equal(luhnValid(card.number), card.luhn, `${card.number} Luhn`);
      const checked = validateNumber(card.number);
      assert.ok(checked.ok, `${card.number} is accepted`);
      assert.equal(checked.brand.id, card.brand, `${card.number} brand`);
    }
    // What the issue asks for is there.
    const has = (predicate: (c: (typeof TEST_CARDS)[number]) => boolean): boolean => TEST_CARDS.some(predicate);
    assert.ok(has((c) => c.brand === BrandId.UnionPay && c.number.length === 19 && c.outcome === 'succeeded'));
    assert.ok(has((c) => c.brand === BrandId.UnionPay && !c.luhn && c.outcome === 'succeeded'));
    assert.ok(has((c) => c.outcome === TestCardOutcome.Declined));
    assert.ok(has((c) => c.outcome === TestCardOutcome.InsufficientFunds));
    assert.ok(has((c) => c.outcome === TestCardOutcome.PendingThenSucceeded));
  });
});

describe('card payments on the reference backend', () => {
  it('gives every session the public half of one RSA-OAEP-256 key, and nothing private', async () => {
    const [a, b] = [await newSession(server.url), await newSession(server.url)];
    assert.equal(SessionSchema.safeParse(a).success, true);
    assert.ok(a.encryption && b.encryption);
    assert.equal(a.encryption.alg, 'RSA-OAEP-256');
    assert.match(a.encryption.kid, /^enc_[A-Za-z0-9_-]+$/);
    assert.deepEqual(b.encryption, a.encryption, 'one key per backend');
    const jwk = a.encryption.jwk as Record<string, unknown>;
    for (const member of Object.keys(jwk)) assert.ok(['kty', 'n', 'e', 'alg', 'use'].includes(member), member);
    assert.equal(jwk.kty, 'RSA');
    assert.equal(Buffer.from(jwk.n as string, 'base64url').length, 256, 'RSA-2048');
    // It is a usable encryption key for WebCrypto as it stands.
    await subtle.importKey('jwk', a.encryption.jwk, RSA_OAEP_256, false, ['encrypt']);
  });

  for (const testCard of TEST_CARDS) {
    it(`${testCard.number} (${testCard.note}) → ${testCard.outcome}, recorded as brand + last4 only`, async () => {
      const session = await newSession(server.url);
      const card = cardWith(testCard.number);
      const intent = await cardIntentFor(session, card);
      assertNoCardData(intent, card, 'the intent');
      assertNoCardData(JSON.parse(canonicalize(intent)), card, 'the signed body');
      assert.equal((intent.instrument as { encrypted: string }).encrypted.split('.').length, 5);

      const { status, body } = await postIntent(server.url, session, intent);
      assert.equal(status, 200);
      assertNoCardData(body, card, 'the response');
      const expected = {
        [TestCardOutcome.Succeeded]: { status: 'succeeded' },
        [TestCardOutcome.Declined]: { status: 'failed', failure: { code: 'declined', retryable: false } },
        [TestCardOutcome.InsufficientFunds]: { status: 'failed', failure: { code: 'insufficient_funds', retryable: false } },
        [TestCardOutcome.PendingThenSucceeded]: { status: 'pending' },
      }[testCard.outcome];
      assert.deepEqual({ status: body.status, ...(body.failure ? { failure: body.failure } : {}) }, expected);

      const book = await ledger(server.url, session.order.id);
      assertNoCardData(book, card, 'the ledger');
      assert.equal(book.attempts.length, 1);
      assert.deepEqual(book.attempts[0].instrument, { type: 'card', brand: testCard.brand, last4: testCard.number.slice(-4) });
      assert.equal(book.attempts[0].channel, 'card');
      assert.equal(book.paid, testCard.outcome === TestCardOutcome.Succeeded);
    });
  }

  it('answers the pending test card `pending` for the first polls, then `succeeded`', async () => {
    const session = await newSession(server.url);
    const { body } = await postIntent(server.url, session, await cardIntentFor(session, cardWith('4000000000003220')));
    assert.equal(body.status, 'pending');
    const polls: string[] = [];
    for (let i = 0; i < PENDING_POLLS + 2; i++) polls.push((await intentStatus(server.url, session, body.id)).body.status);
    assert.deepEqual(polls, ['pending', 'pending', 'succeeded', 'succeeded']);
    const book = await ledger(server.url, session.order.id);
    assert.equal(book.paid, true);
    assert.equal(book.attempts[0].status, 'succeeded');
  });

  it('cancels a pending card when a newer attempt supersedes it: one success per order', async () => {
    const session = await newSession(server.url);
    const pending = await postIntent(server.url, session, await cardIntentFor(session, cardWith('4000000000003220')));
    const wallet = await postIntent(server.url, session, intentFor(session, { channel: 'alipay' }));
    assert.equal(wallet.body.status, 'succeeded');
    for (let i = 0; i < PENDING_POLLS + 1; i++) {
      assert.equal((await intentStatus(server.url, session, pending.body.id)).body.status, 'canceled');
    }
    const book = await ledger(server.url, session.order.id);
    assert.equal(book.attempts.filter((a: { status: string }) => a.status === 'succeeded').length, 1);
  });

  it('answers a retry of a card intent (same key, same body) with the first answer and one attempt', async () => {
    const session = await newSession(server.url);
    const intent = await cardIntentFor(session, cardWith('4242424242424242'));
    const first = await postIntent(server.url, session, intent, { idempotencyKey: 'card-retry-0001' });
    const second = await postIntent(server.url, session, intent, { idempotencyKey: 'card-retry-0001' });
    assert.deepEqual(second, first);
    assert.equal((await ledger(server.url, session.order.id)).attempts.length, 1);
  });

  it('fails a card the checks refuse with card_invalid (not retryable), keeping at most brand + last4', async () => {
    const cases: { name: string; card: CardPayload; instrument: object }[] = [
      { name: 'Luhn', card: cardWith('4242424242424241'), instrument: { type: 'card' } },
      { name: 'unknown brand', card: cardWith('9999999999999995'), instrument: { type: 'card' } },
      { name: 'Visa of 14 digits', card: cardWith('40000000000006'), instrument: { type: 'card' } },
      {
        name: 'expired last year',
        card: cardWith('4242424242424242', { expYear: new Date().getUTCFullYear() - 1 }),
        instrument: { type: 'card', brand: 'visa', last4: '4242' },
      },
      {
        name: 'Amex with a 3-digit CVV',
        card: cardWith('378282246310005', { cvv: '737' }),
        instrument: { type: 'card', brand: 'amex', last4: '0005' },
      },
      {
        name: 'Visa with a 4-digit CVV',
        card: cardWith('4242424242424242', { cvv: '7373' }),
        instrument: { type: 'card', brand: 'visa', last4: '4242' },
      },
      {
        name: 'no CVV',
        card: cardWith('6200000000000005', { cvv: undefined }),
        instrument: { type: 'card', brand: 'unionpay', last4: '0005' },
      },
      {
        name: 'expiry 30 years ahead',
        card: cardWith('5555555555554444', { expYear: new Date().getUTCFullYear() + 30 }),
        instrument: { type: 'card', brand: 'mastercard', last4: '4444' },
      },
    ];
    for (const { name, card, instrument } of cases) {
      const session = await newSession(server.url);
      const { status, body } = await postIntent(server.url, session, await cardIntentFor(session, card));
      assert.equal(status, 200, name);
      assert.equal(body.status, 'failed', name);
      assert.deepEqual(body.failure, { code: 'card_invalid', retryable: false }, name);
      const book = await ledger(server.url, session.order.id);
      assert.deepEqual(book.attempts[0].instrument, instrument, name);
      assert.equal(book.attempts[0].failure, 'card_invalid', name);
      assert.equal(JSON.stringify(book).includes(card.number), false, name);
    }
  });

  it('judges expiry by the backend clock in China: 11/2026 has expired at 01:00 on 1 December in Shanghai', async () => {
    // 2026-11-30T17:00Z is still November in UTC but already December in Asia/Shanghai.
    const now = Date.parse('2026-11-30T17:00:00Z');
    const pinned = await startBackend(() => now);
    try {
      for (const [expMonth, expected] of [
        [11, 'failed'],
        [12, 'succeeded'],
      ] as const) {
        const session = await newSession(pinned.url);
        const card = cardWith('6212345678901265', { expMonth, expYear: 2026 });
        const { body } = await postIntent(pinned.url, session, await cardIntentFor(session, card, {}, now), { now });
        assert.equal(body.status, expected, `expiry ${expMonth}/2026`);
        if (expected === 'failed') assert.equal(body.failure.code, 'card_invalid');
      }
    } finally {
      await pinned.close();
    }
  });

  it('answers 400 card_undecryptable, recording no attempt, to a JWE it cannot read', async () => {
    const session = await newSession(server.url);
    const key = session.encryption!;
    const good = await encryptCard(cardWith('4242424242424242'), key, bindingOf(session));
    const parts = good.split('.');
    const otherBackend = await startBackend();
    const otherSession = await newSession(otherBackend.url);
    await otherBackend.close();
    const card = cardWith('4242424242424242');
    const plaintext = new TextEncoder().encode(JSON.stringify(card));
    // Bound to this order as the cashier binds it, so only what each case names is wrong.
    const bound = () => ({ claims: cardClaims(bindingOf(session), Date.now()) });
    const jwes: Record<string, string> = {
      garbled: 'not-a-jwe',
      'five parts of rubbish': 'a.b.c.d.e',
      'tampered ciphertext': [...parts.slice(0, 3), `${parts[3]!.slice(0, -2)}AA`, parts[4]].join('.'),
      'unsupported alg': [Buffer.from('{"alg":"RSA1_5","enc":"A256GCM"}').toString('base64url'), ...parts.slice(1)].join('.'),
      // Encrypted for another key under this session's kid: the kid matches, decryption fails.
      'another key, same kid': await encryptJwe(plaintext, { kid: key.kid, jwk: foreignJwk }, bound()),
      // Encrypted for another backend's key, naming its kid.
      'another backend': await encryptCard(card, otherSession.encryption!, bindingOf(session)),
      // Readable, but not a card payload: the form never sends one, so it is no payer's mistake.
      'not a card inside': await encryptJwe(new TextEncoder().encode('{"pan":"4242424242424242"}'), key, bound()),
      'eleven digits': await encryptJwe(new TextEncoder().encode(JSON.stringify({ ...card, number: '42424242424' })), key, bound()),
    };
    for (const [name, encrypted] of Object.entries(jwes)) {
      const intent: Intent = intentFor(session, { channel: 'card', instrument: { type: 'card', encrypted } });
      const { status, body } = await postIntent(server.url, session, intent);
      assert.equal(status, 400, name);
      assert.deepEqual(body, { error: { code: 'card_undecryptable' } }, name);
    }
    assert.equal((await ledger(server.url, session.order.id)).attempts.length, 0);
    // The order can still be paid.
    const paid = await postIntent(server.url, session, await cardIntentFor(session, card));
    assert.equal(paid.body.status, 'succeeded');
  });

  it('answers 400 instrument_mismatch to a card on a wallet channel and a wallet payment on the card channel', async () => {
    const session = await newSession(server.url);
    const cardOnWechat = await cardIntentFor(session, cardWith('4242424242424242'), { channel: 'wechat' });
    assert.equal((await postIntent(server.url, session, cardOnWechat)).body.error.code, 'instrument_mismatch');
    const walletOnCard = intentFor(session, { channel: 'card' });
    assert.equal((await postIntent(server.url, session, walletOnCard)).body.error.code, 'instrument_mismatch');
    assert.equal((await ledger(server.url, session.order.id)).attempts.length, 0);
  });

  it('leaves wallet payments as they were', async () => {
    const session = await newSession(server.url);
    const { status, body } = await postIntent(server.url, session, intentFor(session));
    assert.equal(status, 200);
    assert.equal(body.status, 'succeeded');
    const book = await ledger(server.url, session.order.id);
    assert.deepEqual(book.attempts[0].instrument, { type: 'wallet' });
    // And a paid order refuses a card as it refuses anything else.
    const again = await postIntent(server.url, session, await cardIntentFor(session, cardWith('4242424242424242')));
    assert.equal(again.status, 409);
    assert.equal(again.body.error.code, 'order_already_paid');
  });

  it('declines a valid card under the `declined` scenario', async () => {
    const session = await newSession(server.url, 'scenario=declined');
    const { body } = await postIntent(server.url, session, await cardIntentFor(session, cardWith('4242424242424242')));
    assert.deepEqual(body.failure, { code: 'declined', retryable: false });
  });
});

describe('decryptCard', () => {
  const card: CardPayload = { number: '6205500000000000004', expMonth: 3, expYear: 2031, cvv: '123', holderName: '阿沛·阿旺晋美' };
  const binding: CardBinding = { sessionId: 'ses_host', orderId: 'ord_host', amount: 4999900, currency: 'CNY' };
  /** What `decryptCard` is told: this order, and a fresh store (each case is a first use). */
  const use = (extra: object = {}) => ({ expected: binding, replay: new MemoryJweIdStore(), ...extra });
  /** A JWE of any content, bound to `binding`, as the cashier would seal it. */
  const sealed = (plaintext: Uint8Array, to: { kid: string; jwk: JsonWebKey }) => encryptJwe(plaintext, to, { claims: cardClaims(binding, Date.now()) });
  let pair: CryptoKeyPair;
  let recipient: { kid: string; jwk: JsonWebKey };
  before(async () => {
    pair = await rsaKeyPair();
    recipient = { kid: 'enc_host', jwk: await subtle.exportKey('jwk', pair.publicKey) };
  });

  it('reads a card with a CryptoKey or a private JWK, and reports the kid', async () => {
    const jwe = await encryptCard(card, recipient, binding);
    assert.deepEqual(await decryptCard(jwe, pair.privateKey, use()), { ok: true, card, kid: 'enc_host' });
    const jwk = await subtle.exportKey('jwk', pair.privateKey);
    assert.deepEqual(await decryptCard(jwe, jwk, use({ expectedKid: 'enc_host' })), { ok: true, card, kid: 'enc_host' });
  });

  it('serializes only the payload members, and leaves out those not given', async () => {
    const extra = { ...card, holderName: undefined, secret: 'not for the backend' } as CardPayload;
    const jwe = await encryptCard(extra, recipient, binding);
    const result = await decryptCard(jwe, pair.privateKey, use());
    assert.ok(result.ok);
    assert.deepEqual(result.card, { number: card.number, expMonth: 3, expYear: 2031, cvv: '123' });
  });

  it('returns a code for every problem and never the card', async () => {
    const jwe = await encryptCard(card, recipient, binding);
    const inside = (value: unknown) => sealed(new TextEncoder().encode(typeof value === 'string' ? value : JSON.stringify(value)), recipient);
    const cases: [string, string, CryptoKey | JsonWebKey, string?][] = [
      ['garbled', 'garbled', pair.privateKey],
      ['too long', `${jwe}${'A'.repeat(9000)}`, pair.privateKey],
      ['unsupported', [Buffer.from('{"alg":"RSA-OAEP-256","enc":"A256CBC-HS512"}').toString('base64url'), ...jwe.split('.').slice(1)].join('.'), pair.privateKey],
      ['another key', jwe, foreign.privateKey],
      ['kid', jwe, pair.privateKey, 'enc_other'],
      ['no kid', await sealed(new TextEncoder().encode(JSON.stringify(card)), { kid: undefined as unknown as string, jwk: recipient.jwk }), pair.privateKey, 'enc_host'],
      ['not JSON', await inside('4242424242424242'), pair.privateKey],
      ['not UTF-8', await sealed(new Uint8Array([0xff, 0xfe]), recipient), pair.privateKey],
      ['number with spaces', await inside({ ...card, number: '6205 5000 0000 0000 004' }), pair.privateKey],
      ['number of 20 digits', await inside({ ...card, number: '62055000000000000041' }), pair.privateKey],
      ['full-width digits', await inside({ ...card, number: '６２０５５０００００００００００００４' }), pair.privateKey],
      ['month 13', await inside({ ...card, expMonth: 13 }), pair.privateKey],
      ['month as text', await inside({ ...card, expMonth: '03' }), pair.privateKey],
      ['year 99', await inside({ ...card, expYear: 99 }), pair.privateKey],
      ['cvv of 5', await inside({ ...card, cvv: '12345' }), pair.privateKey],
      ['name of 65', await inside({ ...card, holderName: 'A'.repeat(65) }), pair.privateKey],
      ['empty name', await inside({ ...card, holderName: '' }), pair.privateKey],
      ['an array', await inside([card]), pair.privateKey],
    ];
    const expected: Record<string, string> = {
      garbled: DecryptCardCode.JweMalformed,
      'too long': DecryptCardCode.JweMalformed,
      unsupported: DecryptCardCode.JweUnsupported,
      'another key': DecryptCardCode.JweDecryptFailed,
      kid: DecryptCardCode.JweKidMismatch,
      'no kid': DecryptCardCode.JweKidMismatch,
    };
    for (const [name, value, key, expectedKid] of cases) {
      const result = await decryptCard(value, key, use(expectedKid ? { expectedKid } : {}));
      assert.deepEqual(result, { ok: false, code: expected[name] ?? DecryptCardCode.CardMalformed }, name);
    }
  });

  it('counts the holder name in code points: 64 rare CJK characters (outside the BMP) are fine', async () => {
    const name = '𠀀'.repeat(64);
    assert.equal(name.length, 128);
    const result = await decryptCard(await encryptCard({ ...card, holderName: name }, recipient, binding), pair.privateKey, use());
    assert.ok(result.ok);
    assert.equal(result.card.holderName, name);
  });

  it('rejects, rather than blaming the card, when the key is not a private key', async () => {
    const jwe = await encryptCard(card, recipient, binding);
    await assert.rejects(decryptCard(jwe, recipient.jwk, use()));
  });
});

describe('card payload schemas', () => {
  it('takes what the card form produces and refuses the rest', () => {
    assert.equal(CardPayloadSchema.safeParse({ number: '4242424242424242', expMonth: 1, expYear: 2030 }).success, true);
    assert.equal(CardPayloadSchema.safeParse({ number: '424242424242', expMonth: 12, expYear: 2100, cvv: '1234' }).success, true);
    assert.equal(CardPayloadSchema.safeParse({ number: '42424242424', expMonth: 1, expYear: 2030 }).success, false);
    assert.equal(CardPayloadSchema.safeParse({ number: '4242424242424242', expMonth: 0, expYear: 2030 }).success, false);
    assert.equal(CardPayloadSchema.safeParse({ number: '4242424242424242', expMonth: 1.5, expYear: 2030 }).success, false);
    assert.equal(CardPayloadSchema.safeParse({ number: '4242424242424242', expMonth: 1, expYear: 2101 }).success, false);
    assert.equal(CardPayloadSchema.safeParse({ number: '4242424242424242', expMonth: 1, expYear: 2030, cvv: '12' }).success, false);
    assert.equal(SavedCardCvvSchema.safeParse({ cvv: '123' }).success, true);
    assert.equal(SavedCardCvvSchema.safeParse({ cvv: '1234' }).success, true);
    assert.equal(SavedCardCvvSchema.safeParse({ cvv: '12a' }).success, false);
    assert.equal(SavedCardCvvSchema.safeParse({}).success, false);
  });
});
