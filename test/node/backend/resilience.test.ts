/**
 * The reference backend's side of resilient payments: the session's fallback policy, the
 * record of every try of an attempt with its key, and a new attempt after an open one.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomToken } from '../../../src/protocol/base64url.js';
import { signIntent } from '../../../src/server/index.js';
import { intentFor, intentStatus, ledger, newSession, postIntent, startBackend, type RunningBackend } from '../helpers.js';

let server: RunningBackend;
before(async () => {
  server = await startBackend();
});
after(() => server.close());

describe('reference backend: fallback policy, tries, successive attempts', () => {
  it('issues the fallback mode asked for (default prompt) and refuses one it does not know', async () => {
    assert.equal((await newSession(server.url)).fallback.mode, 'prompt');
    for (const mode of ['auto', 'prompt', 'off'] as const) {
      assert.equal((await newSession(server.url, `fallback=${mode}`)).fallback.mode, mode);
    }
    const refused = await fetch(`${server.url}/api/session?fallback=sometimes`);
    assert.equal(refused.status, 400);
    assert.equal(((await refused.json()) as { error: { code: string } }).error.code, 'fallback_invalid');
  });

  it('notes every signed try with the key it carried, including those turned away and those without a key', async () => {
    const session = await newSession(server.url, 'scenario=wechat:flaky@1');
    const intent = intentFor(session);
    const key = randomToken(18);
    for (let i = 0; i < 2; i++) assert.equal((await postIntent(server.url, session, intent, { idempotencyKey: key })).status, 503);
    const bare = intentFor(session, { channel: 'alipay' });
    const signed = await signIntent(bare, { key: session.signing.key, kid: session.signing.kid });
    const noKey = await fetch(`${server.url}/api/intents`, { method: 'POST', headers: signed.headers, body: signed.body });
    assert.equal(noKey.status, 400);
    const book = await ledger(server.url, session.order.id);
    assert.deepEqual(
      book.tries.map((t: { attempt: string; idempotencyKey: string | null }) => [t.attempt, t.idempotencyKey]),
      [
        [intent.attempt, key],
        [intent.attempt, key],
        [bare.attempt, null],
      ],
    );
    assert.equal(book.attempts.length, 0);
  });

  it('a new attempt naming a pending one cancels it; naming one that paid meanwhile, it is answered "already paid"', async () => {
    const session = await newSession(server.url, 'scenario=wechat:pending@0');
    const first = intentFor(session);
    const pending = await postIntent(server.url, session, first);
    assert.equal(pending.body.status, 'pending');
    const second = await postIntent(server.url, session, intentFor(session, { channel: 'alipay', previousAttempt: first.attempt }));
    assert.equal(second.body.status, 'succeeded');
    const book = await ledger(server.url, session.order.id);
    assert.deepEqual(
      book.attempts.map((a: { status: string; previousAttempt: string | null }) => [a.status, a.previousAttempt]),
      [
        ['canceled', null],
        ['succeeded', first.attempt],
      ],
    );

    const other = await newSession(server.url, 'scenario=wechat:pending@0');
    const paying = intentFor(other);
    const open = await postIntent(server.url, other, paying);
    // The payer finishes in the wallet app: the next status check finds it paid.
    assert.equal((await intentStatus(server.url, other, open.body.id)).body.status, 'succeeded');
    const late = await postIntent(server.url, other, intentFor(other, { channel: 'alipay', previousAttempt: paying.attempt }));
    assert.equal(late.status, 409);
    assert.equal(late.body.error.code, 'order_already_paid');
    assert.deepEqual(late.body.paidAttempt, { id: open.body.id, status: 'succeeded' });
    assert.equal((await ledger(server.url, other.order.id)).attempts.length, 1);
  });
});
