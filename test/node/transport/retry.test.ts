import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { HttpResult } from '../../../src/transport/http.js';
import { DEFAULT_RETRY_POLICY, isRetryable, parseRetryAfter, retryDelay, withRetries } from '../../../src/transport/retry.js';

const answer = (status: number, headers: Record<string, string> = {}): HttpResult => ({
  ok: true,
  status,
  headers: new Headers(headers),
  json: {},
});
const fault = (reason: 'network' | 'timeout' | 'aborted'): HttpResult => ({ ok: false, reason });

/** Plays back answers in order and records the waits in between. */
function script(results: HttpResult[]) {
  const waits: number[] = [];
  let sent = 0;
  return {
    waits,
    sent: () => sent,
    send: async () => results[Math.min(sent++, results.length - 1)]!,
    sleep: async (ms: number) => void waits.push(ms),
  };
}

describe('retries', () => {
  it('retries network faults, time-outs, 502/503/504 and 429, and nothing else', () => {
    for (const result of [fault('network'), fault('timeout'), answer(502), answer(503), answer(504), answer(429)]) {
      assert.equal(isRetryable(result), true);
    }
    for (const result of [fault('aborted'), answer(200), answer(400), answer(401), answer(409), answer(500)]) {
      assert.equal(isRetryable(result), false);
    }
  });

  it('backs off exponentially with full jitter, capped', () => {
    const policy = { ...DEFAULT_RETRY_POLICY, baseMs: 400, capMs: 5000 };
    assert.deepEqual([0, 1, 2, 3, 4, 5].map((retry) => retryDelay(retry, policy, () => 1)), [400, 800, 1600, 3200, 5000, 5000]);
    assert.equal(retryDelay(3, policy, () => 0.5), 1600);
    assert.equal(retryDelay(3, policy, () => 0), 0);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-11-22T08:00:00Z');
    assert.equal(parseRetryAfter('2', now), 2000);
    assert.equal(parseRetryAfter('Sun, 22 Nov 2026 08:00:05 GMT', now), 5000);
    assert.equal(parseRetryAfter('soon', now), undefined);
    assert.equal(parseRetryAfter(null, now), undefined);
  });

  it('stops at the first answer that is not a fault', async () => {
    const s = script([fault('network'), answer(503), answer(200)]);
    const result = await withRetries(s.send, { sleep: s.sleep, random: () => 1 });
    assert.equal(result.ok && result.status, 200);
    assert.equal(s.sent(), 3);
    assert.deepEqual(s.waits, [400, 800]);
  });

  it('gives up after the last try and returns the last fault', async () => {
    const s = script([answer(503)]);
    const result = await withRetries(s.send, { sleep: s.sleep, random: () => 1 });
    assert.equal(result.ok && result.status, 503);
    assert.equal(s.sent(), DEFAULT_RETRY_POLICY.tries);
  });

  it('waits as long as Retry-After says, and not at all past the longest it honours', async () => {
    const s = script([answer(429, { 'Retry-After': '2' }), answer(200)]);
    await withRetries(s.send, { sleep: s.sleep });
    assert.deepEqual(s.waits, [2000]);
    const long = script([answer(429, { 'Retry-After': '3600' }), answer(200)]);
    const result = await withRetries(long.send, { sleep: long.sleep });
    assert.equal(result.ok && result.status, 429);
    assert.equal(long.sent(), 1);
  });

  it('does not retry a declined or rejected request', async () => {
    const s = script([answer(400), answer(200)]);
    const result = await withRetries(s.send, { sleep: s.sleep });
    assert.equal(result.ok && result.status, 400);
    assert.equal(s.sent(), 1);
  });
});
