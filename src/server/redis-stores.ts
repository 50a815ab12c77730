import type { JweIdStore } from './jwe-id-store.js';
import { StoreUnavailableError, type IdempotencyClaim, type IdempotencyStore, type NonceStore } from './stores.js';

/**
 * The one thing the Redis stores need of a client: send a command, get its reply. Any
 * maintained client fits in one line, so `shouyin/server` carries no Redis dependency:
 * ioredis `(args) => client.call(args[0], ...args.slice(1))`, node-redis
 * `(args) => client.sendCommand([...args])`.
 */
export type RedisCommand = (args: readonly string[]) => Promise<unknown>;

export interface RedisStoreOptions {
  /** Prefix of every key (default `shouyin:`), so several apps can share one Redis. */
  prefix?: string;
  /** Milliseconds since the epoch; injected so tests can move time. */
  now?: () => number;
}

/**
 * A Lua script run by its SHA-1 (`EVALSHA`), loaded on first use or after Redis forgot it
 * (a restart): one round trip, and the script runs as one atomic step.
 */
export class RedisScript {
  private sha: Promise<string> | undefined;

  constructor(private readonly source: string) {}

  async run(command: RedisCommand, keys: readonly string[], args: readonly (string | number)[]): Promise<unknown> {
    const rest = [String(keys.length), ...keys, ...args.map(String)];
    this.sha ??= command(['SCRIPT', 'LOAD', this.source]).then(String);
    try {
      return await command(['EVALSHA', await this.sha, ...rest]);
    } catch (error) {
      this.sha = undefined;
      if (String((error as Error).message).startsWith('NOSCRIPT')) return command(['EVAL', this.source, ...rest]);
      throw error;
    }
  }
}

/**
 * Milliseconds from this instance's clock to `expiresAtMs`, at least 1: Redis is given time to
 * live, never a moment, so the instances' clocks need not agree with Redis's (an expiry already
 * past still refuses a replay for a moment rather than erroring).
 */
export function ttlUntil(expiresAtMs: number, now: () => number): number {
  return Math.max(1, Math.ceil(expiresAtMs - now()));
}

/** Runs a store operation, turning any failure of Redis into `StoreUnavailableError`. */
export async function guarded<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    if (error instanceof StoreUnavailableError) throw error;
    throw new StoreUnavailableError(`redis: ${(error as Error).message}`, { cause: error });
  }
}

// Records are `p|<hash>` while pending and `d|<hash>|<answer>` once answered.
const CLAIM = new RedisScript(`
local v = redis.call('GET', KEYS[1])
if not v then
  redis.call('SET', KEYS[1], 'p|' .. ARGV[1], 'PX', ARGV[2])
  return {'new'}
end
local bar = string.find(v, '|', 3, true)
local hash = bar and string.sub(v, 3, bar - 1) or string.sub(v, 3)
if hash ~= ARGV[1] then return {'conflict'} end
if string.sub(v, 1, 1) == 'p' then return {'pending'} end
return {'done', string.sub(v, bar + 1)}
`);
const FINISH = new RedisScript(`
local v = redis.call('GET', KEYS[1])
if v and string.sub(v, 1, 1) == 'd' then return 0 end
redis.call('SET', KEYS[1], 'd|' .. ARGV[1] .. '|' .. ARGV[2], 'PX', ARGV[3])
return 1
`);
const RELEASE = new RedisScript(`
if redis.call('GET', KEYS[1]) == 'p|' .. ARGV[1] then redis.call('DEL', KEYS[1]) end
return 1
`);

/** `IdempotencyStore` on Redis: each step one Lua script, so instances agree on every key. */
export class RedisIdempotencyStore implements IdempotencyStore {
  private readonly prefix: string;

  constructor(
    private readonly command: RedisCommand,
    { prefix = 'shouyin:' }: RedisStoreOptions = {},
  ) {
    this.prefix = `${prefix}idem:`;
  }

  claim(key: string, bodyHash: string, pendingMs: number): Promise<IdempotencyClaim> {
    return guarded(async () => {
      const [state, answer] = (await CLAIM.run(this.command, [this.prefix + key], [bodyHash, Math.max(1, Math.ceil(pendingMs))])) as string[];
      if (state === 'done') return { state, answer: answer! };
      return { state: state as 'new' | 'pending' | 'conflict' };
    });
  }

  async finish(key: string, bodyHash: string, answer: string, ttlMs: number): Promise<void> {
    await guarded(() => FINISH.run(this.command, [this.prefix + key], [bodyHash, answer, Math.max(1, Math.ceil(ttlMs))]));
  }

  async release(key: string, bodyHash: string): Promise<void> {
    await guarded(() => RELEASE.run(this.command, [this.prefix + key], [bodyHash]));
  }
}

const USE_NONCE = new RedisScript(`
local v = redis.call('GET', KEYS[1])
if v then
  if ARGV[2] ~= '' and v == ARGV[2] then return 1 end
  return 0
end
redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[1])
return 1
`);

/** `NonceStore` on Redis. */
export class RedisNonceStore implements NonceStore {
  private readonly prefix: string;
  private readonly now: () => number;

  constructor(
    private readonly command: RedisCommand,
    { prefix = 'shouyin:', now = Date.now }: RedisStoreOptions = {},
  ) {
    this.prefix = `${prefix}nonce:`;
    this.now = now;
  }

  useOnce(nonce: string, expiresAtMs: number, owner = ''): Promise<boolean> {
    return guarded(async () => (await USE_NONCE.run(this.command, [this.prefix + nonce], [ttlUntil(expiresAtMs, this.now), owner])) === 1);
  }
}

/** `JweIdStore` on Redis: `SET key 1 NX PX ttl`, one atomic command. */
export class RedisJweIdStore implements JweIdStore {
  private readonly prefix: string;
  private readonly now: () => number;

  constructor(
    private readonly command: RedisCommand,
    { prefix = 'shouyin:', now = Date.now }: RedisStoreOptions = {},
  ) {
    this.prefix = `${prefix}jwe:`;
    this.now = now;
  }

  useOnce(id: string, expiresAtMs: number): Promise<boolean> {
    const ttl = String(ttlUntil(expiresAtMs, this.now));
    return guarded(async () => (await this.command(['SET', this.prefix + id, '1', 'NX', 'PX', ttl])) === 'OK');
  }
}
