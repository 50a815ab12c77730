import type { Action, AttemptStatus, Failure, Intent } from '../../src/protocol/schemas.js';

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
}

export function decideOutcome(scenario: Scenario, _intent: Intent): Outcome {
  switch (scenario) {
    case 'declined':
      return { status: 'failed', failure: { code: 'declined', retryable: false } };
    default:
      return { status: 'succeeded' };
  }
}
