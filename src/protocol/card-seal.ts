/**
 * Card data sealed for the wire: a new card as `instrument.encrypted`, a saved card's CVV as
 * `instrument.encryptedCvv`, each a compact JWE to the session's key. Apart from the payload's
 * schemas (`card-payload.ts`, for the backend), so the card encryption chunk
 * (`src/lazy/seal.ts`) carries no zod.
 */
import type { CardPayload, SavedCardCvv } from './card-payload.js';
import { encryptJwe, type JweRecipient } from './jwe-encrypt.js';

const encoder = new TextEncoder();

/** `members` as a compact JWE to `recipient`; the plaintext bytes are zeroed once sealed. */
async function seal(members: object, recipient: JweRecipient, subtle = globalThis.crypto.subtle): Promise<string> {
  const plaintext = encoder.encode(JSON.stringify(members));
  try {
    return await encryptJwe(plaintext, recipient, subtle);
  } finally {
    plaintext.fill(0);
  }
}

/**
 * The card as a compact JWE for `instrument.encrypted`, encrypted to the session's
 * `encryption` key. Only the payload's own members are serialized (an object that carries more
 * does not leak it), and the plaintext bytes are zeroed once sealed. Rejects when the key is
 * unusable; nothing else can fail.
 */
export function encryptCard(payload: CardPayload, recipient: JweRecipient, subtle?: SubtleCrypto): Promise<string> {
  const { number, expMonth, expYear, cvv, holderName } = payload;
  return seal({ number, expMonth, expYear, cvv, holderName }, recipient, subtle);
}

/** A saved card's CVV as a compact JWE for `instrument.encryptedCvv`, sealed like a new card. */
export function encryptSavedCardCvv({ cvv }: SavedCardCvv, recipient: JweRecipient, subtle?: SubtleCrypto): Promise<string> {
  return seal({ cvv }, recipient, subtle);
}
