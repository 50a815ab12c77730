import type { BrandId } from '../../src/card/brands.js';
import { validateCvv, validateExpiry, validateNumber, type YearMonth } from '../../src/card/validate.js';
import type { CardBinding } from '../../src/protocol/card-binding.js';
import { DecryptCardCode, decryptCard } from '../../src/server/decrypt-card.js';
import type { JweIdStore } from '../../src/server/jwe-id-store.js';
import type { CardKey } from './card-key.js';
import { testCardOutcome, type TestCardOutcome } from './test-cards.js';

/** All the ledger ever keeps of a card: enough for the payer to recognise it, nothing to pay with. */
export interface LedgerCard {
  type: 'card';
  brand?: BrandId;
  last4?: string;
}

/**
 * What the backend made of `instrument.encrypted`:
 * - `unreadable`: not a JWE this backend takes for this order (see `unreadableError`). The
 *   cashier seals the card for the session's order with the session's key, right before it sends
 *   the signed intent, so this is never the payer's typing: the route answers HTTP 400 and
 *   records no attempt, as for any other malformed body.
 * - `invalid`: a card, but one that fails the card checks (number, expiry, CVV) run again
 *   here: a failed attempt with `card_invalid`, not retryable.
 * - `valid`: a card the test network answers with `outcome`.
 */
export type CardIntake =
  | { kind: 'unreadable'; code: DecryptCardCode }
  | { kind: 'invalid'; card: LedgerCard }
  | { kind: 'valid'; card: LedgerCard; outcome: TestCardOutcome };

/** How a card JWE is checked beyond its key: the session's order, the backend's clock, its used ids. */
export interface CardUse {
  expected: CardBinding;
  replay: JweIdStore;
  now: () => number;
}

/**
 * The HTTP 400 code for a card JWE (new card or saved card's CVV) the backend will not take:
 * `card_binding_mismatch` (sealed for another order, or for none: a JWE lifted from another
 * payment), `card_jwe_expired` (sealed too long ago, or ahead of the backend's clock),
 * `card_replayed` (accepted once already, in another attempt), else `card_undecryptable`
 * (malformed, another algorithm or kid, does not decrypt, not a card inside).
 */
export function unreadableError(code: DecryptCardCode): string {
  if (code === DecryptCardCode.JweBindingMismatch) return 'card_binding_mismatch';
  if (code === DecryptCardCode.JweExpired) return 'card_jwe_expired';
  if (code === DecryptCardCode.JweReplayed) return 'card_replayed';
  return 'card_undecryptable';
}

/**
 * Decrypts and checks a card. The number and CVV live only in this function's locals: what
 * leaves it is the brand, the last four digits and an outcome, and nothing here logs.
 * `today` is the backend's calendar month in China (`yearMonthAt`), not the payer's clock.
 */
export async function readCard(encrypted: string, key: CardKey, today: YearMonth, use: CardUse): Promise<CardIntake> {
  const decrypted = await decryptCard(encrypted, key.privateKey, { expectedKid: key.kid, ...use });
  if (!decrypted.ok) return { kind: 'unreadable', code: decrypted.code };
  const { number, expMonth, expYear, cvv } = decrypted.card;
  const checked = validateNumber(number);
  if (!checked.ok) return { kind: 'invalid', card: { type: 'card' } };
  const card: LedgerCard = { type: 'card', brand: checked.brand.id, last4: number.slice(-4) };
  // The reference backend takes a new card only with its CVV, as the card form always sends it.
  const expiry = validateExpiry(`${expMonth}/${expYear}`, today);
  if (!expiry.ok || !validateCvv(cvv ?? '', checked.brand).ok) return { kind: 'invalid', card };
  return { kind: 'valid', card, outcome: testCardOutcome(number) };
}
