import { chunkMessagesFor } from '../i18n/chunk-catalog.js';
import { enGuide } from '../i18n/en.js';
import type { GuideMessages } from '../i18n/messages.js';
import type { SupportedLocale } from '../i18n/locale.js';
import { zhCNGuide } from '../i18n/zh-CN.js';
import { zhTWGuide } from '../i18n/zh-TW.js';

const CATALOGS: Record<SupportedLocale, GuideMessages> = {
  'zh-CN': zhCNGuide.guide,
  'zh-TW': zhTWGuide.guide,
  en: enGuide.guide,
};

/**
 * The guide's strings for a locale, with the host's overrides (`strings.guide`) laid over them.
 * They live in the guide chunk, not in the main bundle's `Messages`.
 */
export function guideMessagesFor(locale: SupportedLocale, overrides?: Partial<GuideMessages>): GuideMessages {
  return chunkMessagesFor(CATALOGS, locale, overrides);
}
