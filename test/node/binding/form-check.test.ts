import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkForm, parseExpiry, type FormValues } from '../../../src/binding/form-check.js';

const NOW = Date.parse('2026-12-07T03:00:00Z');
const DEBIT: FormValues = { number: '6217990000000000006', name: '张三', idNumber: '110101199003074477', mobile: '138 0013 8000', expiry: '', cvv: '', agreed: true, code: '' };

describe('the binding form as typed', () => {
  it('a complete debit card form lacks only the code', () => {
    assert.deepEqual(checkForm(DEBIT, ['name', 'idNumber', 'mobile'], NOW), { code: 'invalid' });
    assert.deepEqual(checkForm({ ...DEBIT, code: '１２３４５６' }, ['name', 'idNumber', 'mobile'], NOW), {});
  });
  it('names each field\'s problem', () => {
    const empty: FormValues = { number: '6217', name: ' ', idNumber: '110101199003074478', mobile: '1380013', expiry: '13/30', cvv: '12', agreed: false, code: '12345' };
    assert.deepEqual(checkForm(empty, ['name', 'idNumber', 'mobile', 'expiry', 'cvv'], NOW), {
      number: 'invalid',
      name: 'empty',
      idNumber: 'check-digit',
      mobile: 'incomplete',
      expiry: 'invalid',
      cvv: 'invalid',
      agree: 'unchecked',
      code: 'invalid',
    });
  });
  it('checks Luhn except on UnionPay numbers, and only the fields asked for', () => {
    assert.equal(checkForm({ ...DEBIT, number: '4392250000000008' }, [], NOW).number, 'invalid');
    assert.equal(checkForm({ ...DEBIT, number: '4392250000000009' }, [], NOW).number, undefined);
    assert.equal(checkForm({ ...DEBIT, number: '6217990000000000001' }, [], NOW).number, undefined);
    assert.deepEqual(checkForm({ ...DEBIT, name: '', idNumber: '', mobile: '' }, [], NOW), { code: 'invalid' });
  });
  it('reads an expiry that has not passed', () => {
    assert.deepEqual(parseExpiry('08/29', NOW), { expMonth: 8, expYear: 2029 });
    assert.deepEqual(parseExpiry('1226', NOW), { expMonth: 12, expYear: 2026 });
    assert.equal(parseExpiry('11/26', NOW), undefined);
    assert.equal(parseExpiry('00/29', NOW), undefined);
    assert.equal(parseExpiry('8-29', NOW), undefined);
  });
});
