import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac, randomBytes } from 'node:crypto';
import { toBase64Url } from '../../../src/protocol/base64url.js';
import {
  formatSignatureHeader,
  hmacSha256,
  parseSignatureHeader,
  signBody,
  verifyMac,
} from '../../../src/protocol/signature.js';
import { hex, readVector } from '../helpers.js';

const { cases } = readVector<{ cases: { case: number; key: string; data: string; mac: string; truncate?: number }[] }>(
  'hmac-sha256.json',
);

describe('HMAC-SHA256 through WebCrypto', () => {
  for (const vector of cases) {
    it(`matches RFC 4231 test case ${vector.case}`, async () => {
      const mac = await hmacSha256(hex(vector.key), hex(vector.data));
      assert.equal(Buffer.from(mac.slice(0, vector.truncate ?? 32)).toString('hex'), vector.mac);
    });
  }

  it('agrees with node:crypto on random keys and messages', async () => {
    for (let i = 0; i < 20; i++) {
      const key = randomBytes(32);
      const data = randomBytes(i * 13);
      const mac = await hmacSha256(new Uint8Array(key), new Uint8Array(data));
      assert.equal(Buffer.from(mac).toString('hex'), createHmac('sha256', key).update(data).digest('hex'));
    }
  });
});

describe('Shouyin-Signature header', () => {
  const key = toBase64Url(new Uint8Array(32).fill(7));

  it('signs "<t>." + canonical JSON and verifies it', async () => {
    const { canonicalBody, header } = await signBody({ body: { b: 2, a: 1 }, key, kid: 'k1', now: 1_700_000_000_999 });
    assert.equal(canonicalBody, '{"a":1,"b":2}');
    const parsed = parseSignatureHeader(header);
    assert.ok(parsed.ok);
    assert.equal(parsed.t, 1_700_000_000);
    assert.equal(parsed.kid, 'k1');
    const expected = createHmac('sha256', Buffer.alloc(32, 7)).update('1700000000.{"a":1,"b":2}').digest('base64url');
    assert.equal(parsed.v1, expected);
    assert.equal(await verifyMac(key, parsed.t, canonicalBody, parsed.v1), true);
    assert.equal(await verifyMac(key, parsed.t + 1, canonicalBody, parsed.v1), false);
    assert.equal(await verifyMac(key, parsed.t, '{"a":1,"b":3}', parsed.v1), false);
  });

  it('refuses malformed headers', () => {
    const v1 = toBase64Url(new Uint8Array(32));
    for (const bad of [
      '',
      't=1,kid=k',
      `t=abc,kid=k,v1=${v1}`,
      `t=1,kid=k k,v1=${v1}`,
      `t=1,kid=k,v1=${v1.slice(2)}`,
      `t=1,t=2,kid=k,v1=${v1}`,
      `kid=k,v1=${v1}`,
      // one MAC, one spelling: no padding, no unused bits set, no leading zero or sign on t
      `t=1,kid=k,v1=${v1}=`,
      `t=1,kid=k,v1=${v1.slice(0, -1)}B`,
      `t=01,kid=k,v1=${v1}`,
      `t=+1,kid=k,v1=${v1}`,
    ]) {
      assert.equal(parseSignatureHeader(bad).ok, false, bad);
    }
    assert.deepEqual(parseSignatureHeader(formatSignatureHeader({ t: 5, kid: 'k.1_-', v1 })), { ok: true, t: 5, kid: 'k.1_-', v1 });
  });

  it('refuses a kid that a header cannot carry', async () => {
    await assert.rejects(signBody({ body: {}, key, kid: 'a,b', now: 0 }), TypeError);
  });
});
