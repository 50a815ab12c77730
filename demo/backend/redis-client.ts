import { Redis } from 'ioredis';
import type { RedisCommand } from '../../src/server/redis-stores.js';

export interface RedisConnection {
  command: RedisCommand;
  close(): void;
}

/**
 * A connection to Redis for the reference backend (ioredis). While Redis is unreachable every
 * command fails at once (no offline queue, no retry of a command), so a request is answered
 * 503 `store_unavailable` instead of hanging; the client reconnects in the background, every
 * 100 ms, and the next request after Redis is back goes through.
 */
export async function connectRedis(url: string): Promise<RedisConnection> {
  const client = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: 2_000,
    connectTimeout: 2_000,
    retryStrategy: () => 100,
  });
  let lastError = '';
  client.on('error', (error: Error) => {
    // One line per kind of failure, not one per reconnection attempt.
    if (error.message === lastError) return;
    lastError = error.message;
    console.error(`shouyin backend: redis: ${error.message}`);
  });
  client.on('ready', () => {
    lastError = '';
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`redis at ${url} did not answer within 10 s`)), 10_000);
    client.once('ready', () => {
      clearTimeout(timer);
      resolve();
    });
  });
  return {
    command: (args) => client.call(args[0]!, ...args.slice(1)),
    close: () => client.disconnect(),
  };
}
