import type { SupportedLocale } from './locale.js';

/**
 * A lazy chunk's own strings for a locale, with the host's overrides of them laid over. The
 * saved cards and payment chunks carry their words in all three catalogs (so the main bundle
 * carries none of them), and each looks them up here.
 */
export function chunkMessagesFor<T extends object>(
  catalogs: Record<SupportedLocale, T>,
  locale: SupportedLocale,
  overrides?: Partial<T>,
): T {
  const base = catalogs[locale];
  return overrides ? { ...base, ...overrides } : base;
}
