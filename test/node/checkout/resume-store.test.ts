import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createResumeStore, settlesAttempt } from '../../../src/checkout/effects/resume-store.js';
import { interpretAnswer } from '../../../src/transport/intent-client.js';
import type { HttpResult } from '../../../src/transport/http.js';
import type { ResumeRecord } from '../../../src/protocol/schemas.js';

/** A Storage as the browser has it, in memory. */
class MemoryStorage implements Storage {
  private readonly map = new Map<string, string>();
  get length(): number {
    return this.map.size;
  }
  clear(): void {
    this.map.clear();
  }
  getItem(key: string): string | null {
    return this.map.get(key) ?? null;
  }
  key(index: number): string | null {
    return [...this.map.keys()][index] ?? null;
  }
  removeItem(key: string): void {
    this.map.delete(key);
  }
  setItem(key: string, value: string): void {
    this.map.set(key, String(value));
  }
}

const record: ResumeRecord = {
  v: 1,
  orderId: 'ord_1',
  sessionId: 'cs_1',
  channel: 'wechat',
  attempt: 'att_12345678',
  idempotencyKey: 'key_12345678',
  paymentId: 'pay_1',
};

describe('resume store', () => {
  it('keeps one open attempt per order and forgets it when cleared', () => {
    const storage = new MemoryStorage();
    const store = createResumeStore(() => storage);
    store.save(record);
    store.save({ ...record, orderId: 'ord_2', attempt: 'att_other000' });
    assert.deepEqual(store.load('ord_1'), record);
    assert.equal(store.load('ord_2')?.attempt, 'att_other000');
    store.clear('ord_1');
    assert.equal(store.load('ord_1'), undefined);
    assert.equal(storage.length, 1);
  });

  it('reads back only what parses: garbage, another order’s record, a record with extra card fields', () => {
    const storage = new MemoryStorage();
    const store = createResumeStore(() => storage);
    for (const text of ['not json', '{"v":2}', JSON.stringify({ ...record, orderId: 'ord_9' }), JSON.stringify({ ...record, attempt: 'x' })]) {
      storage.setItem('shouyin:attempt:ord_1', text);
      assert.equal(store.load('ord_1'), undefined, text);
    }
    // Unknown members are dropped by the schema: whatever else was stored never comes back out.
    storage.setItem('shouyin:attempt:ord_1', JSON.stringify({ ...record, cvv: '123' }));
    assert.deepEqual(store.load('ord_1'), record);
  });

  it('never throws when storage is missing or refuses', () => {
    const throwing = createResumeStore(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    throwing.save(record);
    assert.equal(throwing.load('ord_1'), undefined);
    throwing.clear('ord_1');
    const full = new MemoryStorage();
    full.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    createResumeStore(() => full).save(record);
    assert.equal(createResumeStore(() => undefined).load('ord_1'), undefined);
  });
});

describe('what settles a kept attempt', () => {
  const answer = (status: number, json: unknown): HttpResult => ({ ok: true, status, headers: new Headers(), json });
  const response = (status: string) => ({ id: 'pay_1', status });
  // Each row: what came back for the intent (or a status check), and whether its record may go.
  const table: [string, HttpResult, boolean][] = [
    ['succeeded', answer(200, response('succeeded')), true],
    ['pending', answer(200, response('pending')), true],
    ['failed (declined)', answer(200, { ...response('failed'), failure: { code: 'declined', retryable: false } }), true],
    ['canceled', answer(200, response('canceled')), true],
    ['409 already paid', answer(409, { error: { code: 'order_already_paid' }, paidAttempt: response('succeeded') }), true],
    ['400 refused (nothing recorded)', answer(400, { error: { code: 'card_unknown' } }), true],
    ['401 signature', answer(401, { error: { code: 'signature_mismatch' } }), true],
    ['410 expired', answer(410, { error: { code: 'session_expired' } }), true],
    ['a network fault (the request may have arrived)', { ok: false, reason: 'network' }, false],
    ['aborted by the page going away', { ok: false, reason: 'aborted' }, false],
    ['time-out', { ok: false, reason: 'timeout' }, false],
    ['500', answer(500, { error: { code: 'internal_error' } }), false],
    ['503', answer(503, { error: { code: 'unavailable' } }), false],
    ['429', answer(429, { error: { code: 'rate_limited' } }), false],
    ['a 2xx that is not the contract', answer(200, { ok: true, status: 'paid?' }), false],
  ];
  for (const [what, result, settles] of table) {
    it(`${what}: ${settles ? 'settles it' : 'keeps it for a reload'}`, () => {
      assert.equal(settlesAttempt(interpretAnswer(result)), settles);
    });
  }
});
