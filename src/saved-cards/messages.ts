import { chunkMessagesFor } from '../i18n/chunk-catalog.js';
import { enSavedCards } from '../i18n/en.js';
import type { SavedCardsMessages } from '../i18n/messages.js';
import type { SupportedLocale } from '../i18n/locale.js';
import { zhCNSavedCards } from '../i18n/zh-CN.js';
import { zhTWSavedCards } from '../i18n/zh-TW.js';

const CATALOGS: Record<SupportedLocale, SavedCardsMessages> = {
  'zh-CN': zhCNSavedCards.savedCards,
  'zh-TW': zhTWSavedCards.savedCards,
  en: enSavedCards.savedCards,
};

/**
 * The saved card list's strings for a locale, with the host's overrides (`strings.savedCards`)
 * laid over them. They live in the saved cards chunk, not in the main bundle's `Messages`.
 */
export function savedCardsMessagesFor(locale: SupportedLocale, overrides?: Partial<SavedCardsMessages>): SavedCardsMessages {
  return chunkMessagesFor(CATALOGS, locale, overrides);
}
