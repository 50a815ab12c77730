/**
 * "保存此卡" and paying with the saved bound card (issue 17), against the reference backend: the
 * payer binds and saves a debit card in one session; their next session lists it by its bank and
 * type and pays with it by the SMS code the bank sends to the phone it has for the card.
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
const SAVED = '中国邮政储蓄银行 储蓄卡 尾号 0006';

afterEach(() => unmountAll());

async function typeInto(el: ShouyinCheckout, name: string, text: string): Promise<void> {
  getByRole(el, 'textbox', { name }).focus();
  for (const char of text) await sendKeys({ type: char });
  await el.updateComplete;
}

async function latestBinding(orderId: string): Promise<string> {
  const book = (await ledger(orderId)) as unknown as { bindings: { id: string }[] };
  return book.bindings.at(-1)!.id;
}

async function smsCode(orderId: string): Promise<string> {
  return ((await (await fetch(`/api/bindings/${await latestBinding(orderId)}/code`)).json()) as { code: string }).code;
}

/** The focused element inside the cashier, through its shadow roots. */
function focusedIn(el: ShouyinCheckout): Element | null {
  let active: Element | null = el.shadowRoot!.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

function bindingForm(el: ShouyinCheckout): HTMLElement {
  return el.shadowRoot!.querySelector('shouyin-card-binding')!;
}

async function chooseCard(el: ShouyinCheckout): Promise<void> {
  getByRole(el, 'radio', { name: '银行卡' }).click();
  await el.updateComplete;
}

/** One session of `payer`: binds the PSBC debit card, ticking 保存此卡, and pays. */
async function bindAndSave(payer: string): Promise<void> {
  const { el, log } = await mountCheckout({ sessionUrl: `/api/session?amount=12800&binding=1&payer=${payer}` });
  await chooseCard(el);
  await findByRole(el, 'group', { name: '银行卡快捷支付' });
  await typeInto(el, '卡号', DEBIT);
  await until(() => textOf(getByRole(bindingForm(el), 'status')).includes('中国邮政储蓄银行 储蓄卡'), 'the bank shown');
  await el.updateComplete;
  await typeInto(el, '持卡人姓名', '张三');
  await typeInto(el, '身份证号', ID);
  await typeInto(el, '银行预留手机号', MOBILE);
  (getByRole(el, 'checkbox', { name: /快捷支付服务协议/ }) as HTMLInputElement).click();
  const save = getByRole(el, 'checkbox', { name: '保存此卡' }) as HTMLInputElement;
  expect(save.checked, 'off until the payer ticks it').to.equal(false);
  expect(save.closest('label')!.getBoundingClientRect().height, 'a 44 px target').to.be.at.least(44);
  save.click();
  getByRole(el, 'button', { name: '获取验证码' }).click();
  await findByRole(el, 'textbox', { name: '短信验证码' });
  await typeInto(el, '短信验证码', await smsCode(el.readyDetail!.orderId));
  getByRole(el, 'button', { name: '确认支付 ¥128.00' }).click();
  await log.next('shouyin-success');
  unmountAll();
}

describe('saving a bound card and paying with it by SMS code', function () {
  this.timeout(60_000);

  it('offers 保存此卡 only where the host keeps the payer’s cards', async () => {
    const { el } = await mountCheckout({ sessionUrl: '/api/session?amount=12800&binding=1' });
    await chooseCard(el);
    await findByRole(el, 'group', { name: '银行卡快捷支付' });
    expect(queryAllByRole(el, 'checkbox', { name: '保存此卡' })).to.have.length(0);
  });

  it('the next session lists the saved card by bank and type and pays with it by the code sent to the bank’s phone', async () => {
    const payer = `p_bsave_${Math.random().toString(36).slice(2, 10)}`;
    await bindAndSave(payer);

    const { el, log } = await mountCheckout({ sessionUrl: `/api/session?amount=12800&binding=1&payer=${payer}` });
    await chooseCard(el);
    const card = (await findByRole(el, 'radio', { name: SAVED })) as HTMLInputElement;
    expect(card.checked, 'preselected').to.equal(true);
    expect(queryAllByRole(el, 'textbox', { name: /安全码/ }), 'a debit card is asked no CVV').to.have.length(0);
    await findByRole(el, 'group', { name: '短信验证' });
    getByRole(el, 'button', { name: '获取验证码' }).click();
    const code = await findByRole(el, 'textbox', { name: '短信验证码' });
    expect(code.getAttribute('autocomplete')).to.equal('one-time-code');
    expect(textOf(bindingForm(el).shadowRoot!.querySelector('#code-sent')!)).to.equal('验证码已发送至 138****0006');
    getByRole(el, 'button', { name: /^(60|59|58) 秒后重新获取$/ });

    const orderId = el.readyDetail!.orderId;
    const right = await smsCode(orderId);
    await typeInto(el, '短信验证码', right === '000000' ? '111111' : '000000');
    getByRole(el, 'button', { name: '确认支付 ¥128.00' }).click();
    await log.next('shouyin-failure');
    await until(() => queryAllByRole(el, 'alert').some((a) => textOf(a).includes('验证码错误，还可尝试 4 次')), 'the wrong code message');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelectorAll('[part~="message"]'), 'one message, the form’s').to.have.length(0);

    await typeInto(el, '短信验证码', right);
    getByRole(el, 'button', { name: '确认支付 ¥128.00' }).click();
    const success = await log.next('shouyin-success');
    const book = (await ledger(success.orderId)) as unknown as { attempts: { status: string; instrument: { type: string; cardId?: string } }[]; bindings: unknown[] };
    expect(book.attempts.map((a) => a.status)).to.deep.equal(['failed', 'succeeded']);
    expect(book.attempts[1]!.instrument.type).to.equal('binding');
    expect(book.attempts[1]!.instrument.cardId).to.be.a('string');
    expect(book.bindings).to.have.length(1);
    const seen = JSON.stringify(log.events) + JSON.stringify({ ...sessionStorage }) + JSON.stringify(book);
    for (const secret of [DEBIT, ID, MOBILE, right]) expect(seen).not.to.contain(secret);
  });

  it('the pay button names the code step a saved bound card still needs, and a press goes there', async () => {
    const payer = `p_bsave_${Math.random().toString(36).slice(2, 10)}`;
    await bindAndSave(payer);
    const { el, log } = await mountCheckout({ sessionUrl: `/api/session?amount=12800&binding=1&payer=${payer}` });
    await chooseCard(el);
    await findByRole(el, 'group', { name: '短信验证' });
    const pay = await findByRole(el, 'button', { name: '请获取验证码' });
    expect(queryAllByRole(el, 'button', { name: '确认支付 ¥128.00' })).to.have.length(0);
    pay.focus();
    pay.click();
    await until(() => focusedIn(el) === getByRole(el, 'button', { name: '获取验证码' }), 'focus on the get-code button');

    getByRole(el, 'button', { name: '获取验证码' }).click();
    const code = await findByRole(el, 'textbox', { name: '短信验证码' });
    await findByRole(el, 'button', { name: '请输入验证码' });
    const right = await smsCode(el.readyDetail!.orderId);
    await typeInto(el, '短信验证码', right.slice(0, 3));
    const again = getByRole(el, 'button', { name: '请输入验证码' });
    again.focus();
    again.click();
    await until(() => focusedIn(el) === code, 'focus on the code field');
    await typeInto(el, '短信验证码', right.slice(3));
    (await findByRole(el, 'button', { name: '确认支付 ¥128.00' })).click();
    await log.next('shouyin-success');
  });

  it('a reload between the code and the confirm comes back to the saved card’s code step: no second code, one payment', async () => {
    const payer = `p_bsave_${Math.random().toString(36).slice(2, 10)}`;
    await bindAndSave(payer);
    const first = await mountCheckout({ sessionUrl: `/api/session?amount=12800&binding=1&payer=${payer}` });
    await chooseCard(first.el);
    await findByRole(first.el, 'group', { name: '短信验证' });
    getByRole(first.el, 'button', { name: '获取验证码' }).click();
    await findByRole(first.el, 'textbox', { name: '短信验证码' });
    const orderId = first.el.readyDetail!.orderId;
    const code = await smsCode(orderId);
    unmountAll();
    const { el, log } = await mountCheckout({ sessionUrl: `/api/session?order=${encodeURIComponent(orderId)}` });
    await chooseCard(el);
    await findByRole(el, 'textbox', { name: '短信验证码' });
    await typeInto(el, '短信验证码', code);
    getByRole(el, 'button', { name: '确认支付 ¥128.00' }).click();
    await log.next('shouyin-success');
    const book = (await ledger(orderId)) as unknown as { attempts: { status: string }[]; bindings: { status: string }[] };
    expect(book.bindings.map((b) => b.status)).to.deep.equal(['bound']);
    expect(book.attempts.filter((a) => a.status === 'succeeded')).to.have.length(1);
  });

  it('the assistant says the SMS code is what a saved bound card still needs', async () => {
    const payer = `p_bsave_${Math.random().toString(36).slice(2, 10)}`;
    await bindAndSave(payer);
    const { el, log } = await mountCheckout({ sessionUrl: `/api/session?amount=12800&binding=1&payer=${payer}`, attributes: { 'hint-delay': '3000' } });
    await chooseCard(el);
    await findByRole(el, 'group', { name: '短信验证' });
    const hint = await log.first('shouyin-hint', 10_000);
    expect(hint.hint).to.equal('dwell');
    expect(hint.message).to.equal('还差短信验证码：请查看银行发到您手机的 6 位数字。');
  });
});
