import { expect } from '@open-wc/testing';
import { ledger, newSession } from '../../support/backend.js';
import { mountCheckout, unmountAll } from '../../support/mount.js';
import { findByRole, getByRole, queryAllByRole, textOf } from '../../support/roles.js';

/** Errors that escape into the host page: the cashier must never cause one. */
const pageErrors: string[] = [];
const onError = (event: ErrorEvent): void => void pageErrors.push(String(event.message));
const onRejection = (event: PromiseRejectionEvent): void => void pageErrors.push(String(event.reason));

// Every test in this file, good input or bad, must leave the host page without an error.
beforeEach(() => {
  pageErrors.length = 0;
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
});
afterEach(() => {
  unmountAll();
  window.removeEventListener('error', onError);
  window.removeEventListener('unhandledrejection', onRejection);
  expect(pageErrors, 'errors thrown into the host page').to.deep.equal([]);
});

describe('<shouyin-checkout> paying with a wallet', () => {

  it('is accessible, and shows the merchant, the amount, the channels and the pay button', async () => {
    const { el, log } = await mountCheckout({ sessionUrl: '/api/session?amount=12800' });
    await expect(el).to.be.accessible();
    const ready = log.of('shouyin-ready')[0]!;
    expect(ready.amount).to.equal(12800);
    expect(ready.currency).to.equal('CNY');
    expect(ready.channels).to.deep.equal(['wechat', 'alipay', 'unionpay', 'ecny', 'card']);

    expect(textOf(el.shadowRoot!.querySelector('[part=summary]')!)).to.contain('收银示例商城').and.contain('¥128.00');
    const group = getByRole(el, 'group', { name: '选择支付方式' });
    const radios = queryAllByRole(group, 'radio');
    expect(radios.map((r) => (r as HTMLInputElement).value)).to.deep.equal(['wechat', 'alipay', 'unionpay', 'ecny', 'card']);
    for (const name of ['微信支付', '支付宝', '云闪付', '数字人民币', '银行卡']) getByRole(el, 'radio', { name });
    expect((getByRole(el, 'radio', { name: '微信支付' }) as HTMLInputElement).checked).to.equal(true);
    getByRole(el, 'button', { name: '确认支付 ¥128.00' });
    expect(log.of('shouyin-channel-change')).to.deep.equal([{ channel: 'wechat', previous: null, reason: 'recommendation' }]);
  });

  it('signs and posts the intent, shows success and fires shouyin-success; the ledger holds one paid attempt', async () => {
    const { el, log } = await mountCheckout({ sessionUrl: '/api/session?amount=12800' });
    getByRole(el, 'button', { name: '确认支付 ¥128.00' }).click();
    const success = await log.next('shouyin-success');
    const status = await findByRole(el, 'status');
    expect(textOf(status)).to.contain('支付成功').and.contain('¥128.00').and.contain('微信支付');
    const submit = log.of('shouyin-submit')[0]!;
    expect(submit.channel).to.equal('wechat');
    expect(success.attempt).to.equal(submit.attempt);
    expect(success.alreadyPaid).to.equal(false);
    const book = await ledger(success.orderId);
    expect(book.paid).to.equal(true);
    expect(book.attempts).to.have.length(1);
    expect(book.attempts[0]).to.include({ id: success.paymentId, attempt: submit.attempt, channel: 'wechat', status: 'succeeded' });
  });

  it('sends one attempt when pay is clicked twice', async () => {
    const { el, log } = await mountCheckout({ sessionUrl: '/api/session' });
    const pay = getByRole(el, 'button', { name: /确认支付/ });
    pay.click();
    pay.click();
    await Promise.resolve();
    pay.click();
    const success = await log.next('shouyin-success');
    expect(log.of('shouyin-submit')).to.have.length(1);
    expect((await ledger(success.orderId)).attempts).to.have.length(1);
  });

  it('pays with the channel the payer picks', async () => {
    const { el, log } = await mountCheckout({ sessionUrl: '/api/session' });
    getByRole(el, 'radio', { name: '支付宝' }).click();
    await el.updateComplete;
    expect(log.of('shouyin-channel-change').at(-1)).to.deep.equal({ channel: 'alipay', previous: 'wechat', reason: 'user' });
    getByRole(el, 'button', { name: /确认支付/ }).click();
    const success = await log.next('shouyin-success');
    expect(success.channel).to.equal('alipay');
    expect((await ledger(success.orderId)).attempts[0]!.channel).to.equal('alipay');
  });

  it('lets the host veto a payment with preventDefault on shouyin-submit; nothing is sent', async () => {
    const { el, log } = await mountCheckout({ sessionUrl: '/api/session' });
    const veto = (event: Event): void => event.preventDefault();
    el.addEventListener('shouyin-submit', veto);
    getByRole(el, 'button', { name: /确认支付/ }).click();
    await new Promise((resolve) => setTimeout(resolve, 200));
    el.removeEventListener('shouyin-submit', veto);
    expect(log.of('shouyin-submit')).to.have.length(1);
    expect((await ledger(log.of('shouyin-ready')[0]!.orderId)).attempts).to.have.length(0);
    // The cashier is still ready to pay.
    getByRole(el, 'button', { name: /确认支付/ }).click();
    await log.next('shouyin-success');
  });

  it('takes a session object set as a property', async () => {
    const session = await newSession('amount=990');
    const { el, log } = await mountCheckout({ session });
    getByRole(el, 'button', { name: '确认支付 ¥9.90' });
    expect(log.of('shouyin-ready')[0]!.orderId).to.equal(session.order.id);
  });

  it('replaces the session when the host sets a new one', async () => {
    const first = await newSession('amount=100');
    const second = await newSession('amount=200');
    const { el, log } = await mountCheckout({ session: first });
    el.session = second;
    await log.next('shouyin-ready');
    await el.updateComplete;
    getByRole(el, 'button', { name: '确认支付 ¥2.00' });
    getByRole(el, 'button', { name: /确认支付/ }).click();
    const success = await log.next('shouyin-success');
    expect(success.orderId).to.equal(second.order.id);
    expect((await ledger(first.order.id)).attempts).to.have.length(0);
  });
});

describe('<shouyin-checkout> with bad input', () => {
  afterEach(unmountAll);

  async function expectError(options: Parameters<typeof mountCheckout>[0], code: string, text: RegExp) {
    const { el, log } = await mountCheckout(options);
    const error = log.of('shouyin-error')[0];
    expect(error?.code).to.equal(code);
    const alert = await findByRole(el, 'alert');
    expect(textOf(alert)).to.match(text);
    expect(error?.message).to.equal(textOf(alert));
    expect(queryAllByRole(el, 'button', { name: /确认支付|Pay/ })).to.have.length(0);
    return { el, log };
  }

  it('says the order is invalid when the session is not JSON', async () => {
    await expectError({ sessionUrl: '/test/fixtures/not-json.txt' }, 'session_malformed', /订单信息有误/);
  });

  it('says the order is invalid when the session misses fields', async () => {
    const session = (await newSession()) as unknown as Record<string, unknown>;
    delete session.order;
    await expectError({ session }, 'session_malformed', /订单信息有误/);
  });

  it('says so when session-url cannot be reached, and offers to reload', async () => {
    const { el } = await expectError({ sessionUrl: 'http://127.0.0.1:9/api/session' }, 'session_unreachable', /网络连接失败/);
    getByRole(el, 'button', { name: '重新加载' });
  });

  it('says so when session-url answers with an HTTP error', async () => {
    const { log } = await expectError({ sessionUrl: '/api/session?amount=-1' }, 'session_http_error', /订单服务暂时不可用/);
    expect(log.of('shouyin-error')[0]!.status).to.equal(400);
  });

  it('says the order has expired when the session has', async () => {
    await expectError({ sessionUrl: '/api/session?scenario=expired' }, 'session_expired', /订单已超时/);
  });

  it('says what is missing when there is no session at all', async () => {
    await expectError({}, 'session_missing', /缺少订单信息/);
  });

  it('says the checkout is set up wrongly when session-url is not a usable URL', async () => {
    await expectError({ sessionUrl: 'http://[::1' }, 'attribute_invalid', /配置有误/);
    await expectError({ sessionUrl: 'javascript:alert(1)' }, 'attribute_invalid', /配置有误/);
  });

  it('speaks English with locale="en"', async () => {
    await expectError({ sessionUrl: '/test/fixtures/not-json.txt', locale: 'en' }, 'session_malformed', /order details are invalid/);
  });

  it('reports a response that is not the contract as response_malformed, and keeps the payer able to retry', async () => {
    const { el, log } = await mountCheckout({ sessionUrl: '/api/session?scenario=malformed-response' });
    getByRole(el, 'button', { name: /确认支付/ }).click();
    const failure = await log.next('shouyin-failure');
    expect(failure.code).to.equal('response_malformed');
    const alert = textOf(await findByRole(el, 'alert'));
    expect(alert).to.equal(failure.message);
    expect(alert).to.contain('支付服务返回异常');
    getByRole(el, 'button', { name: /确认支付/ });
    const book = await ledger(failure.orderId);
    expect(book.paid).to.equal(false);
  });

  it('reports a 401 as signature_rejected', async () => {
    const { el, log } = await mountCheckout({ sessionUrl: '/api/session?scenario=bad-key' });
    getByRole(el, 'button', { name: /确认支付/ }).click();
    const failure = await log.next('shouyin-failure');
    expect(failure).to.include({ code: 'signature_rejected', retryable: false });
    expect(textOf(await findByRole(el, 'alert'))).to.contain('校验失败');
    expect((await ledger(failure.orderId)).attempts).to.have.length(0);
  });

  it('reports a decline with its code and lets the payer choose another channel', async () => {
    const { el, log } = await mountCheckout({ sessionUrl: '/api/session?scenario=declined', locale: 'en' });
    getByRole(el, 'button', { name: 'Pay ¥128.00' }).click();
    const failure = await log.next('shouyin-failure');
    expect(failure).to.include({ code: 'declined', channel: 'wechat' });
    expect(textOf(await findByRole(el, 'alert'))).to.contain('declined');
    getByRole(el, 'radio', { name: 'Alipay' }).click();
    await el.updateComplete;
    // The alert region stays (a region there before its words is the one that is heard), silent.
    expect(queryAllByRole(el, 'alert').map(textOf).join('')).to.equal('');
  });
});

describe('<shouyin-checkout> language', () => {
  afterEach(unmountAll);

  it('follows the nearest lang: zh-HK reads Traditional Chinese', async () => {
    const { el } = await mountCheckout({ sessionUrl: '/api/session', lang: 'zh-HK' });
    getByRole(el, 'button', { name: '確認付款 ¥128.00' });
    getByRole(el, 'radio', { name: '支付寶' });
  });

  it('lets the host override a single string', async () => {
    const session = await newSession();
    const log = document.createElement('shouyin-checkout');
    log.strings = { pay: (amount: string) => `立即付款 ${amount}` };
    log.session = session;
    document.body.append(log);
    await log.updateComplete;
    getByRole(log, 'button', { name: '立即付款 ¥128.00' });
    log.remove();
  });
});
