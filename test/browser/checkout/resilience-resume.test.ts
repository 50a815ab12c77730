import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { mulberry32 } from '../../../demo/backend/random.js';
import { ledger, newSession } from '../../support/backend.js';
import { mountCheckout, unmountAll } from '../../support/mount.js';
import { findByRole, getByRole, queryAllByRole, textOf } from '../../support/roles.js';
import type { ShouyinCheckout } from '../../../src/checkout/checkout.js';
import { randomToken } from '../../../src/protocol/base64url.js';
import type { Session } from '../../../src/protocol/schemas.js';
import { signIntent } from '../../../src/server/sign-intent.js';

/**
 * A reload in the middle of a payment. The page going away is the cashier leaving it; the
 * reloaded page is a new cashier for the same order, which knows only what sessionStorage kept.
 */
describe('<shouyin-checkout> after a reload mid-payment', () => {
  beforeEach(() => sessionStorage.clear());
  afterEach(unmountAll);

  /** Mounts a fresh cashier for the order, as the reloaded page does (a copy: nothing is shared in memory). */
  const open = (session: Session, pollDelays?: number[]) =>
    mountCheckout({ session: JSON.parse(JSON.stringify(session)) as unknown, ...(pollDelays ? { pollDelays } : {}) });

  const kept = (orderId: string) => sessionStorage.getItem(`shouyin:attempt:${orderId}`);

  async function until(check: () => boolean, what: string, timeout = 5000): Promise<void> {
    const deadline = performance.now() + timeout;
    while (!check()) {
      if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** Another device pays the order: a signed wallet intent straight to the backend. */
  async function payElsewhere(session: Session, channel: string): Promise<void> {
    const intent = {
      v: 1 as const, sessionId: session.id, orderId: session.order.id, amount: session.order.amount, currency: session.order.currency,
      channel, instrument: { type: 'wallet' as const }, attempt: randomToken(12), env: 'desktop' as const, locale: 'zh-CN',
      nonce: randomToken(18), createdAt: new Date().toISOString(),
    };
    const signed = await signIntent(intent, { key: session.signing.key, kid: session.signing.kid, idempotencyKey: randomToken(18) });
    expect((await fetch('/api/intents', { method: 'POST', headers: signed.headers, body: signed.body })).status).to.equal(200);
  }

  it('pending: the reloaded cashier shows the attempt as pending, keeps checking, and pays once', async () => {
    const session = await newSession('scenario=pending@3');
    const first = await open(session, [60_000]);
    getByRole(first.el, 'button', { name: /确认支付/ }).click();
    const pending = await first.log.next('shouyin-pending');
    unmountAll();

    const { el, log } = await open(session, [50]);
    await until(() => log.of('shouyin-pending').length > 0 || log.of('shouyin-success').length > 0, 'the resumed attempt');
    await el.updateComplete;
    expect(log.of('shouyin-submit')).to.have.length(0);
    expect(log.of('shouyin-pending')[0]).to.include({ attempt: pending.attempt, paymentId: pending.paymentId });
    expect(queryAllByRole(el, 'status').map(textOf).join()).to.contain('正在确认支付结果');
    const success = await log.next('shouyin-success');
    expect(success).to.include({ attempt: pending.attempt, paymentId: pending.paymentId });
    const book = await ledger(session.order.id);
    expect(book.attempts.map((a) => a.status)).to.deep.equal(['succeeded']);
    expect(book.tries).to.have.length(1);
    expect(kept(session.order.id)).to.equal(null);
  });

  it('succeeded while the page was away: the reloaded cashier shows success, not the pay button', async () => {
    const session = await newSession('scenario=pending@1');
    const first = await open(session, [60_000]);
    getByRole(first.el, 'button', { name: /确认支付/ }).click();
    const pending = await first.log.next('shouyin-pending');
    unmountAll();
    // The payer finishes in the wallet app meanwhile.
    await fetch(`/api/intents/${pending.paymentId}`);

    const { el, log } = await open(session, [60_000]);
    const success = await log.first('shouyin-success');
    expect(success.paymentId).to.equal(pending.paymentId);
    expect(textOf(await findByRole(el, 'status'))).to.contain('支付成功');
    expect(log.of('shouyin-submit')).to.have.length(0);
    expect(kept(session.order.id)).to.equal(null);
  });

  it('ended while the page was away: the reloaded cashier is ready, with the reason, and the next attempt names it', async () => {
    const session = await newSession('scenario=wechat:pending-forever');
    const first = await open(session, [60_000]);
    getByRole(first.el, 'button', { name: /确认支付/ }).click();
    const pending = await first.log.next('shouyin-pending');
    unmountAll();
    // Another device pays the order on Alipay: the pending WeChat attempt is canceled by it.
    await payElsewhere(session, 'alipay');

    const { el, log } = await open(session, [60_000]);
    const failure = await log.first('shouyin-failure');
    expect(failure).to.include({ attempt: pending.attempt, code: 'canceled' });
    await el.updateComplete;
    expect(textOf(getByRole(el, 'alert'))).to.contain('支付已取消');
    // Paying again is safe: the order was paid elsewhere, and the backend says so.
    getByRole(el, 'button', { name: /确认支付/ }).click();
    await log.next('shouyin-success');
    expect(log.of('shouyin-submit')[0]!.previousAttempt).to.equal(pending.attempt);
    expect((await ledger(session.order.id)).attempts.filter((a) => a.status === 'succeeded')).to.have.length(1);
  });

  it('reloaded before any answer came: the wallet intent is resent under its own key, and paid once', async () => {
    const session = await newSession('scenario=slow@600');
    const first = await open(session);
    getByRole(first.el, 'button', { name: /确认支付/ }).click();
    const submit = await first.log.first('shouyin-submit');
    await until(() => kept(session.order.id) !== null, 'the attempt to be kept');
    unmountAll();

    const { el, log } = await open(session);
    await el.updateComplete;
    // While the backend is asked, the cashier does not offer to pay.
    expect(getByRole(el, 'button', { name: '正在支付…' }).getAttribute('aria-disabled')).to.equal('true');
    const success = await log.next('shouyin-success');
    expect(success.attempt).to.equal(submit.attempt);
    expect(log.of('shouyin-submit')).to.have.length(0);
    const book = await ledger(session.order.id);
    expect(book.attempts).to.have.length(1);
    // The first request may have left before the page went (two tries) or not (one): either way, one key.
    expect(book.tries.length).to.be.at.least(1);
    expect(new Set(book.tries.map((t) => `${t.attempt}/${t.idempotencyKey}`)).size).to.equal(1);
  });

  it('keeps no card data: a card attempt is kept as ids only, and not resent after a reload', async () => {
    const session = await newSession('scenario=slow@400');
    const first = await open(session);
    getByRole(first.el, 'radio', { name: '银行卡' }).click();
    await first.el.updateComplete;
    await findByRole(first.el, 'group', { name: '银行卡信息' });
    const type = async (el: ShouyinCheckout, name: string, text: string) => {
      getByRole(el, 'textbox', { name }).focus();
      for (const char of text) await sendKeys({ type: char });
      await el.updateComplete;
    };
    await type(first.el, '卡号', '4242424242424242');
    await type(first.el, '有效期', '1230');
    await type(first.el, '安全码', '737');
    getByRole(first.el, 'button', { name: /确认支付/ }).click();
    await until(() => kept(session.order.id) !== null, 'the attempt to be kept');
    const text = kept(session.order.id)!;
    // Ids and nothing else: no field for card data, and not the number (a CVV's three digits can
    // turn up by chance inside a random id, so the keys say that none is kept).
    expect(JSON.parse(text)).to.have.keys('v', 'orderId', 'sessionId', 'channel', 'attempt', 'idempotencyKey');
    expect(text).not.to.contain('4242424242424242');
    unmountAll();

    const { el, log } = await open(session);
    // Whether that attempt arrived is unknown; the payer is told, and the next attempt names it.
    const failure = await log.first('shouyin-failure');
    expect(failure).to.include({ channel: 'card', code: 'network_error' });
    await el.updateComplete;
    getByRole(el, 'alert');
    expect(log.of('shouyin-fallback')).to.have.length(0);
  });

  describe('an attempt whose outcome is unknown', () => {
    // Seeds of `flaky@0.75` where the intent's first try is taken (and its answer lost), the next
    // four are turned away (503), and the sixth is taken. The cashier's three retries meet 503s
    // (one more draw when the browser itself resends the POST on the dropped connection): the
    // attempt is recorded, the payer is told the request failed, and only the reload can find it.
    const RATE = 0.75;
    const seeds: number[] = [];
    for (let seed = 1; seeds.length < 3; seed++) {
      const draw = mulberry32(seed);
      const draws = Array.from({ length: 6 }, draw);
      if (draws[0]! >= RATE && draws.slice(1, 5).every((d) => d < RATE) && draws[5]! >= RATE) seeds.push(seed);
    }

    for (const seed of seeds) {
      it(`keeps the attempt for the reload, which resumes it instead of offering to pay (seed@${seed})`, async function () {
        this.timeout(20_000);
        const session = await newSession(`scenario=seed@${seed},flaky@${RATE},lost,pending@0`);
        const first = await open(session, [60_000]);
        getByRole(first.el, 'button', { name: /确认支付/ }).click();
        const failure = await first.log.next('shouyin-failure', 15_000);
        expect(failure).to.include({ code: 'server_error', retryable: true, paymentId: null });
        const [recorded] = (await ledger(session.order.id)).attempts;
        expect(recorded?.status, 'the first try was recorded').to.equal('pending');
        unmountAll();

        const { el, log } = await mountCheckout({ sessionUrl: `/api/session?order=${session.order.id}`, pollDelays: [50] });
        // The payer finishes in the wallet meanwhile: the ledger shows the order paid.
        await fetch(`/api/intents/${recorded!.id}`);
        expect((await ledger(session.order.id)).paid).to.equal(true);
        await el.updateComplete;
        const offered = queryAllByRole(el, 'button', { name: /确认支付/ }).filter((b) => b.getAttribute('aria-disabled') !== 'true');
        expect(offered, 'no pay button for an order the ledger shows paid').to.have.length(0);
        // The resumed status check (50 ms) may already have heard it while the ledger was read.
        const success = await log.first('shouyin-success');
        expect(success).to.include({ attempt: failure.attempt, paymentId: recorded!.id, alreadyPaid: false });
        expect(log.of('shouyin-submit')).to.have.length(0);
        const book = await ledger(session.order.id);
        expect(book.attempts.map((a) => a.status)).to.deep.equal(['succeeded']);
        expect(kept(session.order.id)).to.equal(null);
      });
    }
  });

  describe('an order the backend reports paid (the session\'s `paid`)', () => {
    it('shows "already paid" with the payment id from cleared storage: no pay button, one event, nothing sent', async () => {
      const session = await newSession();
      await payElsewhere(session, 'alipay');
      const [paid] = (await ledger(session.order.id)).attempts;

      const { el, log } = await mountCheckout({ sessionUrl: `/api/session?order=${session.order.id}` });
      const status = await findByRole(el, 'status');
      expect(textOf(status)).to.contain('该订单已支付，无需重复支付。').and.contain(`交易单号 ${paid!.id}`);
      getByRole(el, 'heading', { name: '支付成功' });
      expect(queryAllByRole(el, 'button')).to.have.length(0);
      expect(queryAllByRole(el, 'radio')).to.have.length(0);
      expect(log.types()).to.deep.equal(['shouyin-success']);
      expect(log.of('shouyin-success')[0]).to.deep.equal({
        sessionId: session.id, orderId: session.order.id, amount: session.order.amount, currency: session.order.currency,
        channel: null, attempt: null, paymentId: paid!.id, alreadyPaid: true,
      });
      // Nothing pays a paid order again, not even the host's `submit()`.
      el.submit();
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(log.types()).to.deep.equal(['shouyin-success']);
      expect((await ledger(session.order.id)).attempts).to.have.length(1);
    });

    it('wins over what this tab kept: the open attempt is named in the event, and forgotten', async () => {
      const session = await newSession('scenario=wechat:pending-forever');
      const first = await open(session, [60_000]);
      getByRole(first.el, 'button', { name: /确认支付/ }).click();
      const pending = await first.log.next('shouyin-pending');
      unmountAll();
      await payElsewhere(session, 'alipay');
      expect(kept(session.order.id)).not.to.equal(null);

      const { el, log } = await mountCheckout({ sessionUrl: `/api/session?order=${session.order.id}` });
      expect(textOf(await findByRole(el, 'status'))).to.contain('该订单已支付，无需重复支付。');
      expect(queryAllByRole(el, 'button')).to.have.length(0);
      const book = await ledger(session.order.id);
      const paid = book.attempts.find((a) => a.status === 'succeeded')!;
      expect(log.of('shouyin-success')).to.deep.equal([{
        sessionId: session.id, orderId: session.order.id, amount: session.order.amount, currency: session.order.currency,
        channel: 'wechat', attempt: pending.attempt, paymentId: paid.id, alreadyPaid: true,
      }]);
      expect(kept(session.order.id)).to.equal(null);
      expect(book.tries).to.have.length(2);
    });
  });
});
