import type { Action, AttemptStatus, Channel, Failure } from '../../src/protocol/schemas.js';
import { answersWithAction } from './actions.js';
import { FaultName, type ChannelFaults } from './scenario-spec.js';
import { PENDING_POLLS, TestCardOutcome } from './test-cards.js';

/**
 * The faults the demo page and the tests combine in `?scenario=` (syntax in
 * `scenario-spec.ts`: `fault` or `channel:fault`, optional `@param`, comma-separated), with
 * what each does. The docs show these descriptions.
 */
export const SCENARIOS = {
  [FaultName.Default]: 'Every channel pays at once.',
  [FaultName.Declined]: 'Attempts are declined by the issuer (`declined`, not retryable).',
  [FaultName.Insufficient]: 'Attempts fail with `insufficient_funds` (not retryable).',
  [FaultName.MalformedResponse]: 'The backend answers intents with a body that is not the response contract.',
  [FaultName.BadKey]: 'The session carries a signing key the backend does not hold: every intent gets 401.',
  [FaultName.Expired]: 'The session has already expired when it is issued.',
  [FaultName.Down]:
    'The channel is `down` in the session, and an intent on it fails with `channel_unavailable` (retryable).',
  [FaultName.Slow]: '`slow@ms`: intent answers and status polls arrive ms later (default 3000, at most 30000).',
  [FaultName.Flaky]:
    '`flaky@rate`: with probability rate (0–1, default 0.5) an intent gets HTTP 503 `unavailable` and nothing is recorded: the nonce and the idempotency key stay unused.',
  [FaultName.Seed]: '`seed@n`: the session draws `flaky` from a PRNG seeded with n (a 32-bit integer), so a run can be replayed.',
  [FaultName.Lost]:
    'The attempt is recorded (it pays), but the answer to the first request of each idempotency key is lost: the connection is dropped. A retry with the same key and body gets the stored answer. Error answers (4xx) arrive.',
  [FaultName.RateLimited]:
    '`429@seconds`: the first request of each idempotency key gets HTTP 429 with `Retry-After` (default 1 s) and is not processed; later tries are.',
  [FaultName.Pending]: '`pending@n`: attempts answer `pending`; the status endpoint reports `pending` for n polls (default 2), then `succeeded`.',
  [FaultName.PendingForever]: 'Attempts stay `pending` until a newer attempt for the order cancels them.',
  [FaultName.Limit]: 'Attempts fail with `limit_exceeded` (not retryable), naming the channel’s first fallback.',
  [FaultName.Action]:
    'Wallet channels answer `requires_action` with the action that fits the intent’s `env` (bridge in the wallet’s own app, QR code on desktop, H5 redirect on mobile) and wait for the payer: `POST /api/intents/:id/confirm` pays. Cards are not affected.',
} as const satisfies Record<FaultName, string>;
export type Scenario = keyof typeof SCENARIOS;

/** Whether `name` is a fault of the scenario language (without channel or parameter). */
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

/** `limit_exceeded`, pointing at the first channel the host lists as this one's fallback. */
export function limitExceeded(channel: Channel): Failure {
  const fallback = channel.fallbacks?.[0];
  return { code: 'limit_exceeded', retryable: false, ...(fallback ? { fallback } : {}) };
}

/**
 * What the network does with an attempt that passed the channel's checks. An outcome fault
 * on the channel decides; without one, a card's own outcome (from the test-card table) does,
 * and anything else pays.
 */
export function decideOutcome(faults: ChannelFaults, channel: Channel, card?: TestCardOutcome): Outcome {
  const fault = faults.outcome;
  switch (fault?.fault) {
    case FaultName.Down:
      return { status: 'failed', failure: { code: 'channel_unavailable', retryable: true } };
    case FaultName.Declined:
      return { status: 'failed', failure: { code: 'declined', retryable: false } };
    case FaultName.Insufficient:
      return { status: 'failed', failure: { code: 'insufficient_funds', retryable: false } };
    case FaultName.Limit:
      return { status: 'failed', failure: limitExceeded(channel) };
    case FaultName.Pending:
      return { status: 'pending', pendingPolls: fault.polls };
    case FaultName.PendingForever:
      return { status: 'pending' };
    case FaultName.Action:
      // The action itself depends on the payment id and the payer's env: app.ts adds it.
      if (answersWithAction(channel)) return { status: 'requires_action' };
      break;
    case FaultName.MalformedResponse:
      // Recorded as a server fault; the answer on the wire is not the contract (see app.ts).
      return { status: 'failed', failure: { code: 'server_error', retryable: true } };
    case undefined:
      break;
  }
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
