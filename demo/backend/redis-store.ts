import { guarded, ttlUntil, RedisIdempotencyStore, RedisJweIdStore, RedisNonceStore, RedisScript, type RedisCommand } from '../../src/server/redis-stores.js';
import type { AnswerClaim, BackendStore, Placed, Placement } from './backend-store.js';
import { generateSharedCardKey, loadCardKey, type CardKey, type SharedCardKey } from './card-key.js';
import { dayInChina } from './limits.js';
import { mulberry32 } from './random.js';
import type { BindingRecord } from './bindings.js';
import { RedisPasskeyStore } from './passkey-store.js';
import type { VaultCard } from './saved-cards.js';
import { parseScenario } from './scenario-spec.js';
import { CHANNEL_IDS } from './session-factory.js';
import {
  CANCELED,
  MAX_SESSIONS,
  MAX_TRIES_PER_ORDER,
  nonceUntil,
  SESSION_RETENTION_MS,
  type AttemptRecord,
  type SessionRecord,
  type StoredAnswer,
  type TryRecord,
} from './store.js';

/** What of a session Redis keeps; `spec` and `random` are made again from it on each instance. */
interface StoredSession {
  session: SessionRecord['session'];
  verifyKey: string;
  scenario: string;
  payer: string;
}

/** A claim on an idempotency key lapses after this: a request holding it that died no longer blocks its retries. */
const PENDING_MS = 5_000;
/** Answers, `429@s` keys and the payers' cards are kept as long as a session's ledger at most. */
const KEEP_MS = 60 * 60 * 1000;
/** Sessions kept in this instance's memory for their `random` (a `seed@n` PRNG goes on). */
const LOCAL_SESSIONS = 2_000;

// The mutable part of an attempt lives in hash fields the scripts change; `body` (the rest, as
// JSON) is written once by Node and never decoded in Lua.
const NOT_FINAL = `local function open(s) return s and s ~= 'succeeded' and s ~= 'failed' and s ~= 'canceled' end
local function uncount(k)
  local c = redis.call('HGET', k, 'counted')
  if c and c ~= '' then
    redis.call('DECRBY', c, redis.call('HGET', k, 'amount'))
    redis.call('HSET', k, 'counted', '')
  end
end`;

const ADD_SESSION = new RedisScript(`
local ttl = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[3]) then return 0 end
redis.call('ZADD', KEYS[1], tonumber(ARGV[1]) + ttl, ARGV[5])
redis.call('SET', KEYS[2], ARGV[4], 'PX', ttl)
redis.call('SET', KEYS[3], ARGV[5], 'PX', ttl)
redis.call('SET', KEYS[4], ARGV[5], 'PX', ttl)
redis.call('SADD', KEYS[5], ARGV[6])
if redis.call('PTTL', KEYS[5]) < ttl then redis.call('PEXPIRE', KEYS[5], ttl) end
return 1
`);

const SESSION_BY = new RedisScript(`
local id = redis.call('GET', KEYS[1])
if not id then return false end
return redis.call('GET', ARGV[1] .. 's:' .. id)
`);

const ADD_TRY = new RedisScript(`
local ttl = redis.call('PTTL', KEYS[3])
if ttl <= 0 then return 0 end
redis.call('RPUSH', KEYS[1], ARGV[1])
if redis.call('LLEN', KEYS[1]) > tonumber(ARGV[2]) then
  redis.call('LPOP', KEYS[1])
  redis.call('INCR', KEYS[2])
  redis.call('PEXPIRE', KEYS[2], ttl)
end
redis.call('PEXPIRE', KEYS[1], ttl)
return 1
`);

// KEYS: order's attempt list, the payer's day total, the payer's removed cards, the new attempt.
// ARGV: prefix, now, time to live, daily room ('' none), saved card id ('' none), canceled failure,
// amount, then the attempt's and the refused attempt's status, failure, pending polls, body,
// then its id, order, card id ('' none) and idempotency key.
const PLACE = new RedisScript(`
${NOT_FINAL}
local P = ARGV[1]
if ARGV[5] ~= '' and redis.call('SISMEMBER', KEYS[3], ARGV[5]) == 1 then return {'card_unknown'} end
local ids = redis.call('LRANGE', KEYS[1], 0, -1)
for _, id in ipairs(ids) do
  if redis.call('HGET', P .. 'a:' .. id, 'key') == ARGV[19] then return {'existing', id} end
end
for _, id in ipairs(ids) do
  if redis.call('HGET', P .. 'a:' .. id, 'status') == 'succeeded' then return {'paid', id} end
end
for _, id in ipairs(ids) do
  local k = P .. 'a:' .. id
  if open(redis.call('HGET', k, 'status')) then
    uncount(k)
    redis.call('HSET', k, 'status', 'canceled', 'failure', ARGV[6], 'pendingPolls', '', 'updatedAt', ARGV[2])
  end
end
local amount = tonumber(ARGV[7])
local first = 8
if ARGV[4] ~= '' then
  local taken = tonumber(redis.call('GET', KEYS[2]) or '0')
  if taken + amount > tonumber(ARGV[4]) then first = 12 end
end
local status = ARGV[first]
local counted = ''
if open(status) or status == 'succeeded' then
  counted = KEYS[2]
  redis.call('INCRBY', KEYS[2], amount)
  redis.call('PEXPIRE', KEYS[2], 2 * 24 * 3600 * 1000)
end
redis.call('HSET', KEYS[4], 'status', status, 'failure', ARGV[first + 1], 'pendingPolls', ARGV[first + 2],
  'body', ARGV[first + 3], 'updatedAt', ARGV[2], 'amount', amount, 'counted', counted, 'orderId', ARGV[17], 'cardId', ARGV[18], 'key', ARGV[19])
redis.call('PEXPIRE', KEYS[4], ARGV[3])
redis.call('RPUSH', KEYS[1], ARGV[16])
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return {'placed', tostring(first)}
`);

// KEYS: the attempt. ARGV: how, now, prefix, canceled failure.
const ADVANCE = new RedisScript(`
${NOT_FINAL}
local k = KEYS[1]
if redis.call('EXISTS', k) == 0 then return false end
local status = redis.call('HGET', k, 'status')
if ARGV[1] == 'poll' then
  if status ~= 'pending' then return redis.call('HGETALL', k) end
  local polls = redis.call('HGET', k, 'pendingPolls')
  if not polls or polls == '' then return redis.call('HGETALL', k) end
  if tonumber(polls) > 0 then
    redis.call('HSET', k, 'pendingPolls', tonumber(polls) - 1, 'updatedAt', ARGV[2])
    return redis.call('HGETALL', k)
  end
elseif status ~= 'requires_action' then
  return redis.call('HGETALL', k)
end
local ids = redis.call('LRANGE', ARGV[3] .. 'oa:' .. redis.call('HGET', k, 'orderId'), 0, -1)
local paid = false
for _, id in ipairs(ids) do
  if redis.call('HGET', ARGV[3] .. 'a:' .. id, 'status') == 'succeeded' then paid = true end
end
if paid then
  uncount(k)
  redis.call('HSET', k, 'status', 'canceled', 'failure', ARGV[4], 'pendingPolls', '', 'updatedAt', ARGV[2])
else
  redis.call('HSET', k, 'status', 'succeeded', 'pendingPolls', '', 'updatedAt', ARGV[2])
end
return redis.call('HGETALL', k)
`);

const WALLET = new RedisScript(`
local v = redis.call('GET', KEYS[1])
if not v then
  v = ARGV[1]
  redis.call('SET', KEYS[1], v, 'PX', ARGV[2])
else
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
redis.call('PEXPIRE', KEYS[2], ARGV[2])
return {v, redis.call('SMEMBERS', KEYS[2])}
`);

// KEYS: the payer's removed cards, the payer's orders. ARGV: card id, prefix, ttl.
const REMOVE_CARD = new RedisScript(`
${NOT_FINAL}
if redis.call('SISMEMBER', KEYS[1], ARGV[1]) == 1 then return 'removed' end
for _, order in ipairs(redis.call('SMEMBERS', KEYS[2])) do
  for _, id in ipairs(redis.call('LRANGE', ARGV[2] .. 'oa:' .. order, 0, -1)) do
    local a = redis.call('HMGET', ARGV[2] .. 'a:' .. id, 'status', 'cardId')
    if a[2] == ARGV[1] and open(a[1]) then return 'in_use' end
  end
end
redis.call('SADD', KEYS[1], ARGV[1])
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return 'removed'
`);

// KEYS: the payer's cards. ARGV: the card (JSON), ttl. The wallet is made (demo cards) when its
// first session is, so it is there; a vault that expired meanwhile starts again with this card.
const ADD_CARD = new RedisScript(`
local v = redis.call('GET', KEYS[1])
local cards = v and cjson.decode(v) or {}
table.insert(cards, cjson.decode(ARGV[1]))
redis.call('SET', KEYS[1], cjson.encode(cards), 'PX', ARGV[2])
return 1
`);

// KEYS: the binding, the order's binding list. ARGV: the binding (JSON), ttl, its id.
const ADD_BINDING = new RedisScript(`
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
redis.call('RPUSH', KEYS[2], ARGV[3])
redis.call('PEXPIRE', KEYS[2], ARGV[2])
return 1
`);

// KEYS: the binding. ARGV: the binding as it was read (JSON), as it becomes. 0: changed meanwhile.
const SWAP_BINDING = new RedisScript(`
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
local ttl = redis.call('PTTL', KEYS[1])
if ttl > 0 then redis.call('SET', KEYS[1], ARGV[2], 'PX', ttl) else redis.call('SET', KEYS[1], ARGV[2]) end
return 1
`);

/** A change of a binding is tried again this many times when other instances keep changing it first. */
const MAX_SWAPS = 20;

export interface RedisBackendStoreOptions {
  prefix?: string;
  now?: () => number;
  /** What `flaky` draws from in a session without `seed@n`. */
  random?: () => number;
  maxSessions?: number;
}

/**
 * The reference backend's store in Redis, shared by any number of instances: every step that
 * checks and writes (one success per order, a new attempt canceling the open ones, a payer's
 * daily total, an idempotency key, a nonce, a card JWE, a card's removal) is one Lua script or
 * one `SET NX`, so instances never decide on a stale read. Keys expire with their session's
 * retention. One Redis (not a cluster): the scripts reach keys they find in lists.
 */
export class RedisBackendStore implements BackendStore {
  readonly jweIds: RedisJweIdStore;
  readonly passkeys: RedisPasskeyStore;
  private readonly prefix: string;
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly maxSessions: number;
  private readonly idempotency: RedisIdempotencyStore;
  private readonly nonces: RedisNonceStore;
  private readonly local = new Map<string, SessionRecord>();
  private cardKeyPromise: Promise<CardKey> | undefined;

  constructor(
    private readonly command: RedisCommand,
    { prefix = 'shouyin:', now = Date.now, random = Math.random, maxSessions = MAX_SESSIONS }: RedisBackendStoreOptions = {},
  ) {
    this.prefix = prefix;
    this.now = now;
    this.random = random;
    this.maxSessions = maxSessions;
    this.idempotency = new RedisIdempotencyStore(command, { prefix });
    this.nonces = new RedisNonceStore(command, { prefix, now });
    this.jweIds = new RedisJweIdStore(command, { prefix, now });
    this.passkeys = new RedisPasskeyStore(command, prefix, now);
  }

  addSession(record: SessionRecord): Promise<boolean> {
    const { session, verifyKey, scenario, payer } = record;
    const stored: StoredSession = { session, verifyKey, scenario, payer };
    const P = this.prefix;
    return guarded(async () => {
      const added = await ADD_SESSION.run(
        this.command,
        [`${P}live`, `${P}s:${session.id}`, `${P}kid:${session.signing.kid}`, `${P}ord:${session.order.id}`, `${P}po:${payer}`],
        [this.now(), ttlUntil(evictAt(record), this.now), this.maxSessions, JSON.stringify(stored), session.id, session.order.id],
      );
      if (added !== 1) return false;
      this.keepLocal(record);
      return true;
    });
  }

  sessionForKid(kid: string): Promise<SessionRecord | undefined> {
    return this.sessionBy(`kid:${kid}`);
  }

  sessionForOrder(orderId: string): Promise<SessionRecord | undefined> {
    return this.sessionBy(`ord:${orderId}`);
  }

  async claim(kid: string, key: string, bodyHash: string): Promise<AnswerClaim> {
    const claim = await this.idempotency.claim(`${kid}:${key}`, bodyHash, PENDING_MS);
    return claim.state === 'done' ? { state: 'done', answer: JSON.parse(claim.answer) as StoredAnswer } : claim;
  }

  finish(kid: string, key: string, bodyHash: string, answer: StoredAnswer): Promise<void> {
    return this.idempotency.finish(`${kid}:${key}`, bodyHash, JSON.stringify(answer), KEEP_MS);
  }

  release(kid: string, key: string, bodyHash: string): Promise<void> {
    return this.idempotency.release(`${kid}:${key}`, bodyHash);
  }

  firstTry(kid: string, key: string): Promise<boolean> {
    return guarded(async () => (await this.command(['SET', `${this.prefix}try:${kid}:${key}`, '1', 'NX', 'PX', String(KEEP_MS)])) === 'OK');
  }

  useNonce(nonce: string, signedAt: number, owner: string): Promise<boolean> {
    return this.nonces.useOnce(nonce, nonceUntil(signedAt), owner);
  }

  async addTry(orderId: string, record: TryRecord): Promise<void> {
    const P = this.prefix;
    await guarded(() =>
      ADD_TRY.run(this.command, [`${P}ot:${orderId}`, `${P}otn:${orderId}`, `${P}ord:${orderId}`], [JSON.stringify(record), MAX_TRIES_PER_ORDER]),
    );
  }

  tries(orderId: string): Promise<{ tries: TryRecord[]; omitted: number }> {
    return guarded(async () => {
      const [list, omitted] = await Promise.all([
        this.command(['LRANGE', `${this.prefix}ot:${orderId}`, '0', '-1']),
        this.command(['GET', `${this.prefix}otn:${orderId}`]),
      ]);
      return { tries: (list as string[]).map((t) => JSON.parse(t) as TryRecord), omitted: Number(omitted ?? 0) };
    });
  }

  attempt(id: string): Promise<AttemptRecord | undefined> {
    return guarded(async () => fromHash((await this.command(['HGETALL', `${this.prefix}a:${id}`])) as string[]));
  }

  attemptsFor(orderId: string): Promise<AttemptRecord[]> {
    return guarded(async () => {
      const ids = (await this.command(['LRANGE', `${this.prefix}oa:${orderId}`, '0', '-1'])) as string[];
      const attempts = await Promise.all(ids.map((id) => this.attempt(id)));
      return attempts.filter((a): a is AttemptRecord => a !== undefined);
    });
  }

  place({ attempt, refused, payer, dailyRoom, savedCardId }: Placement): Promise<Placed> {
    const P = this.prefix;
    const day = `${P}day:${payer}:${attempt.channel}:${dayInChina(attempt.createdAt)}`;
    return guarded(async () => {
      const [kind, detail] = (await PLACE.run(
        this.command,
        [`${P}oa:${attempt.orderId}`, day, `${P}wr:${payer}`, `${P}a:${attempt.id}`],
        [
          P,
          this.now(),
          await this.ttlOf(attempt.orderId),
          dailyRoom ?? '',
          savedCardId ?? '',
          JSON.stringify(CANCELED),
          attempt.amount,
          ...fields(attempt),
          ...fields(refused),
          attempt.id,
          attempt.orderId,
          attempt.instrument.cardId ?? '',
          attempt.idempotencyKey,
        ],
      )) as [string, string];
      if (kind === 'card_unknown') return { kind };
      if (kind === 'paid' || kind === 'existing') return { kind, attempt: (await this.attempt(detail))! };
      return { kind: 'placed', attempt: detail === '8' ? attempt : refused };
    });
  }

  advance(id: string, how: 'poll' | 'confirm'): Promise<AttemptRecord | undefined> {
    return guarded(async () =>
      fromHash((await ADVANCE.run(this.command, [`${this.prefix}a:${id}`], [how, this.now(), this.prefix, JSON.stringify(CANCELED)])) as string[] | null),
    );
  }

  /**
   * One card key for all instances: the first to need it makes it and keeps it (`SET NX`), the
   * others load that one, so a card sealed to a session of one instance is read by any other.
   */
  cardKey(): Promise<CardKey> {
    this.cardKeyPromise ??= guarded(async () => {
      const key = `${this.prefix}cardkey`;
      let stored = (await this.command(['GET', key])) as string | null;
      if (!stored) {
        await this.command(['SET', key, JSON.stringify(await generateSharedCardKey()), 'NX']);
        stored = (await this.command(['GET', key])) as string | null;
      }
      if (!stored) throw new Error('the card key vanished from Redis');
      return loadCardKey(JSON.parse(stored) as SharedCardKey);
    }).catch((error: unknown) => {
      this.cardKeyPromise = undefined;
      throw error;
    });
    return this.cardKeyPromise;
  }

  wallet(payer: string, make: () => VaultCard[]): Promise<VaultCard[]> {
    return guarded(async () => {
      const [cards, removed] = (await WALLET.run(
        this.command,
        [`${this.prefix}w:${payer}`, `${this.prefix}wr:${payer}`],
        [JSON.stringify(make()), KEEP_MS],
      )) as [string, string[]];
      return (JSON.parse(cards) as VaultCard[]).filter((c) => !removed.includes(c.id));
    });
  }

  removeCard(payer: string, cardId: string): Promise<'removed' | 'not_found' | 'in_use'> {
    return guarded(async () => {
      // A card is only ever added to a wallet or removed (in one script): a card found here stays
      // found until that script, which answers a repeat of its removal itself.
      const raw = (await this.command(['GET', `${this.prefix}w:${payer}`])) as string | null;
      if (!raw || !(JSON.parse(raw) as VaultCard[]).some((c) => c.id === cardId)) return 'not_found';
      return (await REMOVE_CARD.run(
        this.command,
        [`${this.prefix}wr:${payer}`, `${this.prefix}po:${payer}`],
        [cardId, this.prefix, KEEP_MS],
      )) as 'removed' | 'in_use';
    });
  }

  addCard(payer: string, card: VaultCard): Promise<void> {
    return guarded(async () => void (await ADD_CARD.run(this.command, [`${this.prefix}w:${payer}`], [JSON.stringify(card), KEEP_MS])));
  }

  addBinding(record: BindingRecord): Promise<void> {
    const P = this.prefix;
    return guarded(async () => {
      const ttl = await this.ttlOf(record.orderId);
      await ADD_BINDING.run(this.command, [`${P}bd:${record.id}`, `${P}obd:${record.orderId}`], [JSON.stringify(record), ttl, record.id]);
    });
  }

  binding(id: string): Promise<BindingRecord | undefined> {
    return guarded(async () => {
      const json = (await this.command(['GET', `${this.prefix}bd:${id}`])) as string | null;
      return json ? (JSON.parse(json) as BindingRecord) : undefined;
    });
  }

  /** Read, change, and write back only if nobody wrote in between (compare and swap); else again. */
  changeBinding(id: string, change: (record: BindingRecord) => BindingRecord): Promise<{ before: BindingRecord; after: BindingRecord } | undefined> {
    const key = `${this.prefix}bd:${id}`;
    return guarded(async () => {
      for (let i = 0; i < MAX_SWAPS; i++) {
        const json = (await this.command(['GET', key])) as string | null;
        if (!json) return undefined;
        const after = change(JSON.parse(json) as BindingRecord);
        if ((await SWAP_BINDING.run(this.command, [key], [json, JSON.stringify(after)])) === 1) return { before: JSON.parse(json) as BindingRecord, after };
      }
      throw new Error('a binding kept changing under its change');
    });
  }

  bindingsFor(orderId: string): Promise<BindingRecord[]> {
    return guarded(async () => {
      const ids = (await this.command(['LRANGE', `${this.prefix}obd:${orderId}`, '0', '-1'])) as string[];
      const records = await Promise.all(ids.map((id) => this.binding(id)));
      return records.filter((r): r is BindingRecord => r !== undefined);
    });
  }

  addBindingRequest(orderId: string, shape: string): Promise<void> {
    const P = this.prefix;
    return guarded(async () => {
      const ttl = await this.ttlOf(orderId);
      await this.command(['RPUSH', `${P}obr:${orderId}`, shape]);
      await this.command(['PEXPIRE', `${P}obr:${orderId}`, String(ttl)]);
    });
  }

  bindingRequests(orderId: string): Promise<string[]> {
    return guarded(async () => (await this.command(['LRANGE', `${this.prefix}obr:${orderId}`, '0', '-1'])) as string[]);
  }

  allAttempts(): Promise<AttemptRecord[]> {
    return guarded(async () => {
      const all: AttemptRecord[] = [];
      let cursor = '0';
      do {
        const [next, keys] = (await this.command(['SCAN', cursor, 'MATCH', `${this.prefix}a:*`, 'COUNT', '500'])) as [string, string[]];
        cursor = next;
        for (const key of keys) {
          const attempt = fromHash((await this.command(['HGETALL', key])) as string[]);
          if (attempt) all.push(attempt);
        }
      } while (cursor !== '0');
      return all.sort((a, b) => a.createdAt - b.createdAt);
    });
  }

  sweep(): void {
    // Redis expires every key with its session's retention.
  }

  private async sessionBy(index: string): Promise<SessionRecord | undefined> {
    return guarded(async () => {
      const json = (await SESSION_BY.run(this.command, [`${this.prefix}${index}`], [this.prefix])) as string | null;
      if (!json) return undefined;
      const stored = JSON.parse(json) as StoredSession;
      return this.local.get(stored.session.id) ?? this.keepLocal(this.hydrate(stored));
    });
  }

  /** How long the order's keys live: as long as its session. */
  private async ttlOf(orderId: string): Promise<number> {
    const ttl = Number(await this.command(['PTTL', `${this.prefix}ord:${orderId}`]));
    return ttl > 0 ? ttl : SESSION_RETENTION_MS;
  }

  private hydrate(stored: StoredSession): SessionRecord {
    const parsed = parseScenario(stored.scenario, CHANNEL_IDS);
    if (!parsed.ok) throw new Error('a stored scenario no longer parses');
    const { spec } = parsed;
    return { ...stored, spec, random: spec.seed === undefined ? this.random : mulberry32(spec.seed) };
  }

  private keepLocal(record: SessionRecord): SessionRecord {
    this.local.set(record.session.id, record);
    if (this.local.size > LOCAL_SESSIONS) this.local.delete(this.local.keys().next().value!);
    return record;
  }
}

function evictAt(record: SessionRecord): number {
  return Date.parse(record.session.expiresAt) + SESSION_RETENTION_MS;
}

/** An attempt's mutable fields and the JSON of the rest, as `PLACE` takes them. */
function fields(attempt: AttemptRecord): string[] {
  const { status, failure, pendingPolls, updatedAt: _updatedAt, counted: _counted, ...body } = attempt;
  return [status, failure ? JSON.stringify(failure) : '', pendingPolls === undefined ? '' : String(pendingPolls), JSON.stringify(body)];
}

function fromHash(flat: string[] | null): AttemptRecord | undefined {
  if (!flat || flat.length === 0) return undefined;
  const hash: Record<string, string> = {};
  for (let i = 0; i < flat.length; i += 2) hash[flat[i]!] = flat[i + 1]!;
  const body = JSON.parse(hash.body!) as Omit<AttemptRecord, 'status' | 'updatedAt'>;
  return {
    ...body,
    status: hash.status as AttemptRecord['status'],
    ...(hash.failure ? { failure: JSON.parse(hash.failure) as AttemptRecord['failure'] } : {}),
    ...(hash.pendingPolls ? { pendingPolls: Number(hash.pendingPolls) } : {}),
    updatedAt: Number(hash.updatedAt),
  };
}
