/**
 * "保存此卡" on the reference backend (issue 17): a card bound with the payer's consent joins
 * the payer's saved cards once the confirm pays, and the payer's next session lists it by its
 * bank and type, with no expiry for a debit card; nothing of the number, ID or phone is kept.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomToken } from '../../../src/protocol/base64url.js';
import { SessionSchema } from '../../../src/protocol/schemas.js';
import { ledger, newSession, startBackend, type RunningBackend } from '../helpers.js';
import { confirm, DEBIT, ID, MOBILE, requestCode, smsCode } from './binding-requests.js';

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
