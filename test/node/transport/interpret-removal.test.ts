import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { NOT_JSON, type HttpResult } from '../../../src/transport/http.js';
import { interpretRemoval } from '../../../src/transport/card-client.js';

const answer = (status: number, json: unknown): HttpResult => ({ ok: true, status, headers: new Headers(), json });
const error = (code: string) => ({ error: { code } });

describe('interpretRemoval', () => {
  const cases: Array<[string, HttpResult, ReturnType<typeof interpretRemoval>]> = [
    ['200 naming the card', answer(200, { cardId: 'sc_1', removed: true }), { ok: true }],
    ['200 naming another card', answer(200, { cardId: 'sc_2', removed: true }), { ok: false, code: 'server_error' }],
    ['200 that is not the contract', answer(200, { ok: true }), { ok: false, code: 'server_error' }],
    ['200 that is not JSON', answer(200, NOT_JSON), { ok: false, code: 'server_error' }],
    ['404 card_not_found', answer(404, error('card_not_found')), { ok: false, code: 'card_not_found' }],
    ['404 of another kind', answer(404, error('not_found')), { ok: false, code: 'request_rejected' }],
    ['409 card_in_use', answer(409, error('card_in_use')), { ok: false, code: 'card_in_use' }],
    ['401', answer(401, error('signature_mismatch')), { ok: false, code: 'signature_rejected' }],
    ['410', answer(410, error('session_expired')), { ok: false, code: 'session_expired' }],
    ['400', answer(400, error('card_mismatch')), { ok: false, code: 'request_rejected' }],
    ['503', answer(503, NOT_JSON), { ok: false, code: 'server_error' }],
    ['429', answer(429, error('rate_limited')), { ok: false, code: 'server_error' }],
    ['a network fault', { ok: false, reason: 'network' }, { ok: false, code: 'network_error' }],
    ['a time-out', { ok: false, reason: 'timeout' }, { ok: false, code: 'timeout' }],
  ];
  for (const [name, result, expected] of cases) {
    it(name, () => assert.deepEqual(interpretRemoval(result, 'sc_1'), expected));
  }
});
