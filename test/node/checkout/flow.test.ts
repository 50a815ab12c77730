import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Phase, initialState, transition, type FlowEvent, type FlowState } from '../../../src/checkout/flow.js';

const attempt = { attempt: 'att_12345678', idempotencyKey: 'key_12345678', channel: 'wechat' };
const run = (events: FlowEvent[], from: FlowState = initialState): FlowState => events.reduce(transition, from);
const ready = run([{ type: 'load' }, { type: 'loaded' }]);

describe('checkout flow', () => {
  it('goes idle → loading → ready → paying → succeeded', () => {
    const paid = run([{ type: 'pay', attempt }, { type: 'succeeded', paymentId: 'pay_1' }], ready);
    assert.deepEqual(paid, { phase: Phase.Succeeded, attempt: { ...attempt, paymentId: 'pay_1' } });
  });

  it('ignores a second pay while paying: the same state object comes back', () => {
    const paying = transition(ready, { type: 'pay', attempt });
    assert.equal(transition(paying, { type: 'pay', attempt: { ...attempt, attempt: 'att_other000' } }), paying);
  });

  it('returns to ready with the failure after a failed attempt, so the payer can retry', () => {
    const failed = run([{ type: 'pay', attempt }, { type: 'failed', code: 'declined', retryable: false }], ready);
    assert.deepEqual(failed, {
      phase: Phase.Ready,
      failure: { code: 'declined', retryable: false, attempt: attempt.attempt, channel: 'wechat' },
    });
    assert.equal(transition(failed, { type: 'pay', attempt }).phase, Phase.Paying);
  });

  it('polls through pending to a final answer', () => {
    const pending = run([{ type: 'pay', attempt }, { type: 'pending', paymentId: 'pay_2' }], ready);
    assert.equal(pending.phase, Phase.Pending);
    assert.equal(transition(pending, { type: 'succeeded', paymentId: 'pay_2' }).phase, Phase.Succeeded);
  });

  it('does not let a late answer change a succeeded payment or an expired order', () => {
    const paid = run([{ type: 'pay', attempt }, { type: 'succeeded', paymentId: 'pay_1' }], ready);
    assert.equal(transition(paid, { type: 'failed', code: 'timeout', retryable: true }), paid);
    assert.equal(transition(paid, { type: 'expire' }), paid);
    const expired = transition(ready, { type: 'expire' });
    assert.equal(transition(expired, { type: 'pay', attempt }), expired);
    assert.equal(transition(expired, { type: 'succeeded', paymentId: 'x' }), expired);
  });

  it('shows success for an attempt the backend reports paid after the payer left it, from ready or from a newer attempt', () => {
    const left = { ...attempt, attempt: 'att_left0000' };
    const failed = run([{ type: 'pay', attempt: left }, { type: 'failed', code: 'canceled', retryable: false }], ready);
    assert.deepEqual(transition(failed, { type: 'succeeded', paymentId: 'pay_9', attempt: left }), {
      phase: Phase.Succeeded,
      attempt: { ...left, paymentId: 'pay_9' },
    });
    const paying = transition(failed, { type: 'pay', attempt });
    assert.equal((transition(paying, { type: 'succeeded', paymentId: 'pay_9', attempt: left }) as { attempt: { attempt: string } }).attempt.attempt, 'att_left0000');
    // Without naming the attempt, a plain ready state has nothing to show as paid.
    assert.equal(transition(failed, { type: 'succeeded', paymentId: 'pay_9' }), failed);
  });

  it('remembers that the order was paid by an earlier attempt, so the screen does not name this one\'s channel', () => {
    const paying = transition(ready, { type: 'pay', attempt });
    assert.deepEqual(transition(paying, { type: 'succeeded', paymentId: 'pay_0', earlier: true }), {
      phase: Phase.Succeeded,
      attempt: { ...attempt, paymentId: 'pay_0' },
      earlier: true,
    });
    assert.equal('earlier' in transition(paying, { type: 'succeeded', paymentId: 'pay_1' }), false);
  });

  it('loads a session that says the order is paid straight into success, with nothing to pay', () => {
    const paid = run([{ type: 'load' }, { type: 'loaded', paid: 'pay_7' }]);
    assert.deepEqual(paid, { phase: Phase.Succeeded, attempt: { paymentId: 'pay_7' }, earlier: true });
    assert.equal(transition(paid, { type: 'pay', attempt }), paid);
    assert.equal(transition(paid, { type: 'expire' }), paid);
    assert.equal(transition(ready, { type: 'loaded', paid: 'pay_7' }), ready, 'only a load in progress takes it');
  });

  it('starts over for a new session, even after success', () => {
    const paid = run([{ type: 'pay', attempt }, { type: 'succeeded', paymentId: 'pay_1' }], ready);
    assert.deepEqual(transition(paid, { type: 'load' }), { phase: Phase.Loading });
  });

  it('reports a broken session as an error, and a later good one recovers', () => {
    const broken = run([{ type: 'load' }, { type: 'load-failed', code: 'session_malformed' }]);
    assert.deepEqual(broken, { phase: Phase.Error, code: 'session_malformed' });
    assert.equal(run([{ type: 'load' }, { type: 'loaded' }], broken).phase, Phase.Ready);
  });
});
