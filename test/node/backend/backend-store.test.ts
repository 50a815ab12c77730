/**
 * The backend's stores directly, where HTTP cannot reach: an instance that died after keeping
 * an attempt but before keeping its idempotency answer. The retry of the same request (same
 * idempotency key), processed again once the claim lapsed, must find that attempt, not make
 * a second one or be told the order is paid by its own attempt.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { BackendStore } from '../../../demo/backend/backend-store.js';
import { RedisBackendStore } from '../../../demo/backend/redis-store.js';
import { issueSession } from '../../../demo/backend/session-factory.js';
import { Store, type AttemptRecord } from '../../../demo/backend/store.js';
import { redisClient, redisSkip, startRedis, type RunningRedis } from '../redis.js';

const skip = redisSkip();
let redis: RunningRedis | undefined;
let client: Awaited<ReturnType<typeof redisClient>> | undefined;
before(async () => {
  if (skip) return;
  redis = await startRedis();
  client = await redisClient(redis.url);
});
after(async () => {
  client?.client.disconnect();
  await redis?.stop();
});

const kinds: { name: string; skip: string | false; make: () => BackendStore }[] = [
  { name: 'memory', skip: false, make: () => new Store(Date.now) },
  { name: 'redis', skip, make: () => new RedisBackendStore(client!.command, { prefix: `bs${Math.random()}:` }) },
];

for (const kind of kinds) {
  describe(`${kind.name} backend store`, { skip: kind.skip }, () => {
    it('finds the attempt a request already made when it is processed again', async () => {
      const store = kind.make();
      const now = Date.now();
      const { session, verifyKey, spec } = issueSession({ amount: 12800, currency: 'CNY', scenario: 'default', fallbackMode: 'prompt' }, now);
      assert.equal(await store.addSession({ session, verifyKey, scenario: spec.text, spec, random: Math.random, payer: 'p_store' }), true);
      const attemptOf = (id: string, idempotencyKey: string): AttemptRecord => ({
        id,
        attempt: 'att_1',
        orderId: session.order.id,
        sessionId: session.id,
        channel: 'wechat',
        instrument: { type: 'wallet' },
        env: 'desktop',
        amount: 12800,
        currency: 'CNY',
        status: 'succeeded',
        idempotencyKey,
        requestBody: '{}',
        createdAt: now,
        updatedAt: now,
      });
      const refused = (a: AttemptRecord): AttemptRecord => ({ ...a, status: 'failed', failure: { code: 'limit_exceeded', retryable: false } });
      const first = attemptOf('pay_first', 'key_first_request');
      assert.equal((await store.place({ attempt: first, refused: refused(first), payer: 'p_store' })).kind, 'placed');
      const again = attemptOf('pay_again', 'key_first_request');
      const placed = await store.place({ attempt: again, refused: refused(again), payer: 'p_store' });
      assert.deepEqual([placed.kind, placed.kind === 'card_unknown' ? undefined : placed.attempt.id], ['existing', 'pay_first']);
      const other = attemptOf('pay_other', 'key_other_request');
      assert.equal((await store.place({ attempt: other, refused: refused(other), payer: 'p_store' })).kind, 'paid');
      assert.deepEqual((await store.attemptsFor(session.order.id)).map((a) => a.id), ['pay_first']);
    });
  });
}
