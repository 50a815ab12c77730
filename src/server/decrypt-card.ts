import * as z from 'zod/mini';
import type { CardBinding } from '../protocol/card-binding.js';
import { CardPayloadSchema, SavedCardCvvSchema, type CardPayload, type SavedCardCvv } from '../protocol/card-payload.js';
import { JweProblem, decryptJwe, readJweHeader, type JweHeader } from '../protocol/jwe.js';
import type { JweIdStore } from './jwe-id-store.js';

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
  /** The header names no order, or another session, order, amount or currency than `expected`. */
  JweBindingMismatch: 'jwe_binding_mismatch',
  /** Sealed more than `maxAgeSeconds` ago, or later than now (beyond a minute of clock skew). */
  JweExpired: 'jwe_expired',
  /** Accepted once already: its id is in the `replay` store. */
  JweReplayed: 'jwe_replayed',
  /** It decrypted, but what is inside is not a card payload. */
  CardMalformed: 'card_malformed',
} as const;
export type DecryptCardCode = (typeof DecryptCardCode)[keyof typeof DecryptCardCode];

export interface DecryptCardOptions {
  /**
   * The order this payment is for, from the host's own session record (the intent's values
   * only once checked against it): a JWE bound to anything else is refused.
   */
  expected: CardBinding;
  /** Where accepted JWE ids are kept, so each JWE is accepted once; one store for every session. */
  replay: JweIdStore;
  /** The kid the session gave the cashier; a JWE naming another is refused before any RSA work. */
  expectedKid?: string;
  /** Milliseconds since the epoch; injected so tests can move time. */
  now?: () => number;
  /** How long after its `iat` a JWE is still accepted. Default 600 s. */
  maxAgeSeconds?: number;
  subtle?: SubtleCrypto;
}

export type DecryptCardResult = { ok: true; card: CardPayload; kid?: string } | { ok: false; code: DecryptCardCode };

export type DecryptSavedCardCvvResult = { ok: true; cvv: SavedCardCvv['cvv']; kid?: string } | { ok: false; code: DecryptCardCode };

/**
 * Far above any card JWE (about 800 characters with RSA-2048 and its binding, 1,150 with
 * RSA-4096), far below what would make parsing it costly.
 */
const MAX_JWE_LENGTH = 8192;

/**
 * The cashier seals a card right before it sends the attempt (once the network is there), and
 * resends that same JWE only on retries of that attempt, which end within about three minutes
 * (four tries, backoff capped at 5 s, a `Retry-After` of at most 30 s, each try's time-out); a
 * retry the backend already processed is answered from its idempotency record without
 * decrypting. Ten minutes covers all that with room, while a JWE lifted from a log or a proxy
 * is soon worth nothing, and the replay store holds only ten minutes of ids.
 */
const DEFAULT_MAX_AGE_SECONDS = 600;

/**
 * How far ahead of the backend's clock `iat` may be: the cashier stamps it with its clock
 * corrected by the session's `serverTime`, which is off by the session request's latency.
 */
const MAX_FUTURE_SECONDS = 60;

/** The binding claims (`card-binding.ts`); a `jti` of at least 128 bits, base64url. */
const CardClaimsSchema = /* @__PURE__ */ z.object({
  sid: z.string(),
  oid: z.string(),
  amt: z.number(),
  cur: z.string(),
  iat: z.int(),
  jti: z.string().check(z.regex(/^[A-Za-z0-9_-]{22,128}$/)),
});
type CardClaims = z.infer<typeof CardClaimsSchema>;

const FROM_JWE: Record<JweProblem, DecryptCardCode> = {
  [JweProblem.Malformed]: DecryptCardCode.JweMalformed,
  [JweProblem.Unsupported]: DecryptCardCode.JweUnsupported,
  [JweProblem.Decrypt]: DecryptCardCode.JweDecryptFailed,
};

const fail = (code: DecryptCardCode) => ({ ok: false, code }) as const;

/**
 * Reads the card from a payment intent's `instrument.encrypted`, for the order `expected`
 * names, once. The key is the backend's RSA private key, as a `CryptoKey` for RSA-OAEP with
 * SHA-256, or as a private JWK that is imported so.
 *
 * Every problem with the JWE or its content is a `code`; the promise rejects only when the
 * key itself cannot be used (a JWK that is not an RSA private key) or the replay store fails,
 * which are the host's faults and must not look like a payer's bad card. The result carries the
 * card only on success and no code carries any of it, so a failure is safe to log; the card
 * itself is not, and belongs in local variables until it is handed to the card network.
 */
export async function decryptCard(jwe: string, privateKey: CryptoKey | JsonWebKey, options: DecryptCardOptions): Promise<DecryptCardResult> {
  const result = await decryptJson(jwe, privateKey, CardPayloadSchema, options);
  return result.ok ? { ok: true, card: result.data, ...(result.kid !== undefined ? { kid: result.kid } : {}) } : result;
}

/**
 * Reads a saved card's CVV from `instrument.encryptedCvv` (a JWE of `{ cvv }`), with the same
 * key, binding, checks and codes as `decryptCard`.
 */
export async function decryptSavedCardCvv(
  jwe: string,
  privateKey: CryptoKey | JsonWebKey,
  options: DecryptCardOptions,
): Promise<DecryptSavedCardCvvResult> {
  const result = await decryptJson(jwe, privateKey, SavedCardCvvSchema, options);
  return result.ok ? { ok: true, cvv: result.data.cvv, ...(result.kid !== undefined ? { kid: result.kid } : {}) } : result;
}

/**
 * Reads any JSON sealed like a card (`schema` says what must be inside), with the same key,
 * binding, checks and codes as `decryptCard`: the binding details and SMS codes of issue 17
 * travel so. The header's claims are checked before any RSA work, so a JWE for another order or one too
 * old costs nothing; they are only trusted because the header is the AAD, which the tag then
 * verifies. The id is used up last, after decryption and every check succeeded, so a forged or
 * broken JWE cannot use up the id of a real one.
 */
export async function decryptJson<T>(
  jwe: string,
  privateKey: CryptoKey | JsonWebKey,
  schema: { safeParse(input: unknown): { success: true; data: T } | { success: false } },
  { expected, replay, expectedKid, now = Date.now, maxAgeSeconds = DEFAULT_MAX_AGE_SECONDS, subtle = globalThis.crypto.subtle }: DecryptCardOptions,
): Promise<{ ok: true; data: T; kid: string | undefined } | { ok: false; code: DecryptCardCode }> {
  if (typeof jwe !== 'string' || jwe.length > MAX_JWE_LENGTH) return fail(DecryptCardCode.JweMalformed);
  const head = readJweHeader(jwe);
  if (!head.ok) return fail(FROM_JWE[head.reason]);
  if (expectedKid !== undefined && head.header.kid !== expectedKid) return fail(DecryptCardCode.JweKidMismatch);
  const claims = boundClaims(head.header, expected);
  if (!claims) return fail(DecryptCardCode.JweBindingMismatch);
  const age = now() / 1000 - claims.iat;
  if (age > maxAgeSeconds || age < -MAX_FUTURE_SECONDS) return fail(DecryptCardCode.JweExpired);

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
  // Scoped by session: the encryption key is public, so anyone may seal a JWE with a `jti` they
  // saw; one sealed for their own session does not use up the id in the payer's.
  if (!(await replay.useOnce(`${claims.sid}.${claims.jti}`, (claims.iat + maxAgeSeconds) * 1000))) {
    return fail(DecryptCardCode.JweReplayed);
  }
  return { ok: true, data: parsed.data, kid: decrypted.header.kid };
}

/** The header's claims when they name exactly the expected order, else `undefined`. */
function boundClaims(header: JweHeader, expected: CardBinding): CardClaims | undefined {
  const parsed = CardClaimsSchema.safeParse(header);
  if (!parsed.success) return undefined;
  const { sid, oid, amt, cur } = parsed.data;
  const matches = sid === expected.sessionId && oid === expected.orderId && amt === expected.amount && cur === expected.currency;
  return matches ? parsed.data : undefined;
}

/** A JWK always has `kty`; a `CryptoKey` never does. */
function isJwk(key: CryptoKey | JsonWebKey): key is JsonWebKey {
  return typeof (key as JsonWebKey).kty === 'string';
}
