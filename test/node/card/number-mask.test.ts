import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import MaskedRegExp from 'imask/masked/regexp';
import { cvvMask, expiryMask, fitNumber, formatExpiry, formatNumber, layoutFor, numberMask, type MaskOptions } from '../../../src/card/number-mask.js';

describe('layoutFor', () => {
  // The brand's groups, holding its longest number.
  const cases: [string, string, number[]][] = [
    ['nothing typed', '', [4, 4, 4, 4, 3]],
    ['an ambiguous 3', '3', [4, 4, 4, 4, 3]],
    ['Amex', '37', [4, 6, 5]],
    ['Mastercard', '5555', [4, 4, 4, 4]],
    ['Visa (to 19 digits)', '4242', [4, 4, 4, 4, 3]],
    ['UnionPay', '62', [4, 4, 4, 4, 3]],
    ['Diners at 14 digits', '3056930009020', [4, 6, 4]],
  ];
  for (const [name, digits, groups] of cases) {
    it(`lays out ${name} as ${groups.join('-')}`, () => assert.deepEqual(layoutFor(digits), groups));
  }
});

describe('formatNumber', () => {
  const cases: [string, string][] = [
    ['', ''],
    ['4242', '4242'],
    ['42424', '4242 4'],
    ['4242424242424242', '4242 4242 4242 4242'],
    ['4242424242424242424', '4242 4242 4242 4242 424'],
    ['378282246310005', '3782 822463 10005'],
    ['30569309025904', '3056 930902 5904'],
  ];
  for (const [digits, shown] of cases) it(`shows ${digits || 'nothing'} as "${shown}"`, () => assert.equal(formatNumber(digits), shown));
});

/** What imask's model makes of `typed` with `mask`, shown by `format`. */
function typed(mask: MaskOptions, text: string, format: (value: string) => string = (value) => value): string {
  const masked = new MaskedRegExp(mask);
  masked.append(text, { input: true });
  return format(masked.value);
}

describe('the masks', () => {
  it('take digits only into the number, full-width ones as ASCII, up to 19', () => {
    assert.equal(typed(numberMask, '4111-1111.1111 1111', formatNumber), '4111 1111 1111 1111');
    assert.equal(typed(numberMask, '４２４２ ４２４２'), '42424242');
    assert.equal(typed(numberMask, '62055000000000000049'), '6205500000000000004');
  });

  it('put the slash, dash, dot or full-width separator typed after the month on the expiry’s slash', () => {
    for (const [text, shown] of [
      ['1', '1'],
      ['12', '12'],
      ['123', '12/3'],
      ['12-', '12/'],
      ['08.29', '08/29'],
      ['１２／２９', '12/29'],
      ['0829', '08/29'],
      ['1/2', '12'],
      ['12/34/5', '12/34'],
      ['123456', '12/34'],
    ]) {
      assert.equal(typed(expiryMask, text, formatExpiry), shown, text);
    }
  });

  it('cut the CVV to its length', () => {
    assert.equal(typed(cvvMask(3), '12345'), '123');
    assert.equal(typed(cvvMask(4), '1 2 3 4 5'), '1234');
  });
});

describe('fitNumber', () => {
  // [name, previous, next, caret after the change (digits), expected digits, expected caret]
  const cases: [string, string, string, number, string, number][] = [
    ['keeps a digit that fits', '424', '4242', 4, '4242', 4],
    ['drops a 17th Mastercard digit', '5555555555554444', '55555555555544441', 17, '5555555555554444', 16],
    ['drops a 16th Amex digit', '378282246310005', '3782822463100059', 16, '378282246310005', 15],
    ['keeps a 17th Visa digit (Visa runs to 19)', '4242424242424242', '42424242424242421', 17, '42424242424242421', 17],
    [
      'refuses a digit typed in the middle of a full Amex number',
      '378282246310005',
      '3782892246310005',
      6,
      '378282246310005',
      5,
    ],
    ['cuts a paste to what fits', '', '5555555555554444999', 19, '5555555555554444', 16],
    ['takes a Visa number pasted over a whole Amex one', '378282246310005', '4242424242424242', 16, '4242424242424242', 16],
    [
      'refuses a first digit that makes Amex of a 19-digit number',
      '4700000000000000004',
      '3700000000000000004',
      1,
      '4700000000000000004',
      0,
    ],
  ];
  for (const [name, previous, next, caret, digits, at] of cases) {
    it(name, () => assert.deepEqual(fitNumber(previous, next, caret), { digits, caret: at }));
  }
});
