import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { httpOrigin, isAllowedOrigin, parentOrigins } from '../../../src/card-frame/origins.js';

describe('card frame origins', () => {
  const cases: [string, string | undefined][] = [
    ['https://cards.example/shouyin/card-frame.html', 'https://cards.example'],
    ['http://127.0.0.1:5174/card-frame.html', 'http://127.0.0.1:5174'],
    ['javascript:alert(1)', undefined],
    ['data:text/html,x', undefined],
    ['not a url', undefined],
  ];
  for (const [url, origin] of cases) it(`httpOrigin(${url}) is ${origin}`, () => assert.equal(httpOrigin(url), origin));

  it('reads the allow-list of exact origins, dropping anything that is not one (a path, a wildcard, a trailing slash)', () => {
    assert.deepEqual(parentOrigins(' https://shop.example  http://127.0.0.1:5173\nhttps://*.example * https://a.example/ https://b.example/pay '), [
      'https://shop.example',
      'http://127.0.0.1:5173',
    ]);
    assert.deepEqual(parentOrigins(''), []);
  });

  it('accepts an origin only by exact equality', () => {
    const allowed = ['https://shop.example'];
    assert.equal(isAllowedOrigin('https://shop.example', allowed), true);
    for (const origin of ['https://shop.example.evil', 'http://shop.example', 'https://evil.shop.example', 'null', '']) {
      assert.equal(isAllowedOrigin(origin, allowed), false, origin);
    }
  });
});
