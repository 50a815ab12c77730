/**
 * The `Shouyin-Signature` header: `t=<unix seconds>,kid=<kid>,v1=<base64url HMAC-SHA256>` over
 * the bytes `"<t>." + canonical JSON (RFC 8785) of the body`. Pure WebCrypto, so the very same
 * code signs in the browser and verifies on Node 20+, Deno, Bun or an edge runtime.
 */
import { canonicalize } from './canonical-json.js';
import { fromBase64Url, toBase64Url } from './base64url.js';

export const SIGNATURE_HEADER = 'Shouyin-Signature';
export const IDEMPOTENCY_HEADER = 'Idempotency-Key';

const encoder = new TextEncoder();
const KID = /^[A-Za-z0-9_.-]{1,128}$/;
/** Unix seconds as `String(t)` prints them: no sign, no leading zero. */
const SECONDS = /^(0|[1-9]\d{0,11})$/;
/** 32 bytes of MAC are exactly 43 base64url characters, unpadded. */
const MAC_TEXT = /^[A-Za-z0-9_-]{43}$/;

export interface SignatureParts {
  /** Unix time in seconds when the request was signed. */
  t: number;
  kid: string;
  /** base64url HMAC-SHA256. */
  v1: string;
}

export type ParsedSignature = ({ ok: true } & SignatureParts) | { ok: false };

export function formatSignatureHeader({ t, kid, v1 }: SignatureParts): string {
  return `t=${t},kid=${kid},v1=${v1}`;
}

/**
 * Reads a header value; anything but exactly one well-formed t, kid and v1 is `{ ok:false }`.
 * `t` and `v1` must be spelled as the signer spells them: one MAC, one header text (a `v1` whose
 * last character has unused bits set, or with `=` padding, decodes to the same MAC and is refused).
 */
export function parseSignatureHeader(value: string | null | undefined): ParsedSignature {
  if (!value || value.length > 512) return { ok: false };
  const fields = new Map<string, string>();
  for (const part of value.split(',')) {
    const eq = part.indexOf('=');
    if (eq < 1) return { ok: false };
    const name = part.slice(0, eq).trim();
    if (fields.has(name)) return { ok: false };
    fields.set(name, part.slice(eq + 1).trim());
  }
  const t = fields.get('t');
  const kid = fields.get('kid');
  const v1 = fields.get('v1');
  if (!t || !SECONDS.test(t) || !kid || !KID.test(kid) || !v1 || !isCanonicalMac(v1)) return { ok: false };
  return { ok: true, t: Number(t), kid, v1 };
}

function isCanonicalMac(v1: string): boolean {
  if (!MAC_TEXT.test(v1)) return false;
  const mac = fromBase64Url(v1);
  return mac !== undefined && toBase64Url(mac) === v1;
}

/** The exact bytes the MAC covers. */
export function signedBytes(t: number, canonicalBody: string): Uint8Array {
  return encoder.encode(`${t}.${canonicalBody}`);
}

/** A key given as base64url text (as `session.signing.key` carries it) or as raw bytes. */
export type KeyMaterial = string | Uint8Array;

function keyBytes(key: KeyMaterial): Uint8Array {
  if (typeof key !== 'string') return key;
  const bytes = fromBase64Url(key);
  if (!bytes || bytes.length < 32) throw new TypeError('HS256 signing key must be at least 32 bytes of base64url');
  return bytes;
}

export function importHmacKey(key: KeyMaterial, subtle: SubtleCrypto = globalThis.crypto.subtle): Promise<CryptoKey> {
  return subtle.importKey('raw', keyBytes(key) as BufferSource, { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
    'verify',
  ]);
}

export async function hmacSha256(
  key: KeyMaterial | CryptoKey,
  data: Uint8Array,
  subtle: SubtleCrypto = globalThis.crypto.subtle,
): Promise<Uint8Array> {
  const cryptoKey = isCryptoKey(key) ? key : await importHmacKey(key, subtle);
  return new Uint8Array(await subtle.sign('HMAC', cryptoKey, data as BufferSource));
}

export interface SignOptions {
  body: unknown;
  key: KeyMaterial | CryptoKey;
  kid: string;
  /** Milliseconds since the epoch; injected so tests and replays are reproducible. */
  now: number;
  subtle?: SubtleCrypto;
}

/** Signs a body: the canonical JSON to send and the header value that covers it. */
export async function signBody({ body, key, kid, now, subtle }: SignOptions): Promise<{ canonicalBody: string; header: string }> {
  if (!KID.test(kid)) throw new TypeError(`kid ${JSON.stringify(kid)} has characters a signature header cannot carry`);
  const canonicalBody = canonicalize(body);
  const t = Math.floor(now / 1000);
  const mac = await hmacSha256(key, signedBytes(t, canonicalBody), subtle);
  return { canonicalBody, header: formatSignatureHeader({ t, kid, v1: toBase64Url(mac) }) };
}

/** Checks a MAC in constant time (WebCrypto's `verify` compares without early exit). */
export async function verifyMac(
  key: KeyMaterial | CryptoKey,
  t: number,
  canonicalBody: string,
  v1: string,
  subtle: SubtleCrypto = globalThis.crypto.subtle,
): Promise<boolean> {
  const mac = fromBase64Url(v1);
  if (!mac) return false;
  const cryptoKey = isCryptoKey(key) ? key : await importHmacKey(key, subtle);
  return subtle.verify('HMAC', cryptoKey, mac as BufferSource, signedBytes(t, canonicalBody) as BufferSource);
}

function isCryptoKey(key: KeyMaterial | CryptoKey): key is CryptoKey {
  return typeof key === 'object' && !(key instanceof Uint8Array);
}
