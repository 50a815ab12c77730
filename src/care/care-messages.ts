import { chunkMessagesFor } from '../i18n/chunk-catalog.js';
import type { SupportedLocale } from '../i18n/locale.js';
import type { MessageOverrides } from '../i18n/messages.js';

/**
 * Care mode's words, in its chunk: plain words laid over the catalog (no "T+1"; limits said as
 * what the payer may pay), and the read-aloud button's. A host's own `strings` still win.
 */
export interface CareMessages {
  /** Laid over the main catalog while care mode is on. */
  plain: MessageOverrides;
  /** The read-aloud button. */
  readAloud: string;
  /** The button that shows the `count` channels other than the chosen one. */
  otherChannels: (count: number) => string;
  /** What is read: the merchant and the amount, after the result once there is one. */
  readOrder: (merchant: string, amount: string, result?: string) => string;
}

const zhCNSettlement: Record<string, string> = {
  realtime: '马上到账',
  'T+0': '当天到账',
  'D+0': '当天到账',
  'T+1': '下一个工作日到账',
  'D+1': '明天到账',
};
const zhTWSettlement: Record<string, string> = {
  realtime: '馬上入帳',
  'T+0': '當天入帳',
  'D+0': '當天入帳',
  'T+1': '下一個工作日入帳',
  'D+1': '明天入帳',
};
const enSettlement: Record<string, string> = {
  realtime: 'Arrives at once',
  'T+0': 'Arrives today',
  'D+0': 'Arrives today',
  'T+1': 'Arrives the next working day',
  'D+1': 'Arrives tomorrow',
};

const CATALOGS: Record<SupportedLocale, CareMessages> = {
  'zh-CN': {
    plain: {
      settlement: (kind) => zhCNSettlement[kind] ?? `${kind} 到账`,
      perTransaction: (amount) => `每次最多付 ${amount}`,
      remainingToday: (amount) => `今天还能付 ${amount}`,
    },
    readAloud: '朗读',
    otherChannels: (count) => `其他支付方式（${count}）`,
    readOrder: (merchant, amount, result) => `${result ? `${result}。` : ''}付款给${merchant}，金额 ${amount}`,
  },
  'zh-TW': {
    plain: {
      settlement: (kind) => zhTWSettlement[kind] ?? `${kind} 入帳`,
      perTransaction: (amount) => `每次最多付 ${amount}`,
      remainingToday: (amount) => `今天還能付 ${amount}`,
    },
    readAloud: '朗讀',
    otherChannels: (count) => `其他付款方式（${count}）`,
    readOrder: (merchant, amount, result) => `${result ? `${result}。` : ''}付款給${merchant}，金額 ${amount}`,
  },
  en: {
    plain: {
      settlement: (kind) => enSettlement[kind] ?? `Arrives ${kind}`,
      perTransaction: (amount) => `Up to ${amount} each time`,
      remainingToday: (amount) => `Up to ${amount} more today`,
    },
    readAloud: 'Read aloud',
    otherChannels: (count) => `Other ways to pay (${count})`,
    readOrder: (merchant, amount, result) => `${result ? `${result}. ` : ''}Paying ${merchant}, ${amount}`,
  },
};

export function careMessagesFor(locale: SupportedLocale): CareMessages {
  return chunkMessagesFor(CATALOGS, locale);
}
