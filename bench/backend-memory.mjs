// The reference backend's memory under unauthenticated and oversized load, the figure
// `backend-memory` of `npm run bench` (`npm run bench -- --only backend-memory`), or alone:
//
//   node bench/backend-memory.mjs
//
// bench/backend-server.ts runs in its own Node process (with --expose-gc) on 127.0.0.1. The
// load, fixed in count, loopback only: 2,000 `GET /api/session` (no credentials needed),
// then 200 correctly signed intents of about 60 KB each (an unknown member pads the body) on
// one order whose scenario declines every payment, so each would be a new attempt. Printed:
// the server's RSS and heap (after a full GC) before and after the load, the statuses the
// intents got, and the size of that order's ledger answer. Bounded in time: every request
// has a 10 s timeout and the whole run 120 s; the server stops with this process.
import { Agent, request as httpRequest } from 'node:http';
import { pathToFileURL } from 'node:url';

import { tsImport } from 'tsx/esm/api';

import { startBackendProcess } from './backend-process.mjs';
import { intentFor } from './intent.mjs';

const MIB = 1024 * 1024;
const SESSIONS = 2_000;
const INTENTS = 200;
const PADDED_BYTES = 60 * 1024;

/**
 * One request; resolves with its status and body (never rejects: a refused or cut-off
 * request is status 0).
 * @param {Agent} agent @param {string} url @param {{ method?: string, headers?: Record<string, string>, body?: string }} [init]
 * @returns {Promise<{ status: number, body: string }>}
 */
function send(agent, url, { method = 'GET', headers = {}, body } = {}) {
  return new Promise((resolve) => {
    const req = httpRequest(url, { method, agent, headers, timeout: 10_000 }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', () => resolve({ status: 0, body: '' }));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', () => resolve({ status: 0, body: '' }));
    req.end(body);
  });
}

/** `n` calls of `task`, at most `width` at a time, in order. */
async function inBatches(n, width, task) {
  const out = [];
  for (let i = 0; i < n; i += width) {
    out.push(...(await Promise.all(Array.from({ length: Math.min(width, n - i) }, (_, j) => task(i + j)))));
  }
  return out;
}

function countBy(values) {
  const counts = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return Object.entries(counts)
    .map(([value, count]) => `${count} × ${value}`)
    .join(', ');
}

/** @returns {Promise<{ results: { name: string, value: number, unit: string, budget: null, ratio: null, pass: true }[], notes: string[] }>} */
export async function measureBackendMemory() {
  const { signIntent, randomToken } = await tsImport('../src/server/index.ts', import.meta.url);
  const server = /** @type {{ url: string, memory: () => Promise<{ rss: number, heapUsed: number }>, stop: () => Promise<unknown> }} */ (
    await startBackendProcess({ exposeGc: true })
  );
  const agent = new Agent({ keepAlive: true, maxSockets: 16 });
  const deadline = setTimeout(() => {
    console.error('backend-memory: over 120 s, stopping');
    void server.stop().then(() => process.exit(2));
  }, 120_000);
  try {
    const before = await server.memory();
    const sessions = await inBatches(SESSIONS, 16, () => send(agent, `${server.url}/api/session`));
    const issued = sessions.filter((s) => s.status === 200).length;

    const order = await send(agent, `${server.url}/api/session?scenario=declined`);
    if (order.status !== 200) throw new Error(`GET /api/session?scenario=declined answered ${order.status}`);
    const session = JSON.parse(order.body);
    const intentStatuses = await inBatches(INTENTS, 8, async () => {
      // An unknown member pads the body: refused unread (413) by the body cap.
      const intent = { ...(await intentFor(session, randomToken)), padding: 'x'.repeat(PADDED_BYTES) };
      const signed = await signIntent(intent, { key: session.signing.key, kid: session.signing.kid, idempotencyKey: randomToken(18) });
      const answer = await send(agent, `${server.url}${session.endpoints.intents}`, { method: 'POST', headers: signed.headers, body: signed.body });
      let code = '';
      try {
        code = JSON.parse(answer.body).error?.code ?? JSON.parse(answer.body).status ?? '';
      } catch {
        code = '';
      }
      return `${answer.status}${code ? ` ${code}` : ''}`;
    });
    const ledger = await send(agent, `${server.url}/api/orders/${encodeURIComponent(session.order.id)}`);
    const after = await server.memory();

    const mib = (bytes) => bytes / MIB;
    const result = (name, value, unit) => ({ name, value, unit, budget: null, ratio: null, pass: true });
    return {
      results: [
        result('backend-memory: RSS before load', mib(before.rss), 'MiB'),
        result('backend-memory: RSS after load', mib(after.rss), 'MiB'),
        result('backend-memory: heap after GC, before load', mib(before.heapUsed), 'MiB'),
        result('backend-memory: heap after GC, after load', mib(after.heapUsed), 'MiB'),
        result('backend-memory: one order’s ledger answer', Buffer.byteLength(ledger.body), 'B'),
      ],
      notes: [
        `backend-memory: ${SESSIONS} GET /api/session (${issued} issued), then ${INTENTS} signed intents of ` +
          `${Math.round(PADDED_BYTES / 1024)} KB on one order (scenario=declined): ${countBy(intentStatuses)}; ` +
          `its ledger GET answered ${ledger.status}, ${Buffer.byteLength(ledger.body)} B`,
      ],
    };
  } finally {
    clearTimeout(deadline);
    agent.destroy();
    await server.stop();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { results, notes } = await measureBackendMemory();
  for (const r of results) console.log(`${r.name}: ${r.unit === 'MiB' ? r.value.toFixed(1) : r.value} ${r.unit}`);
  for (const note of notes) console.log(note);
}
