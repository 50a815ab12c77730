import { chunkMessagesFor } from '../i18n/chunk-catalog.js';
import type { SupportedLocale } from '../i18n/locale.js';
import { enHints } from './i18n/en.js';
import { zhCNHints } from './i18n/zh-CN.js';
import { zhTWHints } from './i18n/zh-TW.js';

/**
 * The assistant's words. They live in the assistant chunk (dist/lazy/assistant.js), not in the
 * main bundle's `Messages`; a host overrides single ones through `strings.assistant`.
 *
 * A `topic` is what the hint is about: a card field (`number`, `expiry`, `cvv`, `name`), `sms`,
 * or `channel` (no payment method chosen, or switching between them). `channel` in
 * `backAndForth` gets the recommended channel's name, if one is. The `offline` hint has no words
 * here: it is the cashier's own offline message, on the page already (main catalog).
 */
export interface HintMessages {
  /** The dismiss button. */
  dismiss: string;
  dwell: (topic: string) => string;
  backAndForth: (topic: string, recommended: string | null) => string;
  repeatedError: (topic: string) => string;
  slowNetwork: string;
  /** `channel`: the name of the channel that declined twice. */
  declinedAgain: (channel: string) => string;
}

const CATALOGS: Record<SupportedLocale, HintMessages> = { 'zh-CN': zhCNHints, 'zh-TW': zhTWHints, en: enHints };

export function hintMessagesFor(locale: SupportedLocale, overrides?: Partial<HintMessages>): HintMessages {
  return chunkMessagesFor(CATALOGS, locale, overrides);
}
