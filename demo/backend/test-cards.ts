import { BrandId } from '../../src/card/brands.js';

/**
 * Card numbers with a known outcome on the reference backend, in the style the networks and
 * acquirers publish for test environments (the Visa, Mastercard, Amex and UnionPay successes
 * and the three special Visa numbers are the widely published ones). Any expiry date that has
 * not passed and any CVV of the brand's length will do.
 *
 * A card number that passes the card checks and is not in this table pays. Whether each number
 * passes Luhn is stated (`luhn`) and checked by the tests, not taken on trust.
 */

export const TestCardOutcome = {
  Succeeded: 'succeeded',
  Declined: 'declined',
  InsufficientFunds: 'insufficient_funds',
  /** Answers `pending`; the status endpoint reports `pending` for `PENDING_POLLS` polls, then `succeeded`. */
  PendingThenSucceeded: 'pending_then_succeeded',
} as const;
export type TestCardOutcome = (typeof TestCardOutcome)[keyof typeof TestCardOutcome];

/** How many status polls a pending test card answers `pending` before it settles. */
export const PENDING_POLLS = 2;

export interface TestCard {
  number: string;
  brand: BrandId;
  outcome: TestCardOutcome;
  /** Whether the number passes the Luhn check (UnionPay accepts some that do not). */
  luhn: boolean;
  note: string;
}

export const TEST_CARDS: readonly TestCard[] = [
  { number: '4242424242424242', brand: BrandId.Visa, outcome: TestCardOutcome.Succeeded, luhn: true, note: 'Visa' },
  { number: '5555555555554444', brand: BrandId.Mastercard, outcome: TestCardOutcome.Succeeded, luhn: true, note: 'Mastercard' },
  { number: '378282246310005', brand: BrandId.Amex, outcome: TestCardOutcome.Succeeded, luhn: true, note: 'American Express, 4-digit CVV' },
  { number: '6200000000000005', brand: BrandId.UnionPay, outcome: TestCardOutcome.Succeeded, luhn: true, note: 'UnionPay' },
  { number: '6212345678901265', brand: BrandId.UnionPay, outcome: TestCardOutcome.Succeeded, luhn: true, note: 'UnionPay, 16 digits' },
  { number: '6205500000000000004', brand: BrandId.UnionPay, outcome: TestCardOutcome.Succeeded, luhn: true, note: 'UnionPay, 19 digits' },
  { number: '62123456789002', brand: BrandId.UnionPay, outcome: TestCardOutcome.Succeeded, luhn: true, note: 'UnionPay, 14 digits' },
  { number: '621234567890003', brand: BrandId.UnionPay, outcome: TestCardOutcome.Succeeded, luhn: true, note: 'UnionPay, 15 digits' },
  {
    number: '6222021234567890',
    brand: BrandId.UnionPay,
    outcome: TestCardOutcome.Succeeded,
    luhn: false,
    note: 'UnionPay that fails Luhn, accepted as the network accepts it',
  },
  { number: '4000000000000002', brand: BrandId.Visa, outcome: TestCardOutcome.Declined, luhn: true, note: 'declined by the issuer' },
  { number: '4000000000009995', brand: BrandId.Visa, outcome: TestCardOutcome.InsufficientFunds, luhn: true, note: 'insufficient funds' },
  {
    number: '4000000000003220',
    brand: BrandId.Visa,
    outcome: TestCardOutcome.PendingThenSucceeded,
    luhn: true,
    note: `pending, then succeeded after ${PENDING_POLLS} status polls`,
  },
];

const byNumber = new Map(TEST_CARDS.map((card) => [card.number, card.outcome]));

/** The outcome for a card number that has passed the card checks: the table's, else success. */
export function testCardOutcome(number: string): TestCardOutcome {
  return byNumber.get(number) ?? TestCardOutcome.Succeeded;
}
