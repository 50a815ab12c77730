import { randomToken } from '../../src/protocol/base64url.js';
import type { Session } from '../../src/protocol/schemas.js';

export type SessionEncryption = NonNullable<Session['encryption']>;

/** The backend's card encryption key: the private half stays here, the public half goes in every session. */
export interface CardKey {
  kid: string;
  /** RSA-OAEP SHA-256, decrypt only, not extractable. */
  privateKey: CryptoKey;
  /** What `session.encryption` carries. */
  encryption: SessionEncryption;
}

/**
 * One RSA-2048 key pair for RSA-OAEP-256. The session's JWK holds only the public members
 * (`kty`, `n`, `e`) and what they are for (`alg`, `use`): an exported JWK also has `key_ops` and
 * `ext`, which mean nothing to the cashier.
 */
export async function generateCardKey(subtle: SubtleCrypto = globalThis.crypto.subtle): Promise<CardKey> {
  const pair = await subtle.generateKey(RSA_OAEP, false, ['encrypt', 'decrypt']);
  const { n, e } = await subtle.exportKey('jwk', pair.publicKey);
  if (!n || !e) throw new Error('RSA public key exported without n or e');
  return cardKeyOf(`enc_${randomToken(9)}`, pair.privateKey, n, e);
}

const RSA_OAEP = { name: 'RSA-OAEP', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' };

function cardKeyOf(kid: string, privateKey: CryptoKey, n: string, e: string): CardKey {
  return { kid, privateKey, encryption: { alg: 'RSA-OAEP-256', kid, jwk: { kty: 'RSA', n, e, alg: 'RSA-OAEP-256', use: 'enc' } } };
}

/** A card key every instance can load: its private half as a JWK, with its kid. */
export interface SharedCardKey {
  kid: string;
  jwk: JsonWebKey;
}

/**
 * A new key pair to share between the reference backend's instances (through its store). A
 * real backend keeps its card key in a key manager, never in a database; the reference
 * backend's key is a test key of the demo's own.
 */
export async function generateSharedCardKey(subtle: SubtleCrypto = globalThis.crypto.subtle): Promise<SharedCardKey> {
  const pair = await subtle.generateKey(RSA_OAEP, true, ['encrypt', 'decrypt']);
  return { kid: `enc_${randomToken(9)}`, jwk: await subtle.exportKey('jwk', pair.privateKey) };
}

/** The `CardKey` of a shared key: the private half imported for decryption only, not extractable. */
export async function loadCardKey({ kid, jwk }: SharedCardKey, subtle: SubtleCrypto = globalThis.crypto.subtle): Promise<CardKey> {
  const privateKey = await subtle.importKey('jwk', jwk, { name: 'RSA-OAEP', hash: 'SHA-256' }, false, ['decrypt']);
  if (!jwk.n || !jwk.e) throw new Error('RSA private JWK without n or e');
  return cardKeyOf(kid, privateKey, jwk.n, jwk.e);
}
