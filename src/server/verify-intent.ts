import { canonicalize } from '../protocol/canonical-json.js';
import { RejectCode } from '../protocol/codes.js';
import { ReceivedIntentSchema, type ReceivedIntent } from '../protocol/schemas.js';
import {
  IDEMPOTENCY_HEADER,
  SIGNATURE_HEADER,
  parseSignatureHeader,
  verifyMac,
  type KeyMaterial,
} from '../protocol/signature.js';
import { fieldOf, type SchemaIssue } from './issue-field.js';
import { readSignedBody, type RawBody } from './signed-body.js';

/** Headers as fetch's `Headers` or as Node's `IncomingHttpHeaders`. */
export type HeaderBag = Headers | Record<string, string | string[] | undefined>;

/**
 * A fetch `Request`, or the parts of one: the body exactly as received, as text or bytes. Not an
 * object a framework has already parsed: its original bytes, which are what was signed, cannot
 * be checked any more (duplicate members, number spellings and `__proto__` are gone or changed),
 * so passing one throws a TypeError. Read the raw body instead (e.g. `express.raw()`).
 */
export type IntentRequest = Request | { headers: HeaderBag; body: RawBody };

/**
 * 8 KiB. Measured: a new-card intent whose JWE is to an RSA-4096 key is 2,215 bytes with every
 * member at its longest (128-character ids and kid, a 64-character CJK holder name), 1,702 with
 * typical ids; a saved-card one with its CVV's JWE 2,007. Room for the contract to grow, not
 * for 60 KB of members nobody reads.
 */
export const DEFAULT_MAX_BODY_BYTES = 8 * 1024;
/** A signature older (or newer) than an hour is a replay window, not clock skew. */
const MAX_TOLERANCE_SECONDS = 3600;

export interface VerifyIntentOptions {
  /** The key for a `kid`, or `undefined` when the kid is unknown (or its session is gone). */
  keyFor(kid: string): KeyMaterial | CryptoKey | undefined | Promise<KeyMaterial | CryptoKey | undefined>;
  /**
   * How far the signature's timestamp may be from now, either way. Default 300 s. A finite
   * number in (0, 3600]; anything else (NaN, Infinity, 0, a day) throws a RangeError.
   */
  toleranceSeconds?: number;
  /** The largest body taken, in bytes; a larger one is 413 `body_too_large`. Default 8 KiB. */
  maxBodyBytes?: number;
  /** Milliseconds since the epoch. Default `Date.now`. */
  now?: () => number;
  subtle?: SubtleCrypto;
}

/** 401 for anything about the signature, 400 for the body, 413 for a body over the limit. */
export type RejectStatus = 400 | 401 | 413;

/**
 * A refusal. `field` comes with the schema step's code (`intent_malformed`,
 * `removal_malformed`) alone: the path of the member refused (`previousAttempt`,
 * `instrument.encrypted`; `''` for the body as a whole), never its value. Put it in the 400's
 * body so the developer of the cashier's side sees which member to fix.
 */
export type Rejection = { ok: false; code: RejectCode; status: RejectStatus; field?: string };

export type VerifyIntentResult =
  | {
      ok: true;
      /** As signed: `previousAttempt` is a string, `null` or left out, all but the first meaning none. */
      intent: ReceivedIntent;
      kid: string;
      /** The signature's time, unix seconds. */
      timestamp: number;
      /** The body as received, which is its canonical JSON: hash this to compare retries. */
      canonicalBody: string;
      idempotencyKey: string | undefined;
    }
  | Rejection;

/** What a schema must offer to parse a verified body (any zod or zod/mini schema does). */
export interface BodySchema<T> {
  safeParse(input: unknown): { success: true; data: T } | { success: false; error?: { issues: readonly SchemaIssue[] } };
}

export type VerifySignedResult<T> =
  | { ok: true; body: T; kid: string; timestamp: number; canonicalBody: string; headers: HeaderBag }
  | Rejection;

const reject = (code: RejectCode, status: RejectStatus) => ({ ok: false, code, status }) as const;

/**
 * Verifies a request signed the Shouyin way, in this order: the signature header (`t` and `v1`
 * in their one canonical spelling), its age (before the kid is looked up, so that an expired
 * request cannot probe which kids exist), the kid's key, the body's size, that the body is
 * byte for byte its own canonical JSON (RFC 8785; else 400 `body_not_canonical`), the MAC over
 * it (compared in constant time), then the body against `schema` (`malformed` is the code when
 * it does not match, with the refused member's path as `field`; the contract's schemas refuse
 * unknown members). So the body taken is
 * exactly the bytes that were signed. Intents and card removals both go through here.
 *
 * Throws (a host's programming error, not a payer's request) for a body that is an object, and
 * for a `toleranceSeconds` or `maxBodyBytes` out of range.
 */
export async function verifySigned<T>(
  request: IntentRequest,
  options: VerifyIntentOptions,
  schema: BodySchema<T>,
  malformed: RejectCode,
): Promise<VerifySignedResult<T>> {
  const { toleranceSeconds = 300, maxBodyBytes = DEFAULT_MAX_BODY_BYTES, now = Date.now, subtle = globalThis.crypto.subtle } = options;
  if (!(Number.isFinite(toleranceSeconds) && toleranceSeconds > 0 && toleranceSeconds <= MAX_TOLERANCE_SECONDS)) {
    throw new RangeError(`toleranceSeconds must be a number in (0, ${MAX_TOLERANCE_SECONDS}], not ${toleranceSeconds}`);
  }
  if (!(Number.isSafeInteger(maxBodyBytes) && maxBodyBytes > 0)) {
    throw new RangeError(`maxBodyBytes must be a positive integer, not ${maxBodyBytes}`);
  }
  const source = bodySource(request);
  const rawHeader = readHeader(request.headers, SIGNATURE_HEADER);
  if (!rawHeader) return reject(RejectCode.SignatureMissing, 401);
  const signature = parseSignatureHeader(rawHeader);
  if (!signature.ok) return reject(RejectCode.SignatureMalformed, 401);
  // Written so that a `now()` of NaN fails closed.
  if (!(Math.abs(now() / 1000 - signature.t) <= toleranceSeconds)) return reject(RejectCode.SignatureExpired, 401);
  const key = await options.keyFor(signature.kid);
  if (!key) return reject(RejectCode.UnknownKid, 401);

  const read = await readSignedBody(source, maxBodyBytes);
  if (!read.ok) return read.problem === 'too_large' ? reject(RejectCode.BodyTooLarge, 413) : reject(RejectCode.BodyMalformed, 400);
  const canonicalBody = read.text;
  let body: unknown;
  try {
    body = JSON.parse(canonicalBody);
    if (canonicalize(body) !== canonicalBody) return reject(RejectCode.BodyNotCanonical, 400);
  } catch {
    // Not JSON, or JSON that I-JSON cannot hold (a lone surrogate's escape), or nested deeper
    // than the stack.
    return reject(RejectCode.BodyMalformed, 400);
  }
  if (!(await verifyMac(key, signature.t, canonicalBody, signature.v1, subtle))) {
    return reject(RejectCode.SignatureMismatch, 401);
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) return { ...reject(malformed, 400), field: fieldOf(parsed.error?.issues) };
  return { ok: true, body: parsed.data, kid: signature.kid, timestamp: signature.t, canonicalBody, headers: request.headers };
}

/**
 * Verifies a payment intent request as the cashier sends it (see `verifySigned`). A
 * `previousAttempt` of `null` is taken as none (the events' spelling; the cashier leaves it
 * out) and handed on as signed: `intent` is exactly the body that was signed.
 * Replays and idempotency are the caller's business: a retry legitimately repeats the nonce.
 */
export async function verifyIntent(request: IntentRequest, options: VerifyIntentOptions): Promise<VerifyIntentResult> {
  const verified = await verifySigned(request, options, ReceivedIntentSchema, RejectCode.IntentMalformed);
  if (!verified.ok) return verified;
  const { body: intent, kid, timestamp, canonicalBody, headers } = verified;
  return { ok: true, intent, kid, timestamp, canonicalBody, idempotencyKey: readHeader(headers, IDEMPOTENCY_HEADER) ?? undefined };
}

export function readHeader(headers: HeaderBag, name: string): string | null {
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name);
  const bag = headers as Record<string, string | string[] | undefined>;
  const value = bag[name.toLowerCase()] ?? bag[name];
  return Array.isArray(value) ? (value.length === 1 ? value[0]! : null) : (value ?? null);
}

function bodySource(request: IntentRequest): Request | RawBody {
  if (typeof Request !== 'undefined' && request instanceof Request) return request;
  const { body } = request as { body: unknown };
  if (typeof body === 'string' || body instanceof Uint8Array) return body;
  throw new TypeError('verifyIntent: the body must be a Request, a string or bytes, exactly as received (not a parsed object)');
}
