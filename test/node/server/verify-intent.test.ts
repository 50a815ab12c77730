import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomToken } from '../../../src/protocol/base64url.js';
import type { Session } from '../../../src/protocol/schemas.js';
import { SIGNATURE_HEADER, signIntent, verifyCardRemoval, verifyIntent } from '../../../src/server/index.js';
import { signBody } from '../../../src/protocol/signature.js';
import { intentFor } from '../helpers.js';

const key = randomToken(32);
const session = {
  id: 'cs_test',
  order: { id: 'ord_test', amount: 12800, currency: 'CNY' },
  signing: { kid: 'k_test', key },
} as unknown as Session;
const NOW = Date.parse('2026-11-22T08:00:00Z');
const options = { keyFor: (kid: string) => (kid === 'k_test' ? key : undefined), now: () => NOW };

describe('verifyIntent', () => {
  it('accepts an intent the cashier signed and returns it parsed', async () => {
    const intent = intentFor(session);
    const signed = await signIntent(intent, { key, kid: 'k_test', now: NOW, idempotencyKey: 'idem-12345678' });
    const result = await verifyIntent({ headers: signed.headers, body: signed.body }, options);
    assert.ok(result.ok);
    assert.deepEqual(result.intent, intent);
    assert.equal(result.idempotencyKey, 'idem-12345678');
  });

  it('accepts a fetch Request, and the body as text or bytes, but only as the canonical bytes signed', async () => {
    const signed = await signIntent(intentFor(session), { key, kid: 'k_test', now: NOW });
    const request = new Request('http://127.0.0.1/api/intents', { method: 'POST', headers: signed.headers, body: signed.body });
    assert.equal((await verifyIntent(request, options)).ok, true);
    const bytes = new TextEncoder().encode(signed.body);
    assert.equal((await verifyIntent({ headers: signed.headers, body: bytes }, options)).ok, true);
    // The MAC covers the canonical form, and only those bytes are taken: not another spelling.
    const parsed = JSON.parse(signed.body) as Record<string, unknown>;
    assert.deepEqual(await verifyIntent({ headers: signed.headers, body: JSON.stringify(parsed, null, 2) }, options), {
      ok: false,
      code: 'body_not_canonical',
      status: 400,
    });
  });

  it('rejects a tampered body with 401 signature_mismatch', async () => {
    const signed = await signIntent(intentFor(session), { key, kid: 'k_test', now: NOW });
    const tampered = signed.body.replace('"amount":12800', '"amount":1');
    assert.notEqual(tampered, signed.body);
    assert.deepEqual(await verifyIntent({ headers: signed.headers, body: tampered }, options), {
      ok: false,
      code: 'signature_mismatch',
      status: 401,
    });
  });

  it('rejects a timestamp older (or newer) than the tolerance', async () => {
    for (const skew of [-301_000, 301_000]) {
      const signed = await signIntent(intentFor(session), { key, kid: 'k_test', now: NOW + skew });
      const result = await verifyIntent({ headers: signed.headers, body: signed.body }, options);
      assert.deepEqual(result, { ok: false, code: 'signature_expired', status: 401 });
    }
    const edge = await signIntent(intentFor(session), { key, kid: 'k_test', now: NOW - 299_000 });
    assert.equal((await verifyIntent({ headers: edge.headers, body: edge.body }, options)).ok, true);
  });

  it('rejects an unknown kid, a missing header and a malformed one', async () => {
    const signed = await signIntent(intentFor(session), { key, kid: 'k_other', now: NOW });
    assert.deepEqual(await verifyIntent({ headers: signed.headers, body: signed.body }, options), {
      ok: false,
      code: 'unknown_kid',
      status: 401,
    });
    assert.equal(
      ((await verifyIntent({ headers: {}, body: signed.body }, options)) as { code: string }).code,
      'signature_missing',
    );
    assert.equal(
      ((await verifyIntent({ headers: { [SIGNATURE_HEADER.toLowerCase()]: 'v1=abc' }, body: signed.body }, options)) as {
        code: string;
      }).code,
      'signature_malformed',
    );
  });

  it('rejects a key signed by someone else', async () => {
    const signed = await signIntent(intentFor(session), { key: randomToken(32), kid: 'k_test', now: NOW });
    assert.equal(((await verifyIntent({ headers: signed.headers, body: signed.body }, options)) as { code: string }).code, 'signature_mismatch');
  });

  it('answers 400 for a body that is not JSON, and for a signed body that is not an intent', async () => {
    const signed = await signIntent(intentFor(session), { key, kid: 'k_test', now: NOW });
    assert.deepEqual(await verifyIntent({ headers: signed.headers, body: '{not json' }, options), {
      ok: false,
      code: 'body_malformed',
      status: 400,
    });
    const notAnIntent = await signIntent({ v: 1, hello: 'world' } as never, { key, kid: 'k_test', now: NOW });
    assert.deepEqual(await verifyIntent({ headers: notAnIntent.headers, body: notAnIntent.body }, options), {
      ok: false,
      code: 'intent_malformed',
      status: 400,
      field: 'sessionId',
    });
  });
});

describe('verifyCardRemoval', () => {
  const key = 'k'.repeat(43);
  const removal = { v: 1, sessionId: 'cs_1', cardId: 'sc_1', createdAt: '2026-11-30T02:00:00.000Z' };
  const at = Date.parse('2026-11-30T02:00:00Z');
  const sign = async (body: unknown) => {
    const { canonicalBody, header } = await signBody({ body, key, kid: 'k1', now: at });
    return { headers: { 'shouyin-signature': header }, body: canonicalBody };
  };

  it('accepts a removal signed like an intent, and refuses an intent, a tampered body and another key', async () => {
    const options = { keyFor: (kid: string) => (kid === 'k1' ? key : undefined), now: () => at };
    const ok = await verifyCardRemoval(await sign(removal), options);
    assert.deepEqual(ok, { ok: true, removal, kid: 'k1', timestamp: at / 1000 });
    const notRemoval = await verifyCardRemoval(await sign({ ...removal, v: 2 }), options);
    assert.deepEqual(notRemoval, { ok: false, code: 'removal_malformed', status: 400, field: 'v' });
    const signed = await sign(removal);
    const tampered = await verifyCardRemoval({ ...signed, body: signed.body.replace('sc_1', 'sc_2') }, options);
    assert.deepEqual(tampered, { ok: false, code: 'signature_mismatch', status: 401 });
    const late = await verifyCardRemoval(signed, { ...options, now: () => at + 301_000 });
    assert.deepEqual(late, { ok: false, code: 'signature_expired', status: 401 });
  });
});
