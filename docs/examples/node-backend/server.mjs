// A host's backend for the Shouyin cashier in plain Node (node:http, no framework): it issues a
// session for an order, verifies the signed intent, decrypts the card, pays once per order and
// answers with the response contract. docs/backend.md walks through it; the tests run it.
//
//   npm install shouyin && node server.mjs      (PORT, default 8787; HOST, default 127.0.0.1)
//
// Everything is kept in this process's memory: one instance, and nothing survives a restart.
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import {
  DEFAULT_MAX_BODY_BYTES,
  MemoryJweIdStore,
  bindingOf,
  createSession,
  decryptCard,
  generateCardKeyPair,
  generateSigningKey,
  randomToken,
  verifyIntent,
} from 'shouyin/server';

/** How far a signature's time may be from ours (verifyIntent's default), and clock skew on top. */
const TOLERANCE_SECONDS = 300;
const SKEW_SECONDS = 60;
const SESSION_TTL_SECONDS = 15 * 60;

// One card key for the process. A real deployment makes it once, keeps the private half in its
// secret store and loads it in every instance (docs/backend.md, "Keys").
const cardKey = await generateCardKeyPair();

/** A Map whose entries expire: nonces and idempotency records need keeping only so long. */
class ExpiringMap {
  #entries = new Map();
  #sweptAt = 0;
  get(key) {
    const entry = this.#entries.get(key);
    return entry && entry.until > Date.now() ? entry.value : undefined;
  }
  set(key, value, until) {
    const now = Date.now();
    // Expired entries go at most once a second, so memory follows the traffic of the last minutes.
    if (now - this.#sweptAt >= 1000) {
      this.#sweptAt = now;
      for (const [old, entry] of this.#entries) if (entry.until <= now) this.#entries.delete(old);
    }
    this.#entries.set(key, { value, until });
  }
}

const sessions = new Map(); // signing kid → { session, signingKey }
const orders = new Map(); // order id → { paid: response | undefined, busy: boolean }
const payments = new Map(); // payment id → response, for the status endpoint
const nonces = new ExpiringMap();
const idempotency = new ExpiringMap();
// A store that several instances share, such as the Redis stores, replaces these maps.
const jweIds = new MemoryJweIdStore();

/** The host's own order: the amount comes from its cart, never from the browser. */
function newOrder() {
  return {
    id: `ord_${randomToken(9)}`,
    amount: 12800,
    currency: 'CNY',
    description: 'Annual plan',
    merchant: { id: 'm_example', name: 'Example shop' },
  };
}

function issueSession() {
  const signing = generateSigningKey();
  const made = createSession({
    order: newOrder(),
    channels: [{ id: 'card', kind: 'card', status: 'up', limits: { perTransaction: 5_000_000 }, settlement: { kind: 'T+1' } }],
    ttlSeconds: SESSION_TTL_SECONDS,
    signing,
    encryption: cardKey.encryption,
    endpoints: { intents: '/api/intents', status: '/api/intents/{id}' },
  });
  // createSession names the field it refused: here that is a bug in this file, not the payer's.
  if (!made.ok) throw new Error(`createSession: ${made.code} at ${made.field}`);
  sessions.set(signing.kid, { session: made.session, signingKey: signing.key });
  orders.set(made.session.order.id, { paid: undefined, busy: false });
  return made.session;
}

/** What to answer a verified intent: `{ status, body }`, as the response contract says. */
async function decide(session, intent) {
  const error = (status, code, extra = {}) => ({ status, body: { error: { code }, ...extra } });
  if (intent.sessionId !== session.id || intent.orderId !== session.order.id) return error(400, 'session_mismatch');
  if (intent.amount !== session.order.amount || intent.currency !== session.order.currency) return error(400, 'amount_mismatch');
  // Expiry is the host's to enforce: the cashier counts down, but only this answer ends the session.
  if (Date.parse(session.expiresAt) <= Date.now()) return error(410, 'session_expired');
  const order = orders.get(session.order.id);
  if (order.paid) return error(409, 'order_already_paid', { paidAttempt: order.paid });
  const channel = session.channels.find((candidate) => candidate.id === intent.channel);
  if (!channel) return error(400, 'channel_unknown');
  if (channel.kind !== 'card' || intent.instrument.type !== 'card') return error(400, 'instrument_mismatch');
  // One attempt at a time per order: two attempts in flight could both pay.
  if (order.busy) return error(409, 'attempt_in_progress');
  order.busy = true;
  try {
    const decrypted = await decryptCard(intent.instrument.encrypted, cardKey.privateKey, {
      expected: bindingOf(session),
      replay: jweIds,
      expectedKid: cardKey.kid,
    });
    if (!decrypted.ok) return error(400, decrypted.code);
    const response = await charge(decrypted.card, session.order);
    payments.set(response.id, response);
    if (response.status === 'succeeded') order.paid = response;
    // The card is used and dropped here: never logged, never stored.
    console.log(`payment ${response.id} ${response.status} for order ${session.order.id}`);
    return { status: 200, body: response };
  } finally {
    order.busy = false;
  }
}

/** Stands in for your acquirer's API: the card (number, expiry, CVV) goes there and nowhere else. */
async function charge(card, order) {
  void card;
  void order;
  return { id: `pay_${randomToken(12)}`, status: 'succeeded' };
}

async function postIntent(req, res) {
  const body = await readBody(req, DEFAULT_MAX_BODY_BYTES);
  if (body === undefined) return send(res, 413, { error: { code: 'body_too_large' } });
  const verified = await verifyIntent(
    { headers: req.headers, body },
    { keyFor: (kid) => sessions.get(kid)?.signingKey, toleranceSeconds: TOLERANCE_SECONDS },
  );
  if (!verified.ok) {
    // `field` names the member a 400 refused (`previousAttempt`), never its value.
    const { code, field } = verified;
    return send(res, verified.status, { error: { code, ...(field === undefined ? {} : { field }) } });
  }
  const { intent, kid, timestamp, canonicalBody, idempotencyKey } = verified;
  const { session } = sessions.get(kid);
  if (!idempotencyKey || !/^[A-Za-z0-9_-]{8,128}$/.test(idempotencyKey)) {
    return send(res, 400, { error: { code: 'idempotency_key_missing' } });
  }
  // A retry of an attempt repeats its key and its body: it gets the first answer, even after
  // the session has expired. The record holds the body's hash, not the body.
  const recordKey = `${kid} ${idempotencyKey}`;
  const hash = createHash('sha256').update(canonicalBody).digest('base64url');
  const previous = idempotency.get(recordKey);
  if (previous && previous.hash !== hash) return send(res, 409, { error: { code: 'idempotency_conflict' } });
  if (previous) return reply(res, await previous.answer);
  // A nonce seen before, under another key, is the same request sent again: refused. It is
  // kept as long as a signature carrying it can verify.
  if (nonces.get(intent.nonce)) return send(res, 409, { error: { code: 'nonce_replayed' } });
  nonces.set(intent.nonce, true, (timestamp + TOLERANCE_SECONDS + SKEW_SECONDS) * 1000);
  // Recorded before the first await, so a retry that arrives meanwhile waits for this answer.
  const answer = decide(session, intent);
  const keepUntil = Date.parse(session.expiresAt) + 60 * 60 * 1000;
  idempotency.set(recordKey, { hash, answer }, keepUntil);
  return reply(res, await answer);
}

function getStatus(res, id) {
  const response = payments.get(id);
  if (!response) return send(res, 404, { error: { code: 'attempt_not_found' } });
  return send(res, 200, response);
}

/** The raw body, or `undefined` once it is over `limit` bytes. */
async function readBody(req, limit) {
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > limit) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function reply(res, { status, body }) {
  send(res, status, body);
}

function send(res, status, body) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text), 'Cache-Control': 'no-store' });
  res.end(text);
}

const server = createServer((req, res) => {
  const { pathname } = new URL(req.url ?? '/', 'http://localhost');
  const route = `${req.method} ${pathname}`;
  // In a real shop: only for the signed-in customer who owns the order, and for an order
  // your backend created.
  if (route === 'GET /api/session') return send(res, 200, issueSession());
  if (route === 'POST /api/intents') {
    return postIntent(req, res).catch((error) => {
      console.error('intent failed:', error.name);
      if (!res.headersSent) send(res, 500, { error: { code: 'internal_error' } });
    });
  }
  const status = /^GET \/api\/intents\/([A-Za-z0-9_-]{1,128})$/.exec(route);
  if (status) return getStatus(res, status[1]);
  send(res, 404, { error: { code: 'not_found' } });
});

// Reachable from this machine only; put it behind your HTTPS front end.
server.listen(Number(process.env.PORT ?? 8787), process.env.HOST ?? '127.0.0.1', () => {
  const { address, port } = server.address();
  console.log(`listening on http://${address}:${port}`);
});
