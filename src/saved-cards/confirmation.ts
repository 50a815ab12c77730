/**
 * How the payer confirms paying with a saved card: the one place that decides it, so each way
 * of confirming (nothing, the CVV again, an SMS code, a passkey) joins here and nowhere else.
 *
 * - `passkey`: the payer's fingerprint or face (WebAuthn, `src/passkey/`), when the passkey chunk
 *   says it confirms this card now (`passkeyUse(...).use === 'confirm'`). It replaces whichever
 *   of the others the card would have asked; when it fails, that one is asked next.
 * - `sms`: a card bound by 快捷支付 (`card.bound`): the bank sends a code to the phone it has for
 *   the card, and the confirm goes through the session's `endpoints.bindings` (the binding
 *   form's SMS step, `src/binding/`). The CVV is never asked for it (a debit card has none).
 * - `cvv`: the session asks a saved card's CVV again (`card.savedCardCvv`).
 * - `none`: the card pays as it is.
 *
 * Pure: the card, the session and whether a passkey confirms it in, the way out.
 */
import type { SavedCard, Session } from '../protocol/schemas.js';

export const Confirmation = { None: 'none', Cvv: 'cvv', Sms: 'sms', Passkey: 'passkey' } as const;
export type Confirmation = (typeof Confirmation)[keyof typeof Confirmation];

export function confirmationFor(card: Pick<SavedCard, 'bound'>, session: Pick<Session, 'card'>, byPasskey = false): Confirmation {
  if (byPasskey) return Confirmation.Passkey;
  if (card.bound) return Confirmation.Sms;
  return session.card?.savedCardCvv ? Confirmation.Cvv : Confirmation.None;
}
