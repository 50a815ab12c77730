/**
 * `decryptCard` / `decryptSavedCardCvv` take a card JWE only for the order they are told, within
 * its age, once. Real WebCrypto, real RSA keys.
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cardClaims, type CardBinding } from '../../../src/protocol/card-binding.js';
import {
  DecryptCardCode,
  MemoryJweIdStore,
  decryptCard,
  decryptSavedCardCvv,
  encryptCard,
  encryptJwe,
  encryptSavedCardCvv,
  type CardPayload,
  type DecryptCardOptions,
  type JweIdStore,
} from '../../../src/server/index.js';

const subtle = globalThis.crypto.subtle;
const NOW = Date.parse('2026-06-01T04:00:00Z');
const binding: CardBinding = { sessionId: 'ses_A', orderId: 'ord_A', amount: 12800, currency: 'CNY' };
const card: CardPayload = { number: '6212345678901265', expMonth: 12, expYear: 2030, cvv: '123' };

let privateKey: CryptoKey;
let recipient: { kid: string; jwk: JsonWebKey };
before(async () => {
  const pair = await subtle.generateKey(
    { name: 'RSA-OAEP', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
    true,
    ['encrypt', 'decrypt'],
  );
  privateKey = pair.privateKey;
  recipient = { kid: 'enc_A', jwk: await subtle.exportKey('jwk', pair.publicKey) };
});

/** What the backend of order A tells `decryptCard`, at `NOW`, with a store of its own unless given. */
function options(extra: Partial<DecryptCardOptions> = {}): DecryptCardOptions {
  return { expected: binding, replay: new MemoryJweIdStore(() => NOW), expectedKid: 'enc_A', now: () => NOW, ...extra };
}

const seal = (to: CardBinding = binding, now = NOW) => encryptCard(card, recipient, to, { now });

/** A JWE with the header claims of our choosing around a genuine card. */
const withClaims = (claims: Record<string, string | number>) =>
  encryptJwe(new TextEncoder().encode(JSON.stringify(card)), recipient, { claims });

const header = (jwe: string): Record<string, unknown> => JSON.parse(Buffer.from(jwe.split('.')[0]!, 'base64url').toString('utf8'));

describe('the binding a card JWE carries', () => {
  it('names the session, order, amount, currency, issue time and a fresh 128-bit id in the protected header', async () => {
    const [a, b] = [await seal(), await seal()];
    const { jti, ...rest } = header(a);
    assert.deepEqual(rest, { alg: 'RSA-OAEP-256', enc: 'A256GCM', kid: 'enc_A', sid: 'ses_A', oid: 'ord_A', amt: 12800, cur: 'CNY', iat: NOW / 1000 });
    assert.match(String(jti), /^[A-Za-z0-9_-]{22}$/);
    assert.notEqual(header(b).jti, jti, 'each seal its own id');
    // A saved card's CVV carries the same binding.
    const cvv = await encryptSavedCardCvv({ cvv: '123' }, recipient, binding, { now: NOW });
    assert.deepEqual(Object.keys(header(cvv)), ['alg', 'enc', 'kid', 'sid', 'oid', 'amt', 'cur', 'iat', 'jti']);
  });

  it('takes time and randomness from the caller', async () => {
    const zeros = { getRandomValues: <T extends ArrayBufferView | null>(array: T) => array };
    assert.deepEqual(cardClaims(binding, 1_700_000_000_999, zeros as Crypto), {
      sid: 'ses_A', oid: 'ord_A', amt: 12800, cur: 'CNY', iat: 1_700_000_000, jti: 'AAAAAAAAAAAAAAAAAAAAAA',
    });
  });
});

describe('decryptCard with a binding', () => {
  it('reads a card sealed for this order', async () => {
    assert.deepEqual(await decryptCard(await seal(), privateKey, options()), { ok: true, card, kid: 'enc_A' });
  });

  it('refuses a JWE bound to another session, order, amount or currency, or to none, as jwe_binding_mismatch', async () => {
    const unbound = await encryptJwe(new TextEncoder().encode(JSON.stringify(card)), recipient);
    const claims = cardClaims(binding, NOW);
    const cases: Record<string, string> = {
      'another session': await seal({ ...binding, sessionId: 'ses_B' }),
      'another order': await seal({ ...binding, orderId: 'ord_B' }),
      'another amount': await seal({ ...binding, amount: 4999900 }),
      'another currency': await seal({ ...binding, currency: 'HKD' }),
      'no binding (a cashier before the fix)': unbound,
      'amount as text': await withClaims({ ...claims, amt: '12800' }),
      'iat as text': await withClaims({ ...claims, iat: String(claims.iat) }),
      'iat not whole': await withClaims({ ...claims, iat: claims.iat + 0.5 }),
      'jti of 64 bits': await withClaims({ ...claims, jti: 'AAAAAAAAAAA' }),
      'no jti': await withClaims({ sid: claims.sid, oid: claims.oid, amt: claims.amt, cur: claims.cur, iat: claims.iat }),
    };
    for (const [name, jwe] of Object.entries(cases)) {
      assert.deepEqual(await decryptCard(jwe, privateKey, options()), { ok: false, code: DecryptCardCode.JweBindingMismatch }, name);
      assert.deepEqual(await decryptSavedCardCvv(jwe, privateKey, options()), { ok: false, code: DecryptCardCode.JweBindingMismatch }, name);
    }
  });

  it('checks the binding before any RSA work: a key it cannot use is never reached', async () => {
    // A public JWK makes decryptCard reject once it gets to the key.
    await assert.rejects(decryptCard(await seal(), recipient.jwk, options()));
    assert.deepEqual(await decryptCard(await seal({ ...binding, orderId: 'ord_B' }), recipient.jwk, options()), {
      ok: false,
      code: DecryptCardCode.JweBindingMismatch,
    });
    assert.deepEqual(await decryptCard(await seal(binding, NOW - 3_600_000), recipient.jwk, options()), {
      ok: false,
      code: DecryptCardCode.JweExpired,
    });
  });

  it('refuses claims changed on the way: the header is the AAD', async () => {
    // A JWE for ord_B with its header rewritten to name ord_A: the binding now matches, the tag does not.
    const jwe = await seal({ ...binding, orderId: 'ord_B' });
    const forged = Buffer.from(JSON.stringify({ ...header(jwe), oid: 'ord_A' })).toString('base64url');
    const result = await decryptCard([forged, ...jwe.split('.').slice(1)].join('.'), privateKey, options());
    assert.deepEqual(result, { ok: false, code: DecryptCardCode.JweDecryptFailed });
  });

  it('refuses a JWE older than maxAgeSeconds (600 by default) or over a minute ahead, as jwe_expired', async () => {
    const at = async (sealedAt: number, extra: Partial<DecryptCardOptions> = {}) => {
      const result = await decryptCard(await seal(binding, sealedAt), privateKey, options(extra));
      return result.ok ? 'ok' : result.code;
    };
    assert.equal(await at(NOW - 600_000), 'ok', 'exactly ten minutes old');
    assert.equal(await at(NOW - 601_000), DecryptCardCode.JweExpired);
    assert.equal(await at(NOW + 60_000), 'ok', 'a minute ahead');
    assert.equal(await at(NOW + 61_000), DecryptCardCode.JweExpired);
    assert.equal(await at(NOW - 120_000, { maxAgeSeconds: 60 }), DecryptCardCode.JweExpired);
    assert.equal(await at(NOW - 50_000, { maxAgeSeconds: 60 }), 'ok');
  });

  it('takes a JWE once per store, whichever of card or CVV it holds', async () => {
    const replay = new MemoryJweIdStore(() => NOW);
    const jwe = await seal();
    assert.equal((await decryptCard(jwe, privateKey, options({ replay }))).ok, true);
    assert.deepEqual(await decryptCard(jwe, privateKey, options({ replay })), { ok: false, code: DecryptCardCode.JweReplayed });
    const cvv = await encryptSavedCardCvv({ cvv: '123' }, recipient, binding, { now: NOW });
    assert.deepEqual(await decryptSavedCardCvv(cvv, privateKey, options({ replay })), { ok: true, cvv: '123', kid: 'enc_A' });
    assert.deepEqual(await decryptSavedCardCvv(cvv, privateKey, options({ replay })), { ok: false, code: DecryptCardCode.JweReplayed });
  });

  it('uses an id up only when everything checked: a broken JWE or a foreign one with the same id cannot burn it', async () => {
    const replay = new MemoryJweIdStore(() => NOW);
    const jwe = await seal();
    const { jti } = header(jwe) as { jti: string };
    const parts = jwe.split('.');
    const tampered = [...parts.slice(0, 3), `${parts[3]!.slice(0, -2)}AA`, parts[4]].join('.');
    assert.equal((await decryptCard(tampered, privateKey, options({ replay }))).ok, false);
    // Not a card inside, same header claims.
    const notACard = await encryptJwe(new TextEncoder().encode('{"pan":"1"}'), recipient, { claims: header(jwe) as Record<string, string | number> });
    assert.deepEqual(await decryptCard(notACard, privateKey, options({ replay })), { ok: false, code: DecryptCardCode.CardMalformed });
    // The key is public: anyone may seal their own card for their own session with this jti.
    const theirs: CardBinding = { ...binding, sessionId: 'ses_attacker', orderId: 'ord_attacker' };
    const copycat = await withClaims({ ...cardClaims(theirs, NOW), jti });
    assert.equal((await decryptCard(copycat, privateKey, options({ replay, expected: theirs }))).ok, true);
    assert.deepEqual(await decryptCard(jwe, privateKey, options({ replay })), { ok: true, card, kid: 'enc_A' });
  });

  it('awaits a store that answers asynchronously, as a shared one does, and remembers the id until the JWE is too old', async () => {
    const calls: [string, number][] = [];
    const seen = new Set<string>();
    const store: JweIdStore = {
      useOnce: async (id, expiresAtMs) => {
        calls.push([id, expiresAtMs]);
        await new Promise((resolve) => setTimeout(resolve, 1));
        if (seen.has(id)) return false;
        seen.add(id);
        return true;
      },
    };
    const jwe = await seal(binding, NOW - 5000);
    assert.equal((await decryptCard(jwe, privateKey, options({ replay: store }))).ok, true);
    assert.deepEqual(await decryptCard(jwe, privateKey, options({ replay: store })), { ok: false, code: DecryptCardCode.JweReplayed });
    const { jti, iat } = header(jwe) as { jti: string; iat: number };
    assert.deepEqual(calls[0], [`ses_A.${jti}`, (iat + 600) * 1000]);
  });
});
