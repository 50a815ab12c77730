import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkMobile, maskMobile } from '../../../src/binding/mobile.js';

describe('bank-registered mobile numbers', () => {
  const cases: [string, ReturnType<typeof checkMobile>][] = [
    ['13800138000', { ok: true, mobile: '13800138000' }],
    ['138 0013 8000', { ok: true, mobile: '13800138000' }],
    ['138-0013-8000', { ok: true, mobile: '13800138000' }],
    ['+86 138 0013 8000', { ok: true, mobile: '13800138000' }],
    ['008613800138000', { ok: true, mobile: '13800138000' }],
    ['8613800138000', { ok: true, mobile: '13800138000' }],
    ['１９９１２３４５６７８', { ok: true, mobile: '19912345678' }],
    ['', { ok: false, problem: 'empty' }],
    ['1380013', { ok: false, problem: 'incomplete' }],
    ['12800138000', { ok: false, problem: 'format' }],
    ['23800138000', { ok: false, problem: 'format' }],
    ['138001380001', { ok: false, problem: 'format' }],
    ['1380013800a', { ok: false, problem: 'format' }],
  ];
  for (const [typed, expected] of cases) {
    it(`"${typed}"`, () => assert.deepEqual(checkMobile(typed), expected));
  }
  it('masks the middle four digits', () => {
    assert.equal(maskMobile('13800138000'), '138****8000');
  });
});
