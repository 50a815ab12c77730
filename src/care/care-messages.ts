import { chunkMessagesFor } from '../i18n/chunk-catalog.js';
import type { SupportedLocale } from '../i18n/locale.js';
import type { MessageOverrides } from '../i18n/messages.js';
import type { CareStep, CareStepWhat } from './steps.js';

/**
 * Care mode's words, in its chunk: plain words laid over the catalog (no "T+1"; limits said as
 * what the payer may pay), and the read-aloud button's. A host's own `strings` still win.
 */
export interface CareMessages {
  /** Laid over the main catalog while care mode is on. */
  plain: MessageOverrides;
  /** The read-aloud button. */
  readAloud: string;
  /**
   * The disclosure of the channels other than the chosen one: `hidden` of them while closed; `0`
   * once open (they are on screen, `aria-expanded` says it is open), which drops the count.
   */
  otherChannels: (hidden: number) => string;
  /** What is read: the merchant and the amount, after the result once there is one, before the step the payer is on. */
  readOrder: (merchant: string, amount: string, result?: string, step?: string) => string;
  /** A channel row's button that shows its limits, fees and arrival time. */
  more: string;
  /** The step the payer is on (`channel`: the selected channel's name). */
  step: (step: CareStep, channel: string) => string;
}

/** "第 2 步（共 5 步）：" before what to do, from the words for each step. */
function stepper(numbered: (n: number, of: number) => string, words: (channel: string) => Record<CareStepWhat, string>) {
  return ({ what, n, of }: CareStep, channel: string): string => `${n && of ? numbered(n, of) : ''}${words(channel)[what]}`;
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
    otherChannels: (hidden) => `其他支付方式${hidden ? `（${hidden}）` : ''}`,
    readOrder: (merchant, amount, result, step) => `${result ? `${result}。` : ''}付款给${merchant}，金额 ${amount}${step ? `。${step}` : ''}`,
    more: '详情',
    step: stepper(
      (n, of) => `第 ${n} 步（共 ${of} 步）：`,
      (channel) => ({
        choose: '选择支付方式',
        other: '这种方式付不了，请换一种支付方式',
        number: '输入银行卡号',
        expiry: '输入有效期（月/年）',
        cvv: '输入卡背面的 3 位安全码',
        name: '输入持卡人姓名',
        details: '填写持卡人信息，勾选协议，点“获取验证码”',
        sms: '输入收到的 6 位短信验证码',
        pay: '核对金额，点“确认支付”',
        wait: '正在付款，请稍候',
        confirm: `在${channel}里确认付款`,
        paid: '付款成功',
      }),
    ),
  },
  'zh-TW': {
    plain: {
      settlement: (kind) => zhTWSettlement[kind] ?? `${kind} 入帳`,
      perTransaction: (amount) => `每次最多付 ${amount}`,
      remainingToday: (amount) => `今天還能付 ${amount}`,
    },
    readAloud: '朗讀',
    otherChannels: (hidden) => `其他付款方式${hidden ? `（${hidden}）` : ''}`,
    readOrder: (merchant, amount, result, step) => `${result ? `${result}。` : ''}付款給${merchant}，金額 ${amount}${step ? `。${step}` : ''}`,
    more: '詳情',
    step: stepper(
      (n, of) => `第 ${n} 步（共 ${of} 步）：`,
      (channel) => ({
        choose: '選擇付款方式',
        other: '這種方式付不了，請換一種付款方式',
        number: '輸入銀行卡號',
        expiry: '輸入有效期限（月/年）',
        cvv: '輸入卡片背面的 3 位安全碼',
        name: '輸入持卡人姓名',
        details: '填寫持卡人資料，勾選協議，點「取得驗證碼」',
        sms: '輸入收到的 6 位簡訊驗證碼',
        pay: '核對金額，點「確認付款」',
        wait: '正在付款，請稍候',
        confirm: `在${channel}裡確認付款`,
        paid: '付款成功',
      }),
    ),
  },
  en: {
    plain: {
      settlement: (kind) => enSettlement[kind] ?? `Arrives ${kind}`,
      perTransaction: (amount) => `Up to ${amount} each time`,
      remainingToday: (amount) => `Up to ${amount} more today`,
    },
    readAloud: 'Read aloud',
    otherChannels: (hidden) => `Other ways to pay${hidden ? ` (${hidden})` : ''}`,
    readOrder: (merchant, amount, result, step) => `${result ? `${result}. ` : ''}Paying ${merchant}, ${amount}${step ? `. ${step}` : ''}`,
    more: 'Details',
    step: stepper(
      (n, of) => `Step ${n} of ${of}: `,
      (channel) => ({
        choose: 'choose how to pay',
        other: 'this way cannot pay, choose another one',
        number: 'enter the card number',
        expiry: 'enter the expiry date (month/year)',
        cvv: 'enter the 3-digit security code on the back of the card',
        name: "enter the cardholder's name",
        details: 'fill in the cardholder\'s details, accept the agreement and press "Get code"',
        sms: 'enter the 6-digit code from the text message',
        pay: 'check the amount and press "Pay"',
        wait: 'paying, please wait',
        confirm: `confirm the payment in ${channel}`,
        paid: 'Paid',
      }),
    ),
  },
};

export function careMessagesFor(locale: SupportedLocale): CareMessages {
  return chunkMessagesFor(CATALOGS, locale);
}
