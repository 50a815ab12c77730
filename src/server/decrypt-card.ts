import { CardPayloadSchema, SavedCardCvvSchema, type CardPayload, type SavedCardCvv } from '../protocol/card-payload.js';
import { JweProblem, decryptJwe, readJweHeader } from '../protocol/jwe.js';

/** Why `decryptCard` could not hand back a card. */
export const DecryptCardCode = {
  /** Not a compact JWE: wrong part count, bad base64url, a header that is not JSON, wrong sizes. */
  JweMalformed: 'jwe_malformed',
  /** A JWE of another algorithm (only RSA-OAEP-256 + A256GCM are read), or with `zip`/`crit`. */
  JweUnsupported: 'jwe_unsupported',
  /** Encrypted to another key, or altered on the way. */
  JweDecryptFailed: 'jwe_decrypt_failed',
  /** The header names another key than `expectedKid` (or none). */
  JweKidMismatch: 'jwe_kid_mismatch',
  /** It decrypted, but what is inside is not a card payload. */
  CardMalformed: 'card_malformed',
} as const;
export type DecryptCardCode = (typeof DecryptCardCode)[keyof typeof DecryptCardCode];

export interface DecryptCardOptions {
  subtle?: SubtleCrypto;
  /** The kid the session gave the cashier; a JWE naming another is refused before any RSA work. */
  expectedKid?: string;
}

export type DecryptCardResult = { ok: true; card: CardPayload; kid?: string } | { ok: false; code: DecryptCardCode };

export type DecryptSavedCardCvvResult = { ok: true; cvv: SavedCardCvv['cvv']; kid?: string } | { ok: false; code: DecryptCardCode };

/**
 * Far above any card JWE (about 700 characters with RSA-2048, 1,100 with RSA-4096), far below
 * what would make parsing it costly.
 */
const MAX_JWE_LENGTH = 8192;

const FROM_JWE: Record<JweProblem, DecryptCardCode> = {
  [JweProblem.Malformed]: DecryptCardCode.JweMalformed,
  [JweProblem.Unsupported]: DecryptCardCode.JweUnsupported,
  [JweProblem.Decrypt]: DecryptCardCode.JweDecryptFailed,
};

const fail = (code: DecryptCardCode) => ({ ok: false, code }) as const;

/**
 * Reads the card from a payment intent's `instrument.encrypted`. The key is the backend's
 * RSA private key, as a `CryptoKey` for RSA-OAEP with SHA-256, or as a private JWK that is
 * imported so.
 *
 * Every problem with the JWE or its content is a `code`; the promise rejects only when the
 * key itself cannot be used (a JWK that is not an RSA private key), which is the host's
 * configuration error and must not look like a payer's bad card. The result carries the card
 * only on success and no code carries any of it, so a failure is safe to log; the card itself
 * is not, and belongs in local variables until it is handed to the card network.
 */
export async function decryptCard(
  jwe: string,
  privateKey: CryptoKey | JsonWebKey,
  options: DecryptCardOptions = {},
): Promise<DecryptCardResult> {
  const result = await decryptJson(jwe, privateKey, CardPayloadSchema, options);
  return result.ok ? { ok: true, card: result.data, ...(result.kid !== undefined ? { kid: result.kid } : {}) } : result;
}

/**
 * Reads a saved card's CVV from `instrument.encryptedCvv` (a JWE of `{ cvv }`), with the same
 * key, checks and codes as `decryptCard`.
 */
export async function decryptSavedCardCvv(
  jwe: string,
  privateKey: CryptoKey | JsonWebKey,
  options: DecryptCardOptions = {},
): Promise<DecryptSavedCardCvvResult> {
  const result = await decryptJson(jwe, privateKey, SavedCardCvvSchema, options);
  return result.ok ? { ok: true, cvv: result.data.cvv, ...(result.kid !== undefined ? { kid: result.kid } : {}) } : result;
}

async function decryptJson<T>(
  jwe: string,
  privateKey: CryptoKey | JsonWebKey,
  schema: { safeParse(input: unknown): { success: true; data: T } | { success: false } },
  { subtle = globalThis.crypto.subtle, expectedKid }: DecryptCardOptions,
): Promise<{ ok: true; data: T; kid: string | undefined } | { ok: false; code: DecryptCardCode }> {
  if (typeof jwe !== 'string' || jwe.length > MAX_JWE_LENGTH) return fail(DecryptCardCode.JweMalformed);
  const head = readJweHeader(jwe);
  if (!head.ok) return fail(FROM_JWE[head.reason]);
  if (expectedKid !== undefined && head.header.kid !== expectedKid) return fail(DecryptCardCode.JweKidMismatch);

  const key = isJwk(privateKey)
    ? await subtle.importKey('jwk', privateKey, { name: 'RSA-OAEP', hash: 'SHA-256' }, false, ['decrypt'])
    : privateKey;
  const decrypted = await decryptJwe(jwe, key, subtle);
  if (!decrypted.ok) return fail(FROM_JWE[decrypted.reason]);

  let content: unknown;
  try {
    content = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(decrypted.plaintext));
  } catch {
    return fail(DecryptCardCode.CardMalformed);
  } finally {
    decrypted.plaintext.fill(0);
  }
  const parsed = schema.safeParse(content);
  if (!parsed.success) return fail(DecryptCardCode.CardMalformed);
  return { ok: true, data: parsed.data, kid: decrypted.header.kid };
}

/** A JWK always has `kty`; a `CryptoKey` never does. */
function isJwk(key: CryptoKey | JsonWebKey): key is JsonWebKey {
  return typeof (key as JsonWebKey).kty === 'string';
}
