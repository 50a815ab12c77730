import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fitNumber, layoutFor } from '../../../src/card/number-mask.js';

describe('layoutFor', () => {
  // Each pattern holds 19 digits; the brand's own groups come first.
  const cases: [string, string, string][] = [
    ['nothing typed', '', '0000 0000 0000 0000 000'],
    ['an ambiguous 3', '3', '0000 0000 0000 0000 000'],
    ['Amex', '37', '0000 000000 00000 0000'],
    ['Mastercard', '5555', '0000 0000 0000 0000 000'],
    ['Visa (to 19 digits)', '4242', '0000 0000 0000 0000 000'],
    ['UnionPay', '62', '0000 0000 0000 0000 000'],
    ['Diners at 14 digits', '3056930009020', '0000 000000 0000 00000'],
  ];
  for (const [name, digits, pattern] of cases) {
    it(`lays out ${name} as ${pattern}`, () => assert.equal(layoutFor(digits), pattern));
  }
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
    it(name, () => {
      const fit = fitNumber(previous, next, caret);
      assert.equal(fit.digits, digits);
      assert.equal(fit.caret, at);
      assert.equal(fit.mask, layoutFor(digits));
    });
  }
});
