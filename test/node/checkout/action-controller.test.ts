import { afterEach, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ActionController } from '../../../src/checkout/effects/action-controller.js';
import { loadPayment } from '../../../src/lazy/load.js';
import type { FailureCode } from '../../../src/protocol/codes.js';
import type { Action } from '../../../src/protocol/schemas.js';

type Callback = (result: unknown) => void;
const g = globalThis as { WeixinJSBridge?: unknown; AlipayJSBridge?: unknown };
// The sheets are in the payment chunk, which the checkout asks for at the pay click: here first.
before(() => loadPayment());
afterEach(() => {
  delete g.WeixinJSBridge;
  delete g.AlipayJSBridge;
});

function setup() {
  const seen = { navigated: [] as string[], checks: 0, gaveUp: [] as FailureCode[] };
  const ref = { attempt: 'att_1', idempotencyKey: 'key_1', channel: 'wechat' };
  const actions = new ActionController({
    navigate: (url) => void seen.navigated.push(url),
    sheet: (about, outcome) => {
      assert.equal(about, ref, 'the sheet is told about with its attempt');
      if (outcome) seen.gaveUp.push(outcome);
      else seen.checks++;
    },
    bridgeTimeoutMs: 20,
  });
  const start = (action: Action | undefined) => actions.start(ref, action);
  return { actions, seen, start };
}
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('carrying out actions', () => {
  it('leaves the page alone for a QR code (the page shows it)', () => {
    const { seen, start } = setup();
    start({ type: 'qr', content: 'weixin://wxpay/bizpayurl?pr=1' });
    assert.deepEqual(seen, { navigated: [], checks: 0, gaveUp: [] });
  });

  it('redirects through the injected navigation', () => {
    const { seen, start } = setup();
    start({ type: 'redirect', url: 'https://wx.tenpay.com/x' });
    assert.deepEqual(seen.navigated, ['https://wx.tenpay.com/x']);
  });

  const bridgeCases: [string, Action, (cb: Callback) => void, { checks: number; gaveUp: FailureCode[] }][] = [
    ['WeChat ok only asks the backend', { type: 'bridge', bridge: 'wechat', params: {} }, (cb) => cb({ err_msg: 'get_brand_wcpay_request:ok' }), { checks: 1, gaveUp: [] }],
    ['WeChat cancel ends the attempt', { type: 'bridge', bridge: 'wechat', params: {} }, (cb) => cb({ err_msg: 'get_brand_wcpay_request:cancel' }), { checks: 0, gaveUp: ['canceled'] }],
    ['WeChat fail ends it as failed', { type: 'bridge', bridge: 'wechat', params: {} }, (cb) => cb({ err_msg: 'get_brand_wcpay_request:fail' }), { checks: 0, gaveUp: ['payment_failed'] }],
    ['Alipay 9000 only asks the backend', { type: 'bridge', bridge: 'alipay', params: {} }, (cb) => cb({ resultCode: '9000' }), { checks: 1, gaveUp: [] }],
    ['Alipay 6001 ends the attempt', { type: 'bridge', bridge: 'alipay', params: {} }, (cb) => cb({ resultCode: '6001' }), { checks: 0, gaveUp: ['canceled'] }],
  ];
  for (const [name, action, answer, expected] of bridgeCases) {
    it(name, async () => {
      g.WeixinJSBridge = { invoke: (_m: string, _p: unknown, cb: Callback) => answer(cb) };
      g.AlipayJSBridge = { call: (_m: string, _p: unknown, cb: Callback) => answer(cb) };
      const { seen, start } = setup();
      start(action);
      await tick();
      assert.deepEqual({ checks: seen.checks, gaveUp: seen.gaveUp }, expected);
    });
  }
});
