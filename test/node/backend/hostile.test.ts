/**
 * The demo server (`npm start`) in its own process, sent what a careless or hostile client
 * sends: malformed percent-escapes on every route, targets that are no URL, odd and huge
 * query strings, wrong methods, garbage, truncated, oversized and aborted bodies. Each gets a
 * 4xx with a code (or, for an upload cut off, nothing), and afterwards the same process still
 * answers and an order paid before holds the same ledger.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { connect } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { Session } from '../../../src/protocol/schemas.js';
import { intentFor, ledger, newSession, postIntent } from '../helpers.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
let child: ChildProcess;
let origin = '';
let port = 0;
let exited: string | undefined;

before(async () => {
  child = spawn(process.execPath, ['--import', 'tsx', 'demo/server.ts'], {
    cwd: root,
    env: { ...process.env, PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.once('exit', (code, signal) => {
    exited = `exited with ${code ?? signal}`;
  });
  child.stderr!.resume();
  origin = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (data: Buffer) => {
      out += data.toString();
      const match = /http:\/\/localhost:(\d+)\//.exec(out);
      if (match) resolve(`http://127.0.0.1:${match[1]}`);
    });
    child.once('exit', () => reject(new Error(`the demo server ${exited}`)));
  });
  port = Number(new URL(origin).port);
});

after(() => {
  child.kill();
});

/** Raw bytes to the server; what comes back before it closes the connection (or 3 s pass). */
function raw(request: string | Buffer, { endAfterWrite = false, destroyAfterWrite = false } = {}): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    const done = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve(answer);
    };
    const timer = setTimeout(done, 3_000);
    socket.on('data', (data) => {
      answer += data.toString('latin1');
      // One whole answer is enough: keep-alive would hold the socket open.
      const head = answer.indexOf('\r\n\r\n');
      const length = /content-length: (\d+)/i.exec(answer.slice(0, head));
      if (head >= 0 && length && answer.length >= head + 4 + Number(length[1])) done();
    });
    socket.on('error', done);
    socket.on('close', done);
    socket.write(request, () => {
      if (destroyAfterWrite) socket.destroy();
    });
    if (endAfterWrite) socket.end();
  });
}

function statusOf(answer: string): number {
  return Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0);
}

function codeOf(answer: string): string | undefined {
  const body = answer.slice(answer.indexOf('\r\n\r\n') + 4);
  try {
    return (JSON.parse(body) as { error?: { code?: string } }).error?.code;
  } catch {
    return undefined;
  }
}

async function answer(path: string, init: RequestInit = {}): Promise<{ status: number; code: string | undefined }> {
  const response = await fetch(`${origin}${path}`, init);
  const text = await response.text();
  let code: string | undefined;
  try {
    code = (JSON.parse(text) as { error?: { code?: string } }).error?.code;
  } catch {
    code = undefined;
  }
  return { status: response.status, code };
}

describe('demo server: hostile requests', () => {
  let session: Session;
  let book: unknown;

  before(async () => {
    session = await newSession(origin);
    assert.equal((await postIntent(origin, session, intentFor(session))).body.status, 'succeeded');
    book = await ledger(origin, session.order.id);
  });

  it('answers a malformed percent-escape on every route with 400 path_malformed', async () => {
    const cases: [string, string][] = [
      ['GET', '/dist/%E0'],
      ['GET', '/demo/%E0%A4'],
      ['GET', '/dist/lazy/%C3%28.js'],
      ['GET', '/api/orders/%E0'],
      ['GET', '/api/intents/%E0'],
      ['POST', '/api/intents/%FF/confirm'],
      ['DELETE', '/api/cards/%E0'],
    ];
    for (const [method, path] of cases) {
      assert.deepEqual(await answer(path, { method }), { status: 400, code: 'path_malformed' }, `${method} ${path}`);
    }
    // Query strings decode leniently: a bad escape is just an order that does not exist.
    assert.deepEqual(await answer('/api/session?order=%E0'), { status: 404, code: 'order_not_found' });
  });

  it('answers request targets that are no URL with 400', async () => {
    for (const target of ['//[', 'http://[', '//a:b@[::1']) {
      const reply = await raw(`GET ${target} HTTP/1.1\r\nHost: x\r\n\r\n`);
      assert.equal(statusOf(reply), 400, target);
      assert.equal(codeOf(reply), 'path_malformed', target);
    }
  });

  it('answers odd and oversized query strings with a 400 and a code', async () => {
    const cases: [string, string][] = [
      [`description=${'长'.repeat(201)}`, 'description_invalid'],
      [`payer=${'p'.repeat(81)}`, 'payer_invalid'],
      ['payer=%00', 'payer_invalid'],
      ['payer=', 'payer_invalid'],
      [`scenario=${'declined,'.repeat(500)}`, 'scenario_unknown'],
      ['scenario=%E0', 'scenario_unknown'],
      ['amount=1e400', 'amount_invalid'],
      ['amount=-5', 'amount_invalid'],
      ['amount=12.5', 'amount_invalid'],
      ['currency=%E2%82%AC', 'currency_invalid'],
      ['fallback=%E0', 'fallback_invalid'],
    ];
    for (const [query, code] of cases) {
      assert.deepEqual(await answer(`/api/session?${query}`), { status: 400, code }, query.slice(0, 40));
    }
    // Past Node's header limit: Node itself answers.
    assert.equal((await answer(`/api/session?description=${'x'.repeat(20_000)}`)).status, 431);
  });

  it('answers a wrong method with 405 method_not_allowed', async () => {
    const cases: [string, string][] = [
      ['PUT', '/api/session'],
      ['GET', '/api/intents'],
      ['DELETE', `/api/orders/${session.order.id}`],
      ['POST', '/api/intents/pay_x'],
      ['GET', '/api/intents/pay_x/confirm'],
      ['GET', '/api/cards/sc_x'],
      ['POST', '/dist/shouyin.min.js'],
      ['PATCH', '/'],
    ];
    for (const [method, path] of cases) {
      assert.deepEqual(await answer(path, { method }), { status: 405, code: 'method_not_allowed' }, `${method} ${path}`);
    }
    assert.deepEqual(await answer('/api/nothing'), { status: 404, code: 'not_found' });
  });

  it('answers garbage bodies with 4xx codes, and oversized ones with 413 without reading them', async () => {
    assert.deepEqual(await answer('/api/intents', { method: 'POST', body: '\u0000\u00ff{' }), { status: 401, code: 'signature_missing' });
    assert.deepEqual(await answer('/api/cards/sc_x', { method: 'DELETE', body: 'not json' }), { status: 401, code: 'signature_missing' });
    const big = 'x'.repeat(1024 * 1024);
    assert.deepEqual(await answer('/api/intents', { method: 'POST', body: big }), { status: 413, code: 'body_too_large' });
    assert.deepEqual(await answer('/api/cards/sc_x', { method: 'DELETE', body: 'x'.repeat(8 * 1024) }), { status: 413, code: 'body_too_large' });
    // Announced as huge and never sent: answered at once from the header.
    const announced = await raw('POST /api/intents HTTP/1.1\r\nHost: x\r\nContent-Length: 1000000000\r\n\r\n{');
    assert.equal(statusOf(announced), 413);
    assert.equal(codeOf(announced), 'body_too_large');
    // Chunked, with no length announced: refused once 16 KiB have come.
    const chunk = 'a'.repeat(4096);
    const chunked = await raw(
      `POST /api/intents HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n${`1000\r\n${chunk}\r\n`.repeat(8)}`,
    );
    assert.equal(statusOf(chunked), 413);
    assert.match(chunked, /connection: close/i);
  });

  it('lets a client cut its upload short, or send a body shorter than it announced, without harm', async () => {
    // Gone mid-body: no one is left to answer.
    const aborted = await raw('POST /api/intents HTTP/1.1\r\nHost: x\r\nContent-Length: 500\r\n\r\n{"v":1', { destroyAfterWrite: true });
    assert.equal(statusOf(aborted), 0);
    const abortedRemoval = await raw('DELETE /api/cards/sc_x HTTP/1.1\r\nHost: x\r\nContent-Length: 3000\r\n\r\n{"cardId":', {
      destroyAfterWrite: true,
    });
    assert.equal(statusOf(abortedRemoval), 0);
    // Done sending, short of what was announced: Node's parser answers 400.
    const truncated = await raw('POST /api/intents HTTP/1.1\r\nHost: x\r\nContent-Length: 500\r\n\r\n{"v":1', { endAfterWrite: true });
    assert.equal(statusOf(truncated), 400);
    const malformedChunk = await raw('POST /api/intents HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n');
    assert.equal(statusOf(malformedChunk), 400, 'the HTTP parser turns it away');
  });

  it('is still up afterwards, with the paid order’s ledger as it was', async () => {
    assert.equal(exited, undefined);
    const fresh = await newSession(origin);
    assert.equal((await postIntent(origin, fresh, intentFor(fresh))).body.status, 'succeeded');
    assert.deepEqual(await ledger(origin, session.order.id), book);
  });
});
