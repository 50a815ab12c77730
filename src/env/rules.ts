import type { Environment } from '../protocol/schemas.js';

/** A super-app the cashier can run inside; `undefined` for a plain browser. */
export type SuperApp = 'wechat' | 'alipay' | 'unionpay';

/** The app whose webview this is, whatever the flavour (a WeChat mini-program is still WeChat). */
export function superAppOf(env: Environment): SuperApp | undefined {
  if (env === 'wechat-miniprogram') return 'wechat';
  return env === 'wechat' || env === 'alipay' || env === 'unionpay' ? env : undefined;
}

/**
 * Channel kinds each super-app webview refuses to hand over to. WeChat blocks links and URL
 * schemes into Alipay, and into the UnionPay and e-CNY apps; Alipay blocks WeChat Pay and the
 * other wallets likewise; the UnionPay app cannot open WeChat Pay or Alipay. A bank card is
 * entered in the page, so it works everywhere; kinds a host adds are its own business.
 */
const BLOCKED: Record<SuperApp, readonly string[]> = {
  wechat: ['alipay', 'unionpay', 'ecny'],
  alipay: ['wechat', 'unionpay', 'ecny'],
  unionpay: ['wechat', 'alipay'],
};

/** Whether a channel of this kind can pay where the cashier runs. Browsers take every kind. */
export function worksIn(kind: string, env: Environment): boolean {
  const app = superAppOf(env);
  return app === undefined || !BLOCKED[app].includes(kind);
}

/** The channel kind a super-app's own webview pays with first: its own wallet. */
export const nativeKind: (env: Environment) => string | undefined = superAppOf;
