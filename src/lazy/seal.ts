/**
 * The card encryption chunk: a new card, or a saved card's CVV, sealed as a JWE to the
 * session's key and bound to the session's order. Only card payers need it; the checkout loads
 * it as soon as the card channel is selected, so the pay click normally finds it there. Card
 * data reaches nothing else. The binding form (its own chunk) seals through this one too: a
 * binding's details and its SMS code.
 */
import { bindingOf } from '../protocol/card-binding.js';
import type { CardPayload, SavedCardCvv } from '../protocol/card-payload.js';
import type { BindingCode, BindingDetails } from '../protocol/binding.js';
import { encryptBindingCode, encryptBindingDetails, encryptCard, encryptSavedCardCvv } from '../protocol/card-seal.js';
import type { JweRecipient } from '../protocol/jwe-encrypt.js';
import type { Session } from '../protocol/schemas.js';

/** `card` for `instrument.encrypted`, sealed at `now` (the backend's clock as the cashier knows it). */
export function sealCard(card: CardPayload, key: JweRecipient, session: Session, now: number): Promise<string> {
  return encryptCard(card, key, bindingOf(session), { now });
}

/** A saved card's CVV for `instrument.encryptedCvv`, sealed like a new card. */
export function sealSavedCardCvv(cvv: SavedCardCvv, key: JweRecipient, session: Session, now: number): Promise<string> {
  return encryptSavedCardCvv(cvv, key, bindingOf(session), { now });
}

/** A binding's details for a binding request, sealed like a new card. */
export function sealBindingDetails(details: BindingDetails, key: JweRecipient, session: Session, now: number): Promise<string> {
  return encryptBindingDetails(details, key, bindingOf(session), { now });
}

/** A binding's SMS code for the confirming intent's `instrument.encrypted`, sealed like a new card. */
export function sealBindingCode(code: BindingCode, key: JweRecipient, session: Session, now: number): Promise<string> {
  return encryptBindingCode(code, key, bindingOf(session), { now });
}
