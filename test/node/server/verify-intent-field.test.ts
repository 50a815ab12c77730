/**
 * A refused body names the member that failed (issue 21): `verifyIntent` and
 * `verifyCardRemoval` give its path as `field`, the reference backend puts it in its 400, and
 * nothing of the value comes back. And `previousAttempt: null`, as the events spell "none", is
 * an intent the backend takes.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { toBase64Url } from '../../../src/protocol/base64url.js';
import type { Intent, ReceivedIntent } from '../../../src/protocol/schemas.js';
import { signBody } from '../../../src/protocol/signature.js';
import type { ShouyinEventDetails } from '../../../src/events/events.js';
import { signIntent, verifyCardRemoval, verifyIntent } from '../../../src/server/index.js';
import { intentFor, ledger, newSession, postIntent, startBackend, type RunningBackend } from '../helpers.js';

const key = toBase64Url(new Uint8Array(32).fill(7));
const KID = 'k_field';
const NOW = Date.parse('2026-11-22T08:00:00Z');
const options = { keyFor: (kid: string) => (kid === KID ? key : undefined), now: () => NOW };

const intent: Intent = {
  v: 1,
  sessionId: 'cs_field',
  orderId: 'ord_field',
  amount: 12800,
  currency: 'CNY',
  channel: 'card',
  instrument: { type: 'card', encrypted: 'x.y.z' },
  attempt: 'att_00000001',
  env: 'desktop',
  locale: 'zh-CN',
  nonce: 'nonce_0000000000000001',
  createdAt: '2026-11-22T08:00:00.000Z',
};

async function verify(body: unknown, verifier: typeof verifyIntent | typeof verifyCardRemoval = verifyIntent) {
  const { canonicalBody, header } = await signBody({ body, key, kid: KID, now: NOW });
  return verifier({ headers: { 'shouyin-signature': header }, body: canonicalBody }, options);
}

describe('a refused body names its field', () => {
  const cases: [string, unknown, string][] = [
    ['a member of the wrong type', { ...intent, amount: '12800' }, 'amount'],
    ['an attempt id too short', { ...intent, previousAttempt: 'short' }, 'previousAttempt'],
    ['a member missing', { ...intent, nonce: undefined }, 'nonce'],
    ['a member inside the instrument', { ...intent, instrument: { type: 'card', encrypted: '' } }, 'instrument.encrypted'],
    ['a member the saved-card instrument lacks', { ...intent, instrument: { type: 'saved-card' } }, 'instrument.cardId'],
    ['an unknown member', { ...intent, payer: 'x' }, 'payer'],
    ['an unknown member inside the instrument', { ...intent, instrument: { type: 'wallet', extra: 1 } }, 'instrument.extra'],
    ['not an object', [intent], ''],
  ];
  for (const [name, body, field] of cases) {
    it(`${name}: ${JSON.stringify(field)}`, async () => {
      assert.deepEqual(await verify(body), { ok: false, code: 'intent_malformed', status: 400, field });
    });
  }

  it('an unknown member whose name is data is not repeated: its object is named', async () => {
    const result = await verify({ ...intent, instrument: { type: 'wallet', '4111111111111111': 1 } });
    assert.deepEqual(result, { ok: false, code: 'intent_malformed', status: 400, field: 'instrument' });
  });

  it('a card removal names its field too', async () => {
    const removal = { v: 1, sessionId: 'cs_field', cardId: '', createdAt: '2026-11-22T08:00:00.000Z' };
    assert.deepEqual(await verify(removal, verifyCardRemoval), { ok: false, code: 'removal_malformed', status: 400, field: 'cardId' });
  });

  it('a refusal before the schema names no field', async () => {
    const result = await verifyIntent({ headers: {}, body: '{}' }, options);
    assert.deepEqual(result, { ok: false, code: 'signature_missing', status: 401 });
  });
});

describe('previousAttempt: null', () => {
  it('is what the events carry, and an intent may carry it', async () => {
    // The event's type and the intent's agree: what a host reads from shouyin-submit fits an intent.
    const fromEvent: ShouyinEventDetails['shouyin-submit']['previousAttempt'] = null;
    const verified = await verify({ ...intent, previousAttempt: fromEvent } satisfies ReceivedIntent);
    assert.ok(verified.ok && 'intent' in verified);
    // Handed on exactly as signed.
    assert.deepEqual(verified.intent, { ...intent, previousAttempt: null });
  });
});

describe('the reference backend', () => {
  let server: RunningBackend;
  before(async () => {
    server = await startBackend();
  });
  after(() => server.close());

  it('answers 400 { error: { code, field } } and repeats nothing of the value', async () => {
    const session = await newSession(server.url);
    const secret = '4111111111111111';
    const bad = { ...intentFor(session), locale: secret.repeat(3) } as Intent;
    const signed = await signIntent(bad, { key: session.signing.key, kid: session.signing.kid, idempotencyKey: 'idem_field_0001' });
    const response = await fetch(`${server.url}${session.endpoints.intents}`, { method: 'POST', headers: signed.headers, body: signed.body });
    const text = await response.text();
    assert.equal(response.status, 400);
    assert.deepEqual(JSON.parse(text), { error: { code: 'intent_malformed', field: 'locale' } });
    assert.doesNotMatch(text, /4111/);
  });

  it('takes an intent with previousAttempt: null and records no previous attempt', async () => {
    const session = await newSession(server.url);
    const answer = await postIntent(server.url, session, { ...intentFor(session), previousAttempt: null });
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    const book = await ledger(server.url, session.order.id);
    assert.deepEqual(
      book.attempts.map((a: { previousAttempt: string | null }) => a.previousAttempt),
      [null],
    );
  });
});
