import { canonicalize } from '../protocol/canonical-json.js';
import { RejectCode } from '../protocol/codes.js';
import { IntentSchema, type Intent } from '../protocol/schemas.js';
import {
  IDEMPOTENCY_HEADER,
  SIGNATURE_HEADER,
  parseSignatureHeader,
  verifyMac,
  type KeyMaterial,
} from '../protocol/signature.js';

/** Headers as fetch's `Headers` or as Node's `IncomingHttpHeaders`. */
export type HeaderBag = Headers | Record<string, string | string[] | undefined>;

/** A fetch `Request`, or the parts of one: the body as received (text or bytes) or already parsed. */
export type IntentRequest = Request | { headers: HeaderBag; body: string | Uint8Array | object };

export interface VerifyIntentOptions {
  /** The key for a `kid`, or `undefined` when the kid is unknown (or its session is gone). */
  keyFor(kid: string): KeyMaterial | CryptoKey | undefined | Promise<KeyMaterial | CryptoKey | undefined>;
  /** How far the signature's timestamp may be from now, either way. Default 300 s. */
  toleranceSeconds?: number;
  /** Milliseconds since the epoch. Default `Date.now`. */
  now?: () => number;
  subtle?: SubtleCrypto;
}

export type VerifyIntentResult =
  | {
      ok: true;
      intent: Intent;
      kid: string;
      /** The signature's time, unix seconds. */
      timestamp: number;
      /** The body as canonical JSON: hash this to compare retries. */
      canonicalBody: string;
      idempotencyKey: string | undefined;
    }
  | {
      ok: false;
      code: RejectCode;
      /** The HTTP status to answer with: 401 for anything about the signature, 400 for the body. */
      status: 400 | 401;
    };

/** What a schema must offer to parse a verified body (any zod or zod/mini schema does). */
export interface BodySchema<T> {
  safeParse(input: unknown): { success: true; data: T } | { success: false };
}

export type VerifySignedResult<T> =
  | { ok: true; body: T; kid: string; timestamp: number; canonicalBody: string; headers: HeaderBag }
  | { ok: false; code: RejectCode; status: 400 | 401 };

const reject = (code: RejectCode, status: 400 | 401) => ({ ok: false, code, status }) as const;

/**
 * Verifies a request signed the Shouyin way: the signature header, its age, the MAC over the
 * canonical body (compared in constant time), then the body against `schema` (`malformed` is
 * the code when it does not match). Intents and card removals both go through here, so every
 * signed request the cashier sends is checked by the same steps in the same order.
 */
export async function verifySigned<T>(
  request: IntentRequest,
  options: VerifyIntentOptions,
  schema: BodySchema<T>,
  malformed: RejectCode,
): Promise<VerifySignedResult<T>> {
  const { toleranceSeconds = 300, now = Date.now, subtle = globalThis.crypto.subtle } = options;
  const rawHeader = readHeader(request.headers, SIGNATURE_HEADER);
  if (!rawHeader) return reject(RejectCode.SignatureMissing, 401);
  const signature = parseSignatureHeader(rawHeader);
  if (!signature.ok) return reject(RejectCode.SignatureMalformed, 401);
  const key = await options.keyFor(signature.kid);
  if (!key) return reject(RejectCode.UnknownKid, 401);
  if (Math.abs(now() / 1000 - signature.t) > toleranceSeconds) return reject(RejectCode.SignatureExpired, 401);

  const body = await readBody(request);
  if (body === undefined) return reject(RejectCode.BodyMalformed, 400);
  let canonicalBody: string;
  try {
    canonicalBody = canonicalize(body);
  } catch {
    return reject(RejectCode.BodyMalformed, 400);
  }
  if (!(await verifyMac(key, signature.t, canonicalBody, signature.v1, subtle))) {
    return reject(RejectCode.SignatureMismatch, 401);
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) return reject(malformed, 400);
  return { ok: true, body: parsed.data, kid: signature.kid, timestamp: signature.t, canonicalBody, headers: request.headers };
}

/**
 * Verifies a payment intent request as the cashier sends it (see `verifySigned`).
 * Replays and idempotency are the caller's business: a retry legitimately repeats the nonce.
 */
export async function verifyIntent(request: IntentRequest, options: VerifyIntentOptions): Promise<VerifyIntentResult> {
  const verified = await verifySigned(request, options, IntentSchema, RejectCode.IntentMalformed);
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

async function readBody(request: IntentRequest): Promise<unknown> {
  let body: string | Uint8Array | object;
  if (typeof Request !== 'undefined' && request instanceof Request) {
    body = await request.text();
  } else {
    body = (request as { body: string | Uint8Array | object }).body;
  }
  if (body instanceof Uint8Array) {
    try {
      body = new TextDecoder('utf-8', { fatal: true }).decode(body);
    } catch {
      return undefined;
    }
  }
  if (typeof body !== 'string') return body;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
}
