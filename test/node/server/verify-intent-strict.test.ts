import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fromBase64Url, toBase64Url } from '../../../src/protocol/base64url.js';
import { canonicalize } from '../../../src/protocol/canonical-json.js';
import type { Intent } from '../../../src/protocol/schemas.js';
import { hmacSha256, signBody } from '../../../src/protocol/signature.js';
import { verifyCardRemoval, verifyIntent } from '../../../src/server/index.js';

const key = toBase64Url(new Uint8Array(32).fill(9));
const KID = 'k_test';
const NOW = Date.parse('2026-11-22T08:00:00Z');
const T = NOW / 1000;
const options = { keyFor: (kid: string) => (kid === KID ? key : undefined), now: () => NOW };

const intent: Intent = {
  v: 1,
  sessionId: 'cs_test',
  orderId: 'ord_test',
  amount: 12800,
  currency: 'CNY',
  channel: 'wechat',
  instrument: { type: 'wallet' },
  attempt: 'att_00000001',
  env: 'desktop',
  locale: 'zh-CN',
  nonce: 'nonce_0000000000000001',
  createdAt: '2026-11-22T08:00:00.000Z',
};

/** A signature over exactly `text`, as a signer holding the key may make over any bytes. */
async function headerOver(text: string, t = T, kid = KID): Promise<Record<string, string>> {
  const mac = await hmacSha256(key, new TextEncoder().encode(`${t}.${text}`));
  return { 'shouyin-signature': `t=${t},kid=${kid},v1=${toBase64Url(mac)}` };
}

/** The header for the canonical intent, as the cashier signs it. */
async function signedCanonical(body: unknown = intent): Promise<{ headers: Record<string, string>; body: string }> {
  const { canonicalBody, header } = await signBody({ body, key, kid: KID, now: NOW });
  return { headers: { 'shouyin-signature': header }, body: canonicalBody };
}

const refused = (code: string, status: number, field?: string) => ({ ok: false, code, status, ...(field === undefined ? {} : { field }) });

describe('verifyIntent takes only the bytes that were signed', () => {
  it('refuses a duplicate member, even when the last one is what was signed', async () => {
    const signed = await signedCanonical();
    // JSON.parse keeps the last `amount`; a first-wins parser downstream would read 1.
    const sent = signed.body.replace('"amount":12800', '"amount":1,"amount":12800');
    assert.deepEqual(await verifyIntent({ headers: signed.headers, body: sent }, options), refused('body_not_canonical', 400));
  });

  it('refuses a number spelled otherwise (12800.0, 1.28e4, -0) and a string escaped otherwise', async () => {
    const signed = await signedCanonical();
    for (const sent of [
      signed.body.replace('12800', '12800.0'),
      signed.body.replace('12800', '1.28e4'),
      signed.body.replace('"v":1', '"v":1.0'),
      signed.body.replace('"zh-CN"', '"\\u007ah-CN"'),
      signed.body.replace('"zh-CN"', '"zh\\u002dCN"'),
    ]) {
      assert.deepEqual(await verifyIntent({ headers: signed.headers, body: sent }, options), refused('body_not_canonical', 400), sent);
    }
  });

  it('refuses whitespace, another member order and a byte-order mark', async () => {
    const signed = await signedCanonical();
    const reordered = JSON.stringify({ ...intent, v: 1, amount: 12800 });
    for (const sent of [JSON.stringify(intent, null, 2), `${signed.body}\n`, ` ${signed.body}`, reordered]) {
      assert.deepEqual(await verifyIntent({ headers: signed.headers, body: sent }, options), refused('body_not_canonical', 400));
    }
    // A BOM is kept, not skipped, when the bytes are decoded, and JSON has no place for it.
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(signed.body)]);
    assert.deepEqual(await verifyIntent({ headers: signed.headers, body: bom }, options), refused('body_malformed', 400));
    const request = new Request('http://127.0.0.1/api/intents', { method: 'POST', headers: signed.headers, body: bom });
    assert.deepEqual(await verifyIntent(request, options), refused('body_malformed', 400));
  });

  it('refuses an unknown member even when it was signed, top-level or in the instrument', async () => {
    for (const [body, field] of [
      [{ ...intent, note: 'x' }, 'note'],
      [{ ...intent, instrument: { type: 'wallet', number: '4111111111111111' } }, 'instrument.number'],
      [{ ...intent, instrument: { type: 'saved-card', cardId: 'sc_1', extra: true } }, 'instrument.extra'],
    ] as const) {
      const signed = await signedCanonical(body);
      assert.deepEqual(await verifyIntent(signed, options), refused('intent_malformed', 400, field), signed.body);
    }
  });

  it('refuses a signed `__proto__` or `constructor` member, and nothing gets a prototype from one', async () => {
    const withProto = `{"__proto__":{"amount":1,"previousAttempt":"injected_01"},${canonicalize(intent).slice(1)}`;
    const parsed = JSON.parse(withProto) as object;
    assert.ok(Object.hasOwn(parsed, '__proto__'), 'JSON.parse makes it an own member');
    assert.equal(canonicalize(parsed), withProto, 'so the body is canonical and its MAC checks');
    assert.deepEqual(await verifyIntent({ headers: await headerOver(withProto), body: withProto }, options), refused('intent_malformed', 400, '__proto__'));
    const withConstructor = canonicalize(intent).replace('"createdAt"', '"constructor":{"prototype":{"amount":1}},"createdAt"');
    assert.deepEqual(
      await verifyIntent({ headers: await headerOver(withConstructor), body: withConstructor }, options),
      refused('intent_malformed', 400, 'constructor'),
    );
    const inInstrument = canonicalize(intent).replace('{"type":"wallet"}', '{"__proto__":{"type":"card"},"type":"wallet"}');
    assert.deepEqual(
      await verifyIntent({ headers: await headerOver(inInstrument), body: inInstrument }, options),
      refused('intent_malformed', 400, 'instrument.__proto__'),
    );
    assert.equal(({} as Record<string, unknown>).previousAttempt, undefined);
    assert.equal(({} as Record<string, unknown>).amount, undefined);
  });

  it('throws a TypeError for a body that is already an object: its signed bytes cannot be checked', async () => {
    const signed = await signedCanonical();
    // A framework's parser that assigns members one by one turns `__proto__` into a prototype:
    // a member no MAC covered, which the schema would read.
    const injected = Object.assign(Object.create({ previousAttempt: 'injected_01' }) as object, JSON.parse(signed.body) as object);
    for (const body of [JSON.parse(signed.body) as object, injected]) {
      await assert.rejects(verifyIntent({ headers: signed.headers, body: body as never }, options), TypeError);
    }
    await assert.rejects(verifyCardRemoval({ headers: signed.headers, body: {} as never }, options), TypeError);
  });

  it('refuses a body over maxBodyBytes (default 8 KiB) with 413 body_too_large, whether or not it was signed', async () => {
    const big = canonicalize({ ...intent, zpadding: 'x'.repeat(60_000) });
    assert.deepEqual(await verifyIntent({ headers: await headerOver(big), body: big }, options), refused('body_too_large', 413));
    const bytes = new TextEncoder().encode(big);
    assert.deepEqual(await verifyIntent({ headers: await headerOver(big), body: bytes }, options), refused('body_too_large', 413));
    const request = new Request('http://127.0.0.1/api/intents', { method: 'POST', headers: await headerOver(big), body: big });
    assert.deepEqual(await verifyIntent(request, options), refused('body_too_large', 413));

    const signed = await signedCanonical();
    const size = new TextEncoder().encode(signed.body).length;
    assert.equal((await verifyIntent(signed, { ...options, maxBodyBytes: size })).ok, true);
    assert.deepEqual(await verifyIntent(signed, { ...options, maxBodyBytes: size - 1 }), refused('body_too_large', 413));
    // Counted in UTF-8 bytes, not UTF-16 units: 'é' is two.
    const accented = await signedCanonical({ ...intent, orderId: 'é'.repeat(100) });
    const accentedSize = new TextEncoder().encode(accented.body).length;
    assert.deepEqual(await verifyIntent(accented, { ...options, maxBodyBytes: accentedSize - 1 }), refused('body_too_large', 413));
    await assert.rejects(verifyIntent(signed, { ...options, maxBodyBytes: 0 }), RangeError);
  });

  it('checks the timestamp before the kid: an unknown kid with an expired t is signature_expired', async () => {
    const stale = await headerOver(canonicalize(intent), T - 301, 'k_nobody');
    assert.deepEqual(await verifyIntent({ headers: stale, body: canonicalize(intent) }, options), refused('signature_expired', 401));
    let lookedUp = false;
    const watching = { ...options, keyFor: () => ((lookedUp = true), undefined) };
    await verifyIntent({ headers: stale, body: canonicalize(intent) }, watching);
    assert.equal(lookedUp, false, 'no kid is looked up for an expired signature');
    const fresh = await headerOver(canonicalize(intent), T, 'k_nobody');
    assert.deepEqual(await verifyIntent({ headers: fresh, body: canonicalize(intent) }, options), refused('unknown_kid', 401));
  });

  it('takes only the canonical spelling of v1 and t', async () => {
    const signed = await signedCanonical();
    const header = signed.headers['shouyin-signature']!;
    const v1 = /v1=([^,]+)/.exec(header)![1]!;
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const last = alphabet.indexOf(v1.at(-1)!);
    // 43 characters carry 258 bits: with the last one's two unused bits set it decodes the same.
    const respelled = v1.slice(0, -1) + alphabet[last ^ 1];
    assert.deepEqual(fromBase64Url(respelled), fromBase64Url(v1));
    for (const spelling of [respelled, `${v1}=`, `${v1}==`]) {
      const headers = { 'shouyin-signature': header.replace(v1, spelling) };
      assert.deepEqual(await verifyIntent({ headers, body: signed.body }, options), refused('signature_malformed', 401), spelling);
    }
    const leadingZero = { 'shouyin-signature': header.replace(`t=${T}`, `t=0${T}`) };
    assert.deepEqual(await verifyIntent({ headers: leadingZero, body: signed.body }, options), refused('signature_malformed', 401));
    assert.equal((await verifyIntent(signed, options)).ok, true);
  });

  it('throws a RangeError unless toleranceSeconds is a finite number in (0, 3600]', async () => {
    const yearOld = await headerOver(canonicalize(intent), T - 365 * 86400);
    for (const toleranceSeconds of [Number.NaN, Number.POSITIVE_INFINITY, 0, -1, 3601, 86_400 * 400]) {
      await assert.rejects(verifyIntent({ headers: yearOld, body: canonicalize(intent) }, { ...options, toleranceSeconds }), RangeError, String(toleranceSeconds));
    }
    const signed = await signedCanonical();
    assert.equal((await verifyIntent(signed, { ...options, toleranceSeconds: 3600 })).ok, true);
    assert.deepEqual(
      await verifyIntent(signed, { ...options, now: () => Number.NaN }),
      refused('signature_expired', 401),
      'a clock that answers NaN fails closed',
    );
  });

  it('applies the same rules to a signed card removal', async () => {
    const removal = { v: 1, sessionId: 'cs_1', cardId: 'sc_1', createdAt: '2026-11-22T08:00:00.000Z' };
    const withExtra = canonicalize({ ...removal, cardIds: ['sc_2'] });
    assert.deepEqual(await verifyCardRemoval({ headers: await headerOver(withExtra), body: withExtra }, options), refused('removal_malformed', 400, 'cardIds'));
    const signed = await signedCanonical(removal);
    const duplicate = signed.body.replace('"cardId":"sc_1"', '"cardId":"sc_2","cardId":"sc_1"');
    assert.deepEqual(await verifyCardRemoval({ headers: signed.headers, body: duplicate }, options), refused('body_not_canonical', 400));
    assert.deepEqual(await verifyCardRemoval(signed, options), { ok: true, removal, kid: KID, timestamp: T });
  });
});
