import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { mountCheckout, unmountAll } from '../../support/mount.js';
import { findByRole, getByRole, queryAllByRole, textOf } from '../../support/roles.js';
import type { ShouyinCheckout } from '../../../src/checkout/checkout.js';
import { newSession } from '../../support/backend.js';
import { found } from '../../support/wait.js';

afterEach(unmountAll);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function typeInto(el: ShouyinCheckout, name: string, text: string): Promise<void> {
  getByRole(el, 'textbox', { name }).focus();
  for (const char of text) await sendKeys({ type: char });
  await el.updateComplete;
}

async function chooseCard(el: ShouyinCheckout): Promise<void> {
  getByRole(el, 'radio', { name: '银行卡' }).click();
  await el.updateComplete;
  // The card form is a lazy chunk, loaded with the channel.
  await findByRole(el, 'textbox', { name: '卡号' });
}

/** The hint element and its live region, once the assistant's chunk is here. */
function hintOf(el: ShouyinCheckout): { hint: HTMLElement; region: HTMLElement } | undefined {
  const hint = el.shadowRoot!.querySelector<HTMLElement>('shouyin-hint');
  const region = hint?.shadowRoot?.querySelector<HTMLElement>('[role=status]');
  return hint && region ? { hint, region } : undefined;
}

describe('the assistant', () => {
  it('dwell: a payer stuck on a half-typed card number is told, in a polite live region there before its text, what is missing', async () => {
    // Long enough that the assistant's chunk (loaded at half of it) is here well before the hint is
    // due, even with three browsers running side by side.
    const { el, log } = await mountCheckout({ sessionUrl: '/api/session?amount=12800', attributes: { 'hint-delay': '4000' } });
    await chooseCard(el);
    await typeInto(el, '卡号', '4242');
    // The live region is on the page, empty, before the hint is put in it.
    const { hint, region } = await found('the live region', () => hintOf(el));
    expect(textOf(region)).to.equal('');
    const detail = await log.first('shouyin-hint', 8000);
    expect(detail.hint).to.equal('dwell');
    expect(detail.message).to.equal('还差卡号：请输入银行卡正面的 16 到 19 位数字。');
    // Nothing of the card in what the host hears.
    expect(JSON.stringify(detail)).not.to.contain('4242');
    await found('the hint shown', () => textOf(region) === detail.message);
    expect(hint.getAttribute('part')).to.equal('hint');
    await expect(el).to.be.accessible();
  });

  it('is dismissed by keyboard with a button of at least 44 px, focus goes back to the field, and the hint never comes again', async () => {
    const { el, log } = await mountCheckout({ sessionUrl: '/api/session?amount=12800', attributes: { 'hint-delay': '400' } });
    await chooseCard(el);
    await typeInto(el, '卡号', '4242');
    const { hint, region } = await found('the live region', () => hintOf(el));
    await log.first('shouyin-hint', 4000);
    await found('the hint shown', () => textOf(region) !== '');
    const dismiss = getByRole(hint.shadowRoot!, 'button', { name: '知道了' });
    const box = dismiss.getBoundingClientRect();
    expect(box.width).to.be.at.least(44);
    expect(box.height).to.be.at.least(44);
    dismiss.focus();
    await sendKeys({ press: 'Enter' });
    await found('the hint gone', () => textOf(region) === '');
    expect(queryAllByRole(hint.shadowRoot!, 'button')).to.have.length(0);
    // Back where the payer was typing.
    await found('focus on the card number', () => (el.shadowRoot!.activeElement as HTMLElement | null)?.shadowRoot?.activeElement?.id === 'number');
    // Stuck again, longer than hint-delay: the same hint is not said twice in a session.
    await typeInto(el, '卡号', '4242');
    await sleep(1200);
    expect(log.of('shouyin-hint').map((h) => h.hint)).to.deep.equal(['dwell']);
    expect(textOf(region)).to.equal('');
  });

  it('repeated-error: the same field left wrong twice says how to fix it; Escape dismisses it', async () => {
    const { el, log } = await mountCheckout({ sessionUrl: '/api/session?amount=12800' });
    await chooseCard(el);
    await typeInto(el, '卡号', '4242424242424241');
    await typeInto(el, '有效期', '08');
    await typeInto(el, '卡号', '');
    await typeInto(el, '有效期', '');
    const detail = await log.first('shouyin-hint', 4000);
    expect(detail).to.deep.equal({ hint: 'repeated-error', message: '卡号好像不对：请对照卡片正面，逐组核对数字。' });
    const { hint, region } = await found('the live region', () => hintOf(el));
    await found('the hint shown', () => textOf(region) === detail.message);
    getByRole(hint.shadowRoot!, 'button', { name: '知道了' }).focus();
    await sendKeys({ press: 'Escape' });
    await found('the hint gone', () => textOf(region) === '');
  });

  it('back-and-forth: four channel switches recommend the ranked first channel', async () => {
    const { el, log } = await mountCheckout({ sessionUrl: '/api/session?amount=12800' });
    for (const name of ['支付宝', '银行卡', '云闪付', '支付宝']) {
      getByRole(el, 'radio', { name }).click();
      await el.updateComplete;
    }
    const detail = await log.first('shouyin-hint', 4000);
    expect(detail.hint).to.equal('back-and-forth');
    expect(detail.message).to.contain('推荐使用微信支付');
  });

  it('declined-again: two declines on the card suggest another channel', async () => {
    // Every attempt of this order is declined; the pay button holds a declined card, so the payer
    // tries a second card, as a payer would.
    const { el, log } = await mountCheckout({ sessionUrl: '/api/session?amount=12800&scenario=declined' });
    await chooseCard(el);
    await typeInto(el, '有效期', '0829');
    for (const number of ['4242424242424242', '5555555555554444']) {
      const field = getByRole(el, 'textbox', { name: '卡号' }) as HTMLInputElement;
      field.focus();
      while (field.value) await sendKeys({ press: 'Backspace' });
      await typeInto(el, '卡号', number);
      await typeInto(el, '安全码', '737');
      getByRole(el, 'button', { name: '确认支付 ¥128.00' }).click();
      expect((await log.next('shouyin-failure')).code).to.equal('declined');
      await el.updateComplete;
    }
    const detail = await found('declined-again', () => log.of('shouyin-hint').find((h) => h.hint === 'declined-again'));
    expect(detail).to.deep.equal({ hint: 'declined-again', message: '银行卡已两次未能支付，建议换一种支付方式。' });
    expect(JSON.stringify(log.of('shouyin-hint'))).not.to.match(/4242|4444|737/);
  });

  it('slow-network: a payment request over 5 s says to wait, and that nothing is paid twice', async () => {
    const { el, log } = await mountCheckout({ sessionUrl: `/api/session?scenario=${encodeURIComponent('slow@6500')}` });
    getByRole(el, 'button', { name: /确认支付/ }).click();
    const detail = await log.first('shouyin-hint', 6500);
    expect(detail).to.deep.equal({ hint: 'slow-network', message: '网络较慢，请稍等，不要重复点击。同一笔订单不会扣款两次。' });
    const { region } = await found('the live region', () => hintOf(el));
    await found('the hint shown', () => textOf(region) === detail.message);
    await log.next('shouyin-success', 8000);
  });

  it('slow-network goes once the request has failed: next to the network error only that error and its offer are said', async () => {
    const session = await newSession('amount=12800');
    // Nothing listens on port 9: every try fails at the network, as on a dead connection.
    const { el, log } = await mountCheckout({ session: { ...session, endpoints: { ...session.endpoints, intents: 'http://127.0.0.1:9/api/intents' } } });
    await findByRole(el, 'button', { name: /确认支付/ });
    getByRole(el, 'button', { name: /确认支付/ }).click();
    expect((await log.next('shouyin-failure', 15000)).code).to.equal('network_error');
    await findByRole(el, 'group', { name: /^网络异常.*改用/ });
    // Past the moment a request still on its way would be called slow.
    await sleep(6000);
    const hint = hintOf(el);
    expect(hint ? textOf(hint.region) : '', 'the hint once the request failed').to.equal('');
    expect(log.of('shouyin-hint').map((h) => h.hint)).not.to.include('slow-network');
  });

  it('says nothing, and loads nothing, with assistant="off"', async () => {
    const { el, log } = await mountCheckout({ sessionUrl: '/api/session?amount=12800', attributes: { 'hint-delay': '300', assistant: 'off' } });
    await chooseCard(el);
    await typeInto(el, '卡号', '4242');
    await sleep(900);
    expect(log.of('shouyin-hint')).to.deep.equal([]);
    expect(hintOf(el)).to.equal(undefined);
  });
});
