import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { luhnValid } from '../../../src/card/luhn.js';

interface Vectors {
  valid: { number: string; luhn: boolean; source: string }[];
}
const vectors = JSON.parse(readFileSync(new URL('../../vectors/card-numbers.json', import.meta.url), 'utf8')) as Vectors;

describe('Luhn check', () => {
  for (const { number, luhn, source } of vectors.valid) {
    it(`${luhn ? 'accepts' : 'refuses'} ${number} (${source})`, () => {
      assert.equal(luhnValid(number), luhn);
    });
  }

  it('catches every single-digit change of a valid number', () => {
    const number = '4111111111111111';
    for (let at = 0; at < number.length; at++) {
      for (let digit = 0; digit <= 9; digit++) {
        const changed = number.slice(0, at) + digit + number.slice(at + 1);
        assert.equal(luhnValid(changed), changed === number, changed);
      }
    }
  });

  it('catches a swap of adjacent digits (other than 09/90)', () => {
    assert.equal(luhnValid('79927398713'), true);
    assert.equal(luhnValid('97927398713'), false);
    assert.equal(luhnValid('79927398731'), false);
  });

  it('refuses what is not ASCII digits rather than cleaning it', () => {
    assert.equal(luhnValid(''), false);
    assert.equal(luhnValid('4111 1111 1111 1111'), false);
    assert.equal(luhnValid('４１１１１１１１１１１１１１１１'), false);
    assert.equal(luhnValid('-4111111111111111'), false);
  });
});
