import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { BrandId, brandById, brands, couldBeKnownBrand, detectBrand, groupsFor, maxLength } from '../../../src/card/brands.js';

interface Vectors {
  valid: { number: string; brand: string; source: string }[];
  prefixes: { input: string; brand: string | null; why: string }[];
}
const vectors = JSON.parse(readFileSync(new URL('../../vectors/card-numbers.json', import.meta.url), 'utf8')) as Vectors;

describe('card brands', () => {
  for (const { number, brand, source } of vectors.valid) {
    it(`detects ${brand} in ${number} (${source})`, () => {
      assert.equal(detectBrand(number)?.id, brand);
    });
  }

  for (const { input, brand, why } of vectors.prefixes) {
    it(`reads the prefix '${input}' as ${brand ?? 'no brand'}: ${why}`, () => {
      assert.equal(detectBrand(input)?.id ?? null, brand);
    });
  }

  it('detects every prefix of a published number as its brand or as not yet known', () => {
    for (const { number, brand } of vectors.valid) {
      for (let length = 1; length <= number.length; length++) {
        const detected = detectBrand(number.slice(0, length));
        assert.ok(detected === undefined || detected.id === brand, `${number.slice(0, length)} read as ${detected?.id}`);
      }
    }
  });

  it('keeps the 622126–622925 co-branded numbers with UnionPay at every length', () => {
    for (const prefix of ['622126', '622500', '622925', '6221260000000000', '62292500000000000']) {
      assert.equal(detectBrand(prefix)?.id, BrandId.UnionPay, prefix);
    }
  });

  it('reads only ASCII digits', () => {
    assert.equal(detectBrand('4111 1111'), undefined);
    assert.equal(detectBrand('４１１１'), undefined);
    assert.equal(detectBrand('x4'), undefined);
  });

  it('has one entry per id, and finds each by id', () => {
    const ids = Object.values(BrandId);
    assert.deepEqual(brands.map((brand) => brand.id).sort(), [...ids].sort());
    for (const id of ids) assert.equal(brandById(id)?.id, id);
    assert.equal(brandById('UNIONPAY'), undefined);
    assert.equal(brandById('elo'), undefined);
  });

  it('states lengths, CVV length and the Luhn rule per brand', () => {
    const table = Object.fromEntries(brands.map((b) => [b.id, [b.lengths.join(','), b.cvvLength, b.luhn]]));
    assert.deepEqual(table, {
      unionpay: ['14,15,16,17,18,19', 3, false],
      visa: ['13,16,19', 3, true],
      mastercard: ['16', 3, true],
      amex: ['15', 4, true],
      jcb: ['16,17,18,19', 3, true],
      discover: ['16,17,18,19', 3, true],
      diners: ['14,15,16,17,18,19', 3, true],
      maestro: ['12,13,14,15,16,17,18,19', 3, true],
      mir: ['16,17,18,19', 3, true],
    });
  });

  // detectBrand would resolve nested ranges by specificity, but every overlap so far was a
  // decision (Discover's 622126–622925 left to UnionPay); a new one should be one too.
  it('has no two brands whose ranges overlap', () => {
    const spans = brands.flatMap((brand) =>
      brand.ranges.map(({ from, to }) => ({
        brand: brand.id,
        // Widen each range to 8 digits to compare ranges of different specificity.
        low: Number(from.padEnd(8, '0')),
        high: Number(to.padEnd(8, '9')),
      })),
    );
    for (const a of spans) {
      for (const b of spans) {
        if (a.brand === b.brand) continue;
        assert.ok(a.high < b.low || b.high < a.low, `${a.brand} and ${b.brand} overlap`);
      }
    }
  });

  it('gives the longest length as the maximum, 19 when the brand is unknown', () => {
    assert.equal(maxLength(undefined), 19);
    assert.equal(maxLength(brandById('amex')), 15);
    assert.equal(maxLength(brandById('mastercard')), 16);
    assert.equal(maxLength(brandById('unionpay')), 19);
    assert.equal(maxLength(brandById('diners')), 19);
  });

  it('groups by the next allowed length while the number is partial', () => {
    const diners = brandById('diners');
    assert.deepEqual(groupsFor(diners, 5), [4, 6, 4]);
    assert.deepEqual(groupsFor(diners, 14), [4, 6, 4]);
    assert.deepEqual(groupsFor(diners, 15), [4, 4, 4, 4, 3]);
    assert.deepEqual(groupsFor(brandById('amex'), 20), [4, 6, 5]);
    assert.deepEqual(groupsFor(undefined, 3), [4, 4, 4, 4, 3]);
  });

  it('tells a prefix that may still become a brand from one that cannot', () => {
    assert.equal(couldBeKnownBrand('22'), true);
    assert.equal(couldBeKnownBrand('6'), true);
    assert.equal(couldBeKnownBrand('59'), false);
    assert.equal(couldBeKnownBrand('1'), false);
    assert.equal(couldBeKnownBrand(''), false);
  });
});
