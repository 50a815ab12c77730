/**
 * A card JWE pays the order it was sealed for, once (issue 14, point 2), and the ledger never
 * serves one (point 4). The attack as reported: a JWE taken from one payment, posted in intents
 * correctly signed for two other orders, paid them both.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { encryptCard, encryptSavedCardCvv, type CardPayload } from '../../../src/protocol/card-payload.js';
import type { Intent, Session } from '../../../src/protocol/schemas.js';
import { bindingOf, cardIntentFor, intentFor, ledger, newSession, postIntent, startBackend, type RunningBackend } from '../helpers.js';

const FUTURE = { expMonth: 12, expYear: new Date().getUTCFullYear() + 3 };
const VISA: CardPayload = { number: '4242424242424242', ...FUTURE, cvv: '737' };
const DECLINED: CardPayload = { number: '4000000000000002', ...FUTURE, cvv: '737' };

/** The JWE an intent carries. */
const jweOf = (intent: Intent): string => (intent.instrument as { encrypted: string }).encrypted;

/** A new attempt of `session`'s order (its own attempt id, nonce and idempotency key) paying with `encrypted`. */
const withJwe = (session: Session, encrypted: string): Intent => intentFor(session, { channel: 'card', instrument: { type: 'card', encrypted } });

let server: RunningBackend;
before(async () => {
  server = await startBackend();
});
after(() => server.close());

describe('a card JWE pays only the order it was sealed for', () => {
  it('refuses a JWE taken from a ¥50 payment in correctly signed intents for ¥128 and ¥49,999 orders', async () => {
    const paid = await newSession(server.url, 'amount=5000');
    const intent = await cardIntentFor(paid, VISA);
    assert.equal((await postIntent(server.url, paid, intent)).body.status, 'succeeded');
    const captured = jweOf(intent);

    for (const amount of [12800, 4999900]) {
      const victim = await newSession(server.url, `amount=${amount}`);
      const { status, body } = await postIntent(server.url, victim, withJwe(victim, captured));
      assert.deepEqual([status, body], [400, { error: { code: 'card_binding_mismatch' } }], `¥${amount / 100}`);
      const book = await ledger(server.url, victim.order.id);
      assert.equal(book.paid, false);
      assert.deepEqual(book.attempts, [], `¥${amount / 100}: no attempt`);
      // The order itself is untouched: its payer's own card pays it.
      assert.equal((await postIntent(server.url, victim, await cardIntentFor(victim, VISA))).body.status, 'succeeded');
    }
    assert.equal((await ledger(server.url, paid.order.id)).attempts.length, 1);
  });

  it('refuses a JWE sealed for the same order with another amount or currency, or for another session of it', async () => {
    const session = await newSession(server.url);
    const binding = bindingOf(session);
    const cases = {
      amount: { ...binding, amount: binding.amount + 1 },
      currency: { ...binding, currency: 'USD' },
      session: { ...binding, sessionId: `${binding.sessionId}x` },
    };
    for (const [name, wrong] of Object.entries(cases)) {
      const encrypted = await encryptCard(VISA, session.encryption!, wrong);
      const { status, body } = await postIntent(server.url, session, withJwe(session, encrypted));
      assert.deepEqual([status, body.error?.code], [400, 'card_binding_mismatch'], name);
    }
    assert.deepEqual((await ledger(server.url, session.order.id)).attempts, []);
  });

  it('refuses the same JWE in a new attempt of the same order, and answers a retry of its own attempt as before', async () => {
    const session = await newSession(server.url);
    const intent = await cardIntentFor(session, DECLINED);
    const first = await postIntent(server.url, session, intent, { idempotencyKey: 'bound-retry-0001' });
    assert.equal(first.body.status, 'failed');
    // A retry of that attempt (same key, same body) is answered from the idempotency record.
    assert.deepEqual(await postIntent(server.url, session, intent, { idempotencyKey: 'bound-retry-0001' }), first);
    // The order is still open, but the JWE was used: a new attempt cannot reuse it.
    const replay = await postIntent(server.url, session, withJwe(session, jweOf(intent)));
    assert.deepEqual([replay.status, replay.body], [400, { error: { code: 'card_replayed' } }]);
    assert.equal((await ledger(server.url, session.order.id)).attempts.length, 1);
    // A new attempt seals anew, and pays.
    assert.equal((await postIntent(server.url, session, await cardIntentFor(session, VISA))).body.status, 'succeeded');
  });

  it('refuses a JWE sealed more than ten minutes ago, or more than a minute ahead of its clock', async () => {
    let clock = Date.parse('2026-06-01T04:00:00Z');
    const pinned = await startBackend(() => clock);
    try {
      const cases: [string, number, number | string][] = [
        ['sealed 11 minutes ago', -11 * 60_000, 'card_jwe_expired'],
        ['sealed 2 minutes ahead', 2 * 60_000, 'card_jwe_expired'],
        ['sealed 9 minutes ago', -9 * 60_000, 200],
        ['sealed 30 s ahead', 30_000, 200],
      ];
      for (const [name, offset, expected] of cases) {
        clock += 60 * 60_000;
        const session = await newSession(pinned.url);
        const intent = await cardIntentFor(session, VISA, {}, clock + offset);
        const { status, body } = await postIntent(pinned.url, session, intent, { now: clock });
        assert.equal(typeof expected === 'number' ? status : body.error?.code, expected, name);
        assert.equal((await ledger(pinned.url, session.order.id)).attempts.length, typeof expected === 'number' ? 1 : 0, name);
      }
    } finally {
      await pinned.close();
    }
  });
});

describe("a saved card's CVV JWE pays only the order it was sealed for", () => {
  const payer = (): string => `demo-mixed.${Math.random().toString(36).slice(2)}`;
  const amex = (session: Session): string => session.savedCards.find((c) => c.brand === 'amex' && c.last4 === '0005')!.id;
  const withCvv = (session: Session, encryptedCvv: string): Intent =>
    intentFor(session, { channel: 'card', instrument: { type: 'saved-card', cardId: amex(session), encryptedCvv } });

  it('refuses it in another order of the same payer, and in a new attempt of its own order', async () => {
    const who = payer();
    const first = await newSession(server.url, `payer=${who}&savedCardCvv=1&amount=5000`);
    const encryptedCvv = await encryptSavedCardCvv({ cvv: '1234' }, first.encryption!, bindingOf(first));
    assert.equal((await postIntent(server.url, first, withCvv(first, encryptedCvv))).body.status, 'succeeded');

    const other = await newSession(server.url, `payer=${who}&savedCardCvv=1&amount=4999900`);
    const lifted = await postIntent(server.url, other, withCvv(other, encryptedCvv));
    assert.deepEqual([lifted.status, lifted.body], [400, { error: { code: 'card_binding_mismatch' } }]);
    assert.deepEqual((await ledger(server.url, other.order.id)).attempts, []);

    const open = await newSession(server.url, `payer=${who}&savedCardCvv=1`);
    const cvvFor = await encryptSavedCardCvv({ cvv: '123' }, open.encryption!, bindingOf(open));
    // A CVV of the wrong length: a failed attempt, the order still open.
    assert.equal((await postIntent(server.url, open, withCvv(open, cvvFor))).body.failure?.code, 'card_invalid');
    const replay = await postIntent(server.url, open, withCvv(open, cvvFor));
    assert.deepEqual([replay.status, replay.body], [400, { error: { code: 'card_replayed' } }]);
    assert.equal((await ledger(server.url, open.order.id)).attempts.length, 1);
  });
});

describe('the ledger', () => {
  it('never serves a card JWE, only its shape', async () => {
    const session = await newSession(server.url);
    const intent = await cardIntentFor(session, VISA);
    assert.equal((await postIntent(server.url, session, intent)).body.status, 'succeeded');
    const text = JSON.stringify(await ledger(server.url, session.order.id));
    const jwe = jweOf(intent);
    for (const part of jwe.split('.')) assert.equal(text.includes(part), false, 'no part of the JWE');
    const [attempt] = (await ledger(server.url, session.order.id)).attempts;
    const body = JSON.parse(attempt.requestBody) as Intent & { instrument: { encrypted: string } };
    assert.equal(body.instrument.encrypted, `[jwe: 5 parts, ${jwe.length} chars]`);
    // The rest of the body is as received.
    assert.deepEqual({ ...body, instrument: intent.instrument }, intent);

    const who = `demo-mixed.${Math.random().toString(36).slice(2)}`;
    const saved = await newSession(server.url, `payer=${who}&savedCardCvv=1`);
    const cardId = saved.savedCards.find((c) => c.brand === 'amex')!.id;
    const encryptedCvv = await encryptSavedCardCvv({ cvv: '1234' }, saved.encryption!, bindingOf(saved));
    await postIntent(server.url, saved, intentFor(saved, { channel: 'card', instrument: { type: 'saved-card', cardId, encryptedCvv } }));
    const savedBook = await ledger(server.url, saved.order.id);
    assert.equal(JSON.stringify(savedBook).includes(encryptedCvv.split('.')[3]!), false);
    assert.deepEqual(JSON.parse(savedBook.attempts[0].requestBody).instrument, {
      type: 'saved-card',
      cardId,
      encryptedCvv: `[jwe: 5 parts, ${encryptedCvv.length} chars]`,
    });
  });
});
