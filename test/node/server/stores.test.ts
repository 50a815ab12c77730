import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  MemoryIdempotencyStore,
  MemoryJweIdStore,
  MemoryNonceStore,
  RedisIdempotencyStore,
  RedisJweIdStore,
  RedisNonceStore,
  StoreUnavailableError,
  type IdempotencyStore,
  type JweIdStore,
  type NonceStore,
} from '../../../src/server/index.js';
import { redisClient, redisSkip, startRedis, type RunningRedis } from '../redis.js';

interface Stores {
  idempotency: IdempotencyStore;
  nonces: NonceStore;
  jweIds: JweIdStore;
}

const skip = redisSkip();
let redis: RunningRedis | undefined;
let client: Awaited<ReturnType<typeof redisClient>> | undefined;
let prefixes = 0;

const kinds: { name: string; skip: string | false; make: () => Stores }[] = [
  {
    name: 'memory',
    skip: false,
    make: () => ({ idempotency: new MemoryIdempotencyStore(), nonces: new MemoryNonceStore(), jweIds: new MemoryJweIdStore() }),
  },
  {
    name: 'redis',
    skip,
    make: () => {
      const prefix = `t${++prefixes}:`;
      const { command } = client!;
      return {
        idempotency: new RedisIdempotencyStore(command, { prefix }),
        nonces: new RedisNonceStore(command, { prefix }),
        jweIds: new RedisJweIdStore(command, { prefix }),
      };
    },
  },
];

before(async () => {
  if (skip) return;
  redis = await startRedis();
  client = await redisClient(redis.url);
});
after(async () => {
  client?.client.disconnect();
  await redis?.stop();
});

for (const kind of kinds) {
  describe(`${kind.name} stores`, { skip: kind.skip }, () => {
    it('an idempotency key: one claim among many at once, then its answer for the same body, a conflict for another', async () => {
      const { idempotency } = kind.make();
      const claims = await Promise.all(Array.from({ length: 20 }, () => idempotency.claim('k1', 'h1', 5000)));
      assert.equal(claims.filter((c) => c.state === 'new').length, 1);
      assert.equal(claims.filter((c) => c.state === 'pending').length, 19);
      assert.deepEqual(await idempotency.claim('k1', 'h2', 5000), { state: 'conflict' });
      await idempotency.finish('k1', 'h1', '{"status":200}', 60_000);
      await idempotency.finish('k1', 'h1', '{"status":500}', 60_000);
      assert.deepEqual(await idempotency.claim('k1', 'h1', 5000), { state: 'done', answer: '{"status":200}' }, 'the first answer stays');
    });

    it('a released claim can be taken again; a claim left pending lapses after its time', async () => {
      const { idempotency } = kind.make();
      assert.equal((await idempotency.claim('k2', 'h', 5000)).state, 'new');
      await idempotency.release('k2', 'h');
      assert.equal((await idempotency.claim('k2', 'h', 5000)).state, 'new');
      assert.equal((await idempotency.claim('k3', 'h', 30)).state, 'new');
      await new Promise((resolve) => setTimeout(resolve, 60));
      assert.equal((await idempotency.claim('k3', 'h', 30)).state, 'new', 'a holder that died no longer blocks');
    });

    it('a nonce once among many at once; again for its owner only; free after it expires', async () => {
      const { nonces } = kind.make();
      const at = Date.now() + 60_000;
      const uses = await Promise.all(Array.from({ length: 20 }, () => nonces.useOnce('n1', at)));
      assert.equal(uses.filter(Boolean).length, 1);
      assert.equal(await nonces.useOnce('n2', at, 'kid:key'), true);
      assert.equal(await nonces.useOnce('n2', at, 'kid:key'), true, 'the same request retried');
      assert.equal(await nonces.useOnce('n2', at, 'kid:other'), false, 'another request with it');
      assert.equal(await nonces.useOnce('n2', at), false);
      assert.equal(await nonces.useOnce('n3', Date.now() + 30), true);
      await new Promise((resolve) => setTimeout(resolve, 60));
      assert.equal(await nonces.useOnce('n3', Date.now() + 30), true);
    });

    it('a card-JWE id once among many at once', async () => {
      const { jweIds } = kind.make();
      const at = Date.now() + 60_000;
      const uses = await Promise.all(Array.from({ length: 20 }, () => jweIds.useOnce('ses.jti', at)));
      assert.equal(uses.filter(Boolean).length, 1);
    });
  });
}

describe('redis stores when Redis is gone', { skip }, () => {
  it('reject with StoreUnavailableError, and work again once it is back', async () => {
    const { nonces } = kinds[1]!.make();
    await redis!.stop();
    await assert.rejects(nonces.useOnce('n-down', Date.now() + 60_000), StoreUnavailableError);
    await redis!.start();
    // The client reconnects by itself (every 50 ms here).
    if (client!.client.status !== 'ready') await new Promise((resolve) => client!.client.once('ready', resolve));
    assert.equal(await nonces.useOnce('n-down', Date.now() + 60_000), true);
  });
});
