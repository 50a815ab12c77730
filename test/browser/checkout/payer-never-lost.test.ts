/**
 * What a payer notices after they act, on a 360×640 phone and on desktops: where focus goes
 * (by role and name), whether it is in view and clear of the sticky pay bar, whether the pay
 * button sends a failing payment again (the backend's ledger), and what a screen reader is told.
 */
import { expect } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { ShouyinCheckout } from '../../../src/checkout/checkout.js';
import { ledger } from '../../support/backend.js';
import { mountCheckout, unmountAll } from '../../support/mount.js';
import { accessibleName, findByRole, getByRole, queryAllByRole } from '../../support/roles.js';
import { until } from '../../support/wait.js';

/** The element that has focus, looking into shadow roots. */
function focused(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** The sticky pay bar's box, or null when it is not sticky (it then covers nothing). */
function stickyBar(el: ShouyinCheckout): DOMRect | null {
  const bar = el.shadowRoot!.querySelector('.actions');
  return bar && getComputedStyle(bar).position === 'sticky' ? bar.getBoundingClientRect() : null;
}

/** In the viewport, and not under the sticky bar. */
function expectInView(el: ShouyinCheckout, target: Element, what: string): void {
  const box = target.getBoundingClientRect();
  expect(box.top, `${what} top`).to.be.at.least(0);
  expect(box.bottom, `${what} bottom`).to.be.at.most(window.innerHeight);
  const bar = stickyBar(el);
  if (bar) expect(box.bottom, `${what} is above the sticky bar`).to.be.at.most(bar.top + 0.5);
}

async function typeInto(el: ShouyinCheckout, name: string, text: string): Promise<void> {
  getByRole(el, 'textbox', { name }).focus();
  for (const char of text) await sendKeys({ type: char });
  await el.updateComplete;
}

async function chooseCard(el: ShouyinCheckout): Promise<void> {
  getByRole(el, 'radio', { name: '银行卡' }).click();
  await el.updateComplete;
  await findByRole(el, 'group', { name: '银行卡信息' });
}

/**
 * Sets the viewport where the engine's driver can (Playwright: chromium, firefox); false where
 * it cannot (WebKitGTK through WebDriver), and the test then runs at the window's size, or skips
 * when the size is what it is about.
 */
async function viewport(width: number, height: number): Promise<boolean> {
  try {
    await setViewport({ width, height });
    return true;
  } catch {
    return false;
  }
}

/** A 360×640 phone where the driver can set it; the page is taller than the window either way. */
async function onPhone(): Promise<void> {
  await viewport(360, 640);
  window.scrollTo(0, 0);
}

describe('the payer is never lost', () => {
  afterEach(async () => {
    unmountAll();
    await viewport(800, 600);
  });

  it('after a wallet decline: focus and view on the message; pay again sends nothing and says what to change', async () => {
    await onPhone();
    const { el, log } = await mountCheckout({ sessionUrl: '/api/session?amount=12800&scenario=wechat:declined', env: 'wechat', lastUsed: 'wechat' });
    const alert = getByRole(el, 'alert');
    expect(alert.textContent!.trim()).to.equal('');
    getByRole(el, 'button', { name: '确认支付 ¥128.00' }).click();
    const failure = await log.next('shouyin-failure');
    expect(failure.code).to.equal('declined');
    await until(() => focused()?.getAttribute('role') === 'group', 'focus on the outcome');
    const outcome = focused()!;
    expect(accessibleName(outcome)).to.equal('微信支付拒绝了这笔支付，请更换支付方式。');
    expectInView(el, outcome, 'the decline');
    // The live region was there, empty, before it said it.
    expect(getByRole(el, 'alert')).to.equal(alert);
    expect(alert.textContent).to.contain('微信支付拒绝了这笔支付');

    const held = getByRole(el, 'button', { name: '请更换支付方式' });
    expect(held.getAttribute('aria-disabled')).to.equal('true');
    held.click();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await ledger(failure.orderId)).attempts).to.have.length(1);
    expect(log.of('shouyin-submit')).to.have.length(1);
    expect(focused()).to.equal(outcome, 'the press goes back to why');

    // Another channel frees the button.
    getByRole(el, 'radio', { name: '银行卡' }).click();
    await el.updateComplete;
    expect(getByRole(el, 'button', { name: '请填写卡号' }).getAttribute('aria-disabled')).to.equal('false');
  });

  it('after a limit: the offer is focused and in view above the bar', async () => {
    await onPhone();
    const { el, log } = await mountCheckout({ sessionUrl: '/api/session?amount=12800&scenario=wechat:limit', env: 'wechat', lastUsed: 'wechat' });
    getByRole(el, 'button', { name: '确认支付 ¥128.00' }).click();
    await log.next('shouyin-failure');
    const offer = await findByRole(el, 'button', { name: /^改用/ });
    await until(() => focused()?.getAttribute('role') === 'group', 'focus on the outcome');
    expect(accessibleName(focused()!)).to.contain('超出支付限额').and.contain('改用');
    expectInView(el, offer, 'the offer');
    expect(getByRole(el, 'button', { name: '请更换支付方式' }).getAttribute('aria-disabled')).to.equal('true');
  });

  it('after a card decline: the cleared CVV is no error, its hint stays, the button asks for another card', async () => {
    await onPhone();
    const { el, log } = await mountCheckout({ sessionUrl: '/api/session?amount=12800', lastUsed: 'card' });
    await chooseCard(el);
    await typeInto(el, '卡号', '4000000000000002');
    await typeInto(el, '有效期', '1230');
    await typeInto(el, '安全码', '123');
    getByRole(el, 'button', { name: '确认支付 ¥128.00' }).click();
    const failure = await log.next('shouyin-failure');
    await until(() => focused()?.getAttribute('role') === 'group', 'focus on the outcome');
    expectInView(el, focused()!, 'the decline');
    const cvv = getByRole(el, 'textbox', { name: '安全码' });
    expect(cvv.getAttribute('aria-invalid')).to.equal('false');
    expect(cvv.getRootNode() instanceof ShadowRoot && (cvv.getRootNode() as ShadowRoot).querySelector('#cvv-hint')?.textContent).to.contain('3 位数字');
    getByRole(el, 'button', { name: '请更换银行卡或支付方式' }).click();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await ledger(failure.orderId)).attempts).to.have.length(1);
    // Another card frees the button.
    const number = getByRole(el, 'textbox', { name: '卡号' });
    number.focus();
    for (let i = 0; i < 20; i++) await sendKeys({ press: 'Backspace' });
    await typeInto(el, '卡号', '4242424242424242');
    await typeInto(el, '安全码', '123');
    getByRole(el, 'button', { name: '确认支付 ¥128.00' });
  });

  it('a wrong card number: the button says the number is wrong', async () => {
    const { el } = await mountCheckout({ sessionUrl: '/api/session?amount=12800', lastUsed: 'card' });
    await chooseCard(el);
    await typeInto(el, '卡号', '4000000000000001');
    getByRole(el, 'button', { name: '卡号有误，请核对' });
  });

  it('after a card payment: focus on the result, said by a status region that was there before', async () => {
    await onPhone();
    const { el, log } = await mountCheckout({ sessionUrl: '/api/session?amount=12800', lastUsed: 'card' });
    await chooseCard(el);
    await typeInto(el, '卡号', '4242424242424242');
    await typeInto(el, '有效期', '1230');
    await typeInto(el, '安全码', '123');
    const status = getByRole(el, 'status');
    getByRole(el, 'button', { name: '确认支付 ¥128.00' }).click();
    await log.next('shouyin-success');
    await until(() => focused()?.tagName === 'H2', 'focus on the result');
    expect(accessibleName(focused()!)).to.equal('支付成功');
    expectInView(el, focused()!, 'the result');
    expect(getByRole(el, 'status')).to.equal(status);
    expect(status.textContent).to.contain('支付成功').and.contain('¥128.00');
  });

  for (const [width, height] of [[1366, 768], [1280, 900]] as const) {
    it(`a QR code at ${width}×${height}: in view, focused, not under the bar`, async function () {
      if (!(await viewport(width, height))) this.skip();
      const { el, log } = await mountCheckout({ sessionUrl: '/api/session?amount=12800&scenario=action', env: 'desktop', lastUsed: 'wechat' });
      // A host page with its own content above the cashier.
      el.parentElement!.style.paddingBlockStart = '500px';
      getByRole(el, 'button', { name: '确认支付 ¥128.00' }).click();
      await log.next('shouyin-pending');
      const code = await findByRole(el, 'img', { name: '微信支付二维码' });
      await until(() => focused()?.localName === 'shouyin-qr-code', 'focus on the QR code');
      await new Promise((resolve) => setTimeout(resolve, 100));
      expectInView(el, code, 'the QR code');
      expect(queryAllByRole(el, 'button', { name: '我已完成支付' })).to.have.length(1);
    });
  }

  it('with the soft keyboard open (360×340), the focused card field is not under the bar', async function () {
    if (!(await viewport(360, 640))) this.skip();
    const { el } = await mountCheckout({ sessionUrl: '/api/session?amount=12800', lastUsed: 'card' });
    await chooseCard(el);
    await viewport(360, 340);
    for (const name of ['卡号', '有效期', '安全码']) {
      const field = getByRole(el, 'textbox', { name });
      field.focus();
      await new Promise((resolve) => setTimeout(resolve, 50));
      // As a phone scrolls the focused field just above the keyboard when it opens.
      field.scrollIntoView({ block: 'end' });
      expectInView(el, field, name);
    }
  });

  it('a field the payer moves to under the sticky bar comes up above it', async () => {
    await onPhone();
    const { el } = await mountCheckout({ sessionUrl: '/api/session?amount=12800', lastUsed: 'card' });
    await chooseCard(el);
    const cvv = getByRole(el, 'textbox', { name: '安全码' });
    // The page scrolled so that the field sits at the window's bottom edge, under the bar.
    cvv.scrollIntoView({ block: 'end' });
    const bar = stickyBar(el)!;
    expect(cvv.getBoundingClientRect().bottom, 'the test starts with the field under the bar').to.be.greaterThan(bar.top);
    cvv.focus();
    expectInView(el, cvv, 'the CVV field');
  });

  for (const width of [320, 160]) {
    it(`reflows at ${width} CSS px: channel text at least 120 px wide (at 160), the card number whole (at 320)`, async function () {
      if (!(await viewport(width, 640))) this.skip();
      const { el } = await mountCheckout({ sessionUrl: '/api/session?amount=12800', lastUsed: 'card' });
      await chooseCard(el);
      expect(document.documentElement.scrollWidth).to.be.at.most(width);
      for (const radio of queryAllByRole(el, 'radio').filter((r) => r.getAttribute('name') === 'channel')) {
        const text = radio.parentElement!.querySelector('.text')!;
        expect(text.getBoundingClientRect().width, `${radio.getAttribute('value')} text column`).to.be.at.least(Math.min(120, width / 2));
      }
      if (width >= 320) {
        await typeInto(el, '卡号', '6205500000000000004');
        const number = getByRole(el, 'textbox', { name: '卡号' }) as HTMLInputElement;
        expect(number.scrollWidth, 'every digit shows').to.be.at.most(number.clientWidth);
      }
    });
  }

  it("carries the host's language on the host's words, in the English cashier", async () => {
    const { el } = await mountCheckout({ sessionUrl: '/api/session?amount=12800&description=%E5%B9%B4%E5%BA%A6%E4%BC%9A%E5%91%98', locale: 'en', lang: 'zh-CN' });
    const summary = el.shadowRoot!.querySelector('[part=summary]')!;
    const name = [...summary.querySelectorAll('[lang]')].map((node) => [node.textContent, node.getAttribute('lang')]);
    expect(name).to.deep.include(['年度会员', 'zh-CN']);
    expect(name.some(([text, lang]) => lang === 'zh-CN' && /商/.test(text ?? ''))).to.equal(true, 'the merchant name');
    expect(el.shadowRoot!.querySelector('[part=base]')!.getAttribute('lang')).to.equal('en');
    // A channel's promotion is the host's words too.
    const promo = [...el.shadowRoot!.querySelector('shouyin-channel-list')!.shadowRoot!.querySelectorAll('.promo')];
    expect(promo.map((node) => [node.textContent, node.getAttribute('lang')])).to.deep.equal([['云闪付新用户随机立减', 'zh-CN']]);
  });
});
