import { FailureCode } from '../../protocol/codes.js';

/**
 * Failures that say "this card or this account, for this amount, now": the bank declined, the
 * money is not there, the channel's limit is reached. Sent again unchanged, the payment fails
 * again, and each decline counts against the card at its bank (a card declined repeatedly gets
 * frozen: see the saved cards' `repeatedly_declined`). So a payer who presses pay again after
 * one of these expects the cashier to say what to change, not to send the same payment a
 * second time. A timeout, a network fault or a busy channel may pass: those stay retryable as
 * they are; `card_invalid` needs the CVV typed again anyway (it is cleared after a failure).
 */
const REPEATING: ReadonlySet<FailureCode> = new Set([
  FailureCode.Declined,
  FailureCode.InsufficientFunds,
  FailureCode.LimitExceeded,
]);

/** Whether the same payment, sent again with nothing changed, would fail the same way. */
export function repeatsAsIs(code: FailureCode, retryable: boolean): boolean {
  return !retryable && REPEATING.has(code);
}
