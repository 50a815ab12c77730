import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createBackend, type Backend, type BackendOptions } from '../../demo/backend/app.js';
import { connectRedis } from '../../demo/backend/redis-client.js';
import { RedisBackendStore } from '../../demo/backend/redis-store.js';
import { randomToken } from '../../src/protocol/base64url.js';
import { bindingOf } from '../../src/protocol/card-binding.js';
import { encryptCard, type CardPayload } from '../../src/protocol/card-payload.js';
import type { Intent, ReceivedIntent, Session } from '../../src/protocol/schemas.js';
import { signIntent } from '../../src/server/index.js';

export { bindingOf };

export function readVector<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(`../vectors/${name}`, import.meta.url), 'utf8')) as T;
}

export function hex(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, 'hex'));
}

export interface RunningBackend {
  url: string;
  backend: Backend;
  close(): Promise<void>;
}

/** The reference backend on an ephemeral loopback port. */
export function startBackend(now?: () => number): Promise<RunningBackend> {
  return startBackendWith(now ? { now } : {});
}

export async function newSession(base: string, query = ''): Promise<Session> {
  const response = await fetch(`${base}/api/session?${query}`);
  if (!response.ok) throw new Error(`session: HTTP ${response.status}`);
  return (await response.json()) as Session;
}

export function intentFor(session: Session, overrides: Partial<Intent> = {}): Intent {
  return {
    v: 1,
    sessionId: session.id,
    orderId: session.order.id,
    amount: session.order.amount,
    currency: session.order.currency,
    channel: 'wechat',
    instrument: { type: 'wallet' },
    attempt: randomToken(12),
    env: 'desktop',
    locale: 'zh-CN',
    nonce: randomToken(18),
    createdAt: new Date().toISOString(),
    ...overrides,
  };
}

/** Posts an intent signed with the session's key, as the cashier would. */
export async function postIntent(
  base: string,
  session: Session,
  intent: Intent | ReceivedIntent,
  { idempotencyKey = randomToken(18), now = Date.now() }: { idempotencyKey?: string; now?: number } = {},
): Promise<{ status: number; body: any }> {
  const signed = await signIntent(intent, { key: session.signing.key, kid: session.signing.kid, now, idempotencyKey });
  const response = await fetch(`${base}${session.endpoints.intents}`, { method: 'POST', headers: signed.headers, body: signed.body });
  return { status: response.status, body: await response.json() };
}

export async function ledger(base: string, orderId: string): Promise<any> {
  const response = await fetch(`${base}/api/orders/${encodeURIComponent(orderId)}`);
  return response.json();
}

/**
 * A new-card intent on the `card` channel: the card encrypted to the session's `encryption`
 * key with `encryptCard` and bound to its order, as the cashier does, so only the JWE is in the
 * body. `now` stamps the JWE (milliseconds, default the real clock).
 */
export async function cardIntentFor(session: Session, card: CardPayload, overrides: Partial<Intent> = {}, now?: number): Promise<Intent> {
  if (!session.encryption) throw new Error('the session has no encryption key');
  const encrypted = await encryptCard(card, session.encryption, bindingOf(session), now === undefined ? {} : { now });
  return intentFor(session, { channel: 'card', instrument: { type: 'card', encrypted }, ...overrides });
}

/** GETs an attempt's status from the session's status endpoint, as the cashier polls it. */
export async function intentStatus(base: string, session: Session, id: string): Promise<{ status: number; body: any }> {
  const path = session.endpoints.status.replace('{id}', encodeURIComponent(id));
  const response = await fetch(`${base}${path}`);
  return { status: response.status, body: await response.json() };
}

let redisPrefixes = 0;

/**
 * The reference backend on an ephemeral loopback port, with any of its options (`random`, `now`).
 * With `SHOUYIN_TEST_REDIS_URL` set (test/node/backend/on-redis.test.ts), its store is Redis,
 * under a prefix of its own.
 */
export async function startBackendWith(options: BackendOptions): Promise<RunningBackend> {
  const redisUrl = process.env.SHOUYIN_TEST_REDIS_URL;
  const redis = redisUrl && !options.store ? await connectRedis(redisUrl) : undefined;
  const store = redis
    ? new RedisBackendStore(redis.command, {
        prefix: `t${process.pid}.${++redisPrefixes}:`,
        ...(options.now ? { now: options.now } : {}),
        ...(options.random ? { random: options.random } : {}),
        ...(options.maxSessions ? { maxSessions: options.maxSessions } : {}),
      })
    : undefined;
  const backend = createBackend({ ...options, ...(store ? { store } : {}) });
  const server: Server = createServer((req, res) => {
    void backend.handle(req, res).then((handled) => {
      if (!handled) res.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    backend,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          redis?.close();
          resolve();
        });
      }),
  };
}

/** What came back for one intent request: an answer, or a connection dropped with none. */
export type SentIntent =
  | { lost: false; status: number; headers: Headers; body: any; ms: number }
  | { lost: true; ms: number };

/**
 * Like `postIntent`, for fault injection: reports a connection closed without an answer as
 * `lost` instead of throwing, and gives the headers and how long the answer took.
 */
export async function sendIntent(
  base: string,
  session: Session,
  intent: Intent,
  { idempotencyKey = randomToken(18), now = Date.now() }: { idempotencyKey?: string; now?: number } = {},
): Promise<SentIntent> {
  const signed = await signIntent(intent, { key: session.signing.key, kid: session.signing.kid, now, idempotencyKey });
  const started = performance.now();
  let response: Response;
  try {
    response = await fetch(`${base}${session.endpoints.intents}`, { method: 'POST', headers: signed.headers, body: signed.body });
  } catch {
    return { lost: true, ms: performance.now() - started };
  }
  const body: unknown = await response.json();
  return { lost: false, status: response.status, headers: response.headers, body, ms: performance.now() - started };
}
