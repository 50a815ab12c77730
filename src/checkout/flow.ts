/**
 * The checkout flow as a pure state machine: a state and an event give the next state, with
 * no DOM, no I/O and no time. An event that does not apply returns the very same state object,
 * which is how a second click on "pay" while paying is ignored.
 */
import type { ErrorCode, FailureCode } from '../protocol/codes.js';

export const Phase = {
  Idle: 'idle',
  Loading: 'loading',
  Error: 'error',
  Ready: 'ready',
  Paying: 'paying',
  Pending: 'pending',
  Succeeded: 'succeeded',
  Expired: 'expired',
} as const;
export type Phase = (typeof Phase)[keyof typeof Phase];

/** The attempt in flight: the ids a retry reuses. */
export interface AttemptRef {
  attempt: string;
  idempotencyKey: string;
  channel: string;
  paymentId?: string;
}

export interface FailureInfo {
  code: FailureCode;
  retryable: boolean;
  attempt: string;
  channel: string;
}

export type FlowState =
  | { phase: typeof Phase.Idle }
  | { phase: typeof Phase.Loading }
  | { phase: typeof Phase.Error; code: ErrorCode }
  | { phase: typeof Phase.Ready; failure?: FailureInfo }
  | { phase: typeof Phase.Paying; attempt: AttemptRef }
  | { phase: typeof Phase.Pending; attempt: AttemptRef & { paymentId: string } }
  /** `earlier`: another attempt had paid the order (its channel may not be `attempt.channel`). */
  | { phase: typeof Phase.Succeeded; attempt: AttemptRef & { paymentId: string }; earlier?: boolean }
  /** The session said the order was paid before this cashier tried anything. */
  | { phase: typeof Phase.Succeeded; attempt: { paymentId: string }; earlier: true }
  | { phase: typeof Phase.Expired };

export type FlowEvent =
  | { type: 'load' }
  /** `paid`: the session's `paid.paymentId`: the order is paid already, nothing is offered. */
  | { type: 'loaded'; paid?: string }
  | { type: 'load-failed'; code: ErrorCode }
  | { type: 'pay'; attempt: AttemptRef }
  | { type: 'pending'; paymentId: string }
  /**
   * `attempt`: the attempt the backend reports paid, when it is not the one on screen (an
   * abandoned attempt found paid after all): success is what the backend says, even from `ready`.
   */
  | { type: 'succeeded'; paymentId: string; attempt?: AttemptRef; earlier?: boolean }
  | { type: 'failed'; code: FailureCode; retryable: boolean }
  | { type: 'expire' };

export const initialState: FlowState = { phase: Phase.Idle };

export function transition(state: FlowState, event: FlowEvent): FlowState {
  switch (event.type) {
    case 'load':
      // A new session is a new order: it replaces whatever was on screen, success included.
      return { phase: Phase.Loading };
    case 'loaded':
      if (state.phase !== Phase.Loading) return state;
      return event.paid ? { phase: Phase.Succeeded, attempt: { paymentId: event.paid }, earlier: true } : { phase: Phase.Ready };
    case 'load-failed':
      // The session could not be loaded or used: nothing can be paid until a new one comes.
      return state.phase === Phase.Succeeded ? state : { phase: Phase.Error, code: event.code };
    case 'pay':
      return state.phase === Phase.Ready ? { phase: Phase.Paying, attempt: event.attempt } : state;
    case 'pending':
      return state.phase === Phase.Paying || state.phase === Phase.Pending
        ? { phase: Phase.Pending, attempt: { ...state.attempt, paymentId: event.paymentId } }
        : state;
    case 'succeeded':
      if (state.phase === Phase.Paying || state.phase === Phase.Pending) {
        return succeeded({ ...(event.attempt ?? state.attempt), paymentId: event.paymentId }, event.earlier);
      }
      return state.phase === Phase.Ready && event.attempt ? succeeded({ ...event.attempt, paymentId: event.paymentId }, event.earlier) : state;
    case 'failed':
      return state.phase === Phase.Paying || state.phase === Phase.Pending
        ? {
            phase: Phase.Ready,
            failure: { code: event.code, retryable: event.retryable, attempt: state.attempt.attempt, channel: state.attempt.channel },
          }
        : state;
    case 'expire':
      return state.phase === Phase.Succeeded || state.phase === Phase.Idle ? state : { phase: Phase.Expired };
  }
}

function succeeded(attempt: AttemptRef & { paymentId: string }, earlier = false): FlowState {
  return earlier ? { phase: Phase.Succeeded, attempt, earlier } : { phase: Phase.Succeeded, attempt };
}
