import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkCard, shownProblems, type CardField } from '../../../src/card/card-fields.js';

const now = { year: 2026, month: 12 };
const check = (number: string, expiry: string, cvv: string) => checkCard({ number, expiry, cvv, name: '' }, { now, requireName: false });
const only = (...fields: CardField[]) => (field: CardField) => fields.includes(field);

describe('shownProblems', () => {
  it('says only the problems of the fields it is told to show', () => {
    const typing = check('4242 4242 4242 4241', '12/2', '');
    assert.deepEqual(shownProblems(typing, only()), {});
    assert.deepEqual(shownProblems(typing, only('number')), { number: 'luhn' });
    assert.deepEqual(shownProblems(typing, only('number', 'expiry', 'cvv', 'name')), {
      number: 'luhn',
      expiry: 'incomplete',
      cvv: 'empty',
    });
  });

  it('shows nothing for a complete card, or before anything was checked', () => {
    const all = only('number', 'expiry', 'cvv', 'name');
    assert.deepEqual(shownProblems(check('4242 4242 4242 4242', '08/29', '123'), all), {});
    assert.deepEqual(shownProblems(undefined, all), {});
  });
});
