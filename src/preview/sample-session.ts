/**
 * The built-in sample session preview mode renders: one order, every channel kind with limits,
 * arrival times and a maintenance window, saved cards in each state a payer meets, and what a
 * payment's local run answers. Pure: the time comes in, so the countdown and the card expiries
 * look the same whenever it is shown. It names no backend: its endpoints are never requested.
 */
import type { SupportedLocale } from '../i18n/locale.js';
import type { Action, Session } from '../protocol/schemas.js';

/** The sample's own words, per locale (the order's description, the merchant, a promotion). */
export interface SampleText {
  merchant: string;
  description: string;
  promo: string;
}

export const SAMPLE_TEXT: Record<SupportedLocale, SampleText> = {
  'zh-CN': { merchant: '示例商城', description: '年度会员 · 1 年', promo: '随机立减，最高 5 元' },
  'zh-TW': { merchant: '範例商城', description: '年度會員 · 1 年', promo: '隨機立減，最高 5 元' },
  en: { merchant: 'Sample Store', description: 'Annual membership · 1 year', promo: 'Up to ¥5 off at random' },
};

/** How a payment runs in preview: the backend's answers, as a real one might give them, after these waits. */
export const SAMPLE_RUN = {
  /** From the pay click to the attempt's pending answer. */
  pendingMs: 600,
  /** From pending to success. */
  successMs: 1800,
  qr: { type: 'qr', content: 'weixin://wxpay/bizpayurl?pr=shouyin-preview' },
  redirect: { type: 'redirect', url: 'https://example.com/shouyin-preview/wallet' },
} as const satisfies { pendingMs: number; successMs: number; qr: Action; redirect: Action };

const MINUTE = 60_000;

/** The order's amount: 128.00 yuan, in fen. */
export const SAMPLE_AMOUNT = 12_800;

/**
 * The sample session at `now`. `run` numbers each showing, so that every screen is a new order
 * (what the cashier keeps per session, such as the chosen saved card, starts afresh);
 * `savedCards: false` gives the payer with none, whom the card channel shows the card form.
 */
export function sampleSession(now: number, text: SampleText, run: number, savedCards = true): Session {
  const expiry = new Date(now);
  const year = expiry.getUTCFullYear();
  const month = expiry.getUTCMonth() + 1;
  return {
    v: 1,
    id: `cs_preview_${run}${savedCards ? '' : '_new'}`,
    expiresAt: new Date(now + 15 * MINUTE).toISOString(),
    order: {
      id: `ord_preview_${run}`,
      amount: SAMPLE_AMOUNT,
      currency: 'CNY',
      description: text.description,
      merchant: { id: 'm_preview', name: text.merchant },
    },
    channels: [
      {
        id: 'wechat',
        kind: 'wechat',
        status: 'up',
        limits: { perTransaction: 500_000, perDay: 2_000_000, usedToday: 320_000 },
        settlement: { kind: 'realtime' },
        fallbacks: ['alipay', 'card'],
      },
      {
        id: 'alipay',
        kind: 'alipay',
        status: 'up',
        limits: { perTransaction: 1_000_000 },
        settlement: { kind: 'realtime' },
        promo: text.promo,
        fallbacks: ['card'],
      },
      { id: 'unionpay', kind: 'unionpay', status: 'degraded', limits: { perTransaction: 500_000 }, settlement: { kind: 'T+0' }, isNew: true },
      {
        id: 'ecny',
        kind: 'ecny',
        status: 'up',
        limits: { perTransaction: 200_000 },
        settlement: { kind: 'D+0' },
        // Under maintenance for the next hour: the list shows a channel that cannot pay, and why.
        maintenance: [{ from: new Date(now - 5 * MINUTE).toISOString(), to: new Date(now + 55 * MINUTE).toISOString() }],
      },
      { id: 'card', kind: 'card', status: 'up', limits: { perTransaction: 5_000_000, min: 100 }, settlement: { kind: 'T+1' } },
    ],
    savedCards: savedCards
      ? [
          { id: 'card_preview_1', brand: 'unionpay', first6: '622202', last4: '1234', expMonth: 8, expYear: year + 3, status: 'active' },
          // Expires at the end of this month: the list warns of it.
          { id: 'card_preview_2', brand: 'visa', last4: '4242', expMonth: month, expYear: year, status: 'active' },
          { id: 'card_preview_3', brand: 'mastercard', last4: '5454', expMonth: 2, expYear: year + 2, status: 'frozen' },
        ]
      : [],
    fallback: { mode: 'prompt' },
    // Never used: preview signs and sends nothing.
    signing: { alg: 'HS256', kid: 'preview', key: 'preview-mode-signs-nothing-this-key-is-never-used' },
    endpoints: { intents: 'preview:intents', status: 'preview:status', cards: 'preview:cards' },
  };
}
