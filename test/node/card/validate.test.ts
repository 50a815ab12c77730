import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { brandById } from '../../../src/card/brands.js';
import { validateCvv, validateExpiry, validateHolderName, validateNumber, type YearMonth } from '../../../src/card/validate.js';

interface Vectors {
  valid: { number: string; brand: string; source: string }[];
  invalid: { number: string; reason: string; why?: string }[];
}
const vectors = JSON.parse(readFileSync(new URL('../../vectors/card-numbers.json', import.meta.url), 'utf8')) as Vectors;

describe('validateNumber', () => {
  for (const { number, brand, source } of vectors.valid) {
    it(`accepts ${number} as ${brand} (${source})`, () => {
      const result = validateNumber(number);
      assert.equal(result.ok, true);
      assert.equal(result.ok && result.brand.id, brand);
    });
  }

  for (const { number, reason, why } of vectors.invalid) {
    it(`refuses '${number}' as ${reason}${why ? `: ${why}` : ''}`, () => {
      assert.deepEqual(validateNumber(number), { ok: false, reason });
    });
  }

  it('accepts a pasted number with separators, and full-width digits', () => {
    for (const text of ['4111-1111.1111 1111', ' 4111 1111 1111 1111 ', '４１１１　１１１１　１１１１　１１１１', '4111–1111—1111－1111']) {
      const result = validateNumber(text);
      assert.equal(result.ok && result.brand.id, 'visa', text);
    }
  });

  it('never puts the number into its result', () => {
    assert.doesNotMatch(JSON.stringify(validateNumber('4111111111111111')), /4111/);
  });
});

describe('validateExpiry', () => {
  const june2025: YearMonth = { year: 2025, month: 6 };
  const accepted: [string, YearMonth, number, number][] = [
    ['06/25', june2025, 6, 2025],
    ['12/25', june2025, 12, 2025],
    ['1225', june2025, 12, 2025],
    ['7/25', june2025, 7, 2025],
    ['07/2025', june2025, 7, 2025],
    ['072025', june2025, 7, 2025],
    ['１２／２５', june2025, 12, 2025],
    ['１２２５', june2025, 12, 2025],
    [' 12 / 25 ', june2025, 12, 2025],
    ['12\u3000/\u300025', june2025, 12, 2025],
    ['12-25', june2025, 12, 2025],
    ['12.25', june2025, 12, 2025],
    ['06/45', june2025, 6, 2045],
    ['12/25', { year: 2025, month: 12 }, 12, 2025],
    ['01/26', { year: 2025, month: 12 }, 1, 2026],
    ['01/05', { year: 2099, month: 1 }, 1, 2105],
  ];
  for (const [text, now, month, year] of accepted) {
    it(`accepts '${text}' in ${now.year}-${now.month} as ${month}/${year}`, () => {
      assert.deepEqual(validateExpiry(text, now), { ok: true, month, year });
    });
  }

  const refused: [string, YearMonth, string][] = [
    ['', june2025, 'empty'],
    ['  ', june2025, 'empty'],
    ['1', june2025, 'incomplete'],
    ['12', june2025, 'incomplete'],
    ['12/', june2025, 'incomplete'],
    ['12/2', june2025, 'incomplete'],
    ['122', june2025, 'incomplete'],
    ['12/202', june2025, 'incomplete'],
    ['12345', june2025, 'incomplete'],
    ['1234567', june2025, 'incomplete'],
    ['ab/cd', june2025, 'incomplete'],
    ['12/25/1', june2025, 'incomplete'],
    ['00/25', june2025, 'month'],
    ['13/25', june2025, 'month'],
    ['0/25', june2025, 'month'],
    ['00', june2025, 'month'],
    ['13', june2025, 'month'],
    ['99/', june2025, 'month'],
    ['05/25', june2025, 'past'],
    ['12/24', june2025, 'past'],
    ['12/2024', june2025, 'past'],
    ['11/25', { year: 2025, month: 12 }, 'past'],
    ['99', june2025, 'month'],
    ['01/99', june2025, 'past'],
    ['07/45', june2025, 'too-far'],
    ['01/2100', june2025, 'too-far'],
  ];
  for (const [text, now, reason] of refused) {
    it(`refuses '${text}' in ${now.year}-${now.month} as ${reason}`, () => {
      assert.deepEqual(validateExpiry(text, now), { ok: false, reason });
    });
  }

  it('keeps a card good through the end of its expiry month, whatever the day', () => {
    assert.equal(validateExpiry('06/25', { year: 2025, month: 6 }).ok, true);
    assert.equal(validateExpiry('06/25', { year: 2025, month: 7 }).ok, false);
  });
});

describe('validateCvv', () => {
  const visa = brandById('visa');
  const amex = brandById('amex');
  const unionpay = brandById('unionpay');
  const cases: [string, string, typeof visa, string | true][] = [
    ['123', 'Visa', visa, true],
    ['12', 'Visa', visa, 'incomplete'],
    ['1234', 'Visa', visa, 'too-long'],
    ['123', 'UnionPay', unionpay, true],
    ['1234', 'Amex', amex, true],
    ['123', 'Amex', amex, 'incomplete'],
    ['12345', 'Amex', amex, 'too-long'],
    ['123', 'an unknown brand', undefined, true],
    ['1234', 'an unknown brand', undefined, true],
    ['12', 'an unknown brand', undefined, 'incomplete'],
    ['12345', 'an unknown brand', undefined, 'too-long'],
    ['', 'Visa', visa, 'empty'],
    ['   ', 'Visa', visa, 'empty'],
    ['12a', 'Visa', visa, 'not-digits'],
    ['1-23', 'Visa', visa, 'not-digits'],
    ['١٢٣', 'Visa', visa, 'not-digits'],
    ['１２３', 'Visa', visa, true],
    [' 1 2 3 ', 'Visa', visa, true],
  ];
  for (const [text, name, brand, expected] of cases) {
    it(`${expected === true ? 'accepts' : `refuses as ${expected}`} '${text}' for ${name}`, () => {
      assert.deepEqual(validateCvv(text, brand), expected === true ? { ok: true } : { ok: false, reason: expected });
    });
  }
});

describe('validateHolderName', () => {
  const accepted: [string, string][] = [
    ['ZHANG SAN', 'ZHANG SAN'],
    ['张三', '张三'],
    ['阿沛·阿旺晋美', '阿沛·阿旺晋美'],
    ['阿沛・阿旺晋美', '阿沛・阿旺晋美'],
    ["Conan O'Brien", "Conan O'Brien"],
    ['Conan O’Brien', 'Conan O’Brien'],
    ['Jean-Luc Picard', 'Jean-Luc Picard'],
    ['J. R. R. Tolkien', 'J. R. R. Tolkien'],
    ['  Zhang   San  ', 'Zhang San'],
    ['张\u3000三', '张 三'],
    ['Ｚｈａｎｇ', 'Ｚｈａｎｇ'],
    ['Jose\u0301', 'José'],
    ['김민준', '김민준'],
    ['A'.repeat(64), 'A'.repeat(64)],
    ['张'.repeat(64), '张'.repeat(64)],
    ['𠀀'.repeat(64), '𠀀'.repeat(64)],
  ];
  for (const [text, name] of accepted) {
    it(`accepts '${text.length > 20 ? `${text.slice(0, 8)}…` : text}'`, () => {
      assert.deepEqual(validateHolderName(text), { ok: true, name });
    });
  }

  const refused: [string, string][] = [
    ['', 'empty'],
    [' \u3000\u00a0', 'empty'],
    ['A'.repeat(65), 'too-long'],
    ['张'.repeat(65), 'too-long'],
    ['Zhang3', 'characters'],
    ['a@b.com', 'characters'],
    ['·-', 'characters'],
    ['张三😀', 'characters'],
    ['<script>', 'characters'],
  ];
  for (const [text, reason] of refused) {
    it(`refuses '${text.length > 20 ? `${text.slice(0, 8)}…` : text}' as ${reason}`, () => {
      assert.deepEqual(validateHolderName(text), { ok: false, reason });
    });
  }
});
