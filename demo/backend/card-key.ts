import { generateCardKeyPair, sessionJwk, type CardKeyPair, type SessionEncryption } from '../../src/server/keys.js';

export type { SessionEncryption };

/** The backend's card encryption key: the private half stays here, the public half goes in every session. */
export type CardKey = CardKeyPair;

/** One RSA-2048 key pair for RSA-OAEP-256, made as any host makes it (`generateCardKeyPair`). */
export function generateCardKey(subtle: SubtleCrypto = globalThis.crypto.subtle): Promise<CardKey> {
  return generateCardKeyPair({ subtle });
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
  const pair = await generateCardKeyPair({ extractable: true, subtle });
  return { kid: pair.kid, jwk: await subtle.exportKey('jwk', pair.privateKey) };
}

/** The `CardKey` of a shared key: the private half imported for decryption only, not extractable. */
export async function loadCardKey({ kid, jwk }: SharedCardKey, subtle: SubtleCrypto = globalThis.crypto.subtle): Promise<CardKey> {
  const privateKey = await subtle.importKey('jwk', jwk, { name: 'RSA-OAEP', hash: 'SHA-256' }, false, ['decrypt']);
  // The session's public JWK, from the private one's public members.
  const publicJwk = sessionJwk({ kty: jwk.kty, n: jwk.n, e: jwk.e, alg: 'RSA-OAEP-256', use: 'enc' });
  if (!publicJwk) throw new Error('RSA private JWK without n or e');
  return { kid, privateKey, encryption: { alg: 'RSA-OAEP-256', kid, jwk: publicJwk } };
}
