/**
 * Fallback: where a payment goes when its channel fails, by the host's `fallback.mode`.
 * Pure: the session, what failed and a test of which channels can pay now give one decision;
 * no DOM, no I/O, no clock (availability is passed in, already evaluated at the right time).
 *
 * - `off`: nothing moves; the payer sees the failure and chooses.
 * - `prompt`: the payer is offered one other channel, and moves only by accepting it.
 * - `auto`: the cashier moves to that channel itself, and pays at once when the channel needs
 *   nothing more from the payer (a wallet); a new card still has to be typed.
 *
 * The target is the first eligible channel among, in order: the backend's hint
 * (`failure.fallback`), the failed channel's own `fallbacks`, then every channel in the
 * ranking's order (`rankChannels`: the app's own wallet, the payer's last channel, the host's
 * order), or the host's order when no ranking is given. A channel already given up on in this payment is never offered again, so an `auto`
 * chain always ends.
 */
import type { Availability } from '../../channels/availability.js';
import { FailureCode } from '../../protocol/codes.js';
import { FallbackMode, type Channel, type Session } from '../../protocol/schemas.js';

/** Why a payment may move: an attempt failed with a code, or the payer abandoned a pending one. */
export type FallbackTrigger = { kind: 'failure'; code: FailureCode; hint?: string } | { kind: 'abandoned' };

/** Failures that say the channel, not the payer's money or card, is the problem. */
const MOVING_FAILURES: ReadonlySet<FailureCode> = new Set([
  FailureCode.ChannelUnavailable,
  FailureCode.Timeout,
  FailureCode.ServerError,
  FailureCode.NetworkError,
  FailureCode.LimitExceeded,
]);

export interface FallbackInput {
  session: Session;
  /** The channel that failed (or was abandoned). */
  from: string;
  trigger: FallbackTrigger;
  /** Whether a channel can take this payment now (status, maintenance, limits, environment). */
  available: (channel: Channel) => boolean;
  /** Channels already given up on for this order: never a target. */
  exclude?: ReadonlySet<string>;
  /** The session's channels best first (`rankChannels`), for when no listed fallback can pay. */
  ranked?: readonly Channel[];
}

export type FallbackDecision =
  | { kind: 'none' }
  /** `prompt`: offer `to`; nothing moves until the payer accepts. */
  | { kind: 'offer'; to: string; immediate: boolean }
  /** `auto`: move to `to` now; pay at once when `immediate`. */
  | { kind: 'switch'; to: string; immediate: boolean };

/** The code a trigger is reported with in `shouyin-fallback`'s `reason`. */
export function triggerCode(trigger: FallbackTrigger): FailureCode {
  return trigger.kind === 'abandoned' ? FailureCode.Canceled : trigger.code;
}

/** Whether this trigger moves a payment at all (in a mode that moves). */
export function triggersFallback(trigger: FallbackTrigger): boolean {
  return trigger.kind === 'abandoned' || MOVING_FAILURES.has(trigger.code);
}

/** A channel pays without new input from the payer unless it needs card details typed. */
export function paysWithoutInput(channel: Channel): boolean {
  return channel.kind !== 'card';
}

/** The first eligible channel to move to, or `undefined`. */
export function fallbackTarget({ session, from, trigger, available, exclude, ranked = session.channels }: FallbackInput): Channel | undefined {
  const byId = new Map(session.channels.map((c) => [c.id, c]));
  const origin = byId.get(from);
  const hint = trigger.kind === 'failure' ? trigger.hint : undefined;
  const order = [...(hint ? [hint] : []), ...(origin?.fallbacks ?? []), ...ranked.map((c) => c.id)];
  for (const id of order) {
    const channel = byId.get(id);
    if (!channel || id === from || exclude?.has(id)) continue;
    if (available(channel)) return channel;
  }
  return undefined;
}

export function decideFallback(input: FallbackInput): FallbackDecision {
  const mode = input.session.fallback.mode;
  if (mode === FallbackMode.Off || !triggersFallback(input.trigger)) return { kind: 'none' };
  const target = fallbackTarget(input);
  if (!target) return { kind: 'none' };
  const immediate = paysWithoutInput(target);
  return { kind: mode === FallbackMode.Auto ? 'switch' : 'offer', to: target.id, immediate };
}

/**
 * At load: when the host's first channel cannot take this payment, where the cashier starts
 * instead, so the host is told the payment moved before it began. `blocked` says why a channel
 * cannot pay (`channel_unavailable` when down or in maintenance, `limit_exceeded` over its
 * limits), or `null` when it can or when no fallback applies (the payer's app, say). `off`
 * gives `undefined`: the preselection simply skips the channel, as it skips any unavailable one.
 */
export function loadFallback(
  session: Session,
  available: (channel: Channel) => boolean,
  blocked: (channel: Channel) => FailureCode | null,
  ranked?: readonly Channel[],
): { from: string; to: string; code: FailureCode } | undefined {
  const first = session.channels[0];
  const code = first ? blocked(first) : null;
  if (!first || !code || session.fallback.mode === FallbackMode.Off) return undefined;
  const to = fallbackTarget({ session, from: first.id, trigger: { kind: 'failure', code }, available, ranked });
  return to ? { from: first.id, to: to.id, code } : undefined;
}

/** The failure a channel's unavailability amounts to, or `null` when it can pay or no fallback applies. */
export function blockingFailure(availability: Availability): FailureCode | null {
  if (availability.available) return null;
  switch (availability.reason) {
    case 'down':
    case 'maintenance':
      return FailureCode.ChannelUnavailable;
    case 'over-per-transaction':
    case 'over-daily':
    case 'under-minimum':
      return FailureCode.LimitExceeded;
    default:
      // The payer's app, say: the environment's guidance says what to do, not a fallback.
      return null;
  }
}
