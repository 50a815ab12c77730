import { nativeKind } from '../env/rules.js';
import type { Channel } from '../protocol/schemas.js';
import { channelAvailability, type AvailabilityContext } from './availability.js';

export interface RankingContext extends AvailabilityContext {
  /** The channel id the payer last paid with on this device, if any. */
  lastUsed?: string | null;
}

/**
 * The channels best first. The order of the rules is the order of what matters:
 *   1. a channel that can take this payment here and now beats one that cannot;
 *   2. inside a super-app, its own wallet (WeChat → WeChat Pay, Alipay → Alipay, UnionPay →
 *      QuickPass), since it pays without leaving the app;
 *   3. the channel the payer used last time;
 *   4. the host's order.
 * Stable and pure: the same input gives the same order, and unavailable channels keep their
 * host order at the end, so a fallback can take the first eligible one after a failure.
 */
export function rankChannels(channels: readonly Channel[], context: RankingContext): Channel[] {
  const native = context.env ? nativeKind(context.env) : undefined;
  const scored = channels.map((channel, index) => {
    const eligible = channelAvailability(channel, context).available;
    const score = !eligible ? 0 : 1 + (channel.kind === native ? 4 : 0) + (channel.id === context.lastUsed ? 2 : 0);
    return { channel, index, score };
  });
  scored.sort((a, b) => b.score - a.score || a.index - b.index);
  return scored.map((entry) => entry.channel);
}

/** The channel to preselect: the best one that can pay, or `undefined` when none can. */
export function recommendChannel(channels: readonly Channel[], context: RankingContext): Channel | undefined {
  const best = rankChannels(channels, context)[0];
  return best && channelAvailability(best, context).available ? best : undefined;
}
