/**
 * The reference backend's session answer for an order it already issued (`GET /api/session?order=`,
 * what a reloaded checkout page asks for): once the order is paid, it says so and by which payment.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SessionSchema, type Session } from '../../../src/protocol/schemas.js';
import { intentFor, intentStatus, ledger, newSession, postIntent, startBackend, type RunningBackend } from '../helpers.js';

let server: RunningBackend;
before(async () => {
  server = await startBackend();
});
after(() => server.close());

async function sessionOf(orderId: string): Promise<{ status: number; body: any }> {
  const response = await fetch(`${server.url}/api/session?order=${encodeURIComponent(orderId)}`);
  return { status: response.status, body: await response.json() };
}

describe('GET /api/session?order=', () => {
  it('answers the same session without `paid` while nothing succeeded (failed and pending attempts included)', async () => {
    const session = await newSession(server.url, 'scenario=wechat:declined,alipay:pending-forever');
    assert.equal('paid' in session, false, 'a new order is not paid');
    assert.equal((await postIntent(server.url, session, intentFor(session))).body.status, 'failed');
    assert.equal((await postIntent(server.url, session, intentFor(session, { channel: 'alipay' }))).body.status, 'pending');
    const again = await sessionOf(session.order.id);
    assert.equal(again.status, 200);
    assert.deepEqual(again.body, session);
  });

  it('says the order is paid, with the payment that paid it, once an attempt succeeded', async () => {
    const session = await newSession(server.url, 'scenario=pending@0');
    const pending = await postIntent(server.url, session, intentFor(session));
    assert.equal(pending.body.status, 'pending');
    assert.equal('paid' in (await sessionOf(session.order.id)).body, false);
    assert.equal((await intentStatus(server.url, session, pending.body.id)).body.status, 'succeeded');

    const again = await sessionOf(session.order.id);
    assert.equal(again.status, 200);
    assert.deepEqual(again.body.paid, { paymentId: pending.body.id });
    const book = await ledger(server.url, session.order.id);
    assert.equal(book.paid, true);
    const parsed: Session = SessionSchema.parse(again.body);
    assert.deepEqual({ ...parsed, paid: undefined }, { ...SessionSchema.parse(session), paid: undefined }, 'otherwise the same session');
  });

  it('answers 404 order_not_found for an order it never issued', async () => {
    const { status, body } = await sessionOf('ord_nope');
    assert.deepEqual([status, body.error.code], [404, 'order_not_found']);
  });
});
