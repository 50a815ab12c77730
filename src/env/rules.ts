import type { Environment } from '../protocol/schemas.js';

/** A super-app the cashier can run inside; `undefined` for a plain browser. */
export type SuperApp = 'wechat' | 'alipay' | 'unionpay';

/** The app whose webview this is, whatever the flavour (a WeChat mini-program is still WeChat). */
export function superAppOf(env: Environment): SuperApp | undefined {
  switch (env) {
    case 'wechat':
    case 'wechat-miniprogram':
      return 'wechat';
    case 'alipay':
      return 'alipay';
    case 'unionpay':
      return 'unionpay';
    default:
      return undefined;
  }
}

/**
 * Channel kinds each super-app webview refuses to hand over to. WeChat blocks links and URL
 * schemes into Alipay, and into the UnionPay and e-CNY apps; Alipay blocks WeChat Pay and the
 * other wallets likewise; the UnionPay app cannot open WeChat Pay or Alipay. A bank card is
 * entered in the page, so it works everywhere; kinds a host adds are its own business.
 */
const BLOCKED: Record<SuperApp, ReadonlySet<string>> = {
  wechat: new Set(['alipay', 'unionpay', 'ecny']),
  alipay: new Set(['wechat', 'unionpay', 'ecny']),
  unionpay: new Set(['wechat', 'alipay']),
};

/** Whether a channel of this kind can pay where the cashier runs. Browsers take every kind. */
export function worksIn(kind: string, env: Environment): boolean {
  const app = superAppOf(env);
  return app === undefined || !BLOCKED[app].has(kind);
}

/** The channel kind a super-app's own webview pays with first: its own wallet. */
export function nativeKind(env: Environment): string | undefined {
  return superAppOf(env);
}
