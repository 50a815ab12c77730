import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { brandById, detectBrand } from '../../../src/card/brands.js';
import { normalizeDigits } from '../../../src/card/digits.js';
import { BULLET, formatPan, maskPan, maskPanFromDigits } from '../../../src/card/pan-display.js';

interface Vectors {
  valid: { number: string; formatted: string; masked: string }[];
  formatting: { digits: string; brand: string | null; formatted: string }[];
  masks: { first6?: string; last4: string; brand: string | null; masked: string }[];
}
const vectors = JSON.parse(readFileSync(new URL('../../vectors/card-numbers.json', import.meta.url), 'utf8')) as Vectors;

function brand(id: string | null) {
  if (id === null) return undefined;
  const found = brandById(id);
  assert.ok(found, `no brand ${id}`);
  return found;
}

describe('normalizeDigits', () => {
  const cases: [string, string, string][] = [
    ['ASCII digits', '4111111111111111', '4111111111111111'],
    ['a pasted number with mixed separators', '4111-1111.1111 1111', '4111111111111111'],
    ['full-width digits from a Chinese IME', '１２３４', '1234'],
    ['full-width digits and full-width separators', '６２２２－０２１２．３４５６　１２３４', '6222021234561234'],
    ['ideographic space and NBSP', '6222\u30000212\u00a03456', '622202123456'],
    ['en and em dashes', '4111–1111—1111', '411111111111'],
    ['ideographic full stops', '4111。1111', '41111111'],
    ['tabs, newlines and slashes', '\t4111\n1111/', '41111111'],
    ['letters and other scripts’ digits', 'card: 4111 x ٤', '4111'],
    ['nothing', '', ''],
  ];
  for (const [name, input, expected] of cases) {
    it(`keeps only the digits of ${name}`, () => {
      assert.equal(normalizeDigits(input), expected);
    });
  }
});

describe('formatPan', () => {
  for (const { number, formatted } of vectors.valid) {
    it(`formats ${number} as ${formatted}`, () => {
      assert.equal(formatPan(number, detectBrand(number)), formatted);
    });
  }

  for (const { digits, brand: id, formatted } of vectors.formatting) {
    it(`formats '${digits}' (${id ?? 'unknown brand'}) as '${formatted}'`, () => {
      assert.equal(formatPan(digits, brand(id)), formatted);
    });
  }

  it('is idempotent and takes pasted or full-width text', () => {
    const visa = brand('visa');
    assert.equal(formatPan('4111 1111 1111 1111', visa), '4111 1111 1111 1111');
    assert.equal(formatPan('4111-1111.1111 1111', visa), '4111 1111 1111 1111');
    assert.equal(formatPan('４１１１１', visa), '4111 1');
  });

  it('never ends with a space', () => {
    for (let length = 1; length <= 19; length++) {
      assert.doesNotMatch(formatPan('4'.repeat(length), undefined), / $/);
    }
  });

  it('keeps digits beyond the layout in the last group', () => {
    assert.equal(formatPan('3782822463100050', brand('amex')), '3782 822463 100050');
  });
});

describe('maskPan', () => {
  for (const { first6, last4, brand: id, masked } of vectors.masks) {
    it(`masks ${first6 ?? '(no first6)'}…${last4} (${id ?? 'brand from first6'}) as ${masked}`, () => {
      assert.equal(maskPan(first6 === undefined ? { last4 } : { first6, last4 }, brand(id)), masked);
    });
  }

  it('shows at most 6 leading and 4 trailing digits, whatever it is given', () => {
    const masked = maskPan({ first6: '62220212', last4: '561234' });
    assert.equal(masked, `6222 02${BULLET.repeat(2)} ${BULLET.repeat(4)} 1234`);
  });
});

describe('maskPanFromDigits', () => {
  for (const { number, masked } of vectors.valid) {
    it(`masks ${number} as ${masked}`, () => {
      assert.equal(maskPanFromDigits(number), masked);
    });
  }

  it('matches the design example', () => {
    assert.equal(maskPanFromDigits('6222 0212 3456 1234'), '6222 02•• •••• 1234');
  });

  it('hides every digit of something shorter than a card number', () => {
    assert.equal(maskPanFromDigits('41111111111'), '•••• •••• •••');
    assert.equal(maskPanFromDigits('4111'), '••••');
    assert.equal(maskPanFromDigits(''), '');
  });

  it('never shows a digit between the 6th and the last 4', () => {
    for (let length = 1; length <= 19; length++) {
      const digits = '6'.repeat(6) + '0'.repeat(Math.max(0, length - 6));
      const masked = maskPanFromDigits(digits.slice(0, length)).replace(/ /g, '');
      assert.equal(masked.length, length);
      assert.doesNotMatch(masked.slice(6, Math.max(6, length - 4)), /\d/);
    }
  });
});
