import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as zod from 'zod/mini';
import * as z from '../../src/protocol/zod.js';

const VALUES: unknown[] = [
  0, 1, -1, 0.5, 1.5, 12, 2100, 2101, -0, NaN, Infinity, -Infinity, 2 ** 53, 2 ** 53 - 1, -(2 ** 53),
  '', 'a', '1', 'abc', true, false, null, undefined, [], {}, [1], { length: 2 }, /x/g,
];

/** Whether two schemas let exactly the same values through. */
function sameVerdicts(ours: { safeParse(v: unknown): { success: boolean } }, theirs: { safeParse(v: unknown): { success: boolean } }): void {
  for (const value of VALUES) {
    assert.equal(ours.safeParse(value).success, theirs.safeParse(value).success, `for ${String(value)}`);
  }
}

describe('protocol/zod.ts: the schemas built from cheaper parts pass and fail what zod’s own do', () => {
  it('int, and int with bounds', () => {
    sameVerdicts(z.int(), zod.int());
    sameVerdicts(z.int().check(z.gte(1), z.lte(12)), zod.int().check(zod.gte(1), zod.lte(12)));
    sameVerdicts(z.int().check(z.positive()), zod.int().check(zod.positive()));
    sameVerdicts(z.int().check(z.nonnegative()), zod.int().check(zod.nonnegative()));
  });

  it('a number in a range, and a boolean', () => {
    sameVerdicts(z.numberIn(0, 1), zod.number().check(zod.gte(0), zod.lte(1)));
    sameVerdicts(z.boolean(), zod.boolean());
  });

  it('string lengths, patterns and literals', () => {
    sameVerdicts(z.string().check(z.minLength(1), z.maxLength(2)), zod.string().check(zod.minLength(1), zod.maxLength(2)));
    sameVerdicts(z.string().check(z.regex(/^\d$/g)), zod.string().check(zod.regex(/^\d$/g)));
    sameVerdicts(z.literal(1), zod.literal(1));
    sameVerdicts(z.literal('a'), zod.literal('a'));
  });
});
