/**
 * `?scenario=action`: wallets answer `requires_action` with the action that fits the payer's
 * environment, and the attempt waits for the simulated payer (`POST …/confirm`).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { IntentResponseSchema, type Environment } from '../../../src/protocol/schemas.js';
import { intentFor, intentStatus, ledger, newSession, postIntent, startBackend, type RunningBackend } from '../helpers.js';

let running: RunningBackend;
before(async () => (running = await startBackend()));
after(() => running.close());

const confirm = (id: string) => fetch(`${running.url}/api/intents/${id}/confirm`, { method: 'POST' });

describe('wallet actions', () => {
  const cases: [string, Environment, string, string | RegExp][] = [
    ['wechat', 'wechat', 'bridge', 'wechat'],
    ['wechat', 'desktop', 'qr', /^weixin:\/\/wxpay\/bizpayurl\?pr=pay_/],
    ['wechat', 'mobile', 'redirect', /^https:\/\/wx\.tenpay\.com\//],
    ['alipay', 'alipay', 'bridge', 'alipay'],
    ['alipay', 'desktop', 'qr', /^https:\/\/qr\.alipay\.com\/pay_/],
    ['alipay', 'wechat', 'redirect', /^https:\/\/mclient\.alipay\.com\//],
    ['unionpay', 'desktop', 'qr', /^https:\/\/qr\.95516\.com\//],
    ['unionpay', 'unionpay', 'bridge', 'unionpay'],
    ['unionpay', 'wechat', 'redirect', /^https:\/\/wallet\.95516\.com\//],
    ['ecny', 'mobile', 'redirect', /^https:\/\/pay\.example\.com\/h5\/ecny\//],
  ];
  for (const [channel, env, type, detail] of cases) {
    it(`${channel} in ${env} → ${type}`, async () => {
      const session = await newSession(running.url, 'scenario=action');
      const { status, body } = await postIntent(running.url, session, intentFor(session, { channel, env }));
      assert.equal(status, 200);
      assert.equal(body.status, 'requires_action');
      assert.equal(body.action.type, type);
      const value = type === 'bridge' ? body.action.bridge : type === 'qr' ? body.action.content : body.action.url;
      if (typeof detail === 'string') assert.equal(value, detail);
      else assert.match(value, detail);
      if (type === 'bridge' && channel === 'wechat') assert.equal(body.action.params.package, `prepay_id=${body.id}`);
      // `upsdk.pay` takes the transaction number alone.
      if (type === 'bridge' && channel === 'unionpay') assert.deepEqual(body.action.params, { tn: body.id });
      assert.ok(IntentResponseSchema.safeParse(body).success);
    });
  }

  it('wechat in a mini-program → the mini-program\'s payment page, never the bridge', async () => {
    const session = await newSession(running.url, 'scenario=action');
    const { body } = await postIntent(running.url, session, intentFor(session, { channel: 'wechat', env: 'wechat-miniprogram' }));
    assert.equal(body.status, 'requires_action');
    const parsed = IntentResponseSchema.safeParse(body);
    assert.ok(parsed.success);
    const { action } = parsed.data;
    assert.equal(action?.type, 'miniprogram');
    if (action?.type !== 'miniprogram') return;
    assert.equal(action.path, '/pages/pay/pay');
    // What `wx.requestPayment` takes, in the page's `onLoad` options.
    const params = new URLSearchParams(action.params);
    assert.equal(params.get('package'), `prepay_id=${body.id}`);
    for (const name of ['timeStamp', 'nonceStr', 'signType', 'paySign']) assert.ok(params.get(name), name);
  });

  it('waits for the payer, then the status poll reports the payment', async () => {
    const session = await newSession(running.url, 'scenario=action');
    const { body } = await postIntent(running.url, session, intentFor(session, { channel: 'wechat', env: 'desktop' }));
    assert.equal((await intentStatus(running.url, session, body.id)).body.status, 'requires_action');
    assert.equal((await confirm(body.id)).status, 200);
    assert.equal((await intentStatus(running.url, session, body.id)).body.status, 'succeeded');
    assert.equal((await ledger(running.url, session.order.id)).paid, true);
  });

  it('never pays twice: a confirmation of a superseded attempt changes nothing', async () => {
    const session = await newSession(running.url, 'scenario=action');
    const first = await postIntent(running.url, session, intentFor(session, { channel: 'wechat', env: 'desktop' }));
    const second = await postIntent(running.url, session, intentFor(session, { channel: 'alipay', env: 'desktop' }));
    await confirm(second.body.id);
    const late = await (await confirm(first.body.id)).json();
    assert.equal(late.status, 'canceled');
    const book = await ledger(running.url, session.order.id);
    assert.equal(book.attempts.filter((a: { status: string }) => a.status === 'succeeded').length, 1);
  });

  it('leaves cards and other scenarios as they were', async () => {
    const plain = await newSession(running.url);
    const paid = await postIntent(running.url, plain, intentFor(plain, { channel: 'wechat', env: 'wechat' }));
    assert.equal(paid.body.status, 'succeeded');
    assert.equal((await fetch(`${running.url}/api/intents/nope/confirm`, { method: 'POST' })).status, 404);
  });
});
