/**
 * The channel a payer last paid with on this device, per merchant (channel ids are the
 * host's). Only the id is kept; storage that is full, blocked or missing (private modes,
 * some WebViews) just means no preference.
 */
const key = (merchantId: string): string => `shouyin.lastChannel.${merchantId}`;

export function readLastUsed(merchantId: string): string | null {
  try {
    return globalThis.localStorage?.getItem(key(merchantId)) ?? null;
  } catch {
    return null;
  }
}

export function rememberLastUsed(merchantId: string, channelId: string): void {
  try {
    globalThis.localStorage?.setItem(key(merchantId), channelId);
  } catch {
    // No storage: the next visit ranks without a preference.
  }
}
