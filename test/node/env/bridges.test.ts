import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { alipayOutcome, wechatOutcome, type BridgeOutcome } from '../../../src/env/bridge-result.js';
import { callBridge, type BridgeGlobals } from '../../../src/env/bridges.js';
import { nativeKind, superAppOf, worksIn } from '../../../src/env/rules.js';

describe('bridge results', () => {
  const wechat: [unknown, BridgeOutcome][] = [
    [{ err_msg: 'get_brand_wcpay_request:ok' }, 'check'],
    [{ err_msg: 'get_brand_wcpay_request:cancel' }, 'canceled'],
    [{ err_msg: 'get_brand_wcpay_request:fail' }, 'failed'],
    [{ err_msg: 'something new' }, 'check'],
    [undefined, 'check'],
  ];
  for (const [result, expected] of wechat) {
    it(`WeChat ${JSON.stringify(result)} → ${expected}`, () => assert.equal(wechatOutcome(result), expected));
  }
  const alipay: [unknown, BridgeOutcome][] = [
    [{ resultCode: '9000' }, 'check'],
    [{ resultCode: 8000 }, 'check'],
    [{ resultCode: '6004' }, 'check'],
    [{ resultCode: '6001' }, 'canceled'],
    [{ resultCode: '6002' }, 'failed'],
    [{ resultCode: '4000' }, 'failed'],
    [{}, 'check'],
  ];
  for (const [result, expected] of alipay) {
    it(`Alipay ${JSON.stringify(result)} → ${expected}`, () => assert.equal(alipayOutcome(result), expected));
  }
  it('never says success: the strongest outcome is a status check', () => {
    for (const [result] of [...wechat, ...alipay]) {
      assert.notEqual(wechatOutcome(result), 'succeeded');
      assert.notEqual(alipayOutcome(result), 'succeeded');
    }
  });
});

describe('calling a bridge', () => {
  it('calls WeChat with getBrandWCPayRequest and the backend params', async () => {
    const calls: unknown[] = [];
    const globals: BridgeGlobals = {
      WeixinJSBridge: { invoke: (method, params, cb) => (calls.push([method, params]), cb({ err_msg: 'get_brand_wcpay_request:cancel' })) },
    };
    assert.equal(await callBridge('wechat', { package: 'prepay_id=1' }, { globals, events: new EventTarget() }), 'canceled');
    assert.deepEqual(calls, [['getBrandWCPayRequest', { package: 'prepay_id=1' }]]);
  });

  it('waits for AlipayJSBridgeReady when the bridge comes late', async () => {
    const globals: BridgeGlobals = {};
    const events = new EventTarget();
    const pending = callBridge('alipay', { tradeNO: 't' }, { globals, events, timeoutMs: 1000 });
    globals.AlipayJSBridge = { call: (method, _params, cb) => cb({ resultCode: method === 'tradePay' ? '9000' : '4000' }) };
    events.dispatchEvent(new Event('AlipayJSBridgeReady'));
    assert.equal(await pending, 'check');
  });

  it('gives up after the timeout outside the app', async () => {
    assert.equal(await callBridge('wechat', {}, { globals: {}, events: new EventTarget(), timeoutMs: 20 }), 'unavailable');
  });
});

describe('environment rules', () => {
  it('knows which app each environment is', () => {
    assert.equal(superAppOf('wechat-miniprogram'), 'wechat');
    assert.equal(superAppOf('mobile'), undefined);
    assert.equal(nativeKind('unionpay'), 'unionpay');
    assert.equal(nativeKind('desktop'), undefined);
    assert.equal(worksIn('card', 'alipay'), true);
  });
});
