/**
 * Preview mode's screens, in Node: each state's script folded through the real `reduce`, as a
 * table of the state it reaches and the host events it fires. The sample session is a session
 * the schema accepts.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Effect } from '../../../src/checkout/core/effects.js';
import { Phase } from '../../../src/checkout/core/flow.js';
import { reduce, type CheckoutContext } from '../../../src/checkout/core/reduce.js';
import { initialCheckout, type CheckoutState } from '../../../src/checkout/core/state.js';
import { messagesFor } from '../../../src/i18n/locale.js';
import type { Environment } from '../../../src/protocol/schemas.js';
import { SAMPLE_AMOUNT, SAMPLE_TEXT, sampleSession } from '../../../src/preview/sample-session.js';
import { PREVIEW_ATTEMPT, PREVIEW_STATES, eventOf, isPreviewState, previewScript, type PreviewState } from '../../../src/preview/script.js';
import { parseSession } from '../../../src/transport/session-client.js';

const NOW = Date.parse('2026-12-07T03:00:00Z');

function context(env: Environment): CheckoutContext {
  let n = 0;
  return { now: NOW, env, messages: messagesFor('zh-CN'), lastUsed: () => null, token: (count) => `tok${count}_${++n}`.padEnd(12, '0') };
}

/** Plays a state's script as the preview controller does: each step made from the state reached. */
function play(state: PreviewState, env: Environment = 'desktop'): { state: CheckoutState; effects: Effect[]; press: string | undefined } {
  const text = SAMPLE_TEXT['zh-CN'];
  const script = previewScript(state, { session: sampleSession(NOW, text, 1), newCard: sampleSession(NOW, text, 1, false) });
  let s = initialCheckout;
  const effects: Effect[] = [];
  const ctx = context(env);
  for (const step of script.steps) {
    const event = eventOf(step, s);
    if (!event) continue;
    const next = reduce(s, event, ctx);
    s = next.state;
    effects.push(...next.effects);
  }
  return { state: s, effects, press: script.press };
}

/** What a screen shows: its phase, channel, failure, fallback notice and action. */
function screen({ flow, channelId, notice, session }: CheckoutState) {
  return {
    phase: flow.phase,
    channel: channelId,
    failure: flow.phase === Phase.Ready ? (flow.failure?.code ?? null) : null,
    notice: notice ? `${notice.kind}:${notice.to}` : null,
    action: flow.phase === Phase.Pending ? (flow.action?.type ?? null) : null,
    savedCards: session?.savedCards.length ?? 0,
  };
}

const emitted = (effects: Effect[]): string[] => effects.flatMap((e) => (e.type === 'emit' ? [e.name] : []));

const TABLE: Record<PreviewState, { screen: ReturnType<typeof screen>; events: string[]; press?: string }> = {
  ready: {
    screen: { phase: 'ready', channel: 'wechat', failure: null, notice: null, action: null, savedCards: 3 },
    events: ['shouyin-ready', 'shouyin-channel-change'],
  },
  card: {
    screen: { phase: 'ready', channel: 'card', failure: null, notice: null, action: null, savedCards: 0 },
    events: ['shouyin-ready', 'shouyin-channel-change', 'shouyin-channel-change'],
  },
  'card-errors': {
    screen: { phase: 'ready', channel: 'card', failure: null, notice: null, action: null, savedCards: 0 },
    events: ['shouyin-ready', 'shouyin-channel-change', 'shouyin-channel-change'],
    press: 'pay',
  },
  'saved-cards': {
    screen: { phase: 'ready', channel: 'card', failure: null, notice: null, action: null, savedCards: 3 },
    events: ['shouyin-ready', 'shouyin-channel-change', 'shouyin-channel-change'],
  },
  'removal-dialog': {
    screen: { phase: 'ready', channel: 'card', failure: null, notice: null, action: null, savedCards: 3 },
    events: ['shouyin-ready', 'shouyin-channel-change', 'shouyin-channel-change'],
    press: 'remove-card',
  },
  pending: {
    screen: { phase: 'pending', channel: 'unionpay', failure: null, notice: null, action: null, savedCards: 3 },
    events: ['shouyin-ready', 'shouyin-channel-change', 'shouyin-channel-change', 'shouyin-pending'],
  },
  qr: {
    screen: { phase: 'pending', channel: 'wechat', failure: null, notice: null, action: 'qr', savedCards: 3 },
    events: ['shouyin-ready', 'shouyin-channel-change', 'shouyin-pending'],
  },
  redirect: {
    screen: { phase: 'pending', channel: 'alipay', failure: null, notice: null, action: 'redirect', savedCards: 3 },
    events: ['shouyin-ready', 'shouyin-channel-change', 'shouyin-channel-change', 'shouyin-pending'],
  },
  fallback: {
    screen: { phase: 'ready', channel: 'wechat', failure: 'channel_unavailable', notice: 'offer:alipay', action: null, savedCards: 3 },
    events: ['shouyin-ready', 'shouyin-channel-change', 'shouyin-failure'],
  },
  failure: {
    screen: { phase: 'ready', channel: 'alipay', failure: 'declined', notice: null, action: null, savedCards: 3 },
    events: ['shouyin-ready', 'shouyin-channel-change', 'shouyin-channel-change', 'shouyin-failure'],
  },
  success: {
    screen: { phase: 'succeeded', channel: 'wechat', failure: null, notice: null, action: null, savedCards: 3 },
    events: ['shouyin-ready', 'shouyin-channel-change', 'shouyin-success'],
  },
  expired: {
    screen: { phase: 'expired', channel: 'wechat', failure: null, notice: null, action: null, savedCards: 3 },
    events: ['shouyin-ready', 'shouyin-channel-change', 'shouyin-expire'],
  },
  offline: {
    screen: { phase: 'ready', channel: 'wechat', failure: null, notice: null, action: null, savedCards: 3 },
    events: ['shouyin-ready', 'shouyin-channel-change'],
    press: 'offline',
  },
};

describe('preview scripts through reduce', () => {
  it('has a row for every state, and only those are states', () => {
    assert.deepEqual(Object.keys(TABLE).sort(), [...PREVIEW_STATES].sort());
    assert.equal(isPreviewState('ready'), true);
    assert.equal(isPreviewState('nope'), false);
    assert.equal(isPreviewState(null), false);
  });

  for (const name of PREVIEW_STATES) {
    it(`${name}: reaches its screen and fires its events`, () => {
      const { state, effects, press } = play(name);
      const row = TABLE[name];
      assert.deepEqual(screen(state), row.screen);
      assert.deepEqual(emitted(effects), row.events);
      assert.equal(press, row.press);
    });
  }

  it('pays with the fixed preview attempt, and starts a run the preview runner holds back', () => {
    const { state, effects } = play('success');
    assert.equal(state.flow.phase === Phase.Succeeded && 'attempt' in state.flow.attempt ? state.flow.attempt.attempt : null, PREVIEW_ATTEMPT);
    assert.deepEqual(
      effects.filter((e) => e.type === 'run').map((e) => e.type === 'run' && e.ref.channel),
      ['wechat'],
    );
  });

  it('inside WeChat, keeps to what WeChat can pay: redirect stays on WeChat Pay, the fallback offers the card', () => {
    assert.equal(screen(play('redirect', 'wechat').state).channel, 'wechat');
    assert.equal(screen(play('fallback', 'wechat').state).notice, 'offer:card');
    assert.equal(screen(play('ready', 'alipay').state).channel, 'alipay');
  });
});

describe('the sample session', () => {
  it('is a session the schema accepts, in every locale, with and without saved cards', () => {
    for (const text of Object.values(SAMPLE_TEXT)) {
      for (const saved of [true, false]) {
        const result = parseSession(JSON.parse(JSON.stringify(sampleSession(NOW, text, 2, saved))));
        assert.equal(result.ok, true);
        if (result.ok) assert.equal(result.session.order.amount, SAMPLE_AMOUNT);
      }
    }
  });

  it('is a new order each showing, and the payer without cards is another session', () => {
    const text = SAMPLE_TEXT.en;
    assert.notEqual(sampleSession(NOW, text, 1).order.id, sampleSession(NOW, text, 2).order.id);
    assert.notEqual(sampleSession(NOW, text, 1).id, sampleSession(NOW, text, 1, false).id);
  });

  it('runs 15 minutes from now, with the e-CNY channel in maintenance now and a card expiring this month', () => {
    const s = sampleSession(NOW, SAMPLE_TEXT['zh-CN'], 1);
    assert.equal(Date.parse(s.expiresAt) - NOW, 15 * 60_000);
    const window = s.channels.find((c) => c.id === 'ecny')?.maintenance?.[0];
    assert.ok(window && Date.parse(window.from) <= NOW && NOW < Date.parse(window.to));
    assert.deepEqual(s.savedCards.map((c) => [c.expMonth, c.expYear])[1], [12, 2026]);
  });
});
