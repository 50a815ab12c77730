/**
 * Paying with a Chinese debit card by 快捷支付 binding (issue 17), against the reference
 * backend: the bank shown as the number is typed, the debit card's fields, the SMS code read
 * from the backend's demo-only route, and the payment; and where the ID, phone and code never go.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { ledger } from '../../support/backend.js';
import { mountCheckout, unmountAll } from '../../support/mount.js';
import { findByRole, getByRole, queryAllByRole, textOf } from '../../support/roles.js';
import type { ShouyinCheckout } from '../../../src/checkout/checkout.js';
import { until } from '../../support/wait.js';

const DEBIT = '6217990000000000006';
const ID = '110101199003074477';
const MOBILE = '13800138000';

afterEach(() => unmountAll());

async function typeInto(el: ShouyinCheckout, name: string, text: string): Promise<void> {
  getByRole(el, 'textbox', { name }).focus();
  for (const char of text) await sendKeys({ type: char });
  await el.updateComplete;
}

/** The code the simulated bank "sent" (the reference backend's demo-only route). */
async function smsCode(el: ShouyinCheckout): Promise<string> {
  const bindingId = await latestBindingId(el);
  return ((await (await fetch(`/api/bindings/${bindingId}/code`)).json()) as { code: string }).code;
}

async function latestBindingId(el: ShouyinCheckout): Promise<string> {
  const orderId = el.readyDetail!.orderId;
  const book = (await ledger(orderId)) as unknown as { bindings: { id: string }[] };
  return book.bindings.at(-1)!.id;
}

/** The binding form's own status line, where the bank shows (the checkout's live regions are statuses too). */
function bankLine(el: ShouyinCheckout): HTMLElement {
  return getByRole(el.shadowRoot!.querySelector('shouyin-card-binding')!, 'status');
}

async function startBinding(): Promise<{ el: ShouyinCheckout; log: Awaited<ReturnType<typeof mountCheckout>>['log'] }> {
  const { el, log } = await mountCheckout({ sessionUrl: '/api/session?amount=12800&binding=1' });
  getByRole(el, 'radio', { name: '银行卡' }).click();
  await el.updateComplete;
  await findByRole(el, 'group', { name: '银行卡快捷支付' });
  return { el, log };
}

async function fillDebit(el: ShouyinCheckout): Promise<void> {
  await typeInto(el, '卡号', DEBIT);
  const bank = bankLine(el);
  await until(() => textOf(bank).includes('中国邮政储蓄银行 储蓄卡'), 'the bank shown');
  await el.updateComplete;
  await typeInto(el, '持卡人姓名', '张三');
  await typeInto(el, '身份证号', ID);
  await typeInto(el, '银行预留手机号', MOBILE);
  (getByRole(el, 'checkbox', { name: /快捷支付服务协议/ }) as HTMLInputElement).click();
  await el.updateComplete;
}

describe('binding a Chinese debit card by SMS code', function () {
  // Typing some 60 characters key by key takes WebKit's WebDriver longer than the default 10 s.
  this.timeout(40_000);

  it('shows the bank, asks a debit card for no expiry or CVV, and pays with the code; nothing personal leaves in the clear', async () => {
    const { el, log } = await startBinding();
    await fillDebit(el);
    expect(queryAllByRole(el, 'textbox', { name: '有效期' })).to.have.length(0);
    expect(queryAllByRole(el, 'textbox', { name: '安全码' })).to.have.length(0);
    // Left, the ID number shows masked.
    getByRole(el, 'textbox', { name: '银行预留手机号' }).focus();
    expect((getByRole(el, 'textbox', { name: '身份证号' }) as HTMLInputElement).value).to.equal('110***********4477');

    getByRole(el, 'button', { name: '获取验证码' }).click();
    const code = await findByRole(el, 'textbox', { name: '短信验证码' });
    expect(code.getAttribute('autocomplete')).to.equal('one-time-code');
    expect(code.getAttribute('inputmode')).to.equal('numeric');
    getByRole(el, 'button', { name: /^\d+ 秒后重新获取$/ });
    expect(textOf(el.shadowRoot!.querySelector('shouyin-card-binding')!.shadowRoot!.querySelector('#code-sent')!)).to.equal('验证码已发送至 138****8000');

    await typeInto(el, '短信验证码', await smsCode(el));
    getByRole(el, 'button', { name: '确认支付 ¥128.00' }).click();
    const success = await log.next('shouyin-success');
    expect(success.channel).to.equal('card');

    const book = (await ledger(success.orderId)) as unknown as {
      attempts: { status: string; instrument: object; requestBody: string }[];
      bindings: { status: string; bank: string; last4: string }[];
      bindingRequests: string[];
    };
    expect(book.attempts.filter((a) => a.status === 'succeeded')).to.have.length(1);
    expect(book.bindings).to.have.length(1);
    expect(book.bindings[0]).to.include({ status: 'bound', bank: 'PSBC', last4: '0006' });
    // Only the issuer prefix went in the clear: 6 digits, never the number.
    expect(book.bindingRequests.some((body) => body.includes('"iin":"621799"'))).to.equal(true);
    const wire = [...book.bindingRequests, ...book.attempts.map((a) => a.requestBody)].join('\n');
    for (const [where, text] of [
      ['events', JSON.stringify(log.events)],
      ['request bodies', wire],
      ['storage', JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage })],
      ['URL', location.href],
    ] as const) {
      for (const secret of [ID, MOBILE, DEBIT, '张三', '4477']) expect(text, `${where}: ${secret}`).not.to.contain(secret);
    }
  });

  it('says a wrong code is wrong, with the tries left, and the right one then pays once', async () => {
    const { el, log } = await startBinding();
    await fillDebit(el);
    getByRole(el, 'button', { name: '获取验证码' }).click();
    await findByRole(el, 'textbox', { name: '短信验证码' });
    const right = await smsCode(el);
    await typeInto(el, '短信验证码', right === '000000' ? '111111' : '000000');
    getByRole(el, 'button', { name: '确认支付 ¥128.00' }).click();
    await log.next('shouyin-failure');
    await until(() => queryAllByRole(el, 'alert').some((a) => textOf(a).includes('验证码错误，还可尝试 4 次')), 'the wrong code message');
    // One clear message: the binding form's, not the checkout's generic failure under it too.
    await el.updateComplete;
    expect(el.shadowRoot!.querySelectorAll('[part~="message"]'), 'the generic failure message').to.have.length(0);
    // Focus is back on the emptied code field, for the right code.
    const field = getByRole(el, 'textbox', { name: '短信验证码' }) as HTMLInputElement;
    await until(() => el.shadowRoot!.querySelector('shouyin-card-binding')!.shadowRoot!.activeElement === field, 'focus on the code field');
    expect(field.value).to.equal('');
    await typeInto(el, '短信验证码', right);
    getByRole(el, 'button', { name: '确认支付 ¥128.00' }).click();
    const success = await log.next('shouyin-success');
    const book = await ledger(success.orderId);
    expect(book.attempts.map((a) => a.status)).to.deep.equal(['failed', 'succeeded']);
  });

  it('asks a credit card for its expiry and CVV too, and says when the bank is not known', async () => {
    const { el } = await startBinding();
    await typeInto(el, '卡号', '439225');
    const bank = bankLine(el);
    await until(() => textOf(bank) === '招商银行 信用卡', 'the credit card named');
    await el.updateComplete;
    getByRole(el, 'textbox', { name: '有效期' });
    getByRole(el, 'textbox', { name: '安全码' });
    const number = getByRole(el, 'textbox', { name: '卡号' }) as HTMLInputElement;
    number.select();
    await typeInto(el, '卡号', '99999912');
    await until(() => textOf(bank) === '未能识别发卡行，请核对卡号', 'the unknown bank said');
  });

  it('checks the ID number as it is typed: a wrong check character shows at once', async () => {
    const { el } = await startBinding();
    await typeInto(el, '身份证号', '110101199003074478');
    const id = getByRole(el, 'textbox', { name: '身份证号' });
    expect(id.getAttribute('aria-invalid')).to.equal('true');
    expect(textOf(el.shadowRoot!.querySelector('shouyin-card-binding')!.shadowRoot!.querySelector('#idNumber-error')!)).to.equal('身份证号有误，请核对最后一位');
    await sendKeys({ press: 'Backspace' });
    await sendKeys({ type: '7' });
    await el.updateComplete;
    expect(id.getAttribute('aria-invalid')).to.equal('false');
  });

  it('asks for what is missing before sending for a code, with focus on the first', async () => {
    const { el } = await startBinding();
    await typeInto(el, '卡号', DEBIT);
    getByRole(el, 'button', { name: '获取验证码' }).click();
    await el.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 50));
    const binding = el.shadowRoot!.querySelector('shouyin-card-binding')!;
    expect(binding.shadowRoot!.activeElement?.id).to.equal('name');
    expect(queryAllByRole(el, 'textbox', { name: '短信验证码' })).to.have.length(0);
  });

  it('a payer the host verified binds with two inputs: the card number and the code', async () => {
    const { el, log } = await mountCheckout({ sessionUrl: '/api/session?amount=12800&binding=1&knownPayer=1' });
    getByRole(el, 'radio', { name: '银行卡' }).click();
    await el.updateComplete;
    await findByRole(el, 'group', { name: '银行卡快捷支付' });
    await typeInto(el, '卡号', DEBIT);
    const bank = bankLine(el);
    await until(() => textOf(bank).includes('中国邮政储蓄银行 储蓄卡'), 'the bank shown');
    await el.updateComplete;
    const binding = el.shadowRoot!.querySelector('shouyin-card-binding')!;
    expect(textOf(binding.shadowRoot!.querySelector('[part="payer"]')!)).to.equal('持卡人 张*丰，身份证 1101**********4477');
    expect(queryAllByRole(el, 'textbox', { name: '身份证号' })).to.have.length(0);
    expect(queryAllByRole(el, 'textbox', { name: '银行预留手机号' })).to.have.length(0);
    (getByRole(el, 'checkbox', { name: /快捷支付服务协议/ }) as HTMLInputElement).click();
    getByRole(el, 'button', { name: '获取验证码' }).click();
    await findByRole(el, 'textbox', { name: '短信验证码' });
    expect(textOf(binding.shadowRoot!.querySelector('#code-sent')!)).to.equal('验证码已发送至 138****0006');
    await typeInto(el, '短信验证码', await smsCode(el));
    getByRole(el, 'button', { name: '确认支付 ¥128.00' }).click();
    const success = await log.next('shouyin-success');
    const book = await ledger(success.orderId);
    expect(book.attempts.filter((a) => a.status === 'succeeded')).to.have.length(1);
    expect(JSON.stringify(log.events)).not.to.contain('110101199003074477');
  });

  it('a reload between the code and the confirm comes back to the code step: no second code, one binding, one payment', async () => {
    const first = await startBinding();
    await fillDebit(first.el);
    getByRole(first.el, 'button', { name: '获取验证码' }).click();
    await findByRole(first.el, 'textbox', { name: '短信验证码' });
    const orderId = first.el.readyDetail!.orderId;
    const code = await smsCode(first.el);
    // The page goes away (as a reload does) and the host serves the same order again.
    unmountAll();
    expect(JSON.stringify({ ...sessionStorage })).not.to.contain(code);
    const { el, log } = await mountCheckout({ sessionUrl: `/api/session?order=${encodeURIComponent(orderId)}` });
    getByRole(el, 'radio', { name: '银行卡' }).click();
    await el.updateComplete;
    await findByRole(el, 'textbox', { name: '短信验证码' });
    await typeInto(el, '短信验证码', code);
    getByRole(el, 'button', { name: '确认支付 ¥128.00' }).click();
    await log.next('shouyin-success');
    const book = (await ledger(orderId)) as unknown as { attempts: { status: string }[]; bindings: { status: string }[]; bindingRequests: string[] };
    expect(book.bindings.map((b) => b.status)).to.deep.equal(['bound']);
    expect(book.attempts.filter((a) => a.status === 'succeeded')).to.have.length(1);
    expect(book.bindingRequests.filter((body) => body.includes('"agreed":true'))).to.have.length(1);
  });

  it('the assistant says the SMS code is what is missing while the code step waits', async () => {
    const { el, log } = await mountCheckout({ sessionUrl: '/api/session?amount=12800&binding=1', attributes: { 'hint-delay': '3000' } });
    getByRole(el, 'radio', { name: '银行卡' }).click();
    await el.updateComplete;
    await findByRole(el, 'group', { name: '银行卡快捷支付' });
    await fillDebit(el);
    getByRole(el, 'button', { name: '获取验证码' }).click();
    await findByRole(el, 'textbox', { name: '短信验证码' });
    const hint = await log.first('shouyin-hint', 10_000);
    expect(hint.hint).to.equal('dwell');
    expect(hint.message).to.equal('还差短信验证码：请查看银行发到您手机的 6 位数字。');
  });
});
