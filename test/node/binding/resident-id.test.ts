import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkResidentId, maskName, maskResidentId, normalizeResidentId } from '../../../src/binding/resident-id.js';
import { readVector } from '../helpers.js';

interface Vectors {
  valid: { id: string; normalized?: string; note?: string }[];
  invalid: { id: string; problem: string; note?: string }[];
}
const vectors = readVector<Vectors>('resident-ids.json');

describe('resident ID numbers (GB 11643, ISO 7064 MOD 11-2)', () => {
  for (const { id, normalized, note } of vectors.valid) {
    it(`takes ${id} (${note ?? ''})`, () => {
      assert.deepEqual(checkResidentId(id), { ok: true, id: normalized ?? id });
    });
  }
  for (const { id, problem, note } of vectors.invalid) {
    it(`refuses "${id}" as ${problem} ${note ? `(${note})` : ''}`, () => {
      assert.deepEqual(checkResidentId(id), { ok: false, problem });
    });
  }
  it('normalizes an X typed in full width', () => {
    assert.equal(normalizeResidentId('11010519491231002Ｘ'), '11010519491231002X');
  });
});

describe('masks', () => {
  it('shows an ID number as the first 3 (or 4) and last 4 characters', () => {
    assert.equal(maskResidentId('110101199003071234'), '110***********1234');
    assert.equal(maskResidentId('110101199003071234', 4), '1101**********1234');
    assert.equal(maskResidentId('1234'), '****');
  });
  it('shows a name as its first and last character', () => {
    assert.deepEqual(['张三丰', '张三', '欧阳娜娜', '李', ' 王小明 ', '𠀀二三'].map(maskName), ['张*丰', '张*', '欧**娜', '李', '王*明', '𠀀*三']);
  });
});
