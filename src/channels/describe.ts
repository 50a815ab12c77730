import { formatClock, formatMoney, formatPercent } from '../i18n/format.js';
import type { Messages } from '../i18n/messages.js';
import { superAppOf, type SuperApp } from '../env/rules.js';
import type { Channel } from '../protocol/schemas.js';
import { channelAvailability, remainingToday, type AvailabilityContext } from './availability.js';

/** One channel as the payer sees it: everything already in words, nothing left to compute. */
export interface ChannelView {
  id: string;
  kind: string;
  name: string;
  /** The name is the host's label (in the host's language), not the catalog's. */
  hostName?: boolean;
  available: boolean;
  /** Why it cannot pay now; read by screen readers with the option. */
  unavailableText?: string;
  /** Limits, settlement and fee, in display order. */
  details: string[];
  promo?: string;
  /** The host's "new" badge, in words. */
  badge?: string;
  /** Said when the channel works but slowly. */
  warning?: string;
  /** Maintenance windows ahead (维护时段 23:30–00:30), so the payer is not surprised later. */
  maintenance?: string;
  /** The words of the button that shows how to open the page outside the super-app blocking this wallet. */
  guide?: string;
}

/** Windows further ahead than this are the host's business, not the payer's. */
const MAINTENANCE_HORIZON_MS = 24 * 60 * 60 * 1000;

export interface DescribeContext extends AvailabilityContext {
  currency: string;
  locale: string;
  messages: Messages;
}

export function describeChannel(channel: Channel, context: DescribeContext): ChannelView {
  const { messages: m, currency, locale } = context;
  const money = (amount: number): string => formatMoney(amount, currency, locale);
  const availability = channelAvailability(channel, context);
  const details: string[] = [];
  if (channel.limits.perTransaction !== undefined) details.push(m.perTransaction(money(channel.limits.perTransaction)));
  const remaining = remainingToday(channel);
  if (remaining !== undefined) details.push(m.remainingToday(money(remaining)));
  if (channel.limits.min !== undefined) details.push(m.minimum(money(channel.limits.min)));
  details.push(channel.settlement.note ?? m.settlement(channel.settlement.kind));
  if (channel.fee?.rate) details.push(m.feeRate(formatPercent(channel.fee.rate, locale)));
  if (channel.fee?.fixed) details.push(m.channels.feeFixed(money(channel.fee.fixed)));
  const ahead = (channel.maintenance ?? [])
    .filter((w) => Date.parse(w.from) > context.now && Date.parse(w.from) - context.now < MAINTENANCE_HORIZON_MS)
    .map((w) => m.channels.maintenanceWindow(formatClock(Date.parse(w.from), locale), formatClock(Date.parse(w.to), locale)));
  const app = context.env && superAppOf(context.env);
  const blocked = !availability.available && availability.reason === 'environment' && app;
  // A mini-program's `···` menu has no "open in browser": its payers copy the link instead.
  const elsewhere = (app: SuperApp): string =>
    context.env === 'wechat-miniprogram' ? m.channels.copyToBrowser : m.channels.openInBrowser(m.channels.appName(app));
  return {
    id: channel.id,
    kind: channel.kind,
    name: channel.label ?? m.channelName(channel.kind),
    hostName: channel.label !== undefined || undefined,
    available: availability.available,
    // Absent notes are undefined: the list shows only what is there.
    unavailableText: availability.available
      ? undefined
      : blocked
        ? elsewhere(blocked)
        : m.unavailable(availability.reason, availability.until === undefined ? undefined : formatClock(availability.until, locale)),
    details,
    promo: channel.promo,
    badge: channel.isNew ? m.newBadge : undefined,
    warning: channel.status === 'degraded' ? m.degraded : undefined,
    maintenance: ahead.length > 0 ? ahead.join(' · ') : undefined,
    guide: blocked ? m.channels.guide : undefined,
  };
}
