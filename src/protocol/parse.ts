/**
 * How browser code parses: the value when it fits the schema, `undefined` when it does not.
 * The cashier never reads why an input failed (each caller has its one error code). It is
 * zod/mini's public `safeParse`; this module imports types only, so a lazy chunk that parses
 * carries no zod of its own.
 */
import type { output, ZodMiniType } from 'zod/mini';

/** What `schema.safeParse(input)` gives as `data` when it succeeds, else `undefined`. */
export function parseWith<T extends ZodMiniType>(schema: T, input: unknown): output<T> | undefined {
  const result = schema.safeParse(input);
  return result.success ? result.data : undefined;
}
