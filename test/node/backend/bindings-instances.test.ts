/**
 * 快捷支付 bindings across reference backend instances on one Redis: a binding made on one
 * instance is answered by any other (its code, resend, status and confirm), and its confirm
 * sent through all of them at once binds once and pays once.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startBackendProcess, type BackendProcess } from '../../../bench/backend-process.mjs';
import { randomToken } from '../../../src/protocol/base64url.js';
import { ledger, newSession } from '../helpers.js';
import { redisSkip, startRedis, type RunningRedis } from '../redis.js';
import { confirm, DEBIT, ID, MOBILE, requestCode, signedPost, smsCode } from './binding-requests.js';
import type { Session } from '../../../src/protocol/schemas.js';

const skip = redisSkip();

describe('bindings on three reference backend instances on one Redis', { skip }, () => {
  let redis: RunningRedis;
  let instances: BackendProcess[];
  let urls: string[];

  before(async () => {
    redis = await startRedis();
    const env = { SHOUYIN_REDIS_URL: redis.url, SHOUYIN_REDIS_PREFIX: 'bind:' };
    instances = await Promise.all([0, 1, 2].map(() => startBackendProcess({ env })));
    urls = instances.map((i) => i.url);
  });
  after(async () => {
    await Promise.all(instances.map((i) => i.stop()));
    await redis.stop();
  });

  it('a binding made on one instance is read, resent and confirmed on the others: one binding, one payment', async () => {
    const [a, b, c] = urls as [string, string, string];
    const session = await newSession(a, 'binding=1');
    const made = await requestCode(a, session);
    assert.equal(made.status, 200);
    const bindingId = made.body.id as string;
    const code = await smsCode(b, bindingId);
    assert.match(code, /^\d{6}$/);
    const state = await fetch(`${c}/api/bindings/${bindingId}`);
    assert.equal(state.status, 200);
    assert.equal(((await state.json()) as { attemptsLeft: number }).attemptsLeft, 5);
    // Too soon for another code, wherever it is asked.
    const resend = await signedPost(c, session, `/api/bindings/${bindingId}/resend`, { v: 1, sessionId: session.id, bindingId, createdAt: new Date().toISOString() });
    assert.equal(resend.status, 429);
    const wrong = await confirm(c, session, bindingId, code === '000000' ? '111111' : '000000');
    assert.equal(wrong.body.failure.code, 'sms_code_invalid');
    // The same confirm (one idempotency key) through all three at once.
    const key = randomToken(18);
    const answers = await Promise.all([a, b, c, a, b, c].map((url) => confirm(url, session, bindingId, code, key)));
    const paid = answers.filter((x) => x.status === 200 && x.body.status === 'succeeded');
    assert.ok(paid.length >= 1, JSON.stringify(answers.map((x) => x.body)));
    for (const p of paid) assert.equal(p.body.id, paid[0]!.body.id, 'every copy answers the one payment');
    const books = await Promise.all(urls.map((url) => ledger(url, session.order.id)));
    for (const book of books) assert.deepEqual(book, books[0], 'every instance shows the same ledger');
    const book = books[0];
    assert.equal(book.attempts.filter((x: { status: string }) => x.status === 'succeeded').length, 1);
    assert.deepEqual(
      book.bindings.map((x: { id: string; status: string; paymentId: string }) => [x.id, x.status, x.paymentId]),
      [[bindingId, 'bound', paid[0]!.body.id]],
    );
    assert.equal(book.bindingRequests.length, 2, 'the binding request and the resend, from two instances');
    const text = JSON.stringify(book);
    for (const secret of [ID, MOBILE, DEBIT, code]) assert.ok(!text.includes(secret), `the ledger holds no ${secret}`);
  });

  it('five wrong codes through three instances at once lock the binding: never a sixth try', async () => {
    const session = await newSession(urls[0]!, 'binding=1');
    const bindingId = (await requestCode(urls[1]!, session)).body.id as string;
    const code = await smsCode(urls[2]!, bindingId);
    const wrong = code === '000000' ? '111111' : '000000';
    const answers = await Promise.all(Array.from({ length: 9 }, (_, i) => confirm(urls[i % 3]!, session, bindingId, wrong)));
    const codes = answers.map((x) => x.body.failure.code).sort();
    assert.deepEqual(codes.filter((x) => x === 'sms_code_invalid').length, 4, JSON.stringify(codes));
    assert.equal((await confirm(urls[0]!, session, bindingId, code)).body.failure.code, 'binding_locked');
  });

  it('a card saved on one instance is listed by another and pays by its code through a third', async () => {
    const [a, b, c] = urls as [string, string, string];
    const payer = `p_multi_save_${randomToken(6)}`;
    const first = await newSession(a, `binding=1&payer=${payer}`);
    const made = await requestCode(a, first, {}, { save: true });
    assert.equal((await confirm(b, first, made.body.id, await smsCode(c, made.body.id))).body.status, 'succeeded');
    const next: Session = await newSession(c, `binding=1&payer=${payer}`);
    assert.deepEqual(next.savedCards.map((card) => [card.last4, card.bound?.bank.name, card.expMonth]), [['0006', '中国邮政储蓄银行', undefined]]);
    const cardId = next.savedCards[0]!.id;
    const sent = await signedPost(a, next, '/api/bindings', { v: 1, sessionId: next.id, orderId: next.order.id, cardId, createdAt: new Date().toISOString() });
    assert.equal(sent.body.sentTo, '138****0006');
    const paid = await confirm(c, next, sent.body.id, await smsCode(b, sent.body.id));
    assert.equal(paid.body.status, 'succeeded');
    const book = await ledger(b, next.order.id);
    assert.equal(book.attempts.filter((x: { status: string }) => x.status === 'succeeded').length, 1);
    assert.equal(book.attempts[0].instrument.cardId, cardId);
  });
});
