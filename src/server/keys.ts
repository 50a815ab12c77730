import { randomToken } from '../protocol/base64url.js';
import type { Session } from '../protocol/schemas.js';

/** The key a session's intents are signed with: the session's `signing` carries it to the cashier. */
export interface SigningKey {
  kid: string;
  /** 32 random bytes, base64url: the HMAC-SHA-256 key. Keep it with the session, server-side. */
  key: string;
}

/** What `session.encryption` holds: the public half of the card key, as the cashier imports it. */
export type SessionEncryption = NonNullable<Session['encryption']>;

/** A card key: the private half stays with the host, the public half goes in every session. */
export interface CardKeyPair {
  kid: string;
  /** RSA-OAEP SHA-256, `decrypt` only, not extractable unless asked: hand it to `decryptCard`. */
  privateKey: CryptoKey;
  encryption: SessionEncryption;
}

export interface KeyOptions {
  random?: Pick<Crypto, 'getRandomValues'>;
  subtle?: SubtleCrypto;
}

/** A fresh signing key for one session (a key per session: a leaked one pays for nothing else). */
export function generateSigningKey({ random = globalThis.crypto }: KeyOptions = {}): SigningKey {
  return { kid: `k_${randomToken(9, random)}`, key: randomToken(32, random) };
}

/** The JWK members the cashier may be given: the public key and what it is for. */
const PUBLIC_MEMBERS = ['kty', 'n', 'e', 'alg', 'use'] as const;
/** Members of an RSA private JWK: one of these in a session would hand the private key to every payer. */
export const PRIVATE_JWK_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth'] as const;

/**
 * The session's `jwk` from a JWK as WebCrypto exports it: the public members only. `key_ops`
 * and `ext` mean nothing to the cashier, and a `JsonWebKey`'s `kty`, `n` and `e` are optional
 * where the session's are not, so an exported key does not type as the session's without this.
 * `undefined` for a JWK that is not a public RSA key.
 */
export function sessionJwk(jwk: JsonWebKey): SessionEncryption['jwk'] | undefined {
  if (jwk.kty !== 'RSA' || typeof jwk.n !== 'string' || typeof jwk.e !== 'string') return undefined;
  if (PRIVATE_JWK_MEMBERS.some((member) => member in jwk)) return undefined;
  const picked: Record<string, unknown> = {};
  for (const member of PUBLIC_MEMBERS) if (jwk[member] !== undefined) picked[member] = jwk[member];
  return { ...picked, kty: 'RSA', n: jwk.n, e: jwk.e };
}

/**
 * A new RSA-OAEP-256 card key pair (2048 bits unless asked; 3072 and 4096 are slower to make
 * and to decrypt with, and make the card's JWE longer). Make it once per deployment, or per
 * rotation, not per session: every session carries the same public half. `extractable: true`
 * lets a setup script export the private key (as a JWK, which `decryptCard` takes) to the
 * secret store that every instance of the backend reads; leave it off otherwise.
 */
export async function generateCardKeyPair({
  modulusLength = 2048,
  extractable = false,
  random = globalThis.crypto,
  subtle = globalThis.crypto.subtle,
}: KeyOptions & { modulusLength?: 2048 | 3072 | 4096; extractable?: boolean } = {}): Promise<CardKeyPair> {
  if (![2048, 3072, 4096].includes(modulusLength)) throw new RangeError(`modulusLength must be 2048, 3072 or 4096, not ${modulusLength}`);
  const pair = await subtle.generateKey(
    { name: 'RSA-OAEP', modulusLength, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
    extractable,
    ['encrypt', 'decrypt'],
  );
  const jwk = sessionJwk({ ...(await subtle.exportKey('jwk', pair.publicKey)), alg: 'RSA-OAEP-256', use: 'enc' });
  if (!jwk) throw new Error('WebCrypto exported an RSA public key without n or e');
  const kid = `enc_${randomToken(9, random)}`;
  return { kid, privateKey: pair.privateKey, encryption: { alg: 'RSA-OAEP-256', kid, jwk } };
}
