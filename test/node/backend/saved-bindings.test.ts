/**
 * "保存此卡" on the reference backend (issue 17): a card bound with the payer's consent joins
 * the payer's saved cards once the confirm pays, and the payer's next session lists it by its
 * bank and type, with no expiry for a debit card; nothing of the number, ID or phone is kept.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomToken } from '../../../src/protocol/base64url.js';
import { SessionSchema } from '../../../src/protocol/schemas.js';
import type { Session } from '../../../src/protocol/schemas.js';
import { intentFor, ledger, newSession, postIntent, startBackend, type RunningBackend } from '../helpers.js';
import { confirm, DEBIT, ID, MOBILE, requestCode, signedPost, smsCode } from './binding-requests.js';

/** A payer who bound and saved the PSBC debit card, and a new session of theirs. */
async function payerWithBoundCard(): Promise<{ payer: string; session: Session; cardId: string }> {
  const payer = `p_save_${randomToken(6)}`;
  const first = await newSession(server.url, `binding=1&payer=${payer}`);
  const made = await requestCode(server.url, first, {}, { save: true });
  await confirm(server.url, first, made.body.id, await smsCode(server.url, made.body.id));
  const session = await newSession(server.url, `binding=1&payer=${payer}`);
  return { payer, session, cardId: session.savedCards[0]!.id };
}

/** `POST /api/bindings` for a saved bound card's code. */
function cardCode(session: Session, cardId: string) {
  return signedPost(server.url, session, '/api/bindings', { v: 1, sessionId: session.id, orderId: session.order.id, cardId, createdAt: new Date().toISOString() });
}

let server: RunningBackend;
before(async () => {
  server = await startBackend();
});
after(() => server.close());

describe('saving a bound card', () => {
  it('offers saving only where the host keeps cards for the payer', async () => {
    const keeps = await newSession(server.url, `binding=1&payer=p_save_${randomToken(6)}`);
    assert.equal(keeps.card?.canSave, true);
    const anonymous = await newSession(server.url, 'binding=1');
    assert.equal(anonymous.card?.canSave, undefined);
    const refused = await requestCode(server.url, anonymous, {}, { save: true });
    assert.deepEqual([refused.status, refused.body.error.code], [400, 'binding_malformed']);
  });

  it("adds the card to the payer's vault when the confirm pays; the next session lists it by bank and type", async () => {
    const payer = `p_save_${randomToken(6)}`;
    const session = await newSession(server.url, `binding=1&payer=${payer}`);
    assert.deepEqual(session.savedCards, []);
    const made = await requestCode(server.url, session, {}, { save: true });
    assert.equal(made.status, 200);
    const code = await smsCode(server.url, made.body.id);
    // Not saved before it pays: a wrong code leaves the vault as it was.
    await confirm(server.url, session, made.body.id, code === '000000' ? '111111' : '000000');
    assert.deepEqual((await newSession(server.url, `binding=1&payer=${payer}`)).savedCards, []);
    const paid = await confirm(server.url, session, made.body.id, code);
    assert.equal(paid.body.status, 'succeeded');

    const next = SessionSchema.parse(await newSession(server.url, `binding=1&payer=${payer}`));
    assert.equal(next.savedCards.length, 1);
    const [card] = next.savedCards;
    assert.deepEqual({ ...card, id: undefined }, {
      id: undefined,
      brand: 'unionpay',
      first6: '621799',
      last4: '0006',
      status: 'active',
      bound: { bank: { id: 'PSBC', name: '中国邮政储蓄银行' }, type: 'debit' },
    });
    const text = JSON.stringify([next, await ledger(server.url, session.order.id)]);
    for (const secret of [DEBIT, ID, MOBILE, code, '张三']) assert.ok(!text.includes(secret), `no ${secret} in the vault or the ledger`);
  });

  it('saves nothing the payer did not ask to save', async () => {
    const payer = `p_save_${randomToken(6)}`;
    const session = await newSession(server.url, `binding=1&payer=${payer}`);
    const made = await requestCode(server.url, session);
    assert.equal((await confirm(server.url, session, made.body.id, await smsCode(server.url, made.body.id))).body.status, 'succeeded');
    assert.deepEqual((await newSession(server.url, `binding=1&payer=${payer}`)).savedCards, []);
  });
});

describe('paying with a saved bound card', () => {
  it('is confirmed by a code the bank sends to its phone: wrong, then right, pays once with that card', async () => {
    const { session, cardId } = await payerWithBoundCard();
    const sent = await cardCode(session, cardId);
    assert.equal(sent.status, 200);
    assert.deepEqual([sent.body.status, sent.body.attemptsLeft, sent.body.sentTo], ['code_sent', 5, '138****0006']);
    assert.equal(Date.parse(sent.body.resendAt) - Date.parse(sent.body.expiresAt), -240_000);
    const code = await smsCode(server.url, sent.body.id);
    const wrong = await confirm(server.url, session, sent.body.id, code === '000000' ? '111111' : '000000');
    assert.equal(wrong.body.failure.code, 'sms_code_invalid');
    const key = randomToken(18);
    const paid = await confirm(server.url, session, sent.body.id, code, key);
    assert.equal(paid.body.status, 'succeeded');
    const book = await ledger(server.url, session.order.id);
    assert.equal(book.attempts.filter((a: { status: string }) => a.status === 'succeeded').length, 1);
    assert.deepEqual(book.attempts.at(-1).instrument, { type: 'binding', bindingId: sent.body.id, cardId, brand: 'unionpay', last4: '0006' });
    assert.equal((await confirm(server.url, session, sent.body.id, code)).status, 409, 'a second attempt finds the order paid');
  });

  it('never pays as a plain saved card, without its code', async () => {
    const { session, cardId } = await payerWithBoundCard();
    const plain = await postIntent(server.url, session, intentFor(session, { channel: 'card', instrument: { type: 'saved-card', cardId } }));
    assert.deepEqual([plain.status, plain.body.error.code], [400, 'sms_code_required']);
    assert.equal((await ledger(server.url, session.order.id)).attempts.length, 0);
  });

  it("sends no code for a card that is not the payer's, or not bound", async () => {
    const { cardId } = await payerWithBoundCard();
    const stranger = await newSession(server.url, `binding=1&payer=p_other_${randomToken(6)}`);
    assert.deepEqual([(await cardCode(stranger, cardId)).status], [404]);
    const mixed = await newSession(server.url, `binding=1&payer=demo-mixed.${randomToken(6)}`);
    assert.equal((await cardCode(mixed, mixed.savedCards[0]!.id)).status, 404);
  });

  it('is not listed in a session that cannot confirm it (no endpoints.bindings)', async () => {
    const { payer } = await payerWithBoundCard();
    assert.deepEqual((await newSession(server.url, `payer=${payer}`)).savedCards, []);
  });
});
