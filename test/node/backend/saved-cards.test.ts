/**
 * Saved cards on the reference backend, over real HTTP: demo wallets in sessions, the signed
 * `DELETE /api/cards/:id`, saved-card intents, and a ledger that outlives a removed card.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { walletOf } from '../../../demo/backend/saved-cards.js';
import { randomToken } from '../../../src/protocol/base64url.js';
import { encryptSavedCardCvv } from '../../../src/protocol/card-payload.js';
import type { SavedCard, Session } from '../../../src/protocol/schemas.js';
import { SIGNATURE_HEADER, signBody } from '../../../src/protocol/signature.js';
import { bindingOf, intentFor, ledger, newSession, postIntent, startBackend, type RunningBackend } from '../helpers.js';

let server: RunningBackend;
before(async () => {
  server = await startBackend();
});
after(() => server.close());

/** A fresh demo payer with the given wallet, so tests do not share cards. */
const payer = (wallet: string): string => `demo-${wallet}.${randomToken(6)}`;

function find(session: Session, brand: string, last4: string): SavedCard {
  const card = session.savedCards.find((c) => c.brand === brand && c.last4 === last4);
  assert.ok(card, `${brand} ${last4} in the session`);
  return card;
}

async function remove(
  session: Session,
  cardId: string,
  { body, key = session.signing.key, path = cardId }: { body?: Record<string, unknown>; key?: string; path?: string } = {},
): Promise<{ status: number; body: any }> {
  const removal = { v: 1, sessionId: session.id, cardId, createdAt: new Date().toISOString(), ...body };
  const { canonicalBody, header } = await signBody({ body: removal, key, kid: session.signing.kid, now: Date.now() });
  const response = await fetch(`${server.url}${session.endpoints.cards}/${encodeURIComponent(path)}`, {
    method: 'DELETE',
    headers: { 'Content-Type': 'application/json', [SIGNATURE_HEADER]: header },
    body: canonicalBody,
  });
  return { status: response.status, body: await response.json() };
}

const cardsOf = async (who: string): Promise<SavedCard[]> => (await newSession(server.url, `payer=${who}`)).savedCards;

describe('demo payers', () => {
  it('names wallets by payer id', () => {
    assert.equal(walletOf('demo-mixed'), 'mixed');
    assert.equal(walletOf('demo-single.t1'), 'single');
    assert.equal(walletOf('demo-nope'), undefined);
    assert.equal(walletOf('someone'), undefined);
  });

  it('gives a mixed payer active, expiring, expired and abnormal cards, dated from the server clock', async () => {
    const session = await newSession(server.url, `payer=${payer('mixed')}`);
    const states = session.savedCards.map((c) => `${c.brand}:${c.last4}:${c.status}${c.reason ? `:${c.reason}` : ''}`);
    assert.deepEqual(states, [
      'unionpay:1234:active',
      'amex:0005:active',
      'visa:4242:active',
      'mastercard:4444:active',
      'unionpay:0005:abnormal:reported_lost',
      'visa:0002:frozen',
      'mastercard:0003:abnormal:repeatedly_declined',
    ]);
    assert.equal(find(session, 'unionpay', '1234').first6, '622202');
    assert.ok(session.savedCards.every((c) => !('outcome' in c)), 'the test network\'s outcomes stay on the backend');
  });

  it('gives other payers no cards, and asks for the CVV again only with savedCardCvv=1', async () => {
    const plain = await newSession(server.url);
    assert.deepEqual(plain.savedCards, []);
    assert.equal(plain.card?.savedCardCvv, undefined);
    const asking = await newSession(server.url, `payer=${payer('single')}&savedCardCvv=1`);
    assert.equal(asking.card?.savedCardCvv, true);
  });
});

describe('DELETE /api/cards/:id', () => {
  it('removes a card on a verified request: gone from the payer\'s next session, a repeat answers the same', async () => {
    const who = payer('mixed');
    const session = await newSession(server.url, `payer=${who}`);
    const card = find(session, 'visa', '4242');
    const first = await remove(session, card.id);
    assert.equal(first.status, 200);
    assert.deepEqual(first.body, { cardId: card.id, removed: true });
    assert.equal((await cardsOf(who)).some((c) => c.id === card.id), false);
    assert.equal((await cardsOf(who)).length, 6);
    const repeat = await remove(session, card.id);
    assert.deepEqual([repeat.status, repeat.body], [200, { cardId: card.id, removed: true }]);
  });

  it('refuses a bad signature, another session\'s key, a body that is not a removal, and a mismatched path', async () => {
    const who = payer('mixed');
    const session = await newSession(server.url, `payer=${who}`);
    const card = find(session, 'unionpay', '1234');
    const forged = await remove(session, card.id, { key: randomToken(32) });
    assert.deepEqual([forged.status, forged.body.error.code], [401, 'signature_mismatch']);
    const unsigned = await fetch(`${server.url}/api/cards/${card.id}`, { method: 'DELETE', body: '{}' });
    assert.equal(unsigned.status, 401);
    const malformed = await remove(session, card.id, { body: { v: 2 } });
    assert.deepEqual([malformed.status, malformed.body.error.code], [400, 'removal_malformed']);
    const other = await remove(session, card.id, { path: 'sc_someoneelse' });
    assert.deepEqual([other.status, other.body.error.code], [400, 'card_mismatch']);
    const otherSession = await remove(session, card.id, { body: { sessionId: 'cs_other' } });
    assert.deepEqual([otherSession.status, otherSession.body.error.code], [400, 'session_mismatch']);
    assert.ok((await cardsOf(who)).some((c) => c.id === card.id), 'the card is still there');
  });

  it('answers 404 for a card of another payer, and 409 while a payment with the card is open', async () => {
    const mine = await newSession(server.url, `payer=${payer('single')}`);
    const theirs = await newSession(server.url, `payer=${payer('single')}`);
    const notMine = await remove(mine, theirs.savedCards[0]!.id);
    assert.deepEqual([notMine.status, notMine.body.error.code], [404, 'card_not_found']);

    const who = payer('single');
    const paying = await newSession(server.url, `payer=${who}&scenario=pending-forever`);
    const card = paying.savedCards[0]!;
    const pending = await postIntent(server.url, paying, intentFor(paying, { channel: 'card', instrument: { type: 'saved-card', cardId: card.id } }));
    assert.equal(pending.body.status, 'pending');
    const later = await newSession(server.url, `payer=${who}`);
    const inUse = await remove(later, card.id);
    assert.deepEqual([inUse.status, inUse.body.error.code], [409, 'card_in_use']);
  });

  it('keeps the ledger\'s attempts with a removed card, with its brand and last four digits', async () => {
    const who = payer('mixed');
    const session = await newSession(server.url, `payer=${who}`);
    const card = find(session, 'unionpay', '1234');
    const paid = await postIntent(server.url, session, intentFor(session, { channel: 'card', instrument: { type: 'saved-card', cardId: card.id } }));
    assert.equal(paid.body.status, 'succeeded');
    assert.equal((await remove(session, card.id)).status, 200);
    const book = await ledger(server.url, session.order.id);
    assert.equal(book.paid, true);
    assert.deepEqual(book.attempts[0].instrument, { type: 'saved-card', cardId: card.id, brand: 'unionpay', last4: '1234' });
  });
});

describe('saved-card intents', () => {
  const pay = async (session: Session, instrument: { type: 'saved-card'; cardId: string; encryptedCvv?: string }, channel = 'card') =>
    postIntent(server.url, session, intentFor(session, { channel, instrument }));

  it('pays with an active or expiring card; fails an expired one (card_invalid) and an abnormal or frozen one (declined)', async () => {
    const who = payer('mixed');
    const outcomes: string[] = [];
    for (const [brand, last4] of [['amex', '0005'], ['visa', '4242'], ['mastercard', '4444'], ['unionpay', '0005'], ['visa', '0002'], ['mastercard', '0003']] as const) {
      const session = await newSession(server.url, `payer=${who}`);
      const { body } = await pay(session, { type: 'saved-card', cardId: find(session, brand, last4).id });
      outcomes.push(`${brand}:${last4}:${body.status}${body.failure ? `:${body.failure.code}` : ''}`);
    }
    assert.deepEqual(outcomes, [
      'amex:0005:succeeded',
      'visa:4242:succeeded',
      'mastercard:4444:failed:card_invalid',
      'unionpay:0005:failed:declined',
      'visa:0002:failed:declined',
      'mastercard:0003:failed:declined',
    ]);
  });

  it('refuses a card that is not the payer\'s, a removed one, and a saved card on a wallet channel', async () => {
    const session = await newSession(server.url, `payer=${payer('single')}`);
    const other = await newSession(server.url, `payer=${payer('single')}`);
    const foreign = await pay(session, { type: 'saved-card', cardId: other.savedCards[0]!.id });
    assert.deepEqual([foreign.status, foreign.body.error.code], [400, 'card_unknown']);
    const wallet = await pay(session, { type: 'saved-card', cardId: session.savedCards[0]!.id }, 'wechat');
    assert.deepEqual([wallet.status, wallet.body.error.code], [400, 'instrument_mismatch']);
    await remove(session, session.savedCards[0]!.id);
    const removed = await pay(session, { type: 'saved-card', cardId: session.savedCards[0]!.id });
    assert.deepEqual([removed.status, removed.body.error.code], [400, 'card_unknown']);
    assert.equal((await ledger(server.url, session.order.id)).attempts.length, 0);
  });

  it('checks the CVV when the session asks for it: missing or of the wrong length fails, right length pays', async () => {
    const who = payer('mixed');
    const results: string[] = [];
    for (const [last4, brand, cvv] of [['0005', 'amex', undefined], ['0005', 'amex', '123'], ['0005', 'amex', '1234'], ['1234', 'unionpay', '123']] as const) {
      const session = await newSession(server.url, `payer=${who}&savedCardCvv=1`);
      const cardId = find(session, brand, last4).id;
      const encryptedCvv = cvv ? await encryptSavedCardCvv({ cvv }, session.encryption!, bindingOf(session)) : undefined;
      const { body } = await pay(session, { type: 'saved-card', cardId, ...(encryptedCvv ? { encryptedCvv } : {}) });
      results.push(`${brand}:${cvv ?? '-'}:${body.status}${body.failure ? `:${body.failure.code}` : ''}`);
      if (encryptedCvv) {
        const book = await ledger(server.url, session.order.id);
        assert.doesNotMatch(book.attempts[0].requestBody, new RegExp(`"${cvv}"`), 'only the JWE crosses the wire');
      }
    }
    assert.deepEqual(results, ['amex:-:failed:card_invalid', 'amex:123:failed:card_invalid', 'amex:1234:succeeded', 'unionpay:123:succeeded']);
    const session = await newSession(server.url, `payer=${who}&savedCardCvv=1`);
    const garbled = await pay(session, { type: 'saved-card', cardId: find(session, 'amex', '0005').id, encryptedCvv: 'a.b.c.d.e' });
    assert.deepEqual([garbled.status, garbled.body.error.code], [400, 'card_undecryptable']);
  });
});

describe('a saved card removed while a payment with it is decrypted', () => {
  it('never records an attempt with a card whose removal was acknowledged (20 seeded trials, savedCardCvv=1)', async () => {
    // `pending-forever` keeps an attempt recorded first open, so its removal answers 409
    // `card_in_use`: a removal answered 200 then proves the card was gone before any attempt.
    let removedFirst = 0;
    for (let trial = 0; trial < 20; trial++) {
      const session = await newSession(server.url, `payer=${payer('single')}&savedCardCvv=1&scenario=card:pending-forever`);
      const cardId = session.savedCards[0]!.id;
      const encryptedCvv = await encryptSavedCardCvv({ cvv: '123' }, session.encryption!, bindingOf(session));
      const paying = postIntent(server.url, session, intentFor(session, { channel: 'card', instrument: { type: 'saved-card', cardId, encryptedCvv } }));
      const [paid, removal] = await Promise.all([paying, remove(session, cardId)]);
      const book = await ledger(server.url, session.order.id);
      if (removal.status === 200) {
        removedFirst++;
        assert.deepEqual([paid.status, paid.body.error?.code], [400, 'card_unknown'], `trial ${trial}: the removed card is refused`);
        assert.deepEqual(book.attempts, [], `trial ${trial}: nothing recorded with the removed card`);
      } else {
        assert.deepEqual([removal.status, removal.body.error.code, paid.body.status], [409, 'card_in_use', 'pending'], `trial ${trial}`);
      }
    }
    assert.ok(removedFirst > 0, 'the removal came first in some trials');
  });
});
