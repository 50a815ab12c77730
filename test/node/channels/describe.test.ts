import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeChannel, type DescribeContext } from '../../../src/channels/describe.js';
import { en } from '../../../src/i18n/en.js';
import { zhCN } from '../../../src/i18n/zh-CN.js';
import { zhTW } from '../../../src/i18n/zh-TW.js';
import type { Channel, Environment } from '../../../src/protocol/schemas.js';

// Clock times are the payer's local ones: pin the zone so the expected texts hold anywhere.
process.env.TZ = 'Asia/Shanghai';
const NOW = Date.parse('2026-11-22T22:00:00+08:00');
const channel = (over: Partial<Channel> = {}): Channel => ({
  id: 'alipay',
  kind: 'alipay',
  status: 'up',
  limits: { perTransaction: 500_000, perDay: 2_000_000, usedToday: 200_000 },
  settlement: { kind: 'realtime' },
  ...over,
});
const ctx = (env: Environment, messages = zhCN, locale = 'zh-CN'): DescribeContext => ({
  amount: 10_000,
  now: NOW,
  env,
  currency: 'CNY',
  locale,
  messages,
});

describe('channel views', () => {
  const environment: [Environment, Channel, DescribeContext['messages'], string, string][] = [
    ['wechat', channel(), zhCN, 'zh-CN', '微信内无法使用，请点右上角「···」选择在浏览器打开'],
    ['wechat', channel(), zhTW, 'zh-TW', '微信內無法使用，請點右上角「···」選擇在瀏覽器開啟'],
    // A mini-program's `···` menu cannot open a browser.
    ['wechat-miniprogram', channel(), zhCN, 'zh-CN', '小程序内无法使用，请复制链接到浏览器打开'],
    ['wechat-miniprogram', channel(), zhTW, 'zh-TW', '小程式內無法使用，請複製連結到瀏覽器開啟'],
    ['alipay', channel({ id: 'wechat', kind: 'wechat' }), zhCN, 'zh-CN', '支付宝内无法使用，请点右上角「···」选择在浏览器打开'],
    ['unionpay', channel(), en, 'en', 'Not available inside UnionPay: tap ··· at the top right and open this page in your browser'],
  ];
  for (const [env, c, messages, locale, text] of environment) {
    it(`says what to do for ${c.kind} in ${env} (${locale})`, () => {
      const view = describeChannel(c, ctx(env, messages, locale));
      assert.equal(view.available, false);
      assert.equal(view.unavailableText, text);
    });
  }

  it('offers the guide to the system browser for a wallet the super-app blocks, and only then', () => {
    assert.equal(describeChannel(channel(), ctx('wechat')).guide, '如何打开');
    assert.equal(describeChannel(channel({ id: 'wechat', kind: 'wechat' }), ctx('alipay', en, 'en')).guide, 'How to open');
    assert.equal(describeChannel(channel({ id: 'wechat', kind: 'wechat' }), ctx('wechat')).guide, undefined);
    assert.equal(describeChannel(channel({ status: 'down' }), ctx('wechat')).guide, '如何打开');
    assert.equal(describeChannel(channel({ status: 'down' }), ctx('mobile')).guide, undefined);
    assert.equal(describeChannel(channel(), ctx('desktop')).guide, undefined);
  });

  it('lists limits, arrival, fees and a maintenance window ahead; not one past or far away', () => {
    const view = describeChannel(
      channel({
        fee: { rate: 0.006, fixed: 100 },
        maintenance: [
          { from: '2026-11-22T20:00:00+08:00', to: '2026-11-22T21:00:00+08:00' },
          { from: '2026-11-22T23:30:00+08:00', to: '2026-11-23T00:30:00+08:00' },
          { from: '2026-11-25T23:30:00+08:00', to: '2026-11-26T00:30:00+08:00' },
        ],
      }),
      ctx('desktop'),
    );
    assert.equal(view.available, true);
    assert.deepEqual(view.details, ['单笔限额 ¥5,000.00', '今日剩余 ¥18,000.00', '实时到账', '手续费 0.6%', '手续费 ¥1.00']);
    assert.equal(view.maintenance, '维护时段 23:30–00:30');
  });

  it('says when a channel under maintenance is back', () => {
    const view = describeChannel(
      channel({ maintenance: [{ from: '2026-11-22T21:30:00+08:00', to: '2026-11-22T22:30:00+08:00' }] }),
      ctx('desktop'),
    );
    assert.equal(view.unavailableText, '维护中，22:30 恢复');
  });
});
