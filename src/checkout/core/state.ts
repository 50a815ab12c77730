import type { ShouyinEventDetails } from '../../events/events.js';
import type { FailureCode } from '../../protocol/codes.js';
import type { Session } from '../../protocol/schemas.js';
import { Phase, type FlowState } from './flow.js';

/**
 * What the payer is told about a fallback. `offer` (prompt mode) waits for the payer to accept;
 * `moved` (auto mode) says the cashier moved, and lets the payer go back; `preselected` says
 * the host's first channel could not pay when the cashier loaded.
 */
export interface FallbackNotice {
  kind: 'offer' | 'moved' | 'preselected';
  from: string;
  to: string;
  code: FailureCode;
  /** The target pays without new input (a wallet); a new card must still be typed. */
  immediate: boolean;
}

/**
 * One cashier's whole checkout, as `reduce` keeps it: the flow's phase, the session and its
 * selected channel, the fallback the payer is told about, and what this load has tried.
 * Replaced, never changed in place: the session's saved cards included.
 */
export interface CheckoutState {
  readonly flow: FlowState;
  readonly session?: Session | undefined;
  readonly channelId: string | null;
  /** What `shouyin-ready` said about the loaded session, kept for listeners that come later. */
  readonly ready: ShouyinEventDetails['shouyin-ready'] | null;
  readonly notice?: FallbackNotice | undefined;
  /** Channels this order's payment moved away from: never a fallback target again. */
  readonly givenUp: readonly string[];
  /** This order's last attempt that did not succeed: the next one names it as `previousAttempt`. */
  readonly lastAttempt: string | null;
  /**
   * The attempts this load started. A report about any other (one of an earlier session) still
   * reaches the host but changes nothing on screen; one of these found paid shows success.
   */
  readonly tried: readonly string[];
}

export const initialCheckout: CheckoutState = { flow: { phase: Phase.Idle }, channelId: null, ready: null, givenUp: [], lastAttempt: null, tried: [] };
