import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isPinnedKey, rsaThumbprint } from '../../../src/card-frame/key-pin.js';

// RFC 7638 §3.1: the example RSA key and its SHA-256 thumbprint.
const RFC_KEY = {
  e: 'AQAB',
  n: '0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw',
};

describe('card key pinning', () => {
  it('computes the RFC 7638 thumbprint', async () => {
    assert.equal(await rsaThumbprint(RFC_KEY), 'NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs');
  });

  it('seals only to a pinned key; an empty list pins nothing', async () => {
    assert.equal(await isPinnedKey(RFC_KEY, ['NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs']), true);
    assert.equal(await isPinnedKey({ ...RFC_KEY, e: 'AAEAAQ' }, ['NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs']), false);
    assert.equal(await isPinnedKey(RFC_KEY, []), false);
  });
});
