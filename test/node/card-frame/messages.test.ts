import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { FromFrameSchema, InitSchema, ToFrameSchema } from '../../../src/card-frame/messages.js';
import { parseWith } from '../../../src/protocol/parse.js';

const look = { locale: 'zh-CN', scheme: 'dark', tokens: [{ name: '--shouyin-color-primary', value: 'rgb(200, 16, 46)' }] };
const form = { requireName: false, disabled: false, now: 1_800_000_000_000, cvvFor: null };

describe('card frame messages', () => {
  it('takes an init with the look and the form', () => {
    assert.ok(parseWith(InitSchema, { t: 'init', v: 1, look, form }));
    assert.equal(parseWith(InitSchema, { t: 'init', v: 2, look, form }), undefined);
  });

  it('takes token values, never CSS text nor a token off the list', () => {
    const token = (name: string, value: string) => parseWith(ToFrameSchema, { t: 'look', look: { ...look, tokens: [{ name, value }] } });
    assert.ok(token('--shouyin-font-family', "system-ui, 'PingFang SC', sans-serif"));
    assert.ok(token('--shouyin-color-primary', 'light-dark(#c8102e, #f2555f)'));
    for (const value of ['red; background: url(https://x.example/leak)', 'red}body{display:none', 'url(https://x.example/?)', 'image-set("a.png" 1x)', '@import "x"', 'a\\62 c']) {
      assert.equal(token('--shouyin-color-primary', value), undefined, value);
    }
    assert.equal(token('--shouyin-anything', 'red'), undefined);
    assert.equal(token('color', 'red'), undefined);
  });

  it('lets the frame say what the pay button needs and the JWE, and nothing that holds digits', () => {
    assert.ok(parseWith(FromFrameSchema, { t: 'change', complete: false, missing: 'expiry', problem: 'past', brand: 'unionpay', field: 'expiry' }));
    assert.ok(parseWith(FromFrameSchema, { t: 'size', height: 212 }));
    assert.ok(parseWith(FromFrameSchema, { t: 'sealed', id: 1, jwe: 'aGVhZA.a2V5.aXY.Y2lwaGVy.dGFn' }));
    for (const message of [
      { t: 'change', complete: false, missing: 'expiry', problem: null, brand: '6212 34', field: null },
      { t: 'change', complete: false, missing: 'number', problem: '6212345678901265', brand: null, field: 'number' },
      { t: 'change', complete: false, missing: 'expiry', brand: null, digits: '6212345678901265' },
      { t: 'sealed', id: 1, jwe: '6212345678901265' },
      { t: 'size', height: 1e9 },
      { t: 'number', value: '6212345678901265' },
    ]) {
      const parsed = parseWith(FromFrameSchema, message);
      assert.ok(parsed === undefined || !JSON.stringify(parsed).includes('6212'), JSON.stringify(message));
    }
  });

  it('asks for a seal with the order binding and the session key', () => {
    const seal = {
      t: 'seal',
      id: 3,
      what: 'card',
      now: 1,
      binding: { sessionId: 's', orderId: 'o', amount: 12800, currency: 'CNY' },
      key: { kid: 'k', jwk: { kty: 'RSA', n: 'n', e: 'AQAB', alg: 'RSA-OAEP-256' } },
    };
    assert.ok(parseWith(ToFrameSchema, seal));
    assert.equal(parseWith(ToFrameSchema, { ...seal, binding: { ...seal.binding, amount: 1.5 } }), undefined);
    assert.equal(parseWith(ToFrameSchema, { ...seal, key: { kid: 'k', jwk: { kty: 'EC' } } }), undefined);
    assert.ok(parseWith(ToFrameSchema, { ...seal, what: 'cvv' }));
    assert.equal(parseWith(ToFrameSchema, { ...seal, what: 'number' }), undefined);
    assert.ok(parseWith(InitSchema, { t: 'init', v: 1, look, form: { ...form, cvvFor: 'amex' } }));
    assert.equal(parseWith(InitSchema, { t: 'init', v: 1, look, form: { ...form, cvvFor: '3782' } }), undefined);
  });

  it('lays out the binding form\'s fields in the frame and takes its seal; the issuer prefix is 6 to 8 digits, never more', () => {
    assert.ok(parseWith(InitSchema, { t: 'init', v: 1, look, form: { ...form, binding: ['name', 'idNumber', 'mobile'] } }));
    assert.ok(parseWith(ToFrameSchema, { t: 'form', form: { ...form, binding: [] } }));
    assert.equal(parseWith(ToFrameSchema, { t: 'form', form: { ...form, binding: ['code'] } }), undefined);
    assert.ok(parseWith(ToFrameSchema, { t: 'seal', id: 1, what: 'binding', now: 1, binding: { sessionId: 's', orderId: 'o', amount: 1, currency: 'CNY' }, key: { kid: 'k', jwk: { kty: 'RSA', n: 'n', e: 'AQAB' } } }));
    const change = { t: 'change', complete: false, missing: 'idNumber', problem: 'check-digit', brand: 'unionpay', field: 'idNumber' };
    assert.ok(parseWith(FromFrameSchema, change));
    assert.ok(parseWith(FromFrameSchema, { ...change, iin: '621799' }));
    assert.ok(parseWith(FromFrameSchema, { ...change, iin: '62179900' }));
    for (const iin of ['62179', '621799000', '6217990000000000006', '62179a']) assert.equal(parseWith(FromFrameSchema, { ...change, iin }), undefined, iin);
    // A problem is a kind, never the ID.
    assert.equal(parseWith(FromFrameSchema, { ...change, problem: '110101199003074478' }), undefined);
  });
});
