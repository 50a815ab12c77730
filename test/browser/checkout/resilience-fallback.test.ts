import { expect } from '@open-wc/testing';
import { ledger, newSession } from '../../support/backend.js';
import { mountCheckout, unmountAll } from '../../support/mount.js';
import { findByRole, getByRole, queryAllByRole, textOf } from '../../support/roles.js';
import type { ShouyinCheckout } from '../../../src/checkout/checkout.js';

/** Fallback by the session's `fallback.mode`: what the payer is offered, what moves, what the host hears. */
describe('<shouyin-checkout> falling back to another channel', () => {
  afterEach(unmountAll);

  const url = (scenario: string, mode: string) =>
    `/api/session?scenario=${encodeURIComponent(scenario)}&fallback=${mode}`;

  function checked(el: ShouyinCheckout): string | undefined {
    return (queryAllByRole(el, 'radio').find((r) => (r as HTMLInputElement).checked) as HTMLInputElement | undefined)?.value;
  }

  async function statusText(el: ShouyinCheckout, pattern: RegExp): Promise<string> {
    const deadline = performance.now() + 5000;
    for (;;) {
      const found = queryAllByRole(el, 'status').map(textOf).find((t) => pattern.test(t));
      if (found) return found;
      if (performance.now() > deadline) throw new Error(`no status matching ${pattern} (have: ${queryAllByRole(el, 'status').map(textOf).join(' | ')})`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  it('prompt: offers one other channel after limit_exceeded, and moves only when the payer accepts', async () => {
    const { el, log } = await mountCheckout({ sessionUrl: url('wechat:limit', 'prompt') });
    getByRole(el, 'button', { name: /确认支付/ }).click();
    const failure = await log.next('shouyin-failure');
    expect(failure).to.include({ channel: 'wechat', code: 'limit_exceeded' });
    await el.updateComplete;
    expect(textOf(getByRole(el, 'alert'))).to.contain('超出支付限额');
    expect(await statusText(el, /改用/)).to.equal('已超出微信支付的支付限额。改用支付宝支付 ¥128.00？');
    expect(log.of('shouyin-fallback')).to.have.length(0);
    expect(checked(el)).to.equal('wechat');
    await expect(el).to.be.accessible();

    getByRole(el, 'button', { name: '改用支付宝支付' }).click();
    const success = await log.next('shouyin-success');
    expect(log.of('shouyin-fallback')).to.deep.equal([
      { sessionId: failure.sessionId, orderId: failure.orderId, amount: 12800, currency: 'CNY', from: 'wechat', to: 'alipay', reason: 'limit_exceeded', previousAttempt: failure.attempt },
    ]);
    expect(log.of('shouyin-channel-change').at(-1)).to.deep.equal({ channel: 'alipay', previous: 'wechat', reason: 'fallback' });
    expect(log.of('shouyin-submit').at(-1)).to.include({ channel: 'alipay', previousAttempt: failure.attempt });
    const book = await ledger(success.orderId);
    expect(book.attempts.map((a) => [a.channel, a.status, a.previousAttempt])).to.deep.equal([
      ['wechat', 'failed', null],
      ['alipay', 'succeeded', failure.attempt],
    ]);
  });

  it('prompt: the English offer reads as the issue asks', async () => {
    const { el, log } = await mountCheckout({ sessionUrl: url('wechat:limit', 'prompt'), locale: 'en' });
    getByRole(el, 'button', { name: /^Pay/ }).click();
    await log.next('shouyin-failure');
    expect(await statusText(el, /instead/)).to.equal('This is over your WeChat Pay limit. Pay ¥128.00 with Alipay instead?');
    getByRole(el, 'button', { name: 'Pay with Alipay' });
  });

  it('auto: a 5xx after every retry moves to the next channel and pays at once; the payer is told', async () => {
    const { el, log } = await mountCheckout({ sessionUrl: url('wechat:flaky@1', 'auto') });
    getByRole(el, 'button', { name: /确认支付/ }).click();
    const success = await log.next('shouyin-success', 9000);
    const [failure] = log.of('shouyin-failure');
    expect(failure).to.include({ channel: 'wechat', code: 'server_error' });
    expect(log.of('shouyin-fallback')).to.have.length(1);
    expect(log.of('shouyin-fallback')[0]).to.include({ from: 'wechat', to: 'alipay', reason: 'server_error', previousAttempt: failure!.attempt });
    expect(success.channel).to.equal('alipay');
    const book = await ledger(success.orderId);
    // The 503s recorded no attempt; each of the four tries carried the one key of its attempt.
    expect(book.attempts.map((a) => [a.channel, a.status, a.previousAttempt])).to.deep.equal([['alipay', 'succeeded', failure!.attempt]]);
    const wechatTries = book.tries.filter((t) => t.attempt === failure!.attempt);
    expect(wechatTries).to.have.length(4);
    expect(new Set(wechatTries.map((t) => t.idempotencyKey)).size).to.equal(1);
  });

  it('prompt: a network fault on every try (the intents endpoint unreachable) offers another channel', async () => {
    const session = await newSession('fallback=prompt');
    // Nothing listens on port 9: every try fails at the network, as on a dead connection.
    const unreachable = { ...session, endpoints: { ...session.endpoints, intents: 'http://127.0.0.1:9/api/intents' } };
    const { el, log } = await mountCheckout({ session: unreachable });
    getByRole(el, 'button', { name: /确认支付/ }).click();
    const failure = await log.next('shouyin-failure', 9000);
    expect(failure).to.include({ code: 'network_error', retryable: true });
    expect(await statusText(el, /改用/)).to.equal('微信支付暂时无法使用。改用支付宝支付 ¥128.00？');
    expect((await ledger(session.order.id)).tries).to.have.length(0);
  });

  it('auto: tells the payer while the moved payment runs, and lets them go back when it fails', async () => {
    const { el, log } = await mountCheckout({ sessionUrl: url('wechat:limit,alipay:declined', 'auto') });
    getByRole(el, 'button', { name: /确认支付/ }).click();
    await log.first('shouyin-fallback');
    // The first failure is already in the log when the fallback is announced, and on a loaded
    // machine the moved payment's may be too by the time the fallback is seen.
    while (log.of('shouyin-failure').length < 2) await log.next('shouyin-failure');
    const second = log.of('shouyin-failure')[1]!;
    expect(second).to.include({ channel: 'alipay', code: 'declined' });
    await el.updateComplete;
    // A decline is the payer's account, not the channel: nothing moves further.
    expect(log.of('shouyin-fallback')).to.have.length(1);
    expect(checked(el)).to.equal('alipay');
    expect(textOf(getByRole(el, 'alert'))).to.contain('拒绝');
  });

  it('auto: a card target is selected but waits for the card; "back" returns to the channel left', async () => {
    const { el, log } = await mountCheckout({ sessionUrl: url('unionpay:limit', 'auto') });
    getByRole(el, 'radio', { name: '云闪付' }).click();
    await el.updateComplete;
    getByRole(el, 'button', { name: /确认支付/ }).click();
    const moved = await log.next('shouyin-fallback');
    expect(moved).to.include({ from: 'unionpay', to: 'card', reason: 'limit_exceeded' });
    await el.updateComplete;
    expect(checked(el)).to.equal('card');
    expect(await statusText(el, /已改用/)).to.equal('已超出云闪付的支付限额，已改用银行卡。请填写银行卡信息。');
    await findByRole(el, 'textbox', { name: '卡号' });
    expect(log.of('shouyin-submit')).to.have.length(1);
    await expect(el).to.be.accessible();

    getByRole(el, 'button', { name: '返回云闪付' }).click();
    await el.updateComplete;
    expect(checked(el)).to.equal('unionpay');
    expect(queryAllByRole(el, 'status').map(textOf).join()).not.to.contain('已改用');
    expect(log.of('shouyin-channel-change').at(-1)).to.include({ channel: 'unionpay', reason: 'user' });
  });

  it('auto: a chain of failures ends, never trying a channel twice', async () => {
    const { el, log } = await mountCheckout({ sessionUrl: url('limit', 'auto') });
    getByRole(el, 'button', { name: /确认支付/ }).click();
    const deadline = performance.now() + 8000;
    while (checked(el) !== 'card' && performance.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 200));
    expect(log.of('shouyin-fallback').map((f) => `${f.from}>${f.to}`)).to.deep.equal(['wechat>alipay', 'alipay>unionpay', 'unionpay>card']);
    expect(log.of('shouyin-submit').map((s) => s.channel)).to.deep.equal(['wechat', 'alipay', 'unionpay']);
  });

  it('off: the failure is shown and nothing moves; the payer can still choose another channel and pay', async () => {
    const { el, log } = await mountCheckout({ sessionUrl: url('wechat:limit', 'off') });
    getByRole(el, 'button', { name: /确认支付/ }).click();
    const failure = await log.next('shouyin-failure');
    await el.updateComplete;
    expect(textOf(getByRole(el, 'alert'))).to.contain('超出支付限额');
    expect(queryAllByRole(el, 'button', { name: /改用/ })).to.have.length(0);
    expect(checked(el)).to.equal('wechat');
    getByRole(el, 'radio', { name: '支付宝' }).click();
    await el.updateComplete;
    getByRole(el, 'button', { name: /确认支付/ }).click();
    const success = await log.next('shouyin-success');
    expect(log.of('shouyin-fallback')).to.have.length(0);
    expect(log.of('shouyin-submit').at(-1)).to.include({ channel: 'alipay', previousAttempt: failure.attempt });
    expect((await ledger(success.orderId)).attempts.map((a) => a.status)).to.deep.equal(['failed', 'succeeded']);
  });

  it('a channel down at load: the payment starts on its fallback and the payer and host are told (auto, prompt)', async () => {
    for (const mode of ['auto', 'prompt']) {
      const { el, log } = await mountCheckout({ sessionUrl: url('wechat:down', mode) });
      expect(checked(el)).to.equal('alipay');
      expect(log.of('shouyin-ready')[0]!.channel).to.equal('alipay');
      expect(log.of('shouyin-channel-change')).to.deep.equal([{ channel: 'alipay', previous: null, reason: 'fallback' }]);
      expect(log.of('shouyin-fallback')[0]).to.include({ from: 'wechat', to: 'alipay', reason: 'channel_unavailable', previousAttempt: null });
      expect(await statusText(el, /已为你选择/)).to.equal('微信支付暂时无法使用，已为你选择支付宝。');
      unmountAll();
    }
  });

  it('a channel down at load with fallback off: the preselection skips it, with no fallback event', async () => {
    const { el, log } = await mountCheckout({ sessionUrl: url('wechat:down', 'off') });
    expect(checked(el)).to.equal('alipay');
    expect(log.of('shouyin-channel-change')).to.deep.equal([{ channel: 'alipay', previous: null, reason: 'recommendation' }]);
    expect(log.of('shouyin-fallback')).to.have.length(0);
  });

  it('a pending payment the payer abandons: "use another channel" offers the fallback, and the old attempt is canceled', async () => {
    const { el, log } = await mountCheckout({ sessionUrl: url('wechat:pending-forever', 'prompt'), pollDelays: [50] });
    getByRole(el, 'button', { name: /确认支付/ }).click();
    const pending = await log.next('shouyin-pending');
    await el.updateComplete;
    getByRole(el, 'button', { name: '使用其他支付方式' }).click();
    const failure = await log.first('shouyin-failure');
    expect(failure).to.include({ code: 'canceled', attempt: pending.attempt, paymentId: pending.paymentId });
    expect(await statusText(el, /改用/)).to.equal('改用支付宝支付 ¥128.00？');
    getByRole(el, 'button', { name: '改用支付宝支付' }).click();
    const success = await log.next('shouyin-success');
    expect(log.of('shouyin-fallback')[0]).to.include({ from: 'wechat', to: 'alipay', reason: 'canceled', previousAttempt: pending.attempt });
    const book = await ledger(success.orderId);
    expect(book.attempts.map((a) => [a.channel, a.status])).to.deep.equal([['wechat', 'canceled'], ['alipay', 'succeeded']]);
  });

  it('an abandoned payment that went through meanwhile: the next attempt is told "already paid" and the cashier shows success', async () => {
    const { el, log } = await mountCheckout({ sessionUrl: url('wechat:pending@1', 'off'), pollDelays: [60_000] });
    getByRole(el, 'button', { name: /确认支付/ }).click();
    const pending = await log.next('shouyin-pending');
    await el.updateComplete;
    // The wallet app finishes the payment while the cashier waits (two checks settle pending@1).
    for (let i = 0; i < 2; i++) await fetch(`/api/intents/${pending.paymentId}`);
    getByRole(el, 'button', { name: '使用其他支付方式' }).click();
    await log.first('shouyin-failure');
    await el.updateComplete;
    getByRole(el, 'radio', { name: '支付宝' }).click();
    await el.updateComplete;
    getByRole(el, 'button', { name: /确认支付/ }).click();
    const success = await log.next('shouyin-success');
    expect(success.paymentId).to.equal(pending.paymentId);
    expect(success.alreadyPaid).to.equal(true);
    // The payer paid with WeChat Pay: the screen must not say Alipay took the money.
    const screen = textOf(await findByRole(el, 'status'));
    expect(screen).to.contain('支付成功').and.contain('该订单已支付，无需重复支付。');
    expect(screen).not.to.contain('支付宝');
    const book = await ledger(success.orderId);
    expect(book.attempts.map((a) => [a.channel, a.status])).to.deep.equal([['wechat', 'succeeded']]);
  });
});
