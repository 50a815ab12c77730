import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { channelAvailability } from '../../../src/channels/availability.js';
import {
  blockingFailure,
  decideFallback,
  fallbackTarget,
  loadFallback,
  type FallbackTrigger,
} from '../../../src/checkout/core/fallback.js';
import { fallbackReason } from '../../../src/checkout/payment-views.js';
import type { Channel, Session } from '../../../src/protocol/schemas.js';

const channel = (id: string, kind: string, extra: Partial<Channel> = {}): Channel => ({
  id,
  kind,
  status: 'up',
  limits: {},
  settlement: { kind: 'realtime' },
  ...extra,
});

function session(mode: 'auto' | 'prompt' | 'off', channels: Channel[]): Session {
  return {
    v: 1,
    id: 'cs_1',
    expiresAt: '2026-12-01T08:15:00Z',
    order: { id: 'ord_1', amount: 12800, currency: 'CNY', merchant: { id: 'm', name: 'M' } },
    channels,
    savedCards: [],
    fallback: { mode },
    signing: { alg: 'HS256', kid: 'k', key: 'a'.repeat(43) },
    endpoints: { intents: '/i', status: '/s' },
  };
}

const CHANNELS = [
  channel('wechat', 'wechat', { fallbacks: ['alipay', 'unionpay'] }),
  channel('alipay', 'alipay', { fallbacks: ['wechat', 'card'] }),
  channel('unionpay', 'unionpay', { fallbacks: ['card'] }),
  channel('card', 'card'),
];
const up = (c: Channel): boolean => c.status !== 'down';
const failure = (code: string, hint?: string): FallbackTrigger =>
  ({ kind: 'failure', code, ...(hint ? { hint } : {}) }) as FallbackTrigger;

describe('fallback decisions', () => {
  const cases: Array<{
    name: string;
    mode: 'auto' | 'prompt' | 'off';
    from: string;
    trigger: FallbackTrigger;
    channels?: Channel[];
    exclude?: string[];
    ranked?: string[];
    expect: ReturnType<typeof decideFallback>;
  }> = [
    { name: 'auto moves a wallet to its first fallback and pays at once', mode: 'auto', from: 'wechat', trigger: failure('channel_unavailable'), expect: { kind: 'switch', to: 'alipay', immediate: true } },
    { name: 'prompt offers the same channel', mode: 'prompt', from: 'wechat', trigger: failure('channel_unavailable'), expect: { kind: 'offer', to: 'alipay', immediate: true } },
    { name: 'off moves nothing', mode: 'off', from: 'wechat', trigger: failure('channel_unavailable'), expect: { kind: 'none' } },
    { name: 'a time-out after retries moves', mode: 'auto', from: 'wechat', trigger: failure('timeout'), expect: { kind: 'switch', to: 'alipay', immediate: true } },
    { name: 'a 5xx moves', mode: 'auto', from: 'wechat', trigger: failure('server_error'), expect: { kind: 'switch', to: 'alipay', immediate: true } },
    { name: 'a network fault moves', mode: 'prompt', from: 'wechat', trigger: failure('network_error'), expect: { kind: 'offer', to: 'alipay', immediate: true } },
    { name: 'limit_exceeded moves', mode: 'auto', from: 'wechat', trigger: failure('limit_exceeded'), expect: { kind: 'switch', to: 'alipay', immediate: true } },
    { name: 'an abandoned pending payment moves', mode: 'prompt', from: 'wechat', trigger: { kind: 'abandoned' }, expect: { kind: 'offer', to: 'alipay', immediate: true } },
    { name: 'a decline does not move: it is the payer’s card or account', mode: 'auto', from: 'wechat', trigger: failure('declined'), expect: { kind: 'none' } },
    { name: 'insufficient funds does not move', mode: 'auto', from: 'wechat', trigger: failure('insufficient_funds'), expect: { kind: 'none' } },
    { name: 'a malformed answer does not move (the payment may have gone through)', mode: 'auto', from: 'wechat', trigger: failure('response_malformed'), expect: { kind: 'none' } },
    { name: 'a card target needs the payer’s input', mode: 'auto', from: 'unionpay', trigger: failure('channel_unavailable'), expect: { kind: 'switch', to: 'card', immediate: false } },
    { name: 'the backend’s hint comes first', mode: 'auto', from: 'wechat', trigger: failure('limit_exceeded', 'unionpay'), expect: { kind: 'switch', to: 'unionpay', immediate: true } },
    { name: 'a hint naming an unknown channel is skipped', mode: 'auto', from: 'wechat', trigger: failure('limit_exceeded', 'paypal'), expect: { kind: 'switch', to: 'alipay', immediate: true } },
    { name: 'an unavailable fallback is skipped', mode: 'auto', from: 'wechat', trigger: failure('channel_unavailable'), channels: [CHANNELS[0]!, { ...CHANNELS[1]!, status: 'down' }, CHANNELS[2]!, CHANNELS[3]!], expect: { kind: 'switch', to: 'unionpay', immediate: true } },
    { name: 'a channel given up on is never offered again', mode: 'auto', from: 'alipay', trigger: failure('channel_unavailable'), exclude: ['wechat'], expect: { kind: 'switch', to: 'card', immediate: false } },
    { name: 'without fallbacks the host’s order decides', mode: 'auto', from: 'x', trigger: failure('server_error'), channels: [channel('x', 'ecny'), channel('y', 'alipay')], expect: { kind: 'switch', to: 'y', immediate: true } },
    { name: 'without fallbacks the ranking decides when given (the app’s own wallet first)', mode: 'auto', from: 'x', trigger: failure('server_error'), channels: [channel('x', 'ecny'), channel('y', 'alipay'), channel('z', 'wechat')], ranked: ['z', 'y', 'x'], expect: { kind: 'switch', to: 'z', immediate: true } },
    { name: 'nothing left: none', mode: 'auto', from: 'x', trigger: failure('server_error'), channels: [channel('x', 'ecny'), channel('y', 'alipay', { status: 'down' })], expect: { kind: 'none' } },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const decision = decideFallback({
        session: session(c.mode, c.channels ?? CHANNELS),
        from: c.from,
        trigger: c.trigger,
        available: up,
        ...(c.exclude ? { exclude: new Set(c.exclude) } : {}),
        ...(c.ranked ? { ranked: c.ranked.map((id) => (c.channels ?? CHANNELS).find((ch) => ch.id === id)!) } : {}),
      });
      assert.deepEqual(decision, c.expect);
    });
  }

  it('an auto chain ends: each failure adds its channel to those given up on', () => {
    const s = session('auto', CHANNELS);
    const given = new Set<string>();
    const path: string[] = [];
    let from: string | undefined = 'wechat';
    while (from) {
      path.push(from);
      given.add(from);
      from = fallbackTarget({ session: s, from, trigger: failure('channel_unavailable'), available: up, exclude: given })?.id;
    }
    assert.deepEqual(path, ['wechat', 'alipay', 'card', 'unionpay']);
  });

  it('names the reason the payer reads', () => {
    assert.equal(fallbackReason('limit_exceeded'), 'limit');
    assert.equal(fallbackReason('canceled'), 'abandoned');
    assert.equal(fallbackReason('channel_unavailable'), 'unavailable');
    assert.equal(fallbackReason('timeout'), 'unavailable');
  });
});

describe('fallback at load', () => {
  const now = Date.parse('2026-12-01T08:00:00Z');
  const blocked = (c: Channel) => blockingFailure(channelAvailability(c, { amount: 12800, now }));
  const available = (c: Channel) => channelAvailability(c, { amount: 12800, now }).available;

  it('starts on the first channel’s fallback when it is down, unless the mode is off', () => {
    const channels = [{ ...CHANNELS[0]!, status: 'down' as const }, ...CHANNELS.slice(1)];
    assert.deepEqual(loadFallback(session('auto', channels), available, blocked), { from: 'wechat', to: 'alipay', code: 'channel_unavailable' });
    assert.deepEqual(loadFallback(session('prompt', channels), available, blocked), { from: 'wechat', to: 'alipay', code: 'channel_unavailable' });
    assert.equal(loadFallback(session('off', channels), available, blocked), undefined);
  });

  it('treats maintenance as unavailable and a limit as limit_exceeded; an available first channel is no fallback', () => {
    const maintenance = [{ ...CHANNELS[0]!, maintenance: [{ from: '2026-12-01T07:00:00Z', to: '2026-12-01T09:00:00Z' }] }, ...CHANNELS.slice(1)];
    assert.equal(loadFallback(session('auto', maintenance), available, blocked)?.code, 'channel_unavailable');
    const limited = [{ ...CHANNELS[0]!, limits: { perTransaction: 100 } }, ...CHANNELS.slice(1)];
    assert.equal(loadFallback(session('auto', limited), available, blocked)?.code, 'limit_exceeded');
    assert.equal(loadFallback(session('auto', CHANNELS), available, blocked), undefined);
  });

  it('maps availability to the failure a fallback reports', () => {
    assert.equal(blockingFailure({ available: true }), null);
    assert.equal(blockingFailure({ available: false, reason: 'down' }), 'channel_unavailable');
    assert.equal(blockingFailure({ available: false, reason: 'over-daily' }), 'limit_exceeded');
    assert.equal(blockingFailure({ available: false, reason: 'under-minimum' }), 'limit_exceeded');
    assert.equal(blockingFailure({ available: false, reason: 'environment' }), null);
  });
});
