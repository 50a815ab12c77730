/**
 * Which field a schema refused, as a path a host can log and a developer can act on
 * (`previousAttempt`, `instrument.encrypted`, `channels.0.limits.perDay`): the member's name,
 * never its value, so a 400 that names it echoes nothing the payer typed.
 */

/** The part of a zod (or zod/mini) issue this reads. */
export interface SchemaIssue {
  code?: string;
  path: readonly PropertyKey[];
  /** With `unrecognized_keys`: the members the schema does not name. */
  keys?: readonly string[];
  /** With `invalid_union`: each option's own issues. */
  errors?: readonly (readonly SchemaIssue[])[];
}

/** A member name worth repeating: a contract-like identifier, not whatever a body's key holds. */
const NAME = /^[A-Za-z_$][A-Za-z0-9_$]{0,63}$/;

/** The path of the first issue, joined with dots; `''` is the body as a whole. */
export function fieldOf(issues: readonly SchemaIssue[] | undefined): string {
  const segments: string[] = [];
  let issue = issues?.[0];
  while (issue) {
    segments.push(...issue.path.map(String));
    if (issue.code === 'unrecognized_keys') {
      const key = issue.keys?.[0];
      // An unknown member is named when its name looks like one; else its object is.
      if (key !== undefined && NAME.test(key)) segments.push(key);
      break;
    }
    // A union: the one option whose literal `type` matched is the one the body meant.
    const meant = issue.code === 'invalid_union' ? issue.errors?.filter((option) => !option.some((inner) => inner.code === 'invalid_value')) : undefined;
    issue = meant?.length === 1 ? meant[0]![0] : undefined;
  }
  return segments.join('.');
}
