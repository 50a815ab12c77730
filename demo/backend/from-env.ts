import { createBackend, type Backend } from './app.js';
import { connectRedis } from './redis-client.js';
import { RedisBackendStore } from './redis-store.js';

/**
 * The reference backend as `npm start` / `npm run serve` run it: its store in Redis when
 * `SHOUYIN_REDIS_URL` is set (several instances on one Redis then agree on every order), in
 * this process's memory otherwise. `SHOUYIN_REDIS_PREFIX` (default `shouyin:`) lets several
 * deployments share one Redis.
 */
export async function backendFromEnv(env: NodeJS.ProcessEnv = process.env): Promise<{ backend: Backend; store: string; close(): void }> {
  const url = env.SHOUYIN_REDIS_URL;
  if (!url) return { backend: createBackend(), store: 'memory', close: () => undefined };
  const redis = await connectRedis(url);
  const store = new RedisBackendStore(redis.command, { prefix: env.SHOUYIN_REDIS_PREFIX ?? 'shouyin:' });
  return { backend: createBackend({ store }), store: `redis ${new URL(url).host}`, close: redis.close };
}
