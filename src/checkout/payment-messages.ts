import { chunkMessagesFor } from '../i18n/chunk-catalog.js';
import { enPayment } from '../i18n/en.js';
import type { PaymentMessages } from '../i18n/messages.js';
import type { SupportedLocale } from '../i18n/locale.js';
import { zhCNPayment } from '../i18n/zh-CN.js';
import { zhTWPayment } from '../i18n/zh-TW.js';

const CATALOGS: Record<SupportedLocale, PaymentMessages> = {
  'zh-CN': zhCNPayment.payment,
  'zh-TW': zhTWPayment.payment,
  en: enPayment.payment,
};

/**
 * The payment views' strings for a locale, with the host's overrides (`strings.payment`) laid
 * over them. They live in the payment chunk, not in the main bundle's `Messages`.
 */
export function paymentMessagesFor(locale: SupportedLocale, overrides?: Partial<PaymentMessages>): PaymentMessages {
  return chunkMessagesFor(CATALOGS, locale, overrides);
}
