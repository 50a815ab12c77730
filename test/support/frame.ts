/**
 * A cashier on a host page of a given size: an iframe (cashier-frame.html) is a viewport of its
 * own in every engine, where WebKit's driver cannot resize the window. Its events are heard at
 * the frame's document.
 */
import type { ShouyinCheckout } from '../../src/checkout/checkout.js';
import { EventLog } from './mount.js';
import { until } from './wait.js';

export { until };

const LAST_USED_KEY = 'shouyin.lastChannel.m_demo';

export interface FrameMount {
  width: number;
  height: number;
  /** The `env` attribute: `wechat` for a phone inside WeChat, `desktop`. */
  env: string;
  sessionUrl?: string;
  session?: object;
  /** The channel this device remembers from the last payment. */
  lastUsed: string;
  care?: boolean;
  hintDelay?: number;
}

const mounted: { frame: HTMLIFrameElement; log: EventLog }[] = [];


/** A host page of that size with the cashier on it, once it is ready. */
export async function mountInFrame({ width, height, env, sessionUrl, session, lastUsed, care, hintDelay }: FrameMount): Promise<{ el: ShouyinCheckout; log: EventLog; frame: HTMLIFrameElement }> {
  localStorage.setItem(LAST_USED_KEY, lastUsed);
  const frame = document.createElement('iframe');
  frame.style.cssText = `inline-size: ${width}px; block-size: ${height}px; border: 0`;
  frame.src = '/test/support/cashier-frame.html';
  document.body.append(frame);
  await until(() => !!frame.contentWindow?.customElements?.get('shouyin-checkout'), 'the frame page', 8000);
  // The payer's page is the focused one (a frame that is not may get no focus events).
  frame.contentWindow!.focus();
  const doc = frame.contentDocument!;
  const log = new EventLog(doc);
  mounted.push({ frame, log });
  const el = doc.createElement('shouyin-checkout');
  el.setAttribute('env', env);
  if (care) el.setAttribute('care', '');
  if (hintDelay) el.setAttribute('hint-delay', String(hintDelay));
  if (sessionUrl) el.setAttribute('session-url', sessionUrl);
  if (session) el.session = session as ShouyinCheckout['session'];
  doc.body.append(el);
  await until(() => !!el.readyDetail, 'the cashier ready', 8000);
  await el.updateComplete;
  return { el, log, frame };
}

/** Removes every frame a test mounted, and what the cashier remembered on this device; call in `afterEach`. */
export function unmountFrames(): void {
  for (const { frame, log } of mounted.splice(0)) {
    log.dispose();
    frame.remove();
  }
  localStorage.removeItem(LAST_USED_KEY);
  localStorage.removeItem('shouyin.care');
}
