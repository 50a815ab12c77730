/**
 * What a super-app's payment sheet said, in the cashier's terms. Invariant: nothing a bridge
 * says is a success. `check` only asks the backend at once; the backend decides.
 */
export const BridgeOutcome = {
  /** The sheet says paid, processing or unknown: ask the backend now. */
  Check: 'check',
  /** The payer closed the sheet: the attempt ends, and the payer may try again. */
  Canceled: 'canceled',
  /** The sheet reports a failure. */
  Failed: 'failed',
  /**
   * The payer went to another page to pay (the mini-program's payment page): nothing to do until
   * they come back, which checks the status as any return to the page does.
   */
  Away: 'away',
  /** No bridge appeared in time: this page is not in the app it was paid for. */
  Unavailable: 'unavailable',
} as const;
export type BridgeOutcome = (typeof BridgeOutcome)[keyof typeof BridgeOutcome];

/** `WeixinJSBridge.invoke('getBrandWCPayRequest', …)` answers `{ err_msg: 'get_brand_wcpay_request:ok' | ':cancel' | ':fail' }`. */
export function wechatOutcome(result: unknown): BridgeOutcome {
  const message = typeof result === 'object' && result !== null ? (result as { err_msg?: unknown }).err_msg : undefined;
  switch (message) {
    case 'get_brand_wcpay_request:cancel':
      return BridgeOutcome.Canceled;
    case 'get_brand_wcpay_request:fail':
      return BridgeOutcome.Failed;
    default:
      // `:ok`, and anything WeChat may add: only the backend knows whether money moved.
      return BridgeOutcome.Check;
  }
}

/**
 * `AlipayJSBridge.call('tradePay', …)` answers `{ resultCode }`: 9000 paid, 8000 processing,
 * 6004 result unknown (all three: ask the backend), 6001 canceled by the payer, 6002 network
 * error and 4000 failed.
 */
export function alipayOutcome(result: unknown): BridgeOutcome {
  const code = typeof result === 'object' && result !== null ? String((result as { resultCode?: unknown }).resultCode) : '';
  switch (code) {
    case '6001':
      return BridgeOutcome.Canceled;
    case '4000':
    case '6002':
      return BridgeOutcome.Failed;
    default:
      return BridgeOutcome.Check;
  }
}

/**
 * `upsdk.pay`'s `fail` gets `{ msg }`: the payer closing QuickPass's cashier says "cancel" (or
 * 取消); anything else is a failure. Its `success` is a `check`, as any sheet's "paid" is.
 */
export function unionpayFailure(error: unknown): BridgeOutcome {
  const message = typeof error === 'object' && error !== null ? String((error as { msg?: unknown }).msg) : '';
  return /cancel|取消/i.test(message) ? BridgeOutcome.Canceled : BridgeOutcome.Failed;
}
