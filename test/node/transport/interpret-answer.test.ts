import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { NOT_JSON, type HttpResult } from '../../../src/transport/http.js';
import { interpretAnswer, statusUrl } from '../../../src/transport/intent-client.js';

const answer = (status: number, json: unknown): HttpResult => ({ ok: true, status, headers: new Headers(), json });
const paid = { id: 'pay_1', status: 'succeeded' };

describe('interpreting an answer about an attempt', () => {
  const cases: [string, HttpResult, ReturnType<typeof interpretAnswer>][] = [
    ['a succeeded response', answer(200, paid), { kind: 'answered', response: { id: 'pay_1', status: 'succeeded' } }],
    ['a 200 that is not JSON', answer(200, NOT_JSON), { kind: 'failed', code: 'response_malformed', retryable: true, status: 200 }],
    ['a 200 that is not the contract', answer(200, { ok: true }), { kind: 'failed', code: 'response_malformed', retryable: true, status: 200 }],
    ['a 409 order_already_paid', answer(409, { error: { code: 'order_already_paid' }, paidAttempt: paid }), { kind: 'already-paid', response: { id: 'pay_1', status: 'succeeded' } }],
    ['a 401', answer(401, { error: { code: 'signature_mismatch' } }), { kind: 'failed', code: 'signature_rejected', retryable: false, status: 401 }],
    ['a 400 with a known code', answer(400, { error: { code: 'limit_exceeded' } }), { kind: 'failed', code: 'limit_exceeded', retryable: false, status: 400 }],
    ['a 400 with an unknown code', answer(400, { error: { code: 'amount_mismatch' } }), { kind: 'failed', code: 'request_rejected', retryable: false, status: 400 }],
    ['a 410', answer(410, { error: { code: 'session_expired' } }), { kind: 'failed', code: 'expired', retryable: false, status: 410 }],
    ['a 503 with an HTML body', answer(503, NOT_JSON), { kind: 'failed', code: 'server_error', retryable: true, status: 503 }],
    ['a 429', answer(429, NOT_JSON), { kind: 'failed', code: 'server_error', retryable: true, status: 429 }],
    ['a network fault', { ok: false, reason: 'network' }, { kind: 'failed', code: 'network_error', retryable: true }],
    ['a timeout', { ok: false, reason: 'timeout' }, { kind: 'failed', code: 'timeout', retryable: true }],
  ];
  for (const [name, result, expected] of cases) {
    it(name, () => assert.deepEqual(interpretAnswer(result), expected));
  }

  it('builds status URLs from a template or a base', () => {
    assert.equal(statusUrl('/api/intents/{id}', 'pay 1', 'https://shop.example/checkout'), 'https://shop.example/api/intents/pay%201');
    assert.equal(statusUrl('/api/status/', 'p1', 'https://shop.example/'), 'https://shop.example/api/status/p1');
  });
});
