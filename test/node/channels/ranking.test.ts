import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { channelAvailability, nextMaintenanceBoundary } from '../../../src/channels/availability.js';
import { rankChannels, recommendChannel, type RankingContext } from '../../../src/channels/ranking.js';
import type { Channel, Environment } from '../../../src/protocol/schemas.js';

const NOW = Date.parse('2026-11-22T23:45:00+08:00');
const channel = (id: string, over: Partial<Channel> = {}): Channel => ({
  id,
  kind: id,
  status: 'up',
  limits: { perTransaction: 500_000 },
  settlement: { kind: 'realtime' },
  ...over,
});
const HOST_ORDER = ['card', 'unionpay', 'alipay', 'wechat', 'ecny'].map((id) => channel(id));
const ctx = (env: Environment, over: Partial<RankingContext> = {}): RankingContext => ({ amount: 10_000, now: NOW, env, ...over });
const ids = (list: Channel[]): string[] => list.map((c) => c.id);

describe('channel eligibility by environment', () => {
  const cases: [Environment, string, boolean][] = [
    ['wechat', 'wechat', true],
    ['wechat', 'card', true],
    ['wechat', 'alipay', false],
    ['wechat', 'unionpay', false],
    ['wechat', 'ecny', false],
    ['wechat-miniprogram', 'alipay', false],
    ['alipay', 'alipay', true],
    ['alipay', 'wechat', false],
    ['alipay', 'card', true],
    ['unionpay', 'unionpay', true],
    ['unionpay', 'wechat', false],
    ['unionpay', 'alipay', false],
    ['unionpay', 'ecny', true],
    ['desktop', 'alipay', true],
    ['mobile', 'wechat', true],
    ['wechat', 'host-wallet', true],
  ];
  for (const [env, kind, works] of cases) {
    it(`${kind} in ${env}: ${works ? 'payable' : 'environment'}`, () => {
      const result = channelAvailability(channel(kind), ctx(env));
      assert.deepEqual(result, works ? { available: true } : { available: false, reason: 'environment' });
    });
  }

  it('puts the environment before status and limits', () => {
    const down = channel('alipay', { status: 'down', limits: { perTransaction: 1 } });
    assert.deepEqual(channelAvailability(down, ctx('wechat')), { available: false, reason: 'environment' });
    assert.deepEqual(channelAvailability(down, ctx('desktop')), { available: false, reason: 'down' });
  });
});

describe('ranking', () => {
  const cases: [string, RankingContext, string[]][] = [
    ['host order on desktop', ctx('desktop'), ['card', 'unionpay', 'alipay', 'wechat', 'ecny']],
    ['WeChat Pay first inside WeChat, blocked wallets last', ctx('wechat'), ['wechat', 'card', 'unionpay', 'alipay', 'ecny']],
    ['WeChat Pay first in a mini-program', ctx('wechat-miniprogram'), ['wechat', 'card', 'unionpay', 'alipay', 'ecny']],
    ['Alipay first inside Alipay', ctx('alipay'), ['alipay', 'card', 'unionpay', 'wechat', 'ecny']],
    ['QuickPass first inside UnionPay', ctx('unionpay'), ['unionpay', 'card', 'ecny', 'alipay', 'wechat']],
    ['the last used channel next on desktop', ctx('desktop', { lastUsed: 'wechat' }), ['wechat', 'card', 'unionpay', 'alipay', 'ecny']],
    ['the app wallet beats the last used one', ctx('alipay', { lastUsed: 'card' }), ['alipay', 'card', 'unionpay', 'wechat', 'ecny']],
    ['a last used channel blocked here does not count', ctx('wechat', { lastUsed: 'alipay' }), ['wechat', 'card', 'unionpay', 'alipay', 'ecny']],
    ['an unknown last used id changes nothing', ctx('mobile', { lastUsed: 'gone' }), ['card', 'unionpay', 'alipay', 'wechat', 'ecny']],
  ];
  for (const [name, context, expected] of cases) {
    it(name, () => assert.deepEqual(ids(rankChannels(HOST_ORDER, context)), expected));
  }

  it('puts eligibility first: an app wallet over its limit loses to any eligible channel', () => {
    const list = [channel('card'), channel('wechat', { limits: { perTransaction: 100 } })];
    assert.deepEqual(ids(rankChannels(list, ctx('wechat'))), ['card', 'wechat']);
    assert.equal(recommendChannel(list, ctx('wechat'))?.id, 'card');
  });

  it('recommends nothing when no channel can pay', () => {
    const list = [channel('alipay'), channel('ecny', { status: 'down' })];
    assert.equal(recommendChannel(list, ctx('wechat')), undefined);
  });

  it('does not reorder its input', () => {
    const list = [...HOST_ORDER];
    rankChannels(list, ctx('wechat'));
    assert.deepEqual(ids(list), ids(HOST_ORDER));
  });
});

describe('maintenance boundaries', () => {
  const windows = [
    channel('a', { maintenance: [{ from: '2026-11-22T23:30:00+08:00', to: '2026-11-23T00:30:00+08:00' }] }),
    channel('b', { maintenance: [{ from: '2026-11-23T00:10:00+08:00', to: '2026-11-23T01:00:00+08:00' }] }),
    channel('c'),
  ];
  const cases: [string, number, number | undefined][] = [
    ['the next opening', NOW, Date.parse('2026-11-23T00:10:00+08:00')],
    ['a closing', Date.parse('2026-11-23T00:20:00+08:00'), Date.parse('2026-11-23T00:30:00+08:00')],
    ['strictly after now', Date.parse('2026-11-23T00:30:00+08:00'), Date.parse('2026-11-23T01:00:00+08:00')],
    ['none after the last', Date.parse('2026-11-23T02:00:00+08:00'), undefined],
  ];
  for (const [name, now, expected] of cases) {
    it(name, () => assert.equal(nextMaintenanceBoundary(windows, now), expected));
  }
});
