import { randomToken } from '../../src/protocol/base64url.js';
import type { Action, Channel, Intent } from '../../src/protocol/schemas.js';

/** Wallet kinds that answer with an action; a card is settled in the page, without one. */
const WALLETS = new Set(['wechat', 'alipay', 'unionpay', 'ecny']);

export function answersWithAction(channel: Channel): boolean {
  return WALLETS.has(channel.kind);
}

/**
 * What a real wallet would have the cashier do next, by where the payer is (the intent's
 * `env`): inside the wallet's own app, its JS bridge opens the payment sheet (inside a WeChat
 * mini-program, the mini-program's own payment page); on a desktop,
 * a QR code to scan with the phone; in any other mobile browser (or another super-app), the
 * wallet's H5 page. Every action names the payment id, so a simulated payer (a test that
 * decodes the QR code, a bridge stub) can confirm it: `POST /api/intents/:id/confirm`.
 * The URLs mimic the wallets' real ones and lead nowhere.
 */
export function actionFor(channel: Channel, env: Intent['env'], paymentId: string): Action {
  if (channel.kind === 'wechat' && env === 'wechat') return { type: 'bridge', bridge: 'wechat', params: wechatPayParams(paymentId) };
  // A mini-program's web-view cannot pay through the bridge: the mini-program's own page pays.
  if (channel.kind === 'wechat' && env === 'wechat-miniprogram') {
    return { type: 'miniprogram', path: MINIPROGRAM_PAY_PAGE, params: new URLSearchParams(wechatPayParams(paymentId)).toString() };
  }
  if (channel.kind === 'alipay' && env === 'alipay') {
    return { type: 'bridge', bridge: 'alipay', params: { tradeNO: paymentId } };
  }
  // QuickPass's own cashier (`upsdk.pay`) takes the transaction number the backend got for it.
  if (channel.kind === 'unionpay' && env === 'unionpay') return { type: 'bridge', bridge: 'unionpay', params: { tn: paymentId } };
  if (env === 'desktop') return { type: 'qr', content: qrContent(channel.kind, paymentId) };
  return { type: 'redirect', url: h5Url(channel.kind, paymentId) };
}

/** The page of the host's mini-program that calls `wx.requestPayment` (docs/super-apps.md). */
export const MINIPROGRAM_PAY_PAGE = '/pages/pay/pay';

/** What `getBrandWCPayRequest` and `wx.requestPayment` take (the appId only the former). */
function wechatPayParams(paymentId: string): Record<string, string> {
  return {
    appId: 'wx0000000000demo',
    timeStamp: String(Math.floor(Date.now() / 1000)),
    nonceStr: randomToken(12),
    package: `prepay_id=${paymentId}`,
    signType: 'RSA',
    paySign: randomToken(32),
  };
}

function qrContent(kind: string, paymentId: string): string {
  switch (kind) {
    case 'wechat':
      return `weixin://wxpay/bizpayurl?pr=${paymentId}`;
    case 'alipay':
      return `https://qr.alipay.com/${paymentId}`;
    case 'unionpay':
      return `https://qr.95516.com/00010000/${paymentId}`;
    default:
      return `https://pay.example.com/qr/${kind}/${paymentId}`;
  }
}

function h5Url(kind: string, paymentId: string): string {
  switch (kind) {
    case 'wechat':
      return `https://wx.tenpay.com/cgi-bin/mmpayweb-bin/checkmweb?prepay_id=${paymentId}`;
    case 'alipay':
      return `https://mclient.alipay.com/cashier/mobilepay.htm?trade_no=${paymentId}`;
    case 'unionpay':
      return `https://wallet.95516.com/s/wl/webV3/activity/pay?tn=${paymentId}`;
    default:
      return `https://pay.example.com/h5/${kind}/${paymentId}`;
  }
}
