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
  const pair = await subtle.generateKey(
    { name: 'RSA-OAEP', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
    false,
    ['encrypt', 'decrypt'],
  );
  const { n, e } = await subtle.exportKey('jwk', pair.publicKey);
  if (!n || !e) throw new Error('RSA public key exported without n or e');
  const kid = `enc_${randomToken(9)}`;
  return {
    kid,
    privateKey: pair.privateKey,
    encryption: { alg: 'RSA-OAEP-256', kid, jwk: { kty: 'RSA', n, e, alg: 'RSA-OAEP-256', use: 'enc' } },
  };
}
