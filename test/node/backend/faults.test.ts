/**
 * Fault injection on the reference backend (`?scenario=`), over real HTTP: what each fault
 * does, per-channel targeting, the parser's refusals, and the invariant that holds through
 * all of them: an order never has two succeeded attempts.
 */
import { after, afterEach, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mulberry32 } from '../../../demo/backend/random.js';
import { EMPTY_SCENARIO, faultsFor, parseScenario } from '../../../demo/backend/scenario-spec.js';
import { SCENARIOS } from '../../../demo/backend/scenarios.js';
import { CHANNEL_IDS } from '../../../demo/backend/session-factory.js';
import { randomToken } from '../../../src/protocol/base64url.js';
import type { Session } from '../../../src/protocol/schemas.js';
import { signIntent } from '../../../src/server/index.js';
import {
  cardIntentFor,
  intentFor,
  intentStatus,
  ledger,
  newSession,
  postIntent,
  sendIntent,
  startBackend,
  startBackendWith,
  type RunningBackend,
  type SentIntent,
} from '../helpers.js';

const FUTURE_CARD = { number: '4242424242424242', expMonth: 12, expYear: new Date().getUTCFullYear() + 3, cvv: '737' };

/** Invariant 1 over everything a backend holds. */
async function assertNoOrderPaidTwice(running: RunningBackend): Promise<void> {
  const paid = new Map<string, number>();
  for (const attempt of await running.backend.store.allAttempts()) {
    if (attempt.status === 'succeeded') paid.set(attempt.orderId, (paid.get(attempt.orderId) ?? 0) + 1);
  }
  for (const [orderId, count] of paid) assert.equal(count, 1, `order ${orderId} has ${count} succeeded attempts`);
}

function answered(sent: SentIntent): Extract<SentIntent, { lost: false }> {
  assert.equal(sent.lost, false, 'an answer arrived');
  return sent as Extract<SentIntent, { lost: false }>;
}

function channelStatus(session: Session): Record<string, string> {
  return Object.fromEntries(session.channels.map((c) => [c.id, c.status]));
}

async function succeededIn(base: string, orderId: string): Promise<number> {
  const book = await ledger(base, orderId);
  return book.attempts.filter((a: { status: string }) => a.status === 'succeeded').length;
}

describe('the scenario parser', () => {
  const parse = (text: string) => parseScenario(text, CHANNEL_IDS);

  it('reads faults for all channels and for one, with parameters and their defaults', () => {
    const parsed = parse('wechat:down, slow@800,seed@7,flaky,alipay:pending,429');
    assert.ok(parsed.ok);
    const { spec } = parsed;
    assert.equal(spec.text, 'wechat:down,slow@800,seed@7,flaky,alipay:pending,429');
    assert.equal(spec.seed, 7);
    assert.deepEqual(spec.all, { slowMs: 800, flakyRate: 0.5, retryAfterSeconds: 1 });
    assert.deepEqual(faultsFor(spec, 'wechat'), { slowMs: 800, flakyRate: 0.5, retryAfterSeconds: 1, outcome: { fault: 'down' } });
    assert.deepEqual(faultsFor(spec, 'alipay').outcome, { fault: 'pending', polls: 2 });
    assert.equal(faultsFor(spec, 'card').outcome, undefined);
    // A channel's own fault replaces the all-channel one of its slot only.
    const layered = parse('declined,slow@10,wechat:pending@5,wechat:slow@0');
    assert.ok(layered.ok);
    assert.deepEqual(faultsFor(layered.spec, 'wechat'), { outcome: { fault: 'pending', polls: 5 }, slowMs: 0 });
    assert.deepEqual(faultsFor(layered.spec, 'ecny'), { outcome: { fault: 'declined' }, slowMs: 10 });
  });

  it('keeps the old scenario names meaning what they meant', () => {
    const of = (text: string) => {
      const parsed = parse(text);
      assert.ok(parsed.ok, text);
      return parsed.spec;
    };
    assert.deepEqual(of('default'), { ...EMPTY_SCENARIO, all: {}, channels: {} });
    assert.deepEqual(of('declined').all, { outcome: { fault: 'declined' } });
    assert.deepEqual(of('malformed-response').all, { outcome: { fault: 'malformed-response' } });
    assert.equal(of('bad-key').badKey, true);
    assert.equal(of('expired').expired, true);
  });

  it('takes the documented bounds', () => {
    for (const text of ['slow@0', 'slow@30000', 'flaky@0', 'flaky@1', 'flaky@.25', 'flaky@0.125', 'pending@0', '429@0', '429@60', 'seed@0', 'seed@4294967295']) {
      assert.equal(parse(text).ok, true, text);
    }
  });

  it('refuses unknown faults, channels and parameters as scenario_unknown', () => {
    const unknown = [
      'nope',
      'Declined',
      'paypal:down',
      'WECHAT:down',
      'wechat:expired',
      'alipay:seed@3',
      'slow@-1',
      'slow@30001',
      'slow@1.5',
      'slow@',
      'slow@1e3',
      'flaky@1.5',
      'flaky@abc',
      'flaky@-0.1',
      'pending@x',
      'pending@101',
      '429@61',
      'seed',
      'seed@4294967296',
      'lost@1',
      'down@2',
      'declined,',
      ',declined',
      '',
      'wechat:',
      'a:b:down',
      `${'declined,'.repeat(30)}declined`,
    ];
    for (const text of unknown) {
      const parsed = parse(text);
      assert.equal(parsed.ok, false, text);
      assert.equal(!parsed.ok && parsed.code, 'scenario_unknown', text);
    }
  });

  it('refuses two faults for one slot as scenario_conflict, naming the item', () => {
    for (const [text, item] of [
      ['declined,insufficient', 'insufficient'],
      ['wechat:down,wechat:pending@3', 'wechat:pending@3'],
      ['slow@1,slow@2', 'slow@2'],
      ['seed@1,seed@2', 'seed@2'],
      ['lost,lost', 'lost'],
      ['expired,expired', 'expired'],
    ] as const) {
      assert.deepEqual(parse(text), { ok: false, code: 'scenario_conflict', item }, text);
    }
    // Different slots and different targets combine.
    for (const text of ['lost,declined', 'down,wechat:declined', 'slow@5,flaky@0.1,429@1,lost', 'wechat:down,alipay:down']) {
      assert.equal(parse(text).ok, true, text);
    }
  });

  it('describes every fault it knows, for the docs', () => {
    for (const name of ['default', 'declined', 'malformed-response', 'bad-key', 'expired', 'down', 'slow', 'flaky', 'seed', 'lost', 'insufficient', 'pending', 'pending-forever', 'limit', '429']) {
      assert.equal(typeof SCENARIOS[name as keyof typeof SCENARIOS], 'string', name);
    }
  });
});

describe('fault injection over HTTP', () => {
  let server: RunningBackend;
  before(async () => {
    server = await startBackend();
  });
  after(() => server.close());
  afterEach(() => assertNoOrderPaidTwice(server));

  it('answers 400 scenario_unknown / scenario_conflict to a session request it cannot take', async () => {
    for (const [query, code] of [
      ['scenario=nope', 'scenario_unknown'],
      ['scenario=paypal:down', 'scenario_unknown'],
      ['scenario=slow@99999', 'scenario_unknown'],
      ['scenario=flaky@2', 'scenario_unknown'],
      ['scenario=declined,insufficient', 'scenario_conflict'],
    ] as const) {
      const response = await fetch(`${server.url}/api/session?${query}`);
      assert.equal(response.status, 400, query);
      const body = (await response.json()) as { error: { code: string; message: string } };
      assert.equal(body.error.code, code, query);
    }
  });

  it('keeps the old scenarios: bad-key gets 401, expired 410, malformed-response a body off the contract', async () => {
    const badKey = await newSession(server.url, 'scenario=bad-key');
    assert.equal((await postIntent(server.url, badKey, intentFor(badKey))).status, 401);
    const expired = await newSession(server.url, 'scenario=expired');
    assert.ok(Date.parse(expired.expiresAt) < Date.now());
    assert.equal((await postIntent(server.url, expired, intentFor(expired))).status, 410);
    const malformed = await newSession(server.url, 'scenario=malformed-response');
    const sent = answered(await sendIntent(server.url, malformed, intentFor(malformed)));
    assert.deepEqual(sent.body, { ok: true, status: 'paid?' });
    const book = await ledger(server.url, malformed.order.id);
    assert.equal(book.attempts[0].failure, 'server_error');
  });

  it('down: the channel is down in the session and an intent on it fails channel_unavailable, retryable', async () => {
    const session = await newSession(server.url, 'scenario=down');
    assert.deepEqual(Object.values(channelStatus(session)), ['down', 'down', 'down', 'down', 'down']);
    const { status, body } = await postIntent(server.url, session, intentFor(session, { channel: 'alipay' }));
    assert.equal(status, 200);
    assert.equal(body.status, 'failed');
    assert.deepEqual(body.failure, { code: 'channel_unavailable', retryable: true });
    assert.equal((await ledger(server.url, session.order.id)).attempts[0].failure, 'channel_unavailable');
  });

  it('wechat:down leaves alipay working, and the order can move to it', async () => {
    const session = await newSession(server.url, 'scenario=wechat:down');
    assert.deepEqual(channelStatus(session), { wechat: 'down', alipay: 'up', unionpay: 'up', ecny: 'up', card: 'up' });
    const first = await postIntent(server.url, session, intentFor(session));
    assert.deepEqual(first.body.failure, { code: 'channel_unavailable', retryable: true });
    const fallback = intentFor(session, { channel: 'alipay' });
    const second = await postIntent(server.url, session, fallback);
    assert.equal(second.body.status, 'succeeded');
    assert.equal(await succeededIn(server.url, session.order.id), 1);
  });

  it('slow@ms delays the intent answer and status polls, on the targeted channel only', async () => {
    const session = await newSession(server.url, 'scenario=wechat:slow@400,wechat:pending@0');
    const slow = answered(await sendIntent(server.url, session, intentFor(session)));
    assert.equal(slow.body.status, 'pending');
    assert.ok(slow.ms >= 380, `the answer took ${slow.ms} ms`);
    const started = performance.now();
    const polled = await intentStatus(server.url, session, slow.body.id);
    assert.ok(performance.now() - started >= 380, 'the poll waited');
    assert.equal(polled.body.status, 'succeeded');

    const other = await newSession(server.url, 'scenario=wechat:slow@400');
    const fast = answered(await sendIntent(server.url, other, intentFor(other, { channel: 'alipay' })));
    assert.equal(fast.body.status, 'succeeded');
    assert.ok(fast.ms < 380, `alipay took ${fast.ms} ms`);
  });

  it('slow: a client that gives up waiting finds the payment on retry with the same key, made once', async () => {
    const session = await newSession(server.url, 'scenario=slow@300');
    const idempotencyKey = randomToken(18);
    const signed = await signIntent(intentFor(session), { key: session.signing.key, kid: session.signing.kid, idempotencyKey });
    const post = (signal?: AbortSignal) =>
      fetch(`${server.url}/api/intents`, { method: 'POST', headers: signed.headers, body: signed.body, ...(signal ? { signal } : {}) });
    await assert.rejects(post(AbortSignal.timeout(80)));
    const retry = await post();
    assert.equal(retry.status, 200);
    assert.equal(((await retry.json()) as { status: string }).status, 'succeeded');
    assert.equal((await ledger(server.url, session.order.id)).attempts.length, 1);
  });

  it('flaky@1 turns every intent away with 503 unavailable and records nothing', async () => {
    const session = await newSession(server.url, 'scenario=flaky@1');
    const intent = intentFor(session);
    const idempotencyKey = randomToken(18);
    for (let i = 0; i < 3; i++) {
      const sent = answered(await sendIntent(server.url, session, intent, { idempotencyKey }));
      assert.equal(sent.status, 503);
      assert.deepEqual(sent.body, { error: { code: 'unavailable' } });
    }
    assert.equal((await ledger(server.url, session.order.id)).attempts.length, 0);
    // flaky@0 never does.
    const calm = await newSession(server.url, 'scenario=flaky@0');
    assert.equal((await postIntent(server.url, calm, intentFor(calm))).body.status, 'succeeded');
  });

  it('lost: the payment is made, the answer is dropped once; the retry with the same key gets the success', async () => {
    const session = await newSession(server.url, 'scenario=lost');
    const intent = intentFor(session);
    const idempotencyKey = randomToken(18);
    const first = await sendIntent(server.url, session, intent, { idempotencyKey });
    assert.equal(first.lost, true);
    const afterLoss = await ledger(server.url, session.order.id);
    assert.equal(afterLoss.attempts.length, 1);
    assert.equal(afterLoss.attempts[0].status, 'succeeded');

    const retry = answered(await sendIntent(server.url, session, intent, { idempotencyKey, now: Date.now() + 2000 }));
    assert.equal(retry.status, 200);
    assert.equal(retry.body.status, 'succeeded');
    assert.equal(retry.body.id, afterLoss.attempts[0].id);
    const again = answered(await sendIntent(server.url, session, intent, { idempotencyKey }));
    assert.deepEqual(again.body, retry.body);

    // A client that forgets the key and starts a new attempt cannot pay twice either.
    const fresh = answered(await sendIntent(server.url, session, intentFor(session, { channel: 'alipay' })));
    assert.equal(fresh.lost, false);
    assert.equal(fresh.status, 409);
    assert.equal(fresh.body.error.code, 'order_already_paid');
    assert.equal(fresh.body.paidAttempt.id, retry.body.id);

    const book = await ledger(server.url, session.order.id);
    assert.equal(book.attempts.length, 1);
    assert.equal(await succeededIn(server.url, session.order.id), 1);
  });

  it('alipay:lost drops only alipay answers', async () => {
    const session = await newSession(server.url, 'scenario=alipay:lost');
    const sent = answered(await sendIntent(server.url, session, intentFor(session)));
    assert.equal(sent.body.status, 'succeeded');
  });

  it('declined and insufficient fail, not retryable; unionpay:insufficient leaves the others paying', async () => {
    for (const [scenario, code] of [
      ['declined', 'declined'],
      ['insufficient', 'insufficient_funds'],
    ] as const) {
      const session = await newSession(server.url, `scenario=${scenario}`);
      for (const intent of [intentFor(session), await cardIntentFor(session, FUTURE_CARD)]) {
        const { body } = await postIntent(server.url, session, intent);
        assert.equal(body.status, 'failed', scenario);
        assert.deepEqual(body.failure, { code, retryable: false }, scenario);
      }
    }
    const session = await newSession(server.url, 'scenario=unionpay:insufficient');
    assert.equal((await postIntent(server.url, session, intentFor(session, { channel: 'unionpay' }))).body.failure.code, 'insufficient_funds');
    assert.equal((await postIntent(server.url, session, intentFor(session, { channel: 'ecny' }))).body.status, 'succeeded');
  });

  it('pending@2 answers pending and settles on the third status poll', async () => {
    const session = await newSession(server.url, 'scenario=pending@2');
    const { body } = await postIntent(server.url, session, intentFor(session));
    assert.equal(body.status, 'pending');
    const seen: string[] = [];
    for (let i = 0; i < 4; i++) seen.push((await intentStatus(server.url, session, body.id)).body.status);
    assert.deepEqual(seen, ['pending', 'pending', 'succeeded', 'succeeded']);
    // `pending` alone waits the same two polls.
    const plain = await newSession(server.url, 'scenario=pending');
    const other = await postIntent(server.url, plain, intentFor(plain));
    const polls: string[] = [];
    for (let i = 0; i < 3; i++) polls.push((await intentStatus(server.url, plain, other.body.id)).body.status);
    assert.deepEqual(polls, ['pending', 'pending', 'succeeded']);
  });

  it('pending-forever never settles, until a newer attempt cancels it', async () => {
    const session = await newSession(server.url, 'scenario=wechat:pending-forever');
    const stuck = await postIntent(server.url, session, intentFor(session));
    assert.equal(stuck.body.status, 'pending');
    for (let i = 0; i < 6; i++) assert.equal((await intentStatus(server.url, session, stuck.body.id)).body.status, 'pending');
    const fallback = await postIntent(server.url, session, intentFor(session, { channel: 'alipay' }));
    assert.equal(fallback.body.status, 'succeeded');
    assert.equal((await intentStatus(server.url, session, stuck.body.id)).body.status, 'canceled');
    assert.equal(await succeededIn(server.url, session.order.id), 1);
  });

  it('a pending attempt that settles after a newer one paid is canceled, not a second success', async () => {
    const session = await newSession(server.url, 'scenario=wechat:pending@1');
    const first = await postIntent(server.url, session, intentFor(session));
    const second = await postIntent(server.url, session, intentFor(session, { channel: 'alipay' }));
    assert.equal(second.body.status, 'succeeded');
    for (let i = 0; i < 3; i++) assert.equal((await intentStatus(server.url, session, first.body.id)).body.status, 'canceled');
    assert.equal(await succeededIn(server.url, session.order.id), 1);
  });

  it('limit fails limit_exceeded, naming the first fallback when the channel has one', async () => {
    const session = await newSession(server.url, 'scenario=limit');
    const cases = [
      ['wechat', { code: 'limit_exceeded', retryable: false, fallback: 'alipay' }],
      ['unionpay', { code: 'limit_exceeded', retryable: false, fallback: 'card' }],
      ['ecny', { code: 'limit_exceeded', retryable: false }],
    ] as const;
    for (const [channel, failure] of cases) {
      const { body } = await postIntent(server.url, session, intentFor(session, { channel }));
      assert.equal(body.status, 'failed', channel);
      assert.deepEqual(body.failure, failure, channel);
    }
    assert.deepEqual(channelStatus(session).wechat, 'up');
  });

  it('429@1: the first try of a key gets 429 with Retry-After and is not processed; the retry pays once', async () => {
    const session = await newSession(server.url, 'scenario=429@1');
    const intent = intentFor(session);
    const idempotencyKey = randomToken(18);
    const first = answered(await sendIntent(server.url, session, intent, { idempotencyKey }));
    assert.equal(first.status, 429);
    assert.equal(first.headers.get('retry-after'), '1');
    assert.deepEqual(first.body, { error: { code: 'rate_limited' } });
    assert.equal((await ledger(server.url, session.order.id)).attempts.length, 0);

    const retry = answered(await sendIntent(server.url, session, intent, { idempotencyKey }));
    assert.equal(retry.status, 200);
    assert.equal(retry.body.status, 'succeeded');
    const again = answered(await sendIntent(server.url, session, intent, { idempotencyKey }));
    assert.deepEqual(again.body, retry.body);
    assert.equal((await ledger(server.url, session.order.id)).attempts.length, 1);
  });

  it('a 429 is not the key’s answer: the key is still free for its first processed body', async () => {
    const session = await newSession(server.url, 'scenario=429@2,declined');
    const idempotencyKey = randomToken(18);
    const a = intentFor(session);
    const b = intentFor(session, { channel: 'alipay' });
    assert.equal(answered(await sendIntent(server.url, session, a, { idempotencyKey })).headers.get('retry-after'), '2');
    const processed = answered(await sendIntent(server.url, session, b, { idempotencyKey }));
    assert.equal(processed.status, 200);
    const conflict = answered(await sendIntent(server.url, session, a, { idempotencyKey }));
    assert.equal(conflict.status, 409);
    assert.equal(conflict.body.error.code, 'idempotency_conflict');
  });
});

describe('flaky, seeded', () => {
  /** The statuses of `count` requests, each a new attempt (declined, so the order stays open). */
  async function statuses(base: string, session: Session, count: number): Promise<number[]> {
    const seen: number[] = [];
    for (let i = 0; i < count; i++) seen.push(answered(await sendIntent(base, session, intentFor(session))).status);
    return seen;
  }

  it('seed@n makes the 503s reproducible, and they follow mulberry32(n)', async () => {
    const server = await startBackend();
    try {
      const runs = [];
      for (let i = 0; i < 2; i++) {
        const session = await newSession(server.url, 'scenario=seed@42,flaky@0.5,declined');
        runs.push(await statuses(server.url, session, 16));
        const book = await ledger(server.url, session.order.id);
        assert.equal(book.attempts.length, runs[i]!.filter((s) => s === 200).length, 'only the processed ones are recorded');
      }
      assert.deepEqual(runs[0], runs[1]);
      const draw = mulberry32(42);
      assert.deepEqual(
        runs[0],
        Array.from({ length: 16 }, () => (draw() < 0.5 ? 503 : 200)),
      );
      assert.ok(runs[0]!.includes(503) && runs[0]!.includes(200), 'both happen');
    } finally {
      await server.close();
    }
  });

  it('a 503 consumes neither the nonce nor the key: the same request is processed on retry', async () => {
    const draws = [0.1, 0.9, 0.9];
    const server = await startBackendWith({ random: () => draws.shift() ?? 0.9 });
    try {
      const session = await newSession(server.url, 'scenario=flaky@0.5');
      const intent = intentFor(session);
      const idempotencyKey = randomToken(18);
      const first = answered(await sendIntent(server.url, session, intent, { idempotencyKey }));
      assert.equal(first.status, 503);
      const retry = answered(await sendIntent(server.url, session, intent, { idempotencyKey }));
      assert.equal(retry.status, 200);
      assert.equal(retry.body.status, 'succeeded');
      assert.equal((await ledger(server.url, session.order.id)).attempts.length, 1);
      await assertNoOrderPaidTwice(server);
    } finally {
      await server.close();
    }
  });

  it('pays once through a flaky backend when the client retries with one key (seed@7,flaky@0.5)', async () => {
    const server = await startBackend();
    try {
      const session = await newSession(server.url, 'scenario=seed@7,flaky@0.5');
      const intent = intentFor(session);
      const idempotencyKey = randomToken(18);
      let sent: SentIntent;
      let tries = 0;
      do {
        sent = await sendIntent(server.url, session, intent, { idempotencyKey });
        tries++;
      } while (!sent.lost && sent.status === 503 && tries < 50);
      assert.equal(answered(sent).body.status, 'succeeded');
      assert.equal(await succeededIn(server.url, session.order.id), 1);
      await assertNoOrderPaidTwice(server);
    } finally {
      await server.close();
    }
  });
});

describe('channel limits from the ledger', () => {
  // 12:00 in Shanghai; the daily total resets at midnight there.
  let clock = Date.parse('2026-03-10T04:00:00Z');
  let server: RunningBackend;
  before(async () => {
    server = await startBackend(() => clock);
  });
  after(() => server.close());
  afterEach(() => assertNoOrderPaidTwice(server));

  async function pay(amount: number, channel: string): Promise<any> {
    const session = await newSession(server.url, `amount=${amount}&payer=p_ledger`);
    const { status, body } = await postIntent(server.url, session, intentFor(session, { channel }), { now: clock });
    assert.equal(status, 200);
    return body;
  }

  it('refuses a payment that the day’s earlier payments leave no room for, until the next day in China', async () => {
    // unionpay: 5,000,000 a day, nothing used in the session: one payment of 3,000,000 fits, two do not.
    assert.equal((await pay(3_000_000, 'unionpay')).status, 'succeeded');
    const second = await pay(3_000_000, 'unionpay');
    assert.equal(second.status, 'failed');
    assert.deepEqual(second.failure, { code: 'limit_exceeded', retryable: false, fallback: 'card' });
    // What is left still fits.
    assert.equal((await pay(2_000_000, 'unionpay')).status, 'succeeded');
    assert.equal((await pay(1, 'unionpay')).status, 'failed');
    // Other channels keep their own totals.
    assert.equal((await pay(2_000_000, 'alipay')).status, 'succeeded');
    // 16:00Z is midnight in Shanghai: a new day.
    clock = Date.parse('2026-03-10T16:00:00Z');
    assert.equal((await pay(3_000_000, 'unionpay')).status, 'succeeded');
  });

  it('counts the session’s usedToday: wechat has 1,800,000 left of 2,000,000', async () => {
    clock = Date.parse('2026-03-12T04:00:00Z');
    for (let i = 0; i < 3; i++) assert.equal((await pay(500_000, 'wechat')).status, 'succeeded');
    const over = await pay(400_000, 'wechat');
    assert.deepEqual(over.failure, { code: 'limit_exceeded', retryable: false, fallback: 'alipay' });
    assert.equal((await pay(300_000, 'wechat')).status, 'succeeded');
  });

  it('counts limits per payer: orders of different payers do not share a daily limit', async () => {
    clock = Date.parse('2026-03-14T04:00:00Z');
    for (const payer of ['p_one', 'p_two']) {
      const session = await newSession(server.url, `amount=3000000&payer=${payer}`);
      const { body } = await postIntent(server.url, session, intentFor(session, { channel: 'unionpay' }), { now: clock });
      assert.equal(body.status, 'succeeded', payer);
    }
  });

  it('counts an open (pending) attempt as taken, since it may still succeed', async () => {
    clock = Date.parse('2026-03-13T04:00:00Z');
    const session = await newSession(server.url, 'amount=200000&payer=p_ledger&scenario=ecny:pending-forever');
    const pending = await postIntent(server.url, session, intentFor(session, { channel: 'ecny' }), { now: clock });
    assert.equal(pending.body.status, 'pending');
    // ecny: 500,000 a day; 200,000 is held by the pending attempt, 200,000 paid.
    assert.equal((await pay(200_000, 'ecny')).status, 'succeeded');
    assert.equal((await pay(200_000, 'ecny')).failure?.code, 'limit_exceeded');
    assert.equal((await pay(100_000, 'ecny')).status, 'succeeded');
  });

  it('refuses over the per-transaction maximum and under the minimum with limit_exceeded', async () => {
    clock = Date.parse('2026-03-14T04:00:00Z');
    assert.deepEqual((await pay(500_001, 'wechat')).failure, { code: 'limit_exceeded', retryable: false, fallback: 'alipay' });
    const small = await newSession(server.url, 'amount=99');
    const card = await postIntent(server.url, small, await cardIntentFor(small, FUTURE_CARD, {}, clock), { now: clock });
    assert.deepEqual(card.body.failure, { code: 'limit_exceeded', retryable: false });
    const book = await ledger(server.url, small.order.id);
    assert.deepEqual(book.attempts[0].instrument, { type: 'card', brand: 'visa', last4: '4242' });
  });
});
