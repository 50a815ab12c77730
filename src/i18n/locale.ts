import type { MessageOverrides, Messages } from './messages.js';
import { zhCN } from './zh-CN.js';

export const SUPPORTED_LOCALES = ['zh-CN', 'zh-TW', 'en'] as const;
export type SupportedLocale = (typeof SUPPORTED_LOCALES)[number];
export const DEFAULT_LOCALE: SupportedLocale = 'zh-CN';

/** The catalog's groups an override may change one entry of, keeping the rest. */
const NESTED = ['errors', 'failures', 'card', 'channels', 'fallback'] as const;

/**
 * The catalogs at hand: zh-CN comes with the bundle; zh-TW and en are lazy chunks that
 * `loadCatalog` (src/lazy/load.ts) adds once fetched.
 */
const CATALOGS: Partial<Record<SupportedLocale, Messages>> = { 'zh-CN': zhCN };

/** Whether `messagesFor(locale)` gives that locale's own words (its catalog is loaded). */
export function hasCatalog(locale: SupportedLocale): boolean {
  return CATALOGS[locale] !== undefined;
}

/** Makes a loaded catalog available to `messagesFor`. */
export function addCatalog(locale: SupportedLocale, messages: Messages): void {
  CATALOGS[locale] = messages;
}

/**
 * Maps a BCP 47 tag to a catalog, or `undefined` when none fits. Traditional Chinese
 * (zh-TW, zh-HK, zh-MO, zh-Hant-*) goes to zh-TW and Simplified (zh, zh-CN, zh-SG, zh-Hans-*)
 * to zh-CN, so the two scripts never mix; any English goes to en.
 */
export function matchLocale(tag: string | null | undefined): SupportedLocale | undefined {
  if (!tag) return undefined;
  const lower = tag.trim().toLowerCase().replace(/_/g, '-');
  const [language, ...rest] = lower.split('-');
  if (language === 'en') return 'en';
  if (language !== 'zh') return undefined;
  if (rest.includes('hant') || rest.some((part) => part === 'tw' || part === 'hk' || part === 'mo')) return 'zh-TW';
  return 'zh-CN';
}

/** The first candidate that has a catalog (element's `locale`, nearest `lang`, document), else zh-CN. */
export function resolveLocale(...candidates: Array<string | null | undefined>): SupportedLocale {
  for (const candidate of candidates) {
    const match = matchLocale(candidate);
    if (match) return match;
  }
  return DEFAULT_LOCALE;
}

/**
 * The catalog for a locale with the host's single-string overrides laid over it; zh-CN's
 * while that locale's catalog is not loaded (see `hasCatalog`).
 */
export function messagesFor(locale: SupportedLocale, overrides?: MessageOverrides): Messages {
  const base = CATALOGS[locale] ?? zhCN;
  if (!overrides) return base;
  const merged: Record<string, unknown> = { ...base, ...overrides };
  for (const key of NESTED) merged[key] = { ...base[key], ...overrides[key] };
  return merged as unknown as Messages;
}
