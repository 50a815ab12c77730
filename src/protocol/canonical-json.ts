/**
 * Canonical JSON as RFC 8785 (JSON Canonicalization Scheme) defines it, so that the
 * browser and any backend sign and verify the very same bytes.
 *
 * - Object members are sorted by their names as arrays of UTF-16 code units (what
 *   `Array.prototype.sort` does with its default comparison), recursively.
 * - Numbers are printed as ECMAScript's `Number.prototype.toString` prints them, which is
 *   the serialization RFC 8785 adopts; `-0` prints as `0`. NaN and ±Infinity are not JSON.
 * - Strings are escaped as `JSON.stringify` escapes them (the RFC's rules: `\b \t \n \f \r
 *   \" \\`, other controls as lowercase `\u00xx`, everything else literal). Lone surrogates
 *   cannot be represented in I-JSON and are refused.
 * - Members whose value is `undefined` are left out, as `JSON.stringify` does; `undefined`
 *   anywhere else is refused rather than silently turned into `null`.
 */
export function canonicalize(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return serializeString(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonicalize: ${value} is not a JSON number`);
      return Object.is(value, -0) ? '0' : String(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      if (value === null) return 'null';
      if (Array.isArray(value)) return `[${value.map(canonicalizeArrayItem).join(',')}]`;
      return serializeObject(value as Record<string, unknown>);
    default:
      throw new TypeError(`canonicalize: a ${typeof value} is not JSON`);
  }
}

function canonicalizeArrayItem(item: unknown): string {
  if (item === undefined) throw new TypeError('canonicalize: undefined in an array is not JSON');
  return canonicalize(item);
}

function serializeObject(object: Record<string, unknown>): string {
  if (typeof (object as { toJSON?: unknown }).toJSON === 'function') {
    return canonicalize((object as { toJSON(): unknown }).toJSON());
  }
  const members: string[] = [];
  for (const key of Object.keys(object).sort()) {
    const member = object[key];
    if (member === undefined) continue;
    members.push(`${serializeString(key)}:${canonicalize(member)}`);
  }
  return `{${members.join(',')}}`;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function serializeString(text: string): string {
  if (LONE_SURROGATE.test(text)) throw new TypeError('canonicalize: lone surrogate in a string');
  return JSON.stringify(text);
}
