import { afterEach, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ActionController } from '../../../src/checkout/effects/action-controller.js';
import { loadPayment } from '../../../src/lazy/load.js';
import type { FailureCode } from '../../../src/protocol/codes.js';
import type { Action } from '../../../src/protocol/schemas.js';

type Callback = (result: unknown) => void;
const g = globalThis as { WeixinJSBridge?: unknown; AlipayJSBridge?: unknown; wx?: unknown; upsdk?: unknown };
// The sheets are in the payment chunk, which the checkout asks for at the pay click: here first.
before(() => loadPayment());
afterEach(() => {
  delete g.WeixinJSBridge;
  delete g.AlipayJSBridge;
  delete g.wx;
  delete g.upsdk;
});

/** What the sheets said, as the checkout hears it (it drops a replaced attempt's: test/node/checkout/reduce.test.ts). */
function setup(bridgeTimeoutMs = 20) {
  const seen = { navigated: [] as string[], checks: 0, gaveUp: [] as FailureCode[] };
  const ref = { attempt: 'att_1', idempotencyKey: 'key_1', channel: 'wechat' };
  const actions = new ActionController({
    navigate: (url) => void seen.navigated.push(url),
    sheet: (about, outcome) => {
      assert.equal(about, ref, 'the sheet is told about with its attempt');
      if (outcome) seen.gaveUp.push(outcome);
      else seen.checks++;
    },
    bridgeTimeoutMs,
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

  describe('the WeChat mini-program page', () => {
    type NavigateOptions = { url: string; success?: () => void; fail?: (error: unknown) => void };
    const action: Action = { type: 'miniprogram', path: '/pages/pay/pay', params: 'package=prepay_id%3Dpay_1&signType=RSA' };
    const miniProgram = (answer: (options: NavigateOptions) => void = (o) => o.success?.()) => {
      const urls: string[] = [];
      g.wx = { miniProgram: { navigateTo: (options: NavigateOptions) => (urls.push(options.url), answer(options)) } };
      return urls;
    };

    it('navigates the mini-program to the path with the params, and never opens the WeChat bridge', async () => {
      const invoked: string[] = [];
      g.WeixinJSBridge = { invoke: (method: string) => void invoked.push(method) };
      const urls = miniProgram();
      const { seen, start } = setup();
      start(action);
      await tick();
      assert.deepEqual(urls, ['/pages/pay/pay?package=prepay_id%3Dpay_1&signType=RSA']);
      assert.deepEqual(invoked, []);
      // The payer is on the mini-program's page: the status is checked when they come back.
      assert.deepEqual({ checks: seen.checks, gaveUp: seen.gaveUp }, { checks: 0, gaveUp: [] });
    });

    it('without the JSSDK, ends the attempt with its own code (the checkout tells the host)', async () => {
      const { seen, start } = setup();
      start(action);
      await new Promise((resolve) => setTimeout(resolve, 60));
      assert.deepEqual(seen.gaveUp, ['miniprogram_unavailable']);
    });

    it('waits for a JSSDK that loads late, within the time-out', async () => {
      const { seen, start } = setup(400);
      start(action);
      await tick();
      const urls = miniProgram();
      await new Promise((resolve) => setTimeout(resolve, 150));
      assert.equal(urls.length, 1);
      assert.deepEqual(seen.gaveUp, []);
    });

    it('a WeChat bridge action inside a mini-program never calls getBrandWCPayRequest', async () => {
      const invoked: string[] = [];
      g.WeixinJSBridge = { invoke: (method: string) => void invoked.push(method) };
      (g as { __wxjs_environment?: string }).__wxjs_environment = 'miniprogram';
      try {
        const { seen, start } = setup();
        start({ type: 'bridge', bridge: 'wechat', params: {} });
        await tick();
        assert.deepEqual({ invoked, gaveUp: seen.gaveUp }, { invoked: [], gaveUp: ['channel_unavailable'] });
      } finally {
        delete (g as { __wxjs_environment?: string }).__wxjs_environment;
      }
    });

    it('a page the mini-program refuses is unavailable too', async () => {
      miniProgram((o) => o.fail?.({ errMsg: 'navigateTo:fail page not found' }));
      const { seen, start } = setup();
      start(action);
      await tick();
      assert.deepEqual(seen.gaveUp, ['miniprogram_unavailable']);
    });
  });

  describe('QuickPass (upsdk)', () => {
    type PayOptions = { tn: string; success: () => void; fail: (error?: unknown) => void };
    const action: Action = { type: 'bridge', bridge: 'unionpay', params: { tn: '202612070300001' } };
    /** `upsdk` as the app injects it: `pluginReady` calls back (unless `ready` is false), `pay` answers with `answer`. */
    const upsdk = (answer: (options: PayOptions) => void, ready = true) => {
      const paid: string[] = [];
      g.upsdk = {
        pluginReady: (callback: () => void) => void (ready && setTimeout(callback, 1)),
        pay: (options: PayOptions) => (paid.push(options.tn), answer(options)),
      };
      return paid;
    };

    const cases: [string, (options: PayOptions) => void, { checks: number; gaveUp: FailureCode[] }][] = [
      ['success only asks the backend', (o) => o.success(), { checks: 1, gaveUp: [] }],
      ['fail with "cancel" ends the attempt as canceled', (o) => o.fail({ msg: 'cancel' }), { checks: 0, gaveUp: ['canceled'] }],
      ['fail with "用户取消" is canceled too', (o) => o.fail({ msg: '用户取消' }), { checks: 0, gaveUp: ['canceled'] }],
      ['any other fail is a failure', (o) => o.fail({ msg: 'tn 无效' }), { checks: 0, gaveUp: ['payment_failed'] }],
    ];
    for (const [name, answer, expected] of cases) {
      it(name, async () => {
        const paid = upsdk(answer);
        const { seen, start } = setup();
        start(action);
        await tick();
        assert.deepEqual(paid, ['202612070300001']);
        assert.deepEqual({ checks: seen.checks, gaveUp: seen.gaveUp }, expected);
      });
    }

    it('no upsdk within the time-out: channel_unavailable', async () => {
      const { seen, start } = setup();
      start(action);
      await new Promise((resolve) => setTimeout(resolve, 60));
      assert.deepEqual(seen.gaveUp, ['channel_unavailable']);
    });

    it('an upsdk whose pluginReady never calls back: channel_unavailable, and nothing paid', async () => {
      const paid = upsdk((o) => o.success(), false);
      const { seen, start } = setup();
      start(action);
      await new Promise((resolve) => setTimeout(resolve, 60));
      assert.deepEqual({ paid, gaveUp: seen.gaveUp, checks: seen.checks }, { paid: [], gaveUp: ['channel_unavailable'], checks: 0 });
    });

    it('an upsdk that loads late, within the time-out, pays', async () => {
      const { seen, start } = setup(400);
      start(action);
      await tick();
      const paid = upsdk((o) => o.success());
      await new Promise((resolve) => setTimeout(resolve, 150));
      assert.deepEqual({ paid, checks: seen.checks }, { paid: ['202612070300001'], checks: 1 });
    });
  });
});
