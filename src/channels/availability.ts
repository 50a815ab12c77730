import { worksIn } from '../env/rules.js';
import type { Channel, Environment } from '../protocol/schemas.js';
import type { UnavailableReason } from '../i18n/messages.js';

export type Availability =
  | { available: true }
  | { available: false; reason: UnavailableReason; /** When a maintenance window ends (ms). */ until?: number };

export interface AvailabilityContext {
  /** The order's amount in minor units. */
  amount: number;
  /** Server-corrected time, milliseconds since the epoch. */
  now: number;
  /** Where the cashier runs; without it every kind is taken to work here. */
  env?: Environment;
}

/**
 * Whether a channel can take this payment now, and if not, why. The order of checks is the
 * order a payer cares about: a channel that is down or in maintenance is unusable whatever
 * the amount; then the limits, the tightest first.
 */
export function channelAvailability(channel: Channel, { amount, now, env }: AvailabilityContext): Availability {
  // First: no status or limit matters for a wallet the super-app will not open.
  if (env && !worksIn(channel.kind, env)) return { available: false, reason: 'environment' };
  if (channel.status === 'down') return { available: false, reason: 'down' };
  const window = channel.maintenance?.find((w) => Date.parse(w.from) <= now && now < Date.parse(w.to));
  if (window) return { available: false, reason: 'maintenance', until: Date.parse(window.to) };
  const { perTransaction, perDay, usedToday = 0, min } = channel.limits;
  if (perTransaction !== undefined && amount > perTransaction) return { available: false, reason: 'over-per-transaction' };
  if (perDay !== undefined && amount > perDay - usedToday) return { available: false, reason: 'over-daily' };
  if (min !== undefined && amount < min) return { available: false, reason: 'under-minimum' };
  return { available: true };
}

/** What remains of a channel's daily limit, or `undefined` when it has none. */
export function remainingToday(channel: Channel): number | undefined {
  const { perDay, usedToday = 0 } = channel.limits;
  return perDay === undefined ? undefined : Math.max(0, perDay - usedToday);
}


/**
 * The next instant after `now` at which a maintenance window opens or closes on any channel,
 * or `undefined` when none is ahead: availability can change then without anything else
 * happening, so the cashier looks again at that moment.
 */
export function nextMaintenanceBoundary(channels: readonly Channel[], now: number): number | undefined {
  let next: number | undefined;
  for (const channel of channels) {
    for (const window of channel.maintenance ?? []) {
      for (const at of [Date.parse(window.from), Date.parse(window.to)]) {
        if (at > now && (next === undefined || at < next)) next = at;
      }
    }
  }
  return next;
}
