/**
 * Preview's effect runner, in Node: which effects it carries out here (and how), and the local
 * payment's timeline, with the timers mocked. The host is a plain EventTarget: the events it
 * hears are what a page would.
 */
import { afterEach, beforeEach, describe, it, mock } from 'node:test';
import assert from 'node:assert/strict';
import type { Effect } from '../../../src/checkout/core/effects.js';
import type { CheckoutEvent } from '../../../src/checkout/core/events.js';
import type { AttemptRef } from '../../../src/checkout/core/flow.js';
import { PreviewRunner } from '../../../src/preview/local-runner.js';
import { SAMPLE_RUN, SAMPLE_TEXT, sampleSession } from '../../../src/preview/sample-session.js';

const NOW = Date.parse('2026-12-07T03:00:00Z');
const session = sampleSession(NOW, SAMPLE_TEXT.en, 1);
const ref = (channel: string): AttemptRef => ({ attempt: 'att_12345678', idempotencyKey: 'key_12345678', channel });
const order = { sessionId: session.id, orderId: session.order.id, amount: session.order.amount, currency: session.order.currency };

function setup(preview = true) {
  const host = Object.assign(new EventTarget(), { preview }) as unknown as HTMLElement & { preview: boolean };
  const heard: Array<{ type: string; detail: Record<string, unknown> }> = [];
  for (const type of ['shouyin-ready', 'shouyin-submit']) {
    host.addEventListener(type, (e) => heard.push({ type, detail: (e as CustomEvent).detail }));
  }
  const dispatched: CheckoutEvent[] = [];
  const runner = new PreviewRunner(host, (event) => dispatched.push(event));
  return { host, heard, dispatched, runner };
}

describe('PreviewRunner', () => {
  beforeEach(() => mock.timers.enable({ apis: ['setTimeout'] }));
  afterEach(() => mock.timers.reset());

  it('fires host events marked preview', () => {
    const { heard, runner } = setup();
    const effect: Effect = { type: 'emit', name: 'shouyin-ready', detail: { ...order, channels: ['wechat'], channel: 'wechat' } };
    assert.equal(runner.carryOut(effect), true);
    assert.deepEqual(heard, [{ type: 'shouyin-ready', detail: { ...order, channels: ['wechat'], channel: 'wechat', preview: true } }]);
  });

  it('asks the host before paying: unvetoed, the attempt starts; vetoed, nothing', () => {
    const { host, heard, dispatched, runner } = setup();
    const submit: Effect = { type: 'submit', ref: ref('wechat'), detail: { ...order, channel: 'wechat', attempt: 'att_12345678', previousAttempt: null } };
    runner.carryOut(submit);
    assert.equal(heard[0]?.detail.preview, true);
    assert.deepEqual(dispatched, [{ type: 'submitted', ref: ref('wechat'), previousAttempt: null }]);
    host.addEventListener('shouyin-submit', (e) => e.preventDefault());
    runner.carryOut(submit);
    assert.equal(dispatched.length, 1);
  });

  it('walks a wallet payment to pending with the sample QR code, then to success, on the sample timings', () => {
    const { dispatched, runner } = setup();
    runner.carryOut({ type: 'run', session, ref: ref('wechat'), previousAttempt: null });
    mock.timers.tick(SAMPLE_RUN.pendingMs - 1);
    assert.equal(dispatched.length, 0);
    mock.timers.tick(1);
    assert.deepEqual(dispatched.map((e) => e.type), ['pending']);
    assert.deepEqual(dispatched[0]!.type === 'pending' && dispatched[0]!.action, SAMPLE_RUN.qr);
    mock.timers.tick(SAMPLE_RUN.successMs);
    assert.deepEqual(dispatched.map((e) => e.type), ['pending', 'succeeded']);
    assert.deepEqual(dispatched[1]!.type === 'succeeded' && [dispatched[1]!.ref, dispatched[1]!.earlier], [ref('wechat'), false]);
  });

  it('pays by card with no action, and a stop (or a script playing) starts nothing', () => {
    const card = setup();
    card.runner.carryOut({ type: 'run', session, ref: ref('card'), previousAttempt: null });
    mock.timers.tick(SAMPLE_RUN.pendingMs);
    assert.equal(card.dispatched[0]!.type === 'pending' && card.dispatched[0]!.action, undefined);
    card.runner.carryOut({ type: 'stop' });
    mock.timers.tick(SAMPLE_RUN.successMs);
    assert.deepEqual(card.dispatched.map((e) => e.type), ['pending']);

    const scripted = setup();
    scripted.runner.scripted = true;
    assert.equal(scripted.runner.carryOut({ type: 'run', session, ref: ref('wechat'), previousAttempt: null }), true);
    mock.timers.tick(SAMPLE_RUN.pendingMs + SAMPLE_RUN.successMs);
    assert.equal(scripted.dispatched.length, 0);
  });

  it('takes no wallet action and writes no storage; leaves clocks, card data and "pay now" to the checkout', () => {
    const { runner } = setup();
    const taken: Effect[] = [
      { type: 'action', action: { type: 'redirect', url: 'https://example.com/' } },
      { type: 'forget', orderId: 'o' },
      { type: 'remember', merchantId: 'm', channel: 'wechat' },
    ];
    const left: Effect[] = [{ type: 'card', reset: true }, { type: 'timers' }, { type: 'pay' }];
    assert.deepEqual(taken.map((e) => runner.carryOut(e)), [true, true, true]);
    assert.deepEqual(left.map((e) => runner.carryOut(e)), [false, false, false]);
  });

  it('once preview is off, leaves every effect to the checkout', () => {
    const { heard, runner } = setup(false);
    assert.equal(runner.carryOut({ type: 'emit', name: 'shouyin-ready', detail: { ...order, channels: [], channel: null } }), false);
    assert.equal(runner.carryOut({ type: 'forget', orderId: 'o' }), false);
    assert.deepEqual(heard, []);
  });

  it('removes a saved card with no request', async () => {
    assert.deepEqual(await setup().runner.removeCard(session.savedCards[0]!), { ok: true });
  });
});
