import { alipayOutcome, BridgeOutcome, unionpayFailure, wechatOutcome } from './bridge-result.js';

type Callback = (result: unknown) => void;

/** The globals the super-apps inject into their webviews (or WeChat's JSSDK defines). */
export interface BridgeGlobals {
  WeixinJSBridge?: { invoke(method: string, params: Record<string, unknown>, callback: Callback): void };
  AlipayJSBridge?: { call(method: string, params: Record<string, unknown>, callback: Callback): void };
  /** QuickPass's JS SDK (`upsdk.js`), which the host page loads inside the QuickPass app. */
  upsdk?: {
    pluginReady(callback: () => void): void;
    pay(options: { tn: string; success: () => void; fail: (error?: unknown) => void }): void;
  };
  /** Set by WeChat inside a mini-program's web-view (`'miniprogram'`), by the time its bridge is ready. */
  __wxjs_environment?: unknown;
  /** WeChat's JSSDK (`jweixin.js`), which the host page of a mini-program web-view loads. */
  wx?: { miniProgram?: { navigateTo(options: { url: string; success?: () => void; fail?: (error: unknown) => void }): void } };
}

export interface BridgeOptions {
  /** Where the bridge globals live (the window). */
  globals?: BridgeGlobals;
  /** Where the apps fire `WeixinJSBridgeReady` / `AlipayJSBridgeReady`. */
  events?: EventTarget;
  /** How long to wait for a bridge that is not there yet. */
  timeoutMs?: number;
}

export type BridgeName = 'wechat' | 'alipay' | 'unionpay';

const READY_EVENT: Record<BridgeName, string> = { wechat: 'WeixinJSBridgeReady', alipay: 'AlipayJSBridgeReady', unionpay: '' };

/**
 * Opens the app's payment sheet with the backend's parameters and says how it ended. The
 * bridge is injected after the page starts, so when it is missing we wait for it (and the app's
 * ready event), at most `timeoutMs`; a page opened outside the app gets `unavailable`.
 */
export async function callBridge(
  bridge: BridgeName,
  params: Record<string, unknown>,
  { globals = globalThis as BridgeGlobals, events = globalThis.document, timeoutMs = 5000 }: BridgeOptions = {},
): Promise<BridgeOutcome> {
  const present = (): boolean => !!(bridge === 'wechat' ? globals.WeixinJSBridge : bridge === 'alipay' ? globals.AlipayJSBridge : globals.upsdk);
  if (!(await arrival(present, timeoutMs, events, READY_EVENT[bridge]))) return BridgeOutcome.Unavailable;
  // `getBrandWCPayRequest` cannot pay inside a mini-program (a backend that still answers the
  // bridge there is answered as if there were none): only the `miniprogram` action pays there.
  if (bridge === 'wechat' && globals.__wxjs_environment === 'miniprogram') return BridgeOutcome.Unavailable;
  if (bridge === 'unionpay') return payWithUpsdk(globals.upsdk!, String(params.tn), timeoutMs);
  return new Promise((resolve) => {
    if (bridge === 'wechat') globals.WeixinJSBridge!.invoke('getBrandWCPayRequest', params, (r) => resolve(wechatOutcome(r)));
    else globals.AlipayJSBridge!.call('tradePay', params, (r) => resolve(alipayOutcome(r)));
  });
}

/**
 * QuickPass's cashier: `upsdk.pay` only works once `upsdk.pluginReady` has called back, which an
 * app that is not QuickPass (or a broken one) never does; so it too is awaited `timeoutMs` at most.
 */
async function payWithUpsdk(sdk: NonNullable<BridgeGlobals['upsdk']>, tn: string, timeoutMs: number): Promise<BridgeOutcome> {
  const ready = await new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    sdk.pluginReady(() => {
      clearTimeout(timer);
      resolve(true);
    });
  });
  if (!ready) return BridgeOutcome.Unavailable;
  return new Promise((resolve) => {
    sdk.pay({ tn, success: () => resolve(BridgeOutcome.Check), fail: (error) => resolve(unionpayFailure(error)) });
  });
}

/**
 * Hands the payment to the WeChat mini-program around this web-view: `wx.miniProgram.navigateTo`
 * opens the host's payment page of it (`path?params`), which calls `wx.requestPayment` and
 * comes back. `away` once that page opens (the return here checks the status); `unavailable`
 * when the host page has no JSSDK within `timeoutMs` (it may still be loading) or the
 * mini-program refuses the page. `getBrandWCPayRequest` cannot pay inside a mini-program, so it
 * is never tried here.
 */
export async function openMiniProgram(
  path: string,
  params: string,
  { globals = globalThis as BridgeGlobals, timeoutMs = 5000 }: BridgeOptions = {},
): Promise<BridgeOutcome> {
  const present = (): boolean => !!globals.wx?.miniProgram;
  if (!(await arrival(present, timeoutMs))) return BridgeOutcome.Unavailable;
  return new Promise((resolve) => {
    globals.wx!.miniProgram!.navigateTo({
      url: params ? `${path}?${params}` : path,
      success: () => resolve(BridgeOutcome.Away),
      fail: () => resolve(BridgeOutcome.Unavailable),
    });
  });
}

/** How often a global that announces itself with no event is looked for again. */
const LOOK_AGAIN_MS = 100;

/**
 * Resolves `true` as soon as `present()` holds, `false` after `timeoutMs` without it. Looked at
 * on `readyEvent` (a bridge's own announcement) and every `LOOK_AGAIN_MS`, since a script the
 * host page loads (JSSDK, `upsdk`) announces nothing.
 */
function arrival(present: () => boolean, timeoutMs: number, events?: EventTarget, readyEvent?: string): Promise<boolean> {
  if (present()) return Promise.resolve(true);
  return new Promise((resolve) => {
    const end = (found: boolean): void => {
      clearTimeout(timer);
      clearInterval(poll);
      if (readyEvent) events?.removeEventListener(readyEvent, look);
      resolve(found);
    };
    const look = (): void => {
      if (present()) end(true);
    };
    const timer = setTimeout(() => end(present()), timeoutMs);
    const poll = setInterval(look, LOOK_AGAIN_MS);
    if (readyEvent) events?.addEventListener(readyEvent, look);
  });
}
