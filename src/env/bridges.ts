import { alipayOutcome, BridgeOutcome, wechatOutcome } from './bridge-result.js';

type Callback = (result: unknown) => void;

/** The globals the super-apps inject into their webviews. */
export interface BridgeGlobals {
  WeixinJSBridge?: { invoke(method: string, params: Record<string, unknown>, callback: Callback): void };
  AlipayJSBridge?: { call(method: string, params: Record<string, unknown>, callback: Callback): void };
}

export interface BridgeOptions {
  /** Where the bridge globals live (the window). */
  globals?: BridgeGlobals;
  /** Where the apps fire `WeixinJSBridgeReady` / `AlipayJSBridgeReady`. */
  events?: EventTarget;
  /** How long to wait for a bridge that is not there yet. */
  timeoutMs?: number;
}

export type BridgeName = 'wechat' | 'alipay';

const READY_EVENT: Record<BridgeName, string> = { wechat: 'WeixinJSBridgeReady', alipay: 'AlipayJSBridgeReady' };

/**
 * Opens the app's payment sheet with the backend's parameters and says how it ended. The
 * bridge is injected after the page starts, so when it is missing we wait for the app's
 * ready event, at most `timeoutMs`; a page opened outside the app gets `unavailable`.
 */
export async function callBridge(
  bridge: BridgeName,
  params: Record<string, unknown>,
  { globals = globalThis as BridgeGlobals, events = globalThis.document, timeoutMs = 5000 }: BridgeOptions = {},
): Promise<BridgeOutcome> {
  const present = (): boolean => (bridge === 'wechat' ? !!globals.WeixinJSBridge : !!globals.AlipayJSBridge);
  if (!present() && !(await ready(events, READY_EVENT[bridge], timeoutMs, present))) return BridgeOutcome.Unavailable;
  return new Promise((resolve) => {
    if (bridge === 'wechat') globals.WeixinJSBridge!.invoke('getBrandWCPayRequest', params, (r) => resolve(wechatOutcome(r)));
    else globals.AlipayJSBridge!.call('tradePay', params, (r) => resolve(alipayOutcome(r)));
  });
}

function ready(events: EventTarget, name: string, timeoutMs: number, present: () => boolean): Promise<boolean> {
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      events.removeEventListener(name, done);
      resolve(present());
    };
    const timer = setTimeout(done, timeoutMs);
    events.addEventListener(name, done);
  });
}
