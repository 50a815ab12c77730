/**
 * The whole payment logic, in Node, against the pure reducer: each case is a table of events
 * and the states and effects they give (the effects by kind, with the host events by name).
 * What only a browser shows (rendering, focus, real requests) stays in test/browser/checkout/.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Effect } from '../../../src/checkout/core/effects.js';
import type { CheckoutEvent } from '../../../src/checkout/core/events.js';
import type { AttemptRef } from '../../../src/checkout/core/flow.js';
import { reduce, type CheckoutContext } from '../../../src/checkout/core/reduce.js';
import { initialCheckout, type CheckoutState } from '../../../src/checkout/core/state.js';
import { messagesFor } from '../../../src/i18n/locale.js';
import type { Channel, ResumeRecord, Session } from '../../../src/protocol/schemas.js';

const NOW = Date.parse('2026-12-01T08:00:00Z');

const channel = (id: string, kind: string, extra: Partial<Channel> = {}): Channel => ({
  id,
  kind,
  status: 'up',
  limits: {},
  settlement: { kind: 'realtime' },
  ...extra,
});

const CHANNELS = [
  channel('wechat', 'wechat', { fallbacks: ['alipay'] }),
  channel('alipay', 'alipay', { fallbacks: ['card'] }),
  channel('card', 'card'),
];

function session(mode: 'auto' | 'prompt' | 'off' = 'prompt', extra: Partial<Session> = {}): Session {
  return {
    v: 1,
    id: 'cs_1',
    expiresAt: '2026-12-01T08:15:00Z',
    order: { id: 'ord_1', amount: 12800, currency: 'CNY', merchant: { id: 'm_1', name: 'M' } },
    channels: CHANNELS,
    savedCards: [],
    fallback: { mode },
    signing: { alg: 'HS256', kid: 'k', key: 'a'.repeat(43) },
    endpoints: { intents: '/i', status: '/s' },
    ...extra,
  };
}

/** Deterministic attempt ids: the reducer's randomness comes from the context. */
function context(now = NOW): CheckoutContext {
  let n = 0;
  return { now, env: 'desktop', messages: messagesFor('zh-CN'), lastUsed: () => null, token: (count) => `tok${count}_${++n}`.padEnd(12, '0') };
}

/** Runs events in order; gives the last state and, per event, what it asked for. */
function run(events: CheckoutEvent[], from: CheckoutState = initialCheckout, ctx = context()) {
  let state = from;
  const steps: Effect[][] = [];
  for (const event of events) {
    const next = reduce(state, event, ctx);
    state = next.state;
    steps.push(next.effects);
  }
  return { state, steps, effects: steps.flat() };
}

/** Effects by kind; host events by name. Chunk loads have a table of their own (below). */
const kinds = (effects: Effect[]): string[] => effects.filter((e) => e.type !== 'chunk').map((e) => (e.type === 'emit' ? e.name : e.type));
const chunks = (effects: Effect[]): string[] => effects.flatMap((e) => (e.type === 'chunk' ? [e.chunk] : []));
const emitted = (effects: Effect[], name: string) =>
  effects.filter((e): e is Extract<Effect, { type: 'emit' }> => e.type === 'emit' && e.name === name).map((e) => e.detail as Record<string, unknown>);

/** Loads `s` and pays with the selected channel (the host does not veto): the attempt's ref. */
function paying(s: Session, events: CheckoutEvent[] = []) {
  const loaded = run([{ type: 'load' }, { type: 'loaded', session: s }, ...events, { type: 'pay', crypto: true }]);
  const submit = loaded.effects.find((e): e is Extract<Effect, { type: 'submit' }> => e.type === 'submit');
  assert.ok(submit, 'a pay click asks the host first');
  const next = run([{ type: 'submitted', ref: submit.ref, previousAttempt: submit.detail.previousAttempt }], loaded.state);
  return { state: next.state, ref: submit.ref, effects: next.effects, loaded };
}

const report = (s: Session, ref: AttemptRef) => ({ session: s, ref });
const failed = (s: Session, ref: AttemptRef, code: string, extra: Partial<Extract<CheckoutEvent, { type: 'failed' }>> = {}): CheckoutEvent =>
  ({ type: 'failed', ...report(s, ref), code, retryable: false, paymentId: null, trigger: { kind: 'failure', code }, ...extra }) as CheckoutEvent;

describe('checkout reducer: load', () => {
  it('a session loads to ready with the recommended channel, and the host hears ready then the channel', () => {
    const { state, effects } = run([{ type: 'load' }, { type: 'loaded', session: session() }]);
    assert.equal(state.flow.phase, 'ready');
    assert.equal(state.channelId, 'wechat');
    assert.deepEqual(kinds(effects), ['stop', 'shouyin-ready', 'shouyin-channel-change', 'timers']);
    assert.deepEqual(state.ready, { sessionId: 'cs_1', orderId: 'ord_1', amount: 12800, currency: 'CNY', channels: ['wechat', 'alipay', 'card'], channel: 'wechat' });
  });

  it('a late answer of an earlier load changes nothing', () => {
    const ready = run([{ type: 'load' }, { type: 'loaded', session: session() }]).state;
    const late = reduce(ready, { type: 'loaded', session: session('auto') }, context());
    assert.equal(late.state, ready);
    assert.deepEqual(late.effects, []);
  });

  it('an expired session is an error, and nothing is payable', () => {
    const { state, effects } = run([{ type: 'load' }, { type: 'loaded', session: session('prompt', { expiresAt: '2026-12-01T07:59:00Z' }) }]);
    assert.deepEqual(state.flow, { phase: 'error', code: 'session_expired' });
    assert.equal(state.session, undefined);
    assert.deepEqual(kinds(effects), ['stop', 'shouyin-error']);
  });

  it('the first channel down: the payment starts on its fallback (auto, prompt), not in off', () => {
    const down = [channel('wechat', 'wechat', { status: 'down', fallbacks: ['alipay'] }), ...CHANNELS.slice(1)];
    for (const mode of ['auto', 'prompt'] as const) {
      const { state, effects } = run([{ type: 'load' }, { type: 'loaded', session: session(mode, { channels: down }) }]);
      assert.equal(state.channelId, 'alipay');
      assert.deepEqual(state.notice, { kind: 'preselected', from: 'wechat', to: 'alipay', code: 'channel_unavailable', immediate: false });
      assert.deepEqual(kinds(effects), ['stop', 'shouyin-ready', 'shouyin-channel-change', 'shouyin-fallback', 'timers']);
      assert.equal(emitted(effects, 'shouyin-channel-change')[0]!.reason, 'fallback');
    }
    const off = run([{ type: 'load' }, { type: 'loaded', session: session('off', { channels: down }) }]);
    assert.equal(off.state.channelId, 'alipay');
    assert.equal(off.state.notice, undefined);
    assert.deepEqual(emitted(off.effects, 'shouyin-fallback'), []);
  });
});

describe('checkout reducer: paying', () => {
  it('pay asks the host (submit); only once it is not vetoed does the attempt run', () => {
    const s = session();
    const ready = run([{ type: 'load' }, { type: 'loaded', session: s }]).state;
    const clicked = reduce(ready, { type: 'pay', crypto: true }, context());
    assert.equal(clicked.state, ready, 'a vetoed submit leaves the checkout as it was');
    assert.deepEqual(kinds(clicked.effects), ['submit']);
    const { state, effects } = paying(s);
    assert.equal(state.flow.phase, 'paying');
    assert.deepEqual(kinds(effects), ['run']);
  });

  it('a double pay click: the second click while paying changes nothing and asks nothing', () => {
    const { state } = paying(session());
    const again = reduce(state, { type: 'pay', crypto: true }, context());
    assert.equal(again.state, state);
    assert.deepEqual(again.effects, []);
  });

  it('pending, then success: the channel is remembered, the record dropped, card data cleared', () => {
    const s = session();
    const { state, ref } = paying(s);
    const { state: end, steps } = run(
      [
        { type: 'pending', ...report(s, ref), paymentId: 'pay_1', action: { type: 'qr', content: 'weixin://x' } },
        { type: 'succeeded', ...report(s, ref), paymentId: 'pay_1', earlier: false },
      ],
      state,
    );
    assert.deepEqual(kinds(steps[0]!), ['shouyin-pending', 'action']);
    assert.deepEqual(emitted(steps[0]!, 'shouyin-pending')[0]!.action, 'qr');
    assert.deepEqual(kinds(steps[1]!), ['remember', 'forget', 'shouyin-success', 'card']);
    assert.deepEqual(end.flow, { phase: 'succeeded', attempt: { ...ref, paymentId: 'pay_1' }, earlier: false });
  });

  it('a pending attempt\'s action is what the page shows: a QR code to scan, or the wallet opened', () => {
    const s = session();
    const { state, ref } = paying(s);
    const qr = run([{ type: 'pending', ...report(s, ref), paymentId: 'pay_1', action: { type: 'qr', content: 'weixin://x' } }], state).state;
    assert.deepEqual(qr.flow, { phase: 'pending', attempt: { ...ref, paymentId: 'pay_1' }, action: { type: 'qr', content: 'weixin://x', channel: 'wechat' } });
    const away = run([{ type: 'pending', ...report(s, ref), paymentId: 'pay_1', action: { type: 'redirect', url: 'https://wx.tenpay.com/x' } }], state);
    assert.deepEqual(away.state.flow.phase === 'pending' && away.state.flow.action, { type: 'redirect', channel: 'wechat' });
    assert.deepEqual(away.effects.find((e) => e.type === 'action'), { type: 'action', ref, action: { type: 'redirect', url: 'https://wx.tenpay.com/x' } });
    // The view goes with the attempt: a failure shows none.
    assert.equal(run([failed(s, ref, 'canceled', { trigger: null })], qr).state.flow.phase, 'ready');
  });

  it('without WebCrypto (an insecure page) the pay click is an error, nothing is sent', () => {
    const ready = run([{ type: 'load' }, { type: 'loaded', session: session() }]).state;
    const { state, effects } = reduce(ready, { type: 'pay', crypto: false }, context());
    assert.deepEqual(state.flow, { phase: 'error', code: 'crypto_unavailable' });
    assert.deepEqual(kinds(effects), ['shouyin-error']);
  });

  it('stale run reports are dropped by attempt id: a report of another load\'s attempt reaches the host only', () => {
    const s = session();
    const { state, ref } = paying(s);
    const other: AttemptRef = { attempt: 'att_elsewhere', idempotencyKey: 'key_elsewhere', channel: 'wechat' };
    const pending = reduce(state, { type: 'pending', ...report(s, other), paymentId: 'pay_x', action: undefined }, context());
    assert.equal(pending.state, state);
    assert.deepEqual(kinds(pending.effects), ['shouyin-pending'], 'no action is started for it');
    const fail = reduce(state, failed(s, other, 'server_error'), context());
    assert.equal(fail.state, state);
    assert.deepEqual(kinds(fail.effects), ['forget', 'shouyin-failure', 'card']);
    const paid = reduce(state, { type: 'succeeded', ...report(s, other), paymentId: 'pay_x', earlier: false }, context());
    assert.equal(paid.state.flow.phase, 'paying', 'the attempt on screen goes on');
    assert.equal(emitted(paid.effects, 'shouyin-success').length, 1);
    // After a new load, the old session's attempt is as foreign.
    const reloaded = run([{ type: 'load' }], state).state;
    const late = reduce(reloaded, failed(s, ref, 'declined'), context());
    assert.equal(late.state, reloaded);
  });
});

describe('checkout reducer: a wallet\'s sheet', () => {
  const sheetOf = () => {
    const s = session();
    const { state, ref } = paying(s);
    const pending = run([{ type: 'pending', ...report(s, ref), paymentId: 'pay_1', action: { type: 'bridge', bridge: 'wechat', params: {} } }], state).state;
    return { s, ref, pending };
  };

  it('"paid" from the sheet only asks the backend now; a closed sheet ends the attempt', () => {
    const { ref, pending } = sheetOf();
    assert.deepEqual(reduce(pending, { type: 'sheet', ref, outcome: null }, context()).effects, [{ type: 'check' }]);
    assert.deepEqual(reduce(pending, { type: 'sheet', ref, outcome: 'canceled' }, context()).effects, [{ type: 'give-up', code: 'canceled' }]);
  });

  it('a mini-program page that cannot open (no JSSDK) ends the attempt and tells the host, with its own code', () => {
    const { ref, pending } = sheetOf();
    const { effects } = reduce(pending, { type: 'sheet', ref, outcome: 'miniprogram_unavailable' }, context());
    assert.deepEqual(kinds(effects), ['shouyin-error', 'give-up']);
    assert.equal(emitted(effects, 'shouyin-error')[0]!.code, 'miniprogram_unavailable');
  });

  it('the sheet of a replaced attempt is dropped by its attempt id', () => {
    const { ref, pending } = sheetOf();
    // The payer gave up waiting and paid again: the first attempt's sheet closes late.
    const abandoned = run([{ type: 'abandon' }], pending).state;
    const ctx = { ...context(), token: (count: number) => `next${count}`.padEnd(12, '0') };
    const clicked = reduce(run([{ type: 'select', channel: 'alipay' }], abandoned).state, { type: 'pay', crypto: true }, ctx);
    const submit = clicked.effects.find((e): e is Extract<Effect, { type: 'submit' }> => e.type === 'submit')!;
    const again = run([{ type: 'submitted', ref: submit.ref, previousAttempt: ref.attempt }], clicked.state).state;
    assert.equal(again.flow.phase, 'paying');
    assert.deepEqual(reduce(again, { type: 'sheet', ref, outcome: 'canceled' }, context()).effects, []);
    assert.deepEqual(reduce(again, { type: 'sheet', ref: submit.ref, outcome: 'canceled' }, context()).effects, [{ type: 'give-up', code: 'canceled' }]);
    // Nor does one of the session before a reload.
    assert.deepEqual(reduce(run([{ type: 'load' }], pending).state, { type: 'sheet', ref, outcome: null }, context()).effects, []);
  });
});

describe('checkout reducer: lazy chunks, asked when what needs them appears', () => {
  const load = (s: Session, env: CheckoutContext['env'] = 'desktop') => {
    const ctx = { ...context(), env };
    return run([{ type: 'load' }, { type: 'loaded', session: s }], initialCheckout, ctx);
  };
  const card = { id: 'c_1', brand: 'visa', last4: '4242', expiry: { month: 12, year: 2030 } } as unknown as Session['savedCards'][number];
  const table: [string, Session, CheckoutContext['env'], string[]][] = [
    ['a plain desktop session: none (WeChat Pay is recommended)', session(), 'desktop', []],
    ['inside WeChat: the payment chunk, for the sheet', session(), 'wechat', ['payment']],
    ['inside Alipay: the payment chunk', session(), 'alipay', ['payment']],
    ['notices: their banner', session('prompt', { notices: [{ id: 'n_1', level: 'info', text: 'x' }] }), 'desktop', ['notices']],
    ['saved cards: their list, before the card channel is picked', session('prompt', { savedCards: [card] }), 'desktop', ['saved-cards']],
    [
      'saved cards where the host enables passkeys: the list and the passkey chunk',
      session('prompt', { savedCards: [card], endpoints: { intents: '/i', status: '/s', passkeys: '/p' } }),
      'desktop',
      ['saved-cards', 'passkey'],
    ],
    ['passkeys enabled but no saved card: no passkey chunk', session('prompt', { endpoints: { intents: '/i', status: '/s', passkeys: '/p' } }), 'desktop', []],
    ['only a card channel: the card form and its encryption', session('prompt', { channels: [channel('card', 'card')] }), 'desktop', ['card', 'seal']],
    [
      'a card channel that binds Chinese bank cards: the binding form instead',
      session('prompt', { channels: [channel('card', 'card')], endpoints: { intents: '/i', status: '/s', bindings: '/b', cardInfo: '/ci' } }),
      'desktop',
      ['binding', 'seal'],
    ],
  ];
  for (const [name, s, env, expected] of table) {
    it(name, () => assert.deepEqual(chunks(load(s, env).effects), expected));
  }

  it('with card-frame: the frame\'s host side; a binding session also the binding form, whose fields go in that frame', () => {
    const framed = (s: Session) => run([{ type: 'load' }, { type: 'loaded', session: s }], initialCheckout, { ...context(), cardFrame: true });
    const channels = [channel('card', 'card')];
    assert.deepEqual(chunks(framed(session('prompt', { channels })).effects), ['card-frame', 'seal']);
    const endpoints = { intents: '/i', status: '/s', bindings: '/b', cardInfo: '/ci' };
    assert.deepEqual(chunks(framed(session('prompt', { channels, endpoints })).effects), ['card-frame', 'binding', 'seal']);
  });

  it('selecting the card channel asks for the form once; selecting it again after another asks again (a failed load is retried)', () => {
    const { state } = load(session());
    const toCard = reduce(state, { type: 'select', channel: 'card' }, context());
    assert.deepEqual(chunks(toCard.effects), ['card', 'seal']);
    const back = reduce(toCard.state, { type: 'select', channel: 'alipay' }, context());
    assert.deepEqual(chunks(back.effects), []);
    assert.deepEqual(chunks(reduce(back.state, { type: 'select', channel: 'card' }, context()).effects), ['card', 'seal']);
  });

  it('a pending QR code asks for the QR chunk and the payment views; a fallback offer for the views', () => {
    const s = session();
    const { state, ref } = paying(s);
    assert.deepEqual(chunks(reduce(state, { type: 'pending', ...report(s, ref), paymentId: 'pay_1', action: { type: 'qr', content: 'weixin://x' } }, context()).effects), ['payment', 'qr']);
    const offered = reduce(state, failed(s, ref, 'channel_unavailable', { retryable: true }), context());
    assert.equal(offered.state.notice?.kind, 'offer');
    assert.deepEqual(chunks(offered.effects), ['payment']);
  });

  it('a paid or expired session needs nothing', () => {
    assert.deepEqual(chunks(load(session('prompt', { paid: { paymentId: 'pay_0' }, savedCards: [card] } as Partial<Session>)).effects), []);
    assert.deepEqual(chunks(load(session('prompt', { expiresAt: '2026-12-01T07:59:00Z', savedCards: [card] })).effects), []);
  });
});

describe('checkout reducer: fallback', () => {
  const channelFault = (s: Session, ref: AttemptRef) => failed(s, ref, 'channel_unavailable', { retryable: true });

  it('auto: a channel fault moves to the fallback and pays at once (a wallet); the host hears failure, channel, fallback', () => {
    const s = session('auto');
    const { state, ref } = paying(s);
    const { state: moved, effects } = run([channelFault(s, ref)], state);
    assert.equal(moved.channelId, 'alipay');
    assert.deepEqual(moved.notice, { kind: 'moved', from: 'wechat', to: 'alipay', code: 'channel_unavailable', immediate: true });
    assert.deepEqual(moved.givenUp, ['wechat']);
    assert.deepEqual(kinds(effects), ['forget', 'shouyin-failure', 'card', 'shouyin-channel-change', 'shouyin-fallback', 'pay']);
    assert.equal(emitted(effects, 'shouyin-fallback')[0]!.previousAttempt, ref.attempt);
    // The moved payment's own submit names the failed attempt, and the notice stays while it runs.
    const submit = reduce(moved, { type: 'pay', crypto: true }, context()).effects[0] as Extract<Effect, { type: 'submit' }>;
    assert.equal(submit.detail.previousAttempt, ref.attempt);
    const next = reduce(moved, { type: 'submitted', ref: submit.ref, previousAttempt: ref.attempt }, context()).state;
    assert.equal(next.notice?.kind, 'moved');
  });

  it('auto: a card target is selected but waits for the card; undo goes back', () => {
    const s = session('auto', { channels: [channel('alipay', 'alipay', { fallbacks: ['card'] }), channel('card', 'card')] });
    const { state, ref } = paying(s);
    const { state: moved, effects } = run([channelFault(s, ref)], state);
    assert.equal(moved.channelId, 'card');
    assert.equal(kinds(effects).includes('pay'), false);
    const back = run([{ type: 'undo-fallback' }], moved);
    assert.equal(back.state.channelId, 'alipay');
    assert.equal(back.state.notice, undefined);
    assert.deepEqual(emitted(back.effects, 'shouyin-channel-change'), [{ channel: 'alipay', previous: 'card', reason: 'user' }]);
  });

  it('auto: a chain never returns to a channel given up on', () => {
    const s = session('auto');
    let { state, ref } = paying(s);
    state = run([channelFault(s, ref)], state).state;
    ({ state, ref } = (() => {
      const submit = reduce(state, { type: 'pay', crypto: true }, context()).effects[0] as Extract<Effect, { type: 'submit' }>;
      return { state: reduce(state, { type: 'submitted', ref: submit.ref, previousAttempt: null }, context()).state, ref: submit.ref };
    })());
    const { state: end } = run([channelFault(s, ref)], state);
    assert.equal(end.channelId, 'card');
    assert.deepEqual(end.givenUp, ['wechat', 'alipay']);
  });

  it('prompt: an offer, and nothing moves until the payer accepts it', () => {
    const s = session('prompt');
    const { state, ref } = paying(s);
    const { state: offered, effects } = run([channelFault(s, ref)], state);
    assert.equal(offered.channelId, 'wechat');
    assert.deepEqual(offered.notice, { kind: 'offer', from: 'wechat', to: 'alipay', code: 'channel_unavailable', immediate: true });
    assert.deepEqual(kinds(effects), ['forget', 'shouyin-failure', 'card']);
    const accepted = run([{ type: 'accept-fallback' }], offered);
    assert.equal(accepted.state.channelId, 'alipay');
    assert.equal(accepted.state.notice, undefined);
    assert.deepEqual(kinds(accepted.effects), ['shouyin-channel-change', 'shouyin-fallback', 'pay']);
  });

  it('prompt: the payer choosing another channel themselves drops the offer', () => {
    const s = session('prompt');
    const { state, ref } = paying(s);
    const offered = run([channelFault(s, ref)], state).state;
    const chosen = run([{ type: 'select', channel: 'card' }], offered).state;
    assert.equal(chosen.notice, undefined);
    assert.deepEqual(chosen.flow, { phase: 'ready' }, 'the failure is cleared too');
    assert.equal(run([{ type: 'accept-fallback' }], chosen).effects.length, 0);
  });

  it('off: the payer sees the failure and chooses; nothing moves', () => {
    const s = session('off');
    const { state, ref } = paying(s);
    const { state: end, effects } = run([channelFault(s, ref)], state);
    assert.equal(end.channelId, 'wechat');
    assert.equal(end.notice, undefined);
    assert.deepEqual(end.flow, { phase: 'ready', failure: { code: 'channel_unavailable', retryable: true, attempt: ref.attempt, channel: 'wechat', repeats: false } });
    assert.deepEqual(kinds(effects), ['forget', 'shouyin-failure', 'card']);
  });

  it('a decline is the payer\'s account: nothing moves, even in auto', () => {
    const s = session('auto');
    const { state, ref } = paying(s);
    const { state: end } = run([failed(s, ref, 'declined')], state);
    assert.equal(end.channelId, 'wechat');
    assert.equal(end.notice, undefined);
  });
});

describe('checkout reducer: abandon, expiry, already paid', () => {
  it('abandon: the run stops, the attempt fails as canceled, and the fallback is offered', () => {
    const s = session('prompt');
    const { state, ref } = paying(s);
    const pending = run([{ type: 'pending', ...report(s, ref), paymentId: 'pay_1', action: undefined }], state).state;
    const { state: end, effects } = run([{ type: 'abandon' }], pending);
    assert.deepEqual(kinds(effects), ['stop', 'forget', 'shouyin-failure', 'card']);
    assert.deepEqual(emitted(effects, 'shouyin-failure')[0], {
      sessionId: 'cs_1', orderId: 'ord_1', amount: 12800, currency: 'CNY', channel: 'wechat', attempt: ref.attempt,
      paymentId: 'pay_1', code: 'canceled', retryable: false, message: messagesFor('zh-CN').failures.canceled,
    });
    assert.equal(end.notice?.kind, 'offer');
    assert.equal(end.lastAttempt, ref.attempt);
    // Found paid after all: success is what the backend says, even from ready.
    const paid = run([{ type: 'succeeded', ...report(s, ref), paymentId: 'pay_1', earlier: false }], end);
    assert.equal(paid.state.flow.phase, 'succeeded');
    assert.equal(paid.state.notice, undefined);
  });

  it('abandon is only for a pending attempt', () => {
    const { state } = paying(session());
    assert.equal(reduce(state, { type: 'abandon' }, context()).state, state);
  });

  it('expiry: said once, card data cleared; a late answer or a click changes nothing', () => {
    const s = session();
    const { state, ref } = paying(s);
    const { state: expired, effects } = run([{ type: 'expire' }, { type: 'expire' }], state);
    assert.deepEqual(expired.flow, { phase: 'expired' });
    assert.deepEqual(kinds(effects), ['shouyin-expire', 'card']);
    assert.equal(reduce(expired, failed(s, ref, 'server_error'), context()).state, expired);
    assert.equal(reduce(expired, { type: 'pay', crypto: true }, context()).state, expired);
    assert.equal(reduce(expired, { type: 'succeeded', ...report(s, ref), paymentId: 'p', earlier: false }, context()).state.flow.phase, 'expired');
  });

  it('a pay click after the order\'s time ran out expires the checkout instead of paying', () => {
    const ready = run([{ type: 'load' }, { type: 'loaded', session: session() }]).state;
    const { state, effects } = reduce(ready, { type: 'pay', crypto: true }, context(Date.parse('2026-12-01T08:16:00Z')));
    assert.equal(state.flow.phase, 'expired');
    assert.deepEqual(kinds(effects), ['shouyin-expire', 'card']);
  });

  it('already paid (the session says so): success, nothing offered, the kept try named and forgotten', () => {
    const open: ResumeRecord = { v: 1, orderId: 'ord_1', sessionId: 'cs_0', channel: 'wechat', attempt: 'att_kept0000', idempotencyKey: 'key_kept0000' };
    const { state, effects } = run([{ type: 'load' }, { type: 'loaded', session: session('auto', { paid: { paymentId: 'pay_0' } } as Partial<Session>), open }]);
    assert.deepEqual(state.flow, { phase: 'succeeded', attempt: { paymentId: 'pay_0' }, earlier: true });
    assert.deepEqual(kinds(effects), ['stop', 'forget', 'shouyin-success', 'card']);
    assert.deepEqual(emitted(effects, 'shouyin-success')[0], { sessionId: 'cs_1', orderId: 'ord_1', amount: 12800, currency: 'CNY', channel: 'wechat', attempt: 'att_kept0000', paymentId: 'pay_0', alreadyPaid: true });
  });

  it('already paid (409 order_already_paid to an attempt): success as the earlier payment, the channel not remembered; said once', () => {
    const s = session();
    const { state, ref } = paying(s);
    const { state: end, effects } = run([{ type: 'succeeded', ...report(s, ref), paymentId: 'pay_0', earlier: true }], state);
    assert.deepEqual(end.flow, { phase: 'succeeded', attempt: { ...ref, paymentId: 'pay_0' }, earlier: true });
    assert.deepEqual(kinds(effects), ['forget', 'shouyin-success', 'card']);
    assert.equal(emitted(effects, 'shouyin-success')[0]!.alreadyPaid, true);
    // The abandoned attempt found paid too: the host already heard it.
    assert.deepEqual(kinds(reduce(end, { type: 'succeeded', ...report(s, ref), paymentId: 'pay_0', earlier: false }, context()).effects), ['remember', 'forget']);
  });
});

describe('checkout reducer: resume after reload', () => {
  const open: ResumeRecord = { v: 1, orderId: 'ord_1', sessionId: 'cs_1', channel: 'alipay', attempt: 'att_kept0000', idempotencyKey: 'key_kept0000', paymentId: 'pay_7' };

  it('an open attempt (known payment id) resumes on its channel instead of offering to pay again', () => {
    const s = session();
    const { state, effects } = run([{ type: 'load' }, { type: 'loaded', session: s, open }]);
    assert.equal(state.channelId, 'alipay');
    assert.deepEqual(state.flow, { phase: 'paying', attempt: { attempt: 'att_kept0000', idempotencyKey: 'key_kept0000', channel: 'alipay' } });
    assert.deepEqual(kinds(effects), ['stop', 'shouyin-ready', 'shouyin-channel-change', 'run', 'timers']);
    const started = effects.find((e) => e.type === 'run');
    assert.deepEqual(started, { type: 'run', session: s, ref: { attempt: 'att_kept0000', idempotencyKey: 'key_kept0000', channel: 'alipay' }, previousAttempt: null, open });
    assert.equal(reduce(state, { type: 'pay', crypto: true }, context()).state, state, 'no second payment while it resumes');
  });

  it('an open attempt whose outcome is unknown stays kept: its failure is shown, the record is not dropped', () => {
    const s = session();
    const { state } = run([{ type: 'load' }, { type: 'loaded', session: s, open: { ...open, paymentId: undefined } as ResumeRecord }]);
    const ref = { attempt: 'att_kept0000', idempotencyKey: 'key_kept0000', channel: 'alipay' };
    const { state: end, effects } = run([failed(s, ref, 'network_error', { retryable: true, trigger: null, unknown: true })], state);
    assert.deepEqual(kinds(effects), ['shouyin-failure', 'card']);
    assert.equal(end.flow.phase, 'ready');
    assert.equal(end.lastAttempt, 'att_kept0000', 'the next attempt names it, so the backend cancels it or answers "already paid"');
  });

  it('a kept attempt on a channel the session no longer offers is forgotten, and the payment starts afresh', () => {
    const s = session('prompt', { channels: CHANNELS.filter((c) => c.id !== 'alipay') });
    const { state, effects } = run([{ type: 'load' }, { type: 'loaded', session: s, open }]);
    assert.equal(state.flow.phase, 'ready');
    assert.deepEqual(kinds(effects), ['stop', 'forget', 'shouyin-ready', 'shouyin-channel-change', 'timers']);
  });
});

describe('checkout reducer: saved cards', () => {
  const card = (id: string) => ({ id, brand: 'visa', last4: '4242', expMonth: 12, expYear: 2030 });

  it('a removed card leaves the session\'s list (a new session object; the one loaded is not changed), while paying too', () => {
    const s = session('prompt', { savedCards: [card('card_1'), card('card_2')] } as Partial<Session>);
    const { state } = paying(s);
    const { state: end, effects } = run([{ type: 'card-removed', cardId: 'card_1' }], state);
    assert.deepEqual(end.session!.savedCards.map((c) => c.id), ['card_2']);
    assert.equal(s.savedCards.length, 2);
    assert.equal(end.flow, state.flow, 'the payment goes on');
    assert.deepEqual(effects, []);
  });
});

describe('checkout reducer: maintenance windows', () => {
  it('a window opening on the selected channel moves the selection to the best one available', () => {
    const windowed = [channel('wechat', 'wechat', { maintenance: [{ from: '2026-12-01T08:05:00Z', to: '2026-12-01T09:00:00Z' }] }), ...CHANNELS.slice(1)];
    const s = session('off', { channels: windowed });
    const ready = run([{ type: 'load' }, { type: 'loaded', session: s }]).state;
    assert.equal(ready.channelId, 'wechat');
    const { state, effects } = reduce(ready, { type: 'boundary' }, context(Date.parse('2026-12-01T08:05:01Z')));
    assert.equal(state.channelId, 'alipay');
    assert.deepEqual(emitted(effects, 'shouyin-channel-change'), [{ channel: 'alipay', previous: 'wechat', reason: 'recommendation' }]);
  });
});

describe('checkout reducer: a failure that would repeat is not sent again as it is', () => {
  type Case = { name: string; code: string; retryable: boolean; channel?: string; then: CheckoutEvent[]; submits: boolean };
  const cases: Case[] = [
    { name: 'a decline: pay again sends nothing', code: 'declined', retryable: false, then: [], submits: false },
    { name: 'insufficient funds: pay again sends nothing', code: 'insufficient_funds', retryable: false, then: [], submits: false },
    { name: 'a limit: pay again sends nothing', code: 'limit_exceeded', retryable: false, then: [], submits: false },
    { name: 'a decline, then another card: pay sends', code: 'declined', retryable: false, then: [{ type: 'instrument' }], submits: true },
    { name: "a limit, then another card: the channel's limit still stands", code: 'limit_exceeded', retryable: false, then: [{ type: 'instrument' }], submits: false },
    { name: 'a decline, then another channel: pay sends', code: 'declined', retryable: false, then: [{ type: 'select', channel: 'alipay' }], submits: true },
    { name: 'a busy channel (retryable): pay again sends', code: 'channel_unavailable', retryable: true, then: [], submits: true },
    { name: 'a timeout: pay again sends (same intent, nothing paid twice)', code: 'timeout', retryable: true, then: [], submits: true },
    { name: 'a card found invalid: pay again sends (its CVV is typed again)', code: 'card_invalid', retryable: false, then: [], submits: true },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const s = session('off');
      const { state, ref } = paying(s);
      const failedState = run([failed(s, ref, c.code, { retryable: c.retryable })], state).state;
      assert.equal(failedState.flow.phase, 'ready');
      const { effects } = run([...c.then, { type: 'pay', crypto: true }], failedState);
      assert.equal(kinds(effects).includes('submit'), c.submits);
    });
  }

  it('another card keeps the decline said (the payer still reads why), and frees the button', () => {
    const s = session('off');
    const { state, ref } = paying(s);
    const declined = run([failed(s, ref, 'declined', { retryable: false })], state).state;
    const changed = run([{ type: 'instrument' }], declined).state;
    assert.deepEqual(changed.flow, { phase: 'ready', failure: { code: 'declined', retryable: false, attempt: ref.attempt, channel: 'wechat', repeats: false } });
    assert.equal(run([{ type: 'instrument' }], changed).state, changed, 'nothing more to free');
  });
});

describe('checkout reducer: a decline is told for its channel', () => {
  const cases = [
    { name: 'a wallet decline names the wallet, not a bank', pay: 'wechat', says: '微信支付拒绝了这笔支付，请更换支付方式。' },
    { name: "a card decline names the card's bank", pay: 'card', says: '支付被发卡行拒绝，请更换支付方式。' },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const s = session('off');
      const { state, ref } = paying(s, [{ type: 'select', channel: c.pay }]);
      const { effects } = run([failed(s, ref, 'declined')], state);
      assert.equal(emitted(effects, 'shouyin-failure')[0]!.message, c.says);
    });
  }
});
