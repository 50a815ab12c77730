/**
 * JWE compact serialization (RFC 7516 §7.1) for exactly one algorithm pair: the content
 * encryption key (CEK) wrapped with `RSA-OAEP-256` (RSAES-OAEP with SHA-256 and MGF1-SHA-256,
 * RFC 7518 §4.3) and the content sealed with `A256GCM` (RFC 7518 §5.3). This is how card data
 * leaves the browser: encrypted to the backend's public key from the session, so the host page,
 * proxies and logs in between only ever see ciphertext.
 *
 * Pure WebCrypto (injected as `subtle`), so the same module encrypts in every browser and
 * decrypts on Node 20+, Deno, Bun or an edge runtime; any other JOSE library can read what it
 * writes and vice versa.
 *
 * The five parts are `BASE64URL(header) . BASE64URL(wrapped CEK) . BASE64URL(IV) .
 * BASE64URL(ciphertext) . BASE64URL(tag)`, unpadded. The additional authenticated data is the
 * ASCII of the first part as sent (not a re-encoding of the parsed header), so changing any
 * byte of the header, including its encoding, fails the tag check.
 *
 * Decryption refuses rather than tolerates: another `alg` or `enc` (RSA1_5 in particular,
 * whose padding oracle is the classic JWE attack), `zip` (compression before encryption leaks
 * length) and `crit` (we understand no extensions, and RFC 7516 §4.1.13 says a recipient that
 * does not must reject) are all `unsupported`.
 */
import * as z from 'zod/mini';
import { fromBase64Url } from './base64url.js';
import { CEK_BYTES, IV_BYTES, JWE_ALG, JWE_ENC, RSA_OAEP_256, TAG_BYTES, encoder } from './jwe-encrypt.js';
import { parseWith } from './parse.js';

export { JWE_ALG, JWE_ENC, encryptJwe, type EncryptJweOptions, type JweClaims, type JweRecipient } from './jwe-encrypt.js';

const BASE64URL = /^[A-Za-z0-9_-]*$/;

/** A protected header this module accepts; other members are kept but mean nothing to it. */
export type JweHeader = { alg: typeof JWE_ALG; enc: typeof JWE_ENC; kid?: string } & Record<string, unknown>;

export const JweProblem = {
  /** Not five base64url parts, a header that is not a JSON object, or parts of the wrong size. */
  Malformed: 'malformed',
  /** An `alg` or `enc` other than RSA-OAEP-256 / A256GCM, or a `zip` or `crit` member. */
  Unsupported: 'unsupported',
  /** The CEK did not unwrap with this key, or the tag did not verify: wrong key or tampered. */
  Decrypt: 'decrypt',
} as const;
export type JweProblem = (typeof JweProblem)[keyof typeof JweProblem];

export type DecryptJweResult =
  | { ok: true; plaintext: Uint8Array; header: JweHeader }
  | { ok: false; reason: JweProblem };

export type ReadJweHeaderResult =
  | { ok: true; header: JweHeader }
  | { ok: false; reason: typeof JweProblem.Malformed | typeof JweProblem.Unsupported };

const HeaderSchema = /* @__PURE__ */ z.looseObject({
  alg: z.string(),
  enc: z.string(),
  kid: z.optional(z.string()),
});

interface CompactParts {
  header: JweHeader;
  /** The first part exactly as received: its ASCII is the AAD. */
  protectedText: string;
  encryptedKey: Uint8Array;
  iv: Uint8Array;
  ciphertext: Uint8Array;
  tag: Uint8Array;
}

type ParseResult = ({ ok: true } & CompactParts) | { ok: false; reason: typeof JweProblem.Malformed | typeof JweProblem.Unsupported };

// Literals rather than `JweProblem.…`, so a bundle that only encrypts drops them.
const malformed = { ok: false, reason: 'malformed' } as const;
const unsupported = { ok: false, reason: 'unsupported' } as const;

/** Unpadded base64url only: compact serialization has no `=` (RFC 7515 §2). */
function decodePart(text: string): Uint8Array | undefined {
  return BASE64URL.test(text) ? fromBase64Url(text) : undefined;
}

function parseHeader(protectedText: string): ReadJweHeaderResult {
  const bytes = decodePart(protectedText);
  if (!bytes || bytes.length === 0) return malformed;
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return malformed;
  }
  const header = parseWith(HeaderSchema, json);
  if (!header) return malformed;
  if (header.alg !== JWE_ALG || header.enc !== JWE_ENC) return unsupported;
  if (Object.hasOwn(header, 'zip') || Object.hasOwn(header, 'crit')) return unsupported;
  return { ok: true, header: header as JweHeader };
}

/**
 * Order of checks: the part count, then the header (so a JWE of another algorithm reads as
 * `unsupported` even though its parts have other sizes), then the other parts' encoding and
 * sizes. Only the IV and tag have fixed sizes; the wrapped CEK's size is the key's modulus,
 * which the RSA step checks.
 */
function parseCompact(jwe: unknown): ParseResult {
  if (typeof jwe !== 'string') return malformed;
  const parts = jwe.split('.');
  if (parts.length !== 5) return malformed;
  const [protectedText, keyText, ivText, ciphertextText, tagText] = parts as [string, string, string, string, string];
  const header = parseHeader(protectedText);
  if (!header.ok) return header;
  const encryptedKey = decodePart(keyText);
  const iv = decodePart(ivText);
  const ciphertext = decodePart(ciphertextText);
  const tag = decodePart(tagText);
  if (!encryptedKey || !iv || !ciphertext || !tag) return malformed;
  if (encryptedKey.length === 0 || iv.length !== IV_BYTES || tag.length !== TAG_BYTES) return malformed;
  return { ok: true, header: header.header, protectedText, encryptedKey, iv, ciphertext, tag };
}

/**
 * The protected header of a compact JWE, checked as `decryptJwe` checks it, without decrypting:
 * lets a recipient pick the key by `kid` (or refuse a foreign kid) before any RSA work.
 * The header is only authenticated once `decryptJwe` succeeds.
 */
export function readJweHeader(jwe: string): ReadJweHeaderResult {
  const parsed = parseCompact(jwe);
  return parsed.ok ? { ok: true, header: parsed.header } : parsed;
}

/**
 * Decrypts a compact JWE with the recipient's RSA-OAEP (SHA-256) private key. Never throws:
 * every failure is a `reason`.
 *
 * A CEK that does not unwrap is not reported apart from a tag that does not verify: as RFC
 * 7516 §11.5 recommends, a random CEK stands in and decryption goes on, so neither the answer
 * nor its timing tells an attacker which step failed.
 */
export async function decryptJwe(
  jwe: string,
  privateKey: CryptoKey,
  subtle: SubtleCrypto = globalThis.crypto.subtle,
  random: Pick<Crypto, 'getRandomValues'> = globalThis.crypto,
): Promise<DecryptJweResult> {
  const parsed = parseCompact(jwe);
  if (!parsed.ok) return parsed;
  const { header, protectedText, encryptedKey, iv, ciphertext, tag } = parsed;
  let cekBytes: Uint8Array;
  try {
    cekBytes = new Uint8Array(await subtle.decrypt(RSA_OAEP_256, privateKey, encryptedKey as BufferSource));
    if (cekBytes.length !== CEK_BYTES) cekBytes = random.getRandomValues(new Uint8Array(CEK_BYTES));
  } catch {
    cekBytes = random.getRandomValues(new Uint8Array(CEK_BYTES));
  }
  try {
    const cek = await subtle.importKey('raw', cekBytes as BufferSource, 'AES-GCM', false, ['decrypt']);
    const sealed = new Uint8Array(ciphertext.length + TAG_BYTES);
    sealed.set(ciphertext);
    sealed.set(tag, ciphertext.length);
    const plaintext = await subtle.decrypt(
      { name: 'AES-GCM', iv: iv as BufferSource, additionalData: encoder.encode(protectedText) as BufferSource, tagLength: TAG_BYTES * 8 },
      cek,
      sealed as BufferSource,
    );
    return { ok: true, plaintext: new Uint8Array(plaintext), header };
  } catch {
    return { ok: false, reason: JweProblem.Decrypt };
  } finally {
    cekBytes.fill(0);
  }
}
