/**
 * The backend kit (issue 21): a session built from the host's order with `createSession`, the
 * keys made with `generateSigningKey` and `generateCardKeyPair`, and a refusal that names the
 * member at fault. Real WebCrypto throughout: a card sealed to the session decrypts with the pair.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fromBase64Url } from '../../../src/protocol/base64url.js';
import {
  MemoryJweIdStore,
  SessionSchema,
  bindingOf,
  createSession,
  decryptCard,
  encryptCard,
  generateCardKeyPair,
  generateSigningKey,
  type CreateSessionInput,
} from '../../../src/server/index.js';

const NOW = Date.parse('2026-12-07T01:00:00Z');
const now = () => NOW;
const signing = generateSigningKey();
const input: CreateSessionInput = {
  order: { id: 'ord_1001', amount: 12800, currency: 'CNY', merchant: { id: 'm_1', name: '示例商城' } },
  channels: [{ id: 'wechat', kind: 'wechat', status: 'up' }, { id: 'card', kind: 'card', status: 'up', limits: { min: 100 }, settlement: { kind: 'T+1' } }],
  signing,
  endpoints: { intents: '/api/intents', status: '/api/intents/{id}' },
};

describe('createSession', () => {
  it('builds a session the cashier takes, with the defaults filled in', () => {
    const made = createSession(input, { now });
    assert.ok(made.ok);
    const { session } = made;
    assert.deepEqual(SessionSchema.parse(session), session);
    assert.match(session.id, /^cs_[A-Za-z0-9_-]{16}$/);
    assert.equal(session.expiresAt, '2026-12-07T01:15:00.000Z');
    assert.equal(session.serverTime, '2026-12-07T01:00:00.000Z');
    assert.deepEqual(session.signing, { alg: 'HS256', kid: signing.kid, key: signing.key });
    assert.deepEqual(session.channels[0], { id: 'wechat', kind: 'wechat', status: 'up', limits: {}, settlement: { kind: 'realtime' } });
    assert.deepEqual(session.channels[1]!.limits, { min: 100 });
    assert.deepEqual(session.fallback, { mode: 'prompt' });
    assert.deepEqual(session.savedCards, []);
    assert.equal(session.encryption, undefined);
    const again = createSession(input, { now });
    assert.ok(again.ok);
    assert.notEqual(again.session.id, session.id, 'a new id each time');
  });

  it('takes ttlSeconds or expiresAt, a fallback mode, paid and its own id', () => {
    const made = createSession({ ...input, ttlSeconds: 60, fallback: 'auto', paid: { paymentId: 'pay_1' }, id: 'cs_mine' }, { now });
    assert.ok(made.ok);
    assert.equal(made.session.expiresAt, '2026-12-07T01:01:00.000Z');
    assert.deepEqual([made.session.id, made.session.fallback.mode, made.session.paid], ['cs_mine', 'auto', { paymentId: 'pay_1' }]);
    const until = createSession({ ...input, expiresAt: new Date(NOW + 3_600_000) }, { now });
    assert.ok(until.ok);
    assert.equal(until.session.expiresAt, '2026-12-07T02:00:00.000Z');
  });

  const refusals: [string, Partial<CreateSessionInput>, string][] = [
    ['an amount of zero', { order: { ...input.order, amount: 0 } }, 'order.amount'],
    ['a currency in lower case', { order: { ...input.order, currency: 'cny' } }, 'order.currency'],
    ['no channels', { channels: [] }, 'channels'],
    ['a negative daily limit', { channels: [{ id: 'card', kind: 'card', status: 'up', limits: { perDay: -1 } }] }, 'channels.0.limits.perDay'],
    ['a signing key too short', { signing: { kid: 'k_1', key: 'short' } }, 'signing.key'],
    ['a status endpoint missing', { endpoints: { intents: '/api/intents', status: '' } }, 'endpoints.status'],
    ['a ttl of zero', { ttlSeconds: 0 }, 'ttlSeconds'],
    ['a ttl over a day', { ttlSeconds: 86_401 }, 'ttlSeconds'],
    ['an expiry already past', { expiresAt: '2026-12-07T00:59:59Z' }, 'expiresAt'],
    ['both a ttl and an expiry', { ttlSeconds: 60, expiresAt: '2026-12-07T01:10:00Z' }, 'expiresAt'],
    ['a JWK that is not RSA', { encryption: { kid: 'enc_1', jwk: { kty: 'EC', x: 'a', y: 'b', crv: 'P-256' } } }, 'encryption.jwk'],
  ];
  for (const [name, change, field] of refusals) {
    it(`refuses ${name}, naming ${field}`, () => {
      assert.deepEqual(createSession({ ...input, ...change }, { now }), { ok: false, code: 'session_invalid', field });
    });
  }
});

describe('the keys', () => {
  it('generateSigningKey: 32 random bytes, base64url, and a kid; never the same twice', () => {
    const other = generateSigningKey();
    assert.equal(fromBase64Url(signing.key)?.length, 32);
    assert.match(signing.kid, /^k_[A-Za-z0-9_-]{12}$/);
    assert.notEqual(other.key, signing.key);
    assert.notEqual(other.kid, signing.kid);
  });

  it('generateCardKeyPair: the session carries the public half, and a card sealed to it decrypts with the private half, once', async () => {
    const pair = await generateCardKeyPair();
    assert.equal(pair.privateKey.extractable, false);
    assert.deepEqual(pair.privateKey.usages, ['decrypt']);
    assert.deepEqual(Object.keys(pair.encryption.jwk).sort(), ['alg', 'e', 'kty', 'n', 'use']);
    const made = createSession({ ...input, encryption: pair.encryption }, { now: Date.now });
    assert.ok(made.ok);
    const { session } = made;
    assert.deepEqual(session.encryption, pair.encryption);
    const card = { number: '4111111111111111', expMonth: 12, expYear: 2030, cvv: '123' };
    const jwe = await encryptCard(card, session.encryption!, bindingOf(session));
    const replay = new MemoryJweIdStore();
    const options = { expected: bindingOf(session), replay, expectedKid: pair.kid };
    assert.deepEqual(await decryptCard(jwe, pair.privateKey, options), { ok: true, card, kid: pair.kid });
    assert.deepEqual(await decryptCard(jwe, pair.privateKey, options), { ok: false, code: 'jwe_replayed' });
  });

  it('a public JWK as WebCrypto exports it (key_ops, ext) goes in as it is, and only its public members come out', async () => {
    const pair = await crypto.subtle.generateKey(
      { name: 'RSA-OAEP', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
      true,
      ['encrypt', 'decrypt'],
    );
    const exported = await crypto.subtle.exportKey('jwk', pair.publicKey);
    assert.ok(exported.key_ops && exported.ext !== undefined);
    const made = createSession({ ...input, encryption: { kid: 'enc_host', jwk: exported } }, { now });
    assert.ok(made.ok);
    assert.deepEqual(made.session.encryption, {
      alg: 'RSA-OAEP-256',
      kid: 'enc_host',
      jwk: { kty: 'RSA', n: exported.n, e: exported.e, alg: 'RSA-OAEP-256' },
    });
    // The private key by mistake: refused, by name, rather than sent to every payer.
    const secret = await crypto.subtle.exportKey('jwk', pair.privateKey);
    assert.deepEqual(createSession({ ...input, encryption: { kid: 'enc_host', jwk: secret } }, { now }), {
      ok: false,
      code: 'session_invalid',
      field: 'encryption.jwk.d',
    });
  });

  it('generateCardKeyPair({ extractable: true }): the private JWK a setup script stores decrypts as the key did', async () => {
    const pair = await generateCardKeyPair({ extractable: true });
    const stored = JSON.parse(JSON.stringify(await crypto.subtle.exportKey('jwk', pair.privateKey))) as JsonWebKey;
    const made = createSession({ ...input, encryption: pair.encryption }, { now: Date.now });
    assert.ok(made.ok);
    const card = { number: '6222021234567890126', expMonth: 1, expYear: 2032 };
    const jwe = await encryptCard(card, made.session.encryption!, bindingOf(made.session));
    const result = await decryptCard(jwe, stored, { expected: bindingOf(made.session), replay: new MemoryJweIdStore() });
    assert.deepEqual(result, { ok: true, card, kid: pair.kid });
  });

  it('generateCardKeyPair takes 3072 or 4096 bits, and nothing weaker', async () => {
    const pair = await generateCardKeyPair({ modulusLength: 3072 });
    assert.equal(fromBase64Url(pair.encryption.jwk.n)!.length, 384);
    await assert.rejects(generateCardKeyPair({ modulusLength: 1024 as 2048 }), RangeError);
  });
});
