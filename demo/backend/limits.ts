import { channelAvailability } from '../../src/channels/availability.js';
import type { Channel, Failure } from '../../src/protocol/schemas.js';
import { limitExceeded } from './scenarios.js';

const CHINA = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar day in China (`2026-12-01`): a daily limit resets at midnight Beijing time. */
export function dayInChina(ms: number): string {
  return CHINA.format(ms);
}

/**
 * Why the channel refuses this payment before the network sees it, or `undefined`: the same
 * checks the cashier runs to show a channel as unavailable (`channelAvailability`), here with
 * what the backend's own ledger has taken on the channel today added to the session's
 * `usedToday`, so a payer cannot go over the daily limit by paying order after order.
 */
export function channelRefusal(channel: Channel, amount: number, now: number, ledgerToday: number): Failure | undefined {
  const used = { ...channel, limits: { ...channel.limits, usedToday: (channel.limits.usedToday ?? 0) + ledgerToday } };
  const availability = channelAvailability(used, { amount, now });
  if (availability.available) return undefined;
  switch (availability.reason) {
    case 'down':
    case 'maintenance':
      return { code: 'channel_unavailable', retryable: true };
    case 'over-per-transaction':
    case 'over-daily':
    case 'under-minimum':
      return limitExceeded(channel);
    default:
      // (`environment` is the cashier's own judgement of the payer's app, not the backend's.)
      return undefined;
  }
}
