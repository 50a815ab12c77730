/**
 * The encrypting half of `jwe.ts` (see there for the format): what the browser needs to seal
 * card data, apart from the decrypting half, so the card encryption chunk carries no zod.
 */
import { toBase64Url } from './base64url.js';

export const JWE_ALG = 'RSA-OAEP-256';
export const JWE_ENC = 'A256GCM';

/** 256-bit CEK for A256GCM. */
export const CEK_BYTES = 32;
/** 96-bit IV, the size GCM is specified for (RFC 7518 §5.3). */
export const IV_BYTES = 12;
/** 128-bit tag: the last 16 bytes of WebCrypto's AES-GCM output. */
export const TAG_BYTES = 16;

export const RSA_OAEP_256 = { name: 'RSA-OAEP', hash: 'SHA-256' } as const;

export const encoder = new TextEncoder();

/** The recipient: the session's `encryption.kid` and public key. */
export interface JweRecipient {
  kid: string;
  jwk: JsonWebKey;
}

/** Members added to the protected header after `alg`, `enc` and `kid`, in the order given (not those three). */
export type JweClaims = Record<string, string | number>;

export interface EncryptJweOptions {
  /**
   * Extra protected header members. The protected header is AES-GCM's additional data, so
   * they are authenticated with the content: what a recipient reads there, once decryption
   * succeeded, is what the sender wrote.
   */
  claims?: JweClaims;
  subtle?: SubtleCrypto;
  random?: Pick<Crypto, 'getRandomValues'>;
}

/**
 * Encrypts `plaintext` to `recipient` with a fresh CEK and IV from `random`.
 *
 * Only `kty`, `n` and `e` of the JWK are used: the session already states the algorithm
 * (`encryption.alg: 'RSA-OAEP-256'`), and members such as `key_ops` or a differently spelled
 * `alg` would otherwise make some browsers refuse the import for no gain. Rejects (the only
 * way it fails) when the key is not an RSA public key WebCrypto can import.
 */
export async function encryptJwe(
  plaintext: Uint8Array,
  recipient: JweRecipient,
  { claims, subtle = globalThis.crypto.subtle, random = globalThis.crypto }: EncryptJweOptions = {},
): Promise<string> {
  const { kty, n, e } = recipient.jwk;
  if (kty !== 'RSA' || !n || !e) throw new TypeError('JWE recipient key must be an RSA public JWK');
  const publicKey = await subtle.importKey('jwk', { kty, n, e }, RSA_OAEP_256, false, ['encrypt']);
  // Member order is fixed, so the same recipient and claims always give the same header bytes;
  // a claim cannot replace `alg`, `enc` or `kid` (they are set again after the claims).
  const members = { alg: JWE_ALG, enc: JWE_ENC, kid: recipient.kid };
  const header = toBase64Url(encoder.encode(JSON.stringify(Object.assign({ ...members }, claims, members))));
  const cekBytes = random.getRandomValues(new Uint8Array(CEK_BYTES));
  const iv = random.getRandomValues(new Uint8Array(IV_BYTES));
  try {
    const cek = await subtle.importKey('raw', cekBytes as BufferSource, 'AES-GCM', false, ['encrypt']);
    const wrappedKey = new Uint8Array(await subtle.encrypt(RSA_OAEP_256, publicKey, cekBytes as BufferSource));
    const sealed = new Uint8Array(
      await subtle.encrypt(
        { name: 'AES-GCM', iv: iv as BufferSource, additionalData: encoder.encode(header) as BufferSource, tagLength: TAG_BYTES * 8 },
        cek,
        plaintext as BufferSource,
      ),
    );
    const split = sealed.length - TAG_BYTES;
    return [header, wrappedKey, iv, sealed.subarray(0, split), sealed.subarray(split)]
      .map((part) => (typeof part === 'string' ? part : toBase64Url(part)))
      .join('.');
  } finally {
    // The raw CEK is no longer needed once imported and wrapped; don't leave it lying around.
    cekBytes.fill(0);
  }
}
