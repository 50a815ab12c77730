/**
 * How browser code parses: the schema's own run, the value when it fits, `undefined` when it
 * does not. The cashier never reads why an input failed (each caller has its one error code),
 * so it needs none of zod's error objects; the script-tag build drops zod/mini's
 * `parse`/`safeParse` family from the schemas (scripts/zod-cuts.ts), and with
 * them `$ZodError` and its formatting. Host-side code keeps `safeParse`. Imports types only:
 * a lazy chunk carries this module itself.
 */
import type { $ZodType, output } from 'zod/v4/core';

/** What `schema.safeParse(input)` gives as `data` when it succeeds, else `undefined`. */
export function parseWith<T extends $ZodType>(schema: T, input: unknown): output<T> | undefined {
  // As zod's safeParse does: a synchronous run (every check here is synchronous).
  const { value, issues } = schema._zod.run({ value: input, issues: [] }, { async: false }) as { value: output<T>; issues: unknown[] };
  return issues.length ? undefined : value;
}
