import type { BrandId } from '../../src/card/brands.js';
import { validateCvv, validateExpiry, validateNumber, type YearMonth } from '../../src/card/validate.js';
import { decryptCard, type DecryptCardCode } from '../../src/server/decrypt-card.js';
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
 * - `unreadable`: not a JWE for this backend's key (malformed, another algorithm, another kid,
 *   does not decrypt, or not a card payload inside). The cashier encrypts with the session's
 *   key and the intent is signed, so this is never the payer's typing: the route answers
 *   HTTP 400 `card_undecryptable` and records no attempt, as for any other malformed body.
 * - `invalid`: a card, but one that fails the card checks (number, expiry, CVV) run again
 *   here: a failed attempt with `card_invalid`, not retryable.
 * - `valid`: a card the test network answers with `outcome`.
 */
export type CardIntake =
  | { kind: 'unreadable'; code: DecryptCardCode }
  | { kind: 'invalid'; card: LedgerCard }
  | { kind: 'valid'; card: LedgerCard; outcome: TestCardOutcome };

/**
 * Decrypts and checks a card. The number and CVV live only in this function's locals: what
 * leaves it is the brand, the last four digits and an outcome, and nothing here logs.
 * `today` is the backend's calendar month in China (`yearMonthAt`), not the payer's clock.
 */
export async function readCard(encrypted: string, key: CardKey, today: YearMonth): Promise<CardIntake> {
  const decrypted = await decryptCard(encrypted, key.privateKey, { expectedKid: key.kid });
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
