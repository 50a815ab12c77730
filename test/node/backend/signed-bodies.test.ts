/**
 * The reference backend, over real HTTP, takes an intent only as the exact bytes that were
 * signed: a body another parser could read differently, or carrying members the contract does
 * not name, is refused before anything is kept, so the ledger never stores or serves it back.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomToken, toBase64Url } from '../../../src/protocol/base64url.js';
import { canonicalize } from '../../../src/protocol/canonical-json.js';
import type { Session } from '../../../src/protocol/schemas.js';
import { hmacSha256 } from '../../../src/protocol/signature.js';
import { intentFor, ledger, newSession, startBackend, type RunningBackend } from '../helpers.js';

/** Posts `sent` under a signature over `signed`, with the session's key. */
async function post(base: string, session: Session, sent: string, signed = sent): Promise<{ status: number; code: string | undefined }> {
  const t = Math.floor(Date.now() / 1000);
  const mac = await hmacSha256(session.signing.key, new TextEncoder().encode(`${t}.${signed}`));
  const response = await fetch(`${base}${session.endpoints.intents}`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      'Shouyin-Signature': `t=${t},kid=${session.signing.kid},v1=${toBase64Url(mac)}`,
      'Idempotency-Key': randomToken(18),
    },
    body: sent,
  });
  const body = (await response.json()) as { error?: { code: string } };
  return { status: response.status, code: body.error?.code };
}

describe('reference backend: a signed intent is taken only as the bytes signed', () => {
  let running: RunningBackend;
  before(async () => (running = await startBackend()));
  after(() => running.close());

  it('refuses a duplicate amount, 12800.0, a signed __proto__ and a signed 60 KB member, and keeps none of them', async () => {
    const session = await newSession(running.url);
    const canonical = canonicalize(intentFor(session));
    assert.match(canonical, /"amount":12800,/);
    const duplicate = canonical.replace('"amount":12800', '"amount":1,"amount":12800');
    assert.deepEqual(await post(running.url, session, duplicate, canonical), { status: 400, code: 'body_not_canonical' });
    const respelled = canonical.replace('"amount":12800', '"amount":12800.0');
    assert.deepEqual(await post(running.url, session, respelled, canonical), { status: 400, code: 'body_not_canonical' });
    const proto = `{"__proto__":{"previousAttempt":"injected_01"},${canonical.slice(1)}`;
    assert.deepEqual(await post(running.url, session, proto), { status: 400, code: 'intent_malformed' });
    const padded = canonical.replace(/}$/, `,"zpadding":"${'x'.repeat(60_000)}"}`);
    assert.deepEqual(await post(running.url, session, padded), { status: 413, code: 'body_too_large' });

    const kept = await ledger(running.url, session.order.id);
    assert.deepEqual(kept.attempts, []);
    assert.deepEqual(kept.tries, []);

    assert.deepEqual(await post(running.url, session, canonical), { status: 200, code: undefined });
    const paid = await ledger(running.url, session.order.id);
    assert.equal(paid.attempts.length, 1);
    assert.equal(paid.attempts[0].requestBody, canonical);
  });
});
