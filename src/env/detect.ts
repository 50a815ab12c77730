import type { Environment } from '../protocol/schemas.js';

/** What detection reads; injected so it runs in Node and in tests with any user agent. */
export interface EnvironmentProbe {
  userAgent: string;
  /** `window.__wxjs_environment`, set by WeChat inside mini-program web-views. */
  wxjsEnvironment?: unknown;
  /** Touch-first device (`(pointer: coarse)`), for desktop browsers with a phone-like UA. */
  coarsePointer?: boolean;
}

/**
 * Where the cashier runs. Super-app webviews announce themselves in the user agent:
 * `MicroMessenger` (WeChat; `miniProgram` inside mini-programs), `AlipayClient`, and
 * `com.unionpay.*` / `UnionPay/` for QuickPass.
 */
export function detectEnvironment({ userAgent, wxjsEnvironment, coarsePointer = false }: EnvironmentProbe): Environment {
  const ua = userAgent;
  if (/MicroMessenger/i.test(ua)) {
    return wxjsEnvironment === 'miniprogram' || /miniProgram/i.test(ua) ? 'wechat-miniprogram' : 'wechat';
  }
  if (/AlipayClient/i.test(ua)) return 'alipay';
  if (/com\.unionpay|UnionPay\//i.test(ua)) return 'unionpay';
  if (/Android|iPhone|iPod|iPad|Mobile|HarmonyOS/i.test(ua) || coarsePointer) return 'mobile';
  return 'desktop';
}

/** Reads the probe from the page; only elements and controllers call this. */
export function probeBrowser(): EnvironmentProbe {
  return {
    userAgent: navigator.userAgent,
    wxjsEnvironment: (globalThis as { __wxjs_environment?: unknown }).__wxjs_environment,
    coarsePointer: globalThis.matchMedia?.('(pointer: coarse)').matches ?? false,
  };
}
