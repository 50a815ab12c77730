/**
 * The reference backend's own tests again, with its store in Redis (`RedisBackendStore`):
 * the same HTTP answers and the same ledger, whichever store keeps them. Only the bounds tests
 * stay on the memory store: they count what `Store` holds and move its sweeps with the clock,
 * where Redis expires keys by itself.
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { redisClient, redisSkip, startRedis } from '../redis.js';

const skip = redisSkip();
if (skip) {
  describe('reference backend on Redis', () => it('runs when redis-server is installed', { skip }, () => undefined));
} else {
  const redis = await startRedis();
  process.env.SHOUYIN_TEST_REDIS_URL = redis.url;
  after(() => redis.stop());
  await import('./actions.test.js');
  await import('./card-binding.test.js');
  await import('./faults.test.js');
  await import('./hostile.test.js');
  await import('./passkeys.test.js');
  await import('./resilience.test.js');
  await import('./saved-cards.test.js');
  await import('./session.test.js');
  await import('./signed-bodies.test.js');
  describe('reference backend on Redis', () => {
    it('kept those sessions and ledgers in Redis', async () => {
      const { client, command } = await redisClient(redis.url);
      const sessions = (await command(['KEYS', '*:s:*'])) as string[];
      const attempts = (await command(['KEYS', '*:a:*'])) as string[];
      client.disconnect();
      assert.ok(sessions.length > 20 && attempts.length > 20, `${sessions.length} sessions, ${attempts.length} attempts`);
    });
  });
}
