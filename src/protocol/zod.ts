/**
 * zod/mini for the contract's schemas, with its checks as plain refinements. Each built-in
 * check (`minLength`, `regex`, `gte`, `int()`'s format …) brings its own class into the
 * script bundle, about 1.2 KB gzip together; a refinement does the same work with the one
 * class `refine` already needs; `literal` is a one-value `enum` for the same reason. A value
 * passes or fails exactly as with zod's own; only the issue in a failed parse is `custom` or
 * `invalid_value` instead of, say, `too_small`, and no code reads it.
 */
import { custom, enum as oneOf, refine, type ZodMiniCustom, type ZodMiniEnum } from 'zod/mini';
import type { $ZodCheck } from 'zod/v4/core';

export * from 'zod/mini';

type Sized = { length: number };

export const minLength = <T extends Sized>(min: number): $ZodCheck<T> => refine<T>((value) => value.length >= min);
export const maxLength = <T extends Sized>(max: number): $ZodCheck<T> => refine<T>((value) => value.length <= max);
export const gte = <T extends number>(min: number): $ZodCheck<T> => refine<T>((value) => value >= min);
export const lte = <T extends number>(max: number): $ZodCheck<T> => refine<T>((value) => value <= max);
export const positive = <T extends number>(): $ZodCheck<T> => refine<T>((value) => value > 0);
export const nonnegative = <T extends number>(): $ZodCheck<T> => refine<T>((value) => value >= 0);

export const regex = (pattern: RegExp): $ZodCheck<string> =>
  refine<string>((value) => {
    // As zod does: a global or sticky pattern must not remember the last match.
    pattern.lastIndex = 0;
    return pattern.test(value);
  });

/**
 * A safe integer, as `z.int()` accepts; a number in [min, max]; a boolean. Built as `custom`
 * (the class `refine` already brings) rather than zod's number and boolean schemas, whose two
 * classes the bundle then does without. A failed type test does not stop the checks after it,
 * as zod's own type would: every check chained to these is a comparison, which cannot throw.
 * Typed as taking what they accept, so a host's session literal type-checks (`amount: number`).
 */
export const int = (): ZodMiniCustom<number, number> => custom<number>(Number.isSafeInteger);
export const numberIn = (min: number, max: number): ZodMiniCustom<number, number> =>
  custom<number>((value) => typeof value === 'number' && value >= min && value <= max);
export const boolean = (): ZodMiniCustom<boolean, boolean> => custom<boolean>((value) => typeof value === 'boolean');

/** Exactly `value`; typed as that value, as `z.literal` is. */
export const literal = <const T extends string | number>(value: T): ZodMiniEnum<{ v: T }> =>
  // Keyed `v`, not by the value: zod takes a numeric key for a TypeScript enum's reverse mapping.
  oneOf({ v: value });
