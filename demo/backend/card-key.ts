import { generateCardKeyPair, type CardKeyPair, type SessionEncryption } from '../../src/server/keys.js';

export type { SessionEncryption };

/** The backend's card encryption key: the private half stays here, the public half goes in every session. */
export type CardKey = CardKeyPair;

/** One RSA-2048 key pair for RSA-OAEP-256, made as any host makes it (`generateCardKeyPair`). */
export function generateCardKey(subtle: SubtleCrypto = globalThis.crypto.subtle): Promise<CardKey> {
  return generateCardKeyPair({ subtle });
}
