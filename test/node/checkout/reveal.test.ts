import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Phase, type FlowState } from '../../../src/checkout/core/flow.js';
import type { FallbackNotice } from '../../../src/checkout/core/state.js';
import { bringsUpChoice, clearance, revealKey, underBar, type RevealInput } from '../../../src/checkout/reveal.js';

const attempt = { attempt: 'a1', idempotencyKey: 'k1', channel: 'wechat', paymentId: 'p1' };
const failure = { code: 'declined', retryable: false, attempt: 'a1', channel: 'wechat', repeats: true } as const;
const offer: FallbackNotice = { kind: 'offer', from: 'wechat', to: 'card', code: 'limit_exceeded', immediate: false };
const moved: FallbackNotice = { ...offer, kind: 'moved', to: 'alipay', immediate: true };
const preselected: FallbackNotice = { ...offer, kind: 'preselected' };

describe('where focus and view go after a change of state (revealKey)', () => {
  type Case = [name: string, flow: FlowState, extra: Partial<RevealInput>, key: string];
  const cases: Case[] = [
    ['loading takes nothing', { phase: Phase.Loading }, {}, ''],
    ['ready with nothing to tell takes nothing', { phase: Phase.Ready }, {}, ''],
    ['paying takes nothing (focus stays on Pay)', { phase: Phase.Paying, attempt }, {}, ''],
    ['a wait (no QR code): what it says and its buttons, once per attempt', { phase: Phase.Pending, attempt }, {}, 'pa1'],
    ['a wait on a bridge or a redirect: the same', { phase: Phase.Pending, attempt, action: { type: 'redirect', channel: 'alipay' } }, {}, 'pa1'],
    ['a QR code: the code, once per attempt', { phase: Phase.Pending, attempt, action: { type: 'qr', content: 'x', channel: 'wechat' } }, {}, 'qa1'],
    ['success of this attempt: the result', { phase: Phase.Succeeded, attempt, earlier: false }, {}, 'sa1'],
    ['an order paid before this cashier tried: nothing taken from the page', { phase: Phase.Succeeded, attempt: { paymentId: 'p0' }, earlier: true }, {}, ''],
    ['the session ran out: its message', { phase: Phase.Expired }, {}, 'x'],
    ['a failure: the outcome, per attempt', { phase: Phase.Ready, failure }, {}, 'fa1'],
    ['a failure with an offer: the outcome, with where the offer goes', { phase: Phase.Ready, failure }, { notice: offer, paymentViews: true }, 'fa1card'],
    ['an offer before its words are here: wait', { phase: Phase.Ready, failure }, { notice: offer, paymentViews: false, revealed: 'old' }, 'old'],
    ['a move without a failure: the notice', { phase: Phase.Ready }, { notice: moved, paymentViews: true }, 'fwechat>alipay'],
    ['a channel preselected away at load takes nothing', { phase: Phase.Ready }, { notice: preselected, paymentViews: true }, ''],
    ["a binding's failure is the binding form's to show", { phase: Phase.Ready, failure }, { binding: true, revealed: 'old' }, 'old'],
  ];
  for (const [name, flow, extra, key] of cases) {
    it(name, () => {
      assert.equal(revealKey({ flow, paymentViews: false, binding: false, revealed: '', ...extra }), key);
    });
  }
});

describe('the sticky bar', () => {
  it('a target under its top edge comes up; one above it, or in the bar, or with no sticky bar, stays', () => {
    assert.equal(underBar({ bottom: 601 }, { top: 600 }, false), true);
    assert.equal(underBar({ bottom: 600 }, { top: 600 }, false), false);
    assert.equal(underBar({ bottom: 640 }, { top: 600 }, true), false);
    assert.equal(underBar({ bottom: 640 }, null, false), false);
  });
  it('keeps a target its height and its fade above it clear, or 8 px of air', () => {
    assert.equal(clearance({ height: 64, fade: 16 }), 80);
    assert.equal(clearance({ height: 64, fade: 0 }), 72);
    assert.equal(clearance(null), 8);
  });
  it('brings a chosen channel\'s first field up above it, unless that would hide the choice', () => {
    // 360×640: the card row at 437, its number field under the bar (top 583): up 86 px, the row still in view.
    assert.equal(bringsUpChoice({ bottom: 669 }, { top: 583 }, { top: 437 }), true);
    // No focus in the cashier (a tap WebKit does not focus): up all the same.
    assert.equal(bringsUpChoice({ bottom: 669 }, { top: 583 }, null), true);
    // The field far below (channels after the card row): the choice would leave the view, so it stays.
    assert.equal(bringsUpChoice({ bottom: 1200 }, { top: 583 }, { top: 437 }), false);
    // Already clear of the bar, or no sticky bar: nothing moves.
    assert.equal(bringsUpChoice({ bottom: 500 }, { top: 583 }, { top: 300 }), false);
    assert.equal(bringsUpChoice({ bottom: 900 }, null, { top: 300 }), false);
  });
});
