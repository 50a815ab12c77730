import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { announceStage, formatRemaining, remainingMs, untilNextSecond } from '../../../src/checkout/remaining-time.js';

describe('order countdown', () => {
  const clock: [number, string][] = [
    [15 * 60_000, '15:00'],
    [14 * 60_000 + 59_001, '15:00'],
    [61_000, '1:01'],
    [59_999, '1:00'],
    [59_000, '0:59'],
    [1, '0:01'],
    [0, '0:00'],
    [-5000, '0:00'],
    [3_723_000, '1:02:03'],
  ];
  for (const [ms, text] of clock) it(`${ms} ms reads ${text}`, () => assert.equal(formatRemaining(ms), text));

  const stages: [number, number | undefined][] = [
    [61_000, undefined],
    [60_000, 60],
    [45_000, 60],
    [30_000, 30],
    [11_000, 30],
    [10_000, 10],
    [1, 10],
    [0, 0],
  ];
  for (const [ms, stage] of stages) it(`${ms} ms left announces ${stage}`, () => assert.equal(announceStage(ms), stage));

  it('announces a handful of times in the last minute, not every second', () => {
    const said = new Set<number | undefined>();
    for (let ms = 90_000; ms >= 0; ms -= 1000) said.add(announceStage(ms));
    assert.deepEqual([...said], [undefined, 60, 30, 10, 0]);
  });

  it('counts from the server-corrected clock', () => {
    const expiresAt = Date.parse('2026-11-22T08:15:00Z');
    assert.equal(remainingMs(expiresAt, Date.parse('2026-11-22T08:14:00Z')), 60_000);
    assert.equal(remainingMs(expiresAt, Date.parse('2026-11-22T08:16:00Z')), 0);
  });

  it('ticks when the shown second changes', () => {
    assert.equal(untilNextSecond(5_250), 250);
    assert.equal(untilNextSecond(5_000), 1000);
    assert.equal(untilNextSecond(0), 1000);
  });
});
