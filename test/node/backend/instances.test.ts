/**
 * Several reference backend instances, each its own process, on one Redis: the contract's
 * guarantees hold across them (one success per order, one attempt per idempotency key, a nonce
 * once, a payer's daily limit), through an instance killed mid-burst and a Redis restart.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startBackendProcess, type BackendProcess } from '../../../bench/backend-process.mjs';
import { randomToken } from '../../../src/protocol/base64url.js';
import type { Intent, Session } from '../../../src/protocol/schemas.js';
import { signIntent } from '../../../src/server/index.js';
import { cardIntentFor, intentFor, ledger, newSession, postIntent } from '../helpers.js';
import { redisSkip, startRedis, type RunningRedis } from '../redis.js';

const skip = redisSkip();

interface Signed {
  headers: Record<string, string>;
  body: string;
}

async function sign(session: Session, intent: Intent, idempotencyKey = randomToken(18)): Promise<Signed> {
  const signed = await signIntent(intent, { key: session.signing.key, kid: session.signing.kid, idempotencyKey });
  return { headers: signed.headers, body: signed.body };
}

/** One try of a signed request on one instance: its answer, or `lost` when the connection broke. */
async function send(base: string, signed: Signed): Promise<{ status: number; body: any } | 'lost'> {
  try {
    const response = await fetch(`${base}/api/intents`, { method: 'POST', headers: signed.headers, body: signed.body });
    return { status: response.status, body: await response.json() };
  } catch {
    return 'lost';
  }
}

/**
 * As the cashier does: the same request (same body, same idempotency key) again after a lost
 * connection, a 503 or a 429, here on the next instance, until an answer that is not one.
 */
async function sendUntilAnswered(
  bases: string[],
  first: number,
  signed: Signed,
): Promise<{ status: number; body: any; tries: number; by: number }> {
  for (let i = 0; i < 40; i++) {
    const by = (first + i) % bases.length;
    const answer = await send(bases[by]!, signed);
    if (answer !== 'lost' && answer.status !== 503 && answer.status !== 429) return { ...answer, tries: i + 1, by };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('no answer after 40 tries');
}

function succeeded(book: any): number {
  return book.attempts.filter((a: any) => a.status === 'succeeded').length;
}

describe('three reference backend instances on one Redis', { skip }, () => {
  let redis: RunningRedis;
  let instances: BackendProcess[];
  let urls: string[];

  before(async () => {
    redis = await startRedis();
    const env = { SHOUYIN_REDIS_URL: redis.url, SHOUYIN_REDIS_PREFIX: 'multi:' };
    instances = await Promise.all([0, 1, 2].map(() => startBackendProcess({ env })));
    urls = instances.map((i) => i.url);
  });
  after(async () => {
    await Promise.all(instances.map((i) => i.stop()));
    await redis.stop();
  });

  it('pays an order once when attempts for it arrive at all three at once', async () => {
    const session = await newSession(urls[0]!);
    const answers = await Promise.all(
      Array.from({ length: 24 }, (_, i) => postIntent(urls[i % 3]!, session, intentFor(session))),
    );
    const paid = answers.filter((a) => a.status === 200 && a.body.status === 'succeeded');
    assert.equal(paid.length, 1, 'one attempt succeeded');
    for (const a of answers.filter((x) => x.status !== 200 || x.body.status !== 'succeeded')) {
      // The rest either lost to it (order_already_paid) or were superseded by a newer attempt.
      assert.ok(a.status === 409 || a.body.status === 'canceled', JSON.stringify(a.body));
      if (a.status === 409) assert.equal(a.body.paidAttempt.id, paid[0]!.body.id);
    }
    const books = await Promise.all(urls.map((url) => ledger(url, session.order.id)));
    for (const book of books) assert.deepEqual(book, books[0], 'every instance shows the same ledger');
    assert.equal(succeeded(books[0]), 1);
  });

  it('records one attempt for one idempotency key sent through all three, and answers every copy alike', async () => {
    const session = await newSession(urls[1]!);
    const signed = await sign(session, intentFor(session));
    const answers = await Promise.all(Array.from({ length: 18 }, (_, i) => send(urls[i % 3]!, signed)));
    for (const a of answers) assert.deepEqual(a, answers[0]);
    assert.equal((answers[0] as { status: number }).status, 200);
    const book = await ledger(urls[2]!, session.order.id);
    assert.equal(book.attempts.length, 1);
    assert.equal(book.tries.length, 18, 'each copy is noted as a try');
  });

  it('refuses a nonce replayed through another instance', async () => {
    const session = await newSession(urls[0]!);
    const intent = intentFor(session, { channel: 'alipay' });
    assert.equal((await postIntent(urls[0]!, session, intent)).status, 200);
    const replay = await postIntent(urls[1]!, session, { ...intent, attempt: randomToken(12) });
    assert.deepEqual([replay.status, replay.body.error.code], [409, 'nonce_replayed']);
  });

  it('reads a card sealed to one instance’s session on another, and takes its JWE once', async () => {
    const session = await newSession(urls[0]!);
    const card = { number: '4242424242424242', expMonth: 12, expYear: new Date().getUTCFullYear() + 3, cvv: '737' };
    const intent = await cardIntentFor(session, card);
    const paid = await postIntent(urls[1]!, session, intent);
    assert.deepEqual([paid.status, paid.body.status], [200, 'succeeded']);
    const again = await postIntent(urls[2]!, session, { ...intent, attempt: randomToken(12), nonce: randomToken(18) });
    assert.deepEqual([again.status, again.body.error.code], [400, 'card_replayed']);
  });

  it("holds a payer's daily limit across instances", async () => {
    // unionpay: 5,000,000 a day; six orders of 2,000,000 at once through three instances.
    const payer = `p_multi_${randomToken(6)}`;
    const sessions = await Promise.all(Array.from({ length: 6 }, (_, i) => newSession(urls[i % 3]!, `amount=2000000&payer=${payer}`)));
    const answers = await Promise.all(sessions.map((s, i) => postIntent(urls[(i + 1) % 3]!, s, intentFor(s, { channel: 'unionpay' }))));
    const statuses = answers.map((a) => a.body.status).sort();
    assert.deepEqual(statuses, ['failed', 'failed', 'failed', 'failed', 'succeeded', 'succeeded']);
    for (const a of answers.filter((x) => x.body.status === 'failed')) assert.equal(a.body.failure.code, 'limit_exceeded');
  });

  it('loses no attempt and pays no order twice when an instance is killed mid-burst', async () => {
    const doomed = await startBackendProcess({ env: { SHOUYIN_REDIS_URL: redis.url, SHOUYIN_REDIS_PREFIX: 'multi:' } });
    const bases = [urls[0]!, urls[1]!, doomed.url];
    const sessions = await Promise.all(Array.from({ length: 30 }, (_, i) => newSession(bases[i % 2]!)));
    // Each order: one attempt, sent to the doomed instance first for a third of them, plus a
    // second attempt racing it on a live instance.
    await newSession(doomed.url);
    const later = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
    // The burst is spread over about half a second; the instance dies in the middle of it.
    // Killed once it has answered two: the rest of its share is in its hands or on the way.
    let answeredByDoomed = 0;
    const counted = <T extends { by: number }>(answer: T): T => {
      if (answer.by === 2 && ++answeredByDoomed === 2) void doomed.kill();
      return answer;
    };
    const burst = sessions.flatMap((session, i) => [
      later(i * 16).then(async () => counted(await sendUntilAnswered(bases, i % 3, await sign(session, intentFor(session))))),
      later(i * 16 + 8).then(async () =>
        counted(await sendUntilAnswered(bases, (i + 1) % 3, await sign(session, intentFor(session, { channel: 'alipay' })))),
      ),
    ]);
    const answers = await Promise.all(burst);
    await doomed.kill();
    assert.ok(answers.some((a) => a.by === 2), 'the killed instance answered some requests');
    assert.ok(answers.some((a) => a.tries > 1), 'some requests had to be retried elsewhere');
    for (const [i, session] of sessions.entries()) {
      const book = await ledger(urls[i % 2]!, session.order.id);
      assert.equal(succeeded(book), 1, `order ${i} is paid once`);
      const mine = [answers[2 * i]!, answers[2 * i + 1]!];
      for (const answer of mine.filter((a) => a.status === 200)) {
        assert.ok(
          book.attempts.some((a: any) => a.id === answer.body.id),
          `order ${i}: the attempt answered ${answer.body.id} is in the ledger`,
        );
      }
      // One attempt per request at most: a retry never made a second one.
      assert.ok(book.attempts.length <= 2, `order ${i} has ${book.attempts.length} attempts`);
    }
  });
});

describe('a Redis restart under the instances', { skip }, () => {
  let redis: RunningRedis;
  let dir: string;
  let instance: BackendProcess;

  before(async () => {
    // This Redis keeps its data across the restart (append-only file, fsync always), as a
    // production one would; the other tests' Redis keeps nothing.
    dir = mkdtempSync(path.join(os.tmpdir(), 'shouyin-redis-'));
    redis = await startRedis({ persistDir: dir });
    instance = await startBackendProcess({ env: { SHOUYIN_REDIS_URL: redis.url } });
  });
  after(async () => {
    await instance.stop();
    await redis.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers 503 store_unavailable while Redis is down, and the retry after it is back pays once', async () => {
    const session = await newSession(instance.url);
    const signed = await sign(session, intentFor(session));
    await redis.stop();
    const down = await send(instance.url, signed);
    assert.notEqual(down, 'lost');
    const { status, body } = down as { status: number; body: any };
    assert.deepEqual([status, body.error.code], [503, 'store_unavailable']);
    await redis.start();
    const retried = await sendUntilAnswered([instance.url], 0, signed);
    assert.equal(retried.status, 200);
    assert.equal(retried.body.status, 'succeeded');
    // Down again between this answer and another copy of the request: still the one answer.
    await redis.stop();
    await redis.start();
    const again = await sendUntilAnswered([instance.url], 0, signed);
    assert.deepEqual(again.body, retried.body);
    const book = await ledger(instance.url, session.order.id);
    assert.deepEqual([book.attempts.length, succeeded(book)], [1, 1]);
  });
});
