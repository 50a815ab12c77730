/**
 * Card data sealed for the wire: a new card as `instrument.encrypted`, a saved card's CVV as
 * `instrument.encryptedCvv`, each a compact JWE to the session's key, bound to its order
 * (`card-binding.ts`). Apart from the payload's schemas (`card-payload.ts`, for the backend), so
 * the card encryption chunk (`src/lazy/seal.ts`) carries no zod.
 */
import { cardClaims, type CardBinding } from './card-binding.js';
import type { BindingCode, BindingDetails } from './binding.js';
import type { CardPayload, SavedCardCvv } from './card-payload.js';
import { encryptJwe, type JweRecipient } from './jwe-encrypt.js';

const encoder = new TextEncoder();

/** How one seal gets its time and randomness, injectable for tests. */
export interface SealOptions {
  /** Milliseconds since the epoch on the backend's clock (the cashier's server-corrected time). */
  now?: number;
  random?: Pick<Crypto, 'getRandomValues'>;
  subtle?: SubtleCrypto;
}

/** `members` as a compact JWE to `recipient`, bound to `binding`; the plaintext bytes are zeroed once sealed. */
async function seal(members: object, recipient: JweRecipient, binding: CardBinding, { now = Date.now(), random, subtle }: SealOptions): Promise<string> {
  const plaintext = encoder.encode(JSON.stringify(members));
  try {
    return await encryptJwe(plaintext, recipient, { claims: cardClaims(binding, now, random), subtle, random });
  } finally {
    plaintext.fill(0);
  }
}

/**
 * The card as a compact JWE for `instrument.encrypted`, encrypted to the session's
 * `encryption` key and bound to `binding` with a fresh `jti`: each call is a new seal, good for
 * one attempt of that order. Only the payload's own members are serialized (an object that
 * carries more does not leak it), and the plaintext bytes are zeroed once sealed. Rejects when
 * the key is unusable; nothing else can fail.
 */
export function encryptCard(payload: CardPayload, recipient: JweRecipient, binding: CardBinding, options: SealOptions = {}): Promise<string> {
  const { number, expMonth, expYear, cvv, holderName } = payload;
  return seal({ number, expMonth, expYear, cvv, holderName }, recipient, binding, options);
}

/** A saved card's CVV as a compact JWE for `instrument.encryptedCvv`, sealed and bound like a new card. */
export function encryptSavedCardCvv({ cvv }: SavedCardCvv, recipient: JweRecipient, binding: CardBinding, options: SealOptions = {}): Promise<string> {
  return seal({ cvv }, recipient, binding, options);
}

/**
 * A binding's details (card, holder's name, resident ID, bank phone) as a compact JWE for a
 * binding request's `encrypted`, sealed and bound like a card (issue 17).
 */
export function encryptBindingDetails(details: BindingDetails, recipient: JweRecipient, binding: CardBinding, options: SealOptions = {}): Promise<string> {
  const { number, holderName, idNumber, mobile, expMonth, expYear, cvv } = details;
  return seal({ number, holderName, idNumber, mobile, expMonth, expYear, cvv }, recipient, binding, options);
}

/** A binding's SMS code as a compact JWE for a confirming intent's `instrument.encrypted`. */
export function encryptBindingCode({ code }: BindingCode, recipient: JweRecipient, binding: CardBinding, options: SealOptions = {}): Promise<string> {
  return seal({ code }, recipient, binding, options);
}
