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
import type { BindingRecord } from '../../../demo/backend/bindings.js';
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

    it("keeps an order's bindings, changes each atomically however many changes come at once, and notes its binding requests", async () => {
      const store = kind.make();
      const now = Date.now();
      const { session, verifyKey, spec } = issueSession({ amount: 12800, currency: 'CNY', scenario: 'default', fallbackMode: 'prompt' }, now);
      await store.addSession({ session, verifyKey, scenario: spec.text, spec, random: Math.random, payer: 'p_bind' });
      const record = (id: string): BindingRecord => ({
        id,
        sessionId: session.id,
        orderId: session.order.id,
        payer: 'p_bind',
        status: 'code_sent',
        code: '123456',
        attemptsLeft: 5,
        resendAt: now + 60_000,
        expiresAt: now + 300_000,
        card: { type: 'binding', bindingId: id, bank: 'PSBC', cardType: 'debit', brand: 'unionpay', last4: '0006' },
        outcome: 'succeeded',
      });
      await store.addBinding(record('bd_one'));
      await store.addBinding(record('bd_two'));
      assert.equal(await store.binding('bd_none'), undefined);
      assert.equal(await store.changeBinding('bd_none', (r) => r), undefined);
      // Five tries used at once (as five instances would): each counts, none is lost to another's write.
      const changes = await Promise.all(Array.from({ length: 5 }, () => store.changeBinding('bd_one', (r) => ({ ...r, attemptsLeft: r.attemptsLeft - 1 }))));
      assert.deepEqual(changes.map((c) => c!.before.attemptsLeft).sort(), [1, 2, 3, 4, 5]);
      assert.equal((await store.binding('bd_one'))!.attemptsLeft, 0);
      assert.deepEqual((await store.bindingsFor(session.order.id)).map((r) => [r.id, r.attemptsLeft]), [['bd_one', 0], ['bd_two', 5]]);
      await store.addBindingRequest(session.order.id, '{"a":1}');
      await store.addBindingRequest(session.order.id, '{"b":2}');
      assert.deepEqual(await store.bindingRequests(session.order.id), ['{"a":1}', '{"b":2}']);
      assert.deepEqual(await store.bindingRequests('ord_none'), []);
    });

    it("adds a bound card to the payer's vault after the cards it has", async () => {
      const store = kind.make();
      const first = { id: 'sc_first', brand: 'visa', last4: '4242', expMonth: 12, expYear: 2030, status: 'active' as const, outcome: 'succeeded' as const };
      await store.wallet('p_vault', () => [first]);
      const bound = { id: 'sc_bound', brand: 'unionpay', first6: '621799', last4: '0006', status: 'active' as const, bound: { bank: { id: 'PSBC', name: '中国邮政储蓄银行' }, type: 'debit' as const }, outcome: 'succeeded' as const };
      await store.addCard('p_vault', bound);
      assert.deepEqual(await store.wallet('p_vault', () => []), [first, bound]);
    });
  });
}
