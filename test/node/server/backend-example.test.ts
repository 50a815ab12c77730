/**
 * docs/backend.md's Node example (docs/examples/node-backend/server.mjs), run as a host runs it:
 * its own process, importing the built `shouyin/server`, on a free loopback port. The test is
 * the cashier: it fetches a session, seals a card to it and posts signed intents.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { randomToken } from '../../../src/protocol/base64url.js';
import { SessionSchema, type Session } from '../../../src/protocol/schemas.js';
import { signIntent } from '../../../src/server/index.js';
import { buildOnce, root } from '../built.js';
import { cardIntentFor, intentFor, newSession, postIntent } from '../helpers.js';

const CARD = { number: '4111111111111111', expMonth: 12, expYear: 2031, cvv: '123' };

let child: ChildProcess;
let url = '';
let output = '';

before(async () => {
  buildOnce();
  child = spawn(process.execPath, [path.join(root, 'docs/examples/node-backend/server.mjs')], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the example exited with ${code}`)));
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      const listening = /listening on (http:\/\/\S+)/.exec(output);
      if (listening) resolve(listening[1]!);
    });
  });
});

after(() => {
  child?.kill();
});

async function post(session: Session, body: string, headers: Record<string, string>) {
  const response = await fetch(`${url}${session.endpoints.intents}`, { method: 'POST', headers, body });
  return { status: response.status, body: await response.json() };
}

describe('the Node backend example', () => {
  it('issues a session the cashier takes, with the card key and a key of its own', async () => {
    const session = await newSession(url);
    assert.deepEqual(SessionSchema.parse(session), session);
    assert.ok(session.encryption);
    assert.notEqual((await newSession(url)).signing.key, session.signing.key);
  });

  it('pays a card once: a retry gets the same answer, a replay and a second attempt are refused', async () => {
    const session = await newSession(url);
    const intent = await cardIntentFor(session, CARD);
    const idempotencyKey = randomToken(18);
    const first = await postIntent(url, session, intent, { idempotencyKey });
    assert.equal(first.status, 200, JSON.stringify(first.body));
    assert.equal(first.body.status, 'succeeded');

    const retry = await postIntent(url, session, intent, { idempotencyKey });
    assert.deepEqual(retry, first);

    const signed = await signIntent(intent, { key: session.signing.key, kid: session.signing.kid, idempotencyKey: randomToken(18) });
    assert.deepEqual(await post(session, signed.body, signed.headers), { status: 409, body: { error: { code: 'nonce_replayed' } } });

    const again = await postIntent(url, session, { ...intent, attempt: randomToken(12), nonce: randomToken(18) });
    assert.equal(again.status, 409);
    assert.equal(again.body.error.code, 'order_already_paid');
    assert.equal(again.body.paidAttempt.id, first.body.id);

    const polled = await fetch(`${url}/api/intents/${first.body.id}`);
    assert.deepEqual(await polled.json(), first.body);
    const paid = output.split('\n').filter((line) => line.includes(`for order ${session.order.id}`));
    assert.deepEqual(paid, [`payment ${first.body.id} succeeded for order ${session.order.id}`]);
    assert.doesNotMatch(output, /4111|1111/);
  });

  it('refuses a card sealed for another order, and names the field of a malformed intent', async () => {
    const paying = await newSession(url);
    const other = await newSession(url);
    const lifted = await cardIntentFor(paying, CARD);
    const moved = await postIntent(url, other, intentFor(other, { channel: 'card', instrument: lifted.instrument }));
    assert.deepEqual(moved, { status: 400, body: { error: { code: 'jwe_binding_mismatch' } } });

    const malformed = await postIntent(url, other, intentFor(other, { channel: 'card', instrument: lifted.instrument, previousAttempt: 'short' }));
    assert.deepEqual(malformed, { status: 400, body: { error: { code: 'intent_malformed', field: 'previousAttempt' } } });
    assert.ok(!output.includes(`for order ${other.order.id}`));
  });
});
