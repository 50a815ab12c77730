import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BANK_IINS, lookupIin } from '../../../demo/backend/bank-iins.js';

describe('the bank IIN table', () => {
  it('answers a known prefix of 6, 7 or 8 digits with its bank and type', () => {
    for (const iin of ['621799', '6217990', '62179912']) {
      assert.deepEqual(lookupIin(iin), { known: true, bank: { id: 'PSBC', name: '中国邮政储蓄银行' }, type: 'debit', brand: 'unionpay' }, iin);
    }
    assert.equal((lookupIin('51871012') as { type: string }).type, 'credit');
  });
  it('says unknown for a prefix it does not hold, however close', () => {
    for (const iin of ['621798', '999999', '62179', '']) assert.deepEqual(lookupIin(iin), { known: false }, iin);
  });
  it('passes on the host\'s agreement link', () => {
    assert.equal((lookupIin('622202', '/a.html') as { agreementUrl?: string }).agreementUrl, '/a.html');
  });
  it('holds 6-digit prefixes, each once', () => {
    assert.ok(BANK_IINS.every((e) => /^\d{6}$/.test(e.prefix)));
    assert.equal(new Set(BANK_IINS.map((e) => e.prefix)).size, BANK_IINS.length);
  });
});
