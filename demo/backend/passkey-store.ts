import { guarded, RedisScript, type RedisCommand } from '../../src/server/redis-stores.js';

/** A payer's passkey as the backend keeps it: the credential's id, public key and counter; nothing biometric ever reaches a server. */
export interface StoredPasskey {
  id: string;
  /** The COSE public key, base64url. */
  publicKey: string;
  counter: number;
  transports?: string[];
  createdAt: number;
}

/** A challenge the backend issued: what it is bound to, and until when. */
export interface StoredChallenge {
  kind: 'get' | 'create';
  challenge: string;
  payer: string;
  sessionId: string;
  orderId: string;
  /** `get`: the amount, currency and saved card the assertion confirms. */
  amount?: number;
  currency?: string;
  cardId?: string;
  /** Where the ceremony must happen: the relying party's id and the page's origin. */
  rpId: string;
  origin: string;
  expiresAt: number;
}

/**
 * Passkeys and their challenges, in memory or in Redis (as the vault is), so any instance
 * verifies what another issued. A challenge is taken once: `take` removes it in the same step,
 * so an assertion replayed, or sent twice to two instances, finds nothing the second time.
 * A session keeps its latest `MAX_OPEN_CHALLENGES` challenges: `put` lets the oldest go, so a
 * loop on the challenge endpoint cannot fill the store, and a payer who asks again (another
 * try of the fingerprint) is never turned away.
 * `advance` moves a credential's signature counter on only from the value the verification
 * read, so two uses racing on two instances cannot both pass.
 */
export interface PasskeyStore {
  credentials(payer: string): Promise<StoredPasskey[]>;
  add(payer: string, passkey: StoredPasskey): Promise<void>;
  advance(payer: string, id: string, from: number, to: number): Promise<boolean>;
  put(id: string, challenge: StoredChallenge): Promise<void>;
  take(id: string): Promise<StoredChallenge | undefined>;
}

/** Payers whose passkeys one process keeps at most; the oldest goes first. */
const MAX_PAYERS = 10_000;
/** Challenges a session holds at once (a ceremony takes one; a few tries of the fingerprint a few more). */
export const MAX_OPEN_CHALLENGES = 5;

export class MemoryPasskeyStore implements PasskeyStore {
  private readonly byPayer = new Map<string, StoredPasskey[]>();
  private readonly challenges = new Map<string, StoredChallenge>();

  constructor(private readonly now: () => number) {}

  async credentials(payer: string): Promise<StoredPasskey[]> {
    return (this.byPayer.get(payer) ?? []).map((p) => ({ ...p }));
  }

  async add(payer: string, passkey: StoredPasskey): Promise<void> {
    this.byPayer.set(payer, [...(this.byPayer.get(payer) ?? []).filter((p) => p.id !== passkey.id), { ...passkey }]);
    if (this.byPayer.size > MAX_PAYERS) this.byPayer.delete(this.byPayer.keys().next().value!);
  }

  async advance(payer: string, id: string, from: number, to: number): Promise<boolean> {
    const passkey = this.byPayer.get(payer)?.find((p) => p.id === id);
    if (!passkey || passkey.counter !== from) return false;
    passkey.counter = to;
    return true;
  }

  async put(id: string, challenge: StoredChallenge): Promise<void> {
    const now = this.now();
    for (const [key, c] of this.challenges) if (c.expiresAt <= now) this.challenges.delete(key);
    this.challenges.set(id, challenge);
    // Insertion order is age order: the session's first ones are its oldest.
    const mine = [...this.challenges].filter(([, c]) => c.sessionId === challenge.sessionId);
    for (const [key] of mine.slice(0, -MAX_OPEN_CHALLENGES)) this.challenges.delete(key);
  }

  async take(id: string): Promise<StoredChallenge | undefined> {
    const challenge = this.challenges.get(id);
    this.challenges.delete(id);
    return challenge && challenge.expiresAt > this.now() ? challenge : undefined;
  }
}

/** A payer's passkeys are kept this long after the last one was added (a demo backend, not a bank). */
const KEEP_MS = 24 * 60 * 60 * 1000;

const ADVANCE = new RedisScript(`
local raw = redis.call('HGET', KEYS[1], ARGV[1])
if not raw then return 0 end
local p = cjson.decode(raw)
if p.counter ~= tonumber(ARGV[2]) then return 0 end
p.counter = tonumber(ARGV[3])
redis.call('HSET', KEYS[1], ARGV[1], cjson.encode(p))
return 1
`);

/** Keeps the challenge and its place in its session's list; the session's oldest beyond the limit go. */
const PUT = new RedisScript(`
local ttl = tonumber(ARGV[2])
redis.call('SET', KEYS[1], ARGV[1], 'PX', ttl)
redis.call('RPUSH', KEYS[2], ARGV[3])
while redis.call('LLEN', KEYS[2]) > tonumber(ARGV[4]) do
  redis.call('DEL', ARGV[5] .. redis.call('LPOP', KEYS[2]))
end
if redis.call('PTTL', KEYS[2]) < ttl then redis.call('PEXPIRE', KEYS[2], ttl) end
return 1
`);

const TAKE = new RedisScript(`
local raw = redis.call('GET', KEYS[1])
if raw then
  redis.call('DEL', KEYS[1])
  redis.call('LREM', ARGV[1] .. cjson.decode(raw).sessionId, 0, ARGV[2])
end
return raw
`);

export class RedisPasskeyStore implements PasskeyStore {
  constructor(
    private readonly command: RedisCommand,
    private readonly prefix: string,
    private readonly now: () => number,
  ) {}

  credentials(payer: string): Promise<StoredPasskey[]> {
    return guarded(async () => {
      const values = (await this.command(['HVALS', `${this.prefix}pk:${payer}`])) as string[];
      return values.map((v) => JSON.parse(v) as StoredPasskey);
    });
  }

  add(payer: string, passkey: StoredPasskey): Promise<void> {
    return guarded(async () => {
      const key = `${this.prefix}pk:${payer}`;
      await this.command(['HSET', key, passkey.id, JSON.stringify(passkey)]);
      await this.command(['PEXPIRE', key, String(KEEP_MS)]);
    });
  }

  advance(payer: string, id: string, from: number, to: number): Promise<boolean> {
    return guarded(async () => (await ADVANCE.run(this.command, [`${this.prefix}pk:${payer}`], [id, from, to])) === 1);
  }

  put(id: string, challenge: StoredChallenge): Promise<void> {
    return guarded(async () => {
      const ttl = Math.max(1, Math.ceil(challenge.expiresAt - this.now()));
      const keys = [`${this.prefix}pkc:${id}`, `${this.prefix}pkcs:${challenge.sessionId}`];
      await PUT.run(this.command, keys, [JSON.stringify(challenge), ttl, id, MAX_OPEN_CHALLENGES, `${this.prefix}pkc:`]);
    });
  }

  take(id: string): Promise<StoredChallenge | undefined> {
    return guarded(async () => {
      const raw = (await TAKE.run(this.command, [`${this.prefix}pkc:${id}`], [`${this.prefix}pkcs:`, id])) as string | null;
      const challenge = raw ? (JSON.parse(raw) as StoredChallenge) : undefined;
      return challenge && challenge.expiresAt > this.now() ? challenge : undefined;
    });
  }
}
