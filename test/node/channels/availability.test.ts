import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { channelAvailability, remainingToday } from '../../../src/channels/availability.js';
import type { Channel } from '../../../src/protocol/schemas.js';

const NOW = Date.parse('2026-11-22T23:45:00+08:00');
const channel = (over: Partial<Channel> = {}): Channel => ({
  id: 'wechat',
  kind: 'wechat',
  status: 'up',
  limits: { perTransaction: 500_000, perDay: 2_000_000, usedToday: 1_900_000, min: 100 },
  settlement: { kind: 'realtime' },
  ...over,
});

describe('channel availability', () => {
  const cases: [string, Partial<Channel>, number, ReturnType<typeof channelAvailability>][] = [
    ['within every limit', {}, 50_000, { available: true }],
    ['exactly the per-transaction limit', { limits: { perTransaction: 500_000 } }, 500_000, { available: true }],
    ['over the per-transaction limit', {}, 500_001, { available: false, reason: 'over-per-transaction' }],
    ["over today's remaining limit", {}, 100_001, { available: false, reason: 'over-daily' }],
    ['under the minimum', {}, 99, { available: false, reason: 'under-minimum' }],
    ['down, whatever the amount', { status: 'down' }, 50_000, { available: false, reason: 'down' }],
    ['degraded but usable', { status: 'degraded' }, 50_000, { available: true }],
    [
      'in a maintenance window',
      { maintenance: [{ from: '2026-11-22T23:30:00+08:00', to: '2026-11-23T00:30:00+08:00' }] },
      50_000,
      { available: false, reason: 'maintenance', until: Date.parse('2026-11-23T00:30:00+08:00') },
    ],
    [
      'after a maintenance window',
      { maintenance: [{ from: '2026-11-22T22:00:00+08:00', to: '2026-11-22T23:00:00+08:00' }] },
      50_000,
      { available: true },
    ],
  ];
  for (const [name, over, amount, expected] of cases) {
    it(name, () => assert.deepEqual(channelAvailability(channel(over), { amount, now: NOW }), expected));
  }

  it('computes what is left today, never below zero', () => {
    assert.equal(remainingToday(channel()), 100_000);
    assert.equal(remainingToday(channel({ limits: { perDay: 10, usedToday: 50 } })), 0);
    assert.equal(remainingToday(channel({ limits: {} })), undefined);
  });
});
