/**
 * The passkey chunk's words, in its three catalogs; only the chunk carries them. A host
 * overrides single ones through `strings.passkey`.
 */
import { chunkMessagesFor } from '../i18n/chunk-catalog.js';
import type { SupportedLocale } from '../i18n/locale.js';

export interface PasskeyMessages {
  /** Under the chosen saved card: a passkey will confirm it. */
  confirmNote: string;
  /** …and the CVV the session would ask for is not needed. */
  confirmNoteNoCvv: string;
  /** The payer has a passkey, this device cannot check a fingerprint or face. */
  noAuthenticator: string;
  /** It failed for this card just now: the usual way this time. */
  usualThisTime: string;
  /** The success view's offer. */
  offerTitle: string;
  offerText: string;
  offerAccept: string;
  offerDecline: string;
  offerBusy: string;
  offerDone: string;
  offerFailed: string;
}

const zhCN: PasskeyMessages = {
  confirmNote: '用指纹或面容确认：付款时按提示验证即可。',
  confirmNoteNoCvv: '用指纹或面容确认，无需输入安全码：付款时按提示验证即可。',
  noAuthenticator: '此设备无法用指纹或面容确认，请用原来的方式确认。',
  usualThisTime: '本次请用原来的方式确认。',
  offerTitle: '下次用指纹或面容支付',
  offerText: '在本设备上开启后，下次用已保存的银行卡付款时，验证指纹或面容即可，指纹和面容信息不会离开您的设备。',
  offerAccept: '开启',
  offerDecline: '不用了',
  offerBusy: '正在开启…',
  offerDone: '已开启。下次在本设备上可以用指纹或面容支付。',
  offerFailed: '未能开启指纹或面容支付，下次付款时可以再试。',
};

const zhTW: PasskeyMessages = {
  confirmNote: '用指紋或臉部確認：付款時依提示驗證即可。',
  confirmNoteNoCvv: '用指紋或臉部確認，無需輸入安全碼：付款時依提示驗證即可。',
  noAuthenticator: '此裝置無法用指紋或臉部確認，請用原來的方式確認。',
  usualThisTime: '本次請用原來的方式確認。',
  offerTitle: '下次用指紋或臉部付款',
  offerText: '在本裝置上開啟後，下次用已儲存的銀行卡付款時，驗證指紋或臉部即可，指紋和臉部資訊不會離開您的裝置。',
  offerAccept: '開啟',
  offerDecline: '不用了',
  offerBusy: '正在開啟…',
  offerDone: '已開啟。下次在本裝置上可以用指紋或臉部付款。',
  offerFailed: '未能開啟指紋或臉部付款，下次付款時可以再試。',
};

const en: PasskeyMessages = {
  confirmNote: 'Confirm with your fingerprint or face: when you pay, follow your device’s prompt.',
  confirmNoteNoCvv: 'Confirm with your fingerprint or face, no security code needed: when you pay, follow your device’s prompt.',
  noAuthenticator: 'This device cannot confirm with a fingerprint or face. Confirm the usual way.',
  usualThisTime: 'Confirm the usual way this time.',
  offerTitle: 'Pay with your fingerprint or face next time',
  offerText: 'Turn it on for this device: next time you pay with a saved card, your fingerprint or face confirms it. They never leave your device.',
  offerAccept: 'Turn on',
  offerDecline: 'No thanks',
  offerBusy: 'Turning on…',
  offerDone: 'Done. Next time you can pay with your fingerprint or face on this device.',
  offerFailed: 'Fingerprint or face payment was not turned on. You can try again next time you pay.',
};

const CATALOGS: Record<SupportedLocale, PasskeyMessages> = { 'zh-CN': zhCN, 'zh-TW': zhTW, en };

export function passkeyMessagesFor(locale: SupportedLocale, overrides?: Partial<PasskeyMessages>): PasskeyMessages {
  return chunkMessagesFor(CATALOGS, locale, overrides);
}
