import type { Action, AttemptStatus, Failure, Intent } from '../../src/protocol/schemas.js';
import { PENDING_POLLS, TestCardOutcome } from './test-cards.js';

/**
 * Scenarios the demo page and the tests select with `?scenario=`. Each decides what the
 * "payment network" does with an attempt; `default` pays.
 */
export const SCENARIOS = {
  default: 'Every channel pays at once.',
  declined: 'Every attempt is declined by the issuer.',
  'malformed-response': 'The backend answers intents with a body that is not the response contract.',
  'bad-key': 'The session carries a signing key the backend does not hold: every intent gets 401.',
  expired: 'The session has already expired when it is issued.',
} as const;
export type Scenario = keyof typeof SCENARIOS;

export function isScenario(name: string): name is Scenario {
  return Object.hasOwn(SCENARIOS, name);
}

export interface Outcome {
  status: AttemptStatus;
  failure?: Failure;
  action?: Action;
  /** With `pending`: how many status polls answer `pending` before the attempt succeeds. */
  pendingPolls?: number;
}

/**
 * What the network does with an attempt. A card's own outcome (from the test-card table, for a
 * card that passed the checks) applies under the `default` scenario; a scenario that declines
 * everything declines cards too.
 */
export function decideOutcome(scenario: Scenario, _intent: Intent, card?: TestCardOutcome): Outcome {
  if (scenario === 'declined') return { status: 'failed', failure: { code: 'declined', retryable: false } };
  switch (card) {
    case TestCardOutcome.Declined:
      return { status: 'failed', failure: { code: 'declined', retryable: false } };
    case TestCardOutcome.InsufficientFunds:
      // Not retryable: the same card will fail the same way until the payer tops it up.
      return { status: 'failed', failure: { code: 'insufficient_funds', retryable: false } };
    case TestCardOutcome.PendingThenSucceeded:
      return { status: 'pending', pendingPolls: PENDING_POLLS };
    default:
      return { status: 'succeeded' };
  }
}
