/**
 * The peer: what a host ships to show Adyen Web's Drop-in with a card and two wallets,
 * written the way Adyen's v6 docs show it (tree-shakable ESM entry plus its stylesheet).
 * `npm run bench` weighs it, and mounts it beside the cashier: the first screen a payer sees
 * (the list of payment methods) from an inline `paymentMethodsResponse`, so it needs no server.
 * Its calls to Adyen's servers (analytics, the card's secured fields) are switched off or never
 * made: the first screen opens no payment method.
 */
import { AdyenCheckout, Card, Dropin, Redirect, WeChat } from '@adyen/adyen-web';
import '@adyen/adyen-web/styles/adyen.css';

/** The same order as the cashier's bench session: ¥128.00, paid from China. */
const CONFIGURATION = {
  environment: 'test',
  // A well-formed test key: nothing is sent with it, since no payment method is opened.
  clientKey: 'test_BENCHBENCHBENCHBENCHBENCHBENCH12',
  countryCode: 'CN',
  locale: 'zh-CN',
  amount: { value: 12800, currency: 'CNY' },
  analytics: { enabled: false },
  paymentMethodsResponse: {
    paymentMethods: [
      { type: 'scheme', name: '银行卡', brands: ['cup', 'visa', 'mc', 'amex'] },
      { type: 'wechatpayQR', name: '微信支付' },
      { type: 'alipay', name: '支付宝' },
    ],
  },
} as const;

async function mountDropin(container: HTMLElement) {
  const checkout = await AdyenCheckout(CONFIGURATION as Parameters<typeof AdyenCheckout>[0]);
  return new Dropin(checkout, { paymentMethodComponents: [Card, WeChat, Redirect], openFirstPaymentMethod: false }).mount(container);
}

// The bench page calls it; publishing it keeps the bundler from tree-shaking everything away.
(globalThis as { mountAdyenDropin?: typeof mountDropin }).mountAdyenDropin = mountDropin;
