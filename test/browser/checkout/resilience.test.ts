import { expect } from '@open-wc/testing';
import { ledger } from '../../support/backend.js';
import { mountCheckout, unmountAll } from '../../support/mount.js';
import { findByRole, getByRole, textOf } from '../../support/roles.js';

/** Faults between the cashier and the backend: the order is paid once, or not at all, and the payer knows which. */
describe('<shouyin-checkout> on a bad network', () => {
  afterEach(unmountAll);

  async function payIn(scenario: string) {
    const { el, log } = await mountCheckout({ sessionUrl: `/api/session?scenario=${encodeURIComponent(scenario)}` });
    getByRole(el, 'button', { name: /确认支付/ }).click();
    return { el, log };
  }

  it('retries with the same key when the answer is lost after the payment went through: one payment, success shown', async () => {
    const { el, log } = await payIn('lost');
    const success = await log.next('shouyin-success');
    expect(textOf(await findByRole(el, 'status'))).to.contain('支付成功');
    const book = await ledger(success.orderId);
    expect(book.attempts).to.have.length(1);
    expect(book.attempts[0]!.status).to.equal('succeeded');
    expect(log.of('shouyin-submit')).to.have.length(1);
  });

  it('waits as long as a 429 asks, then pays once', async () => {
    const started = performance.now();
    const { log } = await payIn('429@1');
    const success = await log.next('shouyin-success');
    expect(performance.now() - started).to.be.at.least(900);
    expect((await ledger(success.orderId)).attempts).to.have.length(1);
  });

  it('pays through a flaky backend without paying twice', async () => {
    const { log } = await payIn('seed@7,flaky@0.5');
    const success = await log.next('shouyin-success');
    const book = await ledger(success.orderId);
    expect(book.attempts.filter((a) => a.status === 'succeeded')).to.have.length(1);
  });

  it('says a payment is pending, checks at once when the payer says they have paid, and pays once', async () => {
    const { el, log } = await payIn('pending@0');
    await log.next('shouyin-pending');
    await el.updateComplete;
    expect(textOf(getByRole(el, 'status'))).to.contain('正在确认支付结果');
    const clicked = performance.now();
    getByRole(el, 'button', { name: '我已完成支付' }).click();
    const success = await log.next('shouyin-success');
    // The next scheduled check is 2 s after the pending answer; this one did not wait for it.
    expect(performance.now() - clicked).to.be.below(1500);
    const book = await ledger(success.orderId);
    expect(book.attempts.map((a) => a.status)).to.deep.equal(['succeeded']);
  });

  it('slow: the answer comes late and the payment is made once', async () => {
    const started = performance.now();
    const { log } = await payIn('slow@700');
    const success = await log.next('shouyin-success');
    expect(performance.now() - started).to.be.at.least(650);
    expect((await ledger(success.orderId)).attempts.map((a) => a.status)).to.deep.equal(['succeeded']);
  });

  // Failures that are the payer's account: shown with their own words, nothing retried or moved, even in auto mode.
  for (const [scenario, code, words] of [
    ['declined', 'declined', '拒绝'],
    ['insufficient', 'insufficient_funds', '余额不足'],
  ] as const) {
    it(`${scenario}: fails with ${code}, said in the payer's words, and nothing moves`, async () => {
      const { el, log } = await mountCheckout({ sessionUrl: `/api/session?scenario=${scenario}&fallback=auto` });
      getByRole(el, 'button', { name: /确认支付/ }).click();
      const failure = await log.next('shouyin-failure');
      expect(failure).to.include({ code, retryable: false });
      expect(textOf(await findByRole(el, 'alert'))).to.contain(words);
      expect(log.of('shouyin-fallback')).to.have.length(0);
      const book = await ledger(failure.orderId);
      expect(book.attempts).to.have.length(1);
      expect(book.tries).to.have.length(1);
    });
  }

  it('pending-forever: the payer is told it is being confirmed, for as long as it lasts, and nothing is paid twice', async () => {
    const { el, log } = await mountCheckout({ sessionUrl: '/api/session?scenario=pending-forever', pollDelays: [40] });
    getByRole(el, 'button', { name: /确认支付/ }).click();
    const pending = await log.next('shouyin-pending');
    await new Promise((resolve) => setTimeout(resolve, 500));
    await el.updateComplete;
    expect(textOf(getByRole(el, 'status'))).to.contain('正在确认支付结果');
    expect(getByRole(el, 'button', { name: '正在支付…' }).getAttribute('aria-disabled')).to.equal('true');
    getByRole(el, 'button', { name: '我已完成支付' });
    getByRole(el, 'button', { name: '使用其他支付方式' });
    expect(log.of('shouyin-failure')).to.have.length(0);
    expect((await ledger(pending.orderId)).attempts.map((a) => a.status)).to.deep.equal(['pending']);
  });

  it('pending@n: settles after n checks on the cashier\'s own polling', async () => {
    const { el, log } = await mountCheckout({ sessionUrl: '/api/session?scenario=pending@3', pollDelays: [30] });
    getByRole(el, 'button', { name: /确认支付/ }).click();
    const success = await log.next('shouyin-success');
    expect((await ledger(success.orderId)).attempts.map((a) => a.status)).to.deep.equal(['succeeded']);
  });

  it('tells the payer when the backend stays unavailable, and charges nothing', async () => {
    const { el, log } = await payIn('flaky@1');
    const failure = await log.next('shouyin-failure', 9000);
    expect(failure).to.include({ code: 'server_error', retryable: true });
    expect(textOf(await findByRole(el, 'alert'))).to.contain('支付服务暂时不可用');
    expect((await ledger(failure.orderId)).attempts).to.have.length(0);
  });
});
