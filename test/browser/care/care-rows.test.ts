/**
 * Care mode at 360×640: channel rows of at most two short lines, their limits, fees and arrival
 * time one tap away (a disclosure per row, by keyboard and screen reader), and the step the
 * payer is on, said one at a time in a polite live region and read by "朗读".
 */
import { expect } from '@open-wc/testing';
import { emulateMedia, sendKeys, setViewport } from '@web/test-runner-commands';
import { contrast } from '../../support/contrast.js';
import { mountCheckout, unmountAll } from '../../support/mount.js';
import { accessibleDescription, getByRole, queryAllByRole, textOf } from '../../support/roles.js';
import type { ShouyinCheckout } from '../../../src/checkout/checkout.js';
import { found } from '../../support/wait.js';

const CARE_KEY = 'shouyin.care';

/**
 * Sets the viewport where the engine's driver can (Playwright: chromium, firefox); false where it
 * cannot (WebKitGTK through WebDriver): the tests then run at the window's size, and the one about
 * the rows' lines at 360 px skips.
 */
async function viewport(width: number, height: number): Promise<boolean> {
  try {
    await setViewport({ width, height });
    return true;
  } catch {
    return false;
  }
}

let phone = false;
before(async () => {
  phone = await viewport(360, 640);
});
after(() => viewport(800, 600));
afterEach(() => {
  unmountAll();
  localStorage.removeItem(CARE_KEY);
});

/** The element that has focus, looking into shadow roots. */
function focused(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

function list(el: ShouyinCheckout): ShadowRoot {
  return el.shadowRoot!.querySelector('shouyin-channel-list')!.shadowRoot!;
}

/** Each row's name and how many lines of text it shows (its text column's height in lines of its name). */
function rowLines(el: ShouyinCheckout): { name: string; lines: number; height: number }[] {
  return [...list(el).querySelectorAll<HTMLElement>('[part=channel]')].map((row) => {
    const name = row.querySelector<HTMLElement>('[part=channel-name]')!;
    const text = row.querySelector<HTMLElement>('.text')!;
    const lineHeight = parseFloat(getComputedStyle(name).lineHeight);
    return { name: textOf(name), lines: Math.round(text.getBoundingClientRect().height / lineHeight), height: row.getBoundingClientRect().height };
  });
}

/** Every element in the cashier's composed tree (its shadow roots and theirs). */
function composed(root: ParentNode): Element[] {
  return [...root.querySelectorAll('*')].flatMap((e) => [e, ...(e.shadowRoot ? composed(e.shadowRoot) : [])]);
}

function visible(e: Element): boolean {
  const box = e.getBoundingClientRect();
  return box.width > 1 && box.height > 1 && getComputedStyle(e).visibility !== 'hidden';
}

/** The color behind an element: the first opaque background up its composed ancestors. */
function backgroundOf(el: Element): string {
  for (let e: Element | null = el; e; e = e.parentElement ?? ((e.getRootNode() as ShadowRoot).host ?? null)) {
    const bg = getComputedStyle(e).backgroundColor;
    if (!/rgba\(.*,\s*0\)$/.test(bg) && bg !== 'transparent') return bg;
  }
  return 'rgb(255, 255, 255)';
}

/**
 * What care mode promises, measured on what is shown: the smallest text, the amount, the
 * smallest target (buttons, fields, channel rows) and the lowest text contrast; and axe.
 */
async function measure(el: ShouyinCheckout, state: string): Promise<{ text: number; amount: number; target: number; contrast: number }> {
  const all = composed(el.shadowRoot!).filter(visible);
  const holders = all.filter((e) => [...e.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== ''));
  const targets = all.filter((e) => e.matches('button, input:not([type=radio]):not([type=checkbox])') || (e.matches('label') && e.querySelector('input[type=radio]')));
  const amount = el.shadowRoot!.querySelector('[part=amount]');
  const figures = {
    text: Math.min(...holders.map((e) => parseFloat(getComputedStyle(e).fontSize))),
    amount: amount ? parseFloat(getComputedStyle(amount).fontSize) : NaN,
    target: Math.min(...targets.map((e) => e.getBoundingClientRect().height)),
    contrast: Math.min(...holders.map((e) => contrast(getComputedStyle(e).color, backgroundOf(e)))),
  };
  console.log(`care mode ${state}: text ≥ ${figures.text}px, ${amount ? `amount ${figures.amount}px, ` : ''}targets ≥ ${figures.target.toFixed(1)}px, contrast ≥ ${figures.contrast.toFixed(2)}:1 (${holders.length} texts, ${targets.length} targets)`);
  expect(figures.text, `${state}: text`).to.be.at.least(20);
  expect(figures.target, `${state}: targets`).to.be.at.least(56);
  expect(figures.contrast, `${state}: contrast`).to.be.at.least(7);
  await expect(el).to.be.accessible();
  return figures;
}

async function showOthers(el: ShouyinCheckout): Promise<void> {
  const others = await found('其他支付方式', () => queryAllByRole(el, 'button', { name: /^其他支付方式/ })[0]);
  others.click();
  await el.updateComplete;
}

describe('care mode rows at 360×640', () => {
  it('are at most two lines each, inside WeChat (blocked wallets) and out', async function () {
    if (!phone) this.skip();
    for (const env of ['wechat', 'mobile']) {
      const { el } = await mountCheckout({ sessionUrl: '/api/session?amount=12800', env, attributes: { care: '' } });
      await showOthers(el);
      // Care mode's words are here (its chunk): the rows are as care mode shows them.
      await found('care mode’s words', () => list(el).textContent!.includes('下一个工作日到账'));
      const rows = rowLines(el);
      expect(rows.map((r) => r.name)).to.deep.equal(['微信支付', '支付宝', '云闪付', '数字人民币', '银行卡']);
      const long = rows.filter((r) => r.lines > 2).map((r) => `${r.name}: ${r.lines} lines`);
      expect(long, `${env}: rows over two lines`).to.deep.equal([]);
      // The card row says its name alone: its limits are behind its button.
      expect(rows.find((r) => r.name === '银行卡')!.lines).to.equal(1);
      await expect(el).to.be.accessible();
      unmountAll();
    }
  });

  it('keep the limits, fees and arrival time one tap away: a disclosure per row, by keyboard, and in the radio’s description', async () => {
    const { el } = await mountCheckout({ sessionUrl: '/api/session?amount=12800', attributes: { care: '' } });
    await showOthers(el);
    const radio = getByRole(el, 'radio', { name: '银行卡' });
    // A screen reader hears them with the option, shown or not.
    expect(accessibleDescription(radio)).to.contain('每次最多付 ¥50,000.00').and.contain('下一个工作日到账').and.contain('手续费 0.6%');
    const more = await found('the card row’s details button', () => queryAllByRole(el, 'button', { name: '详情 银行卡' })[0]);
    expect(more.getBoundingClientRect().height).to.be.at.least(56);
    expect(more.getBoundingClientRect().width).to.be.at.least(56);
    expect(more.getAttribute('aria-expanded')).to.equal('false');
    const details = list(el).getElementById(more.getAttribute('aria-controls')!)!;
    expect(details.getBoundingClientRect().height, 'hidden while closed').to.equal(0);
    // By keyboard: from the selected channel, Tab reaches the row's button.
    getByRole(el, 'radio', { name: '微信支付' }).focus();
    for (let i = 0; i < 12 && focused() !== more; i++) await sendKeys({ press: 'Tab' });
    expect(focused()).to.equal(more);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(more.getAttribute('aria-expanded')).to.equal('true');
    expect(details.getBoundingClientRect().height).to.be.greaterThan(0);
    expect(textOf(details)).to.contain('每次最多付 ¥50,000.00').and.contain('下一个工作日到账').and.contain('手续费 0.6%');
    // Opening the details chose nothing.
    expect((radio as HTMLInputElement).checked).to.equal(false);
    expect(focused()).to.equal(more);
    await expect(el).to.be.accessible();
    await sendKeys({ press: ' ' });
    await el.updateComplete;
    expect(more.getAttribute('aria-expanded')).to.equal('false');
    expect(details.getBoundingClientRect().height).to.equal(0);
  });
});

describe('care mode steps, one at a time', () => {
  it('says the step the payer is on in a polite live region there before its words, and "朗读" reads it', async () => {
    const { el } = await mountCheckout({ sessionUrl: '/api/session?amount=12800', attributes: { care: '' } });
    const region = await found('the step region', () => el.shadowRoot!.querySelector<HTMLElement>('[part=care-step]'));
    expect(region.getAttribute('role')).to.equal('status');
    expect(textOf(region), 'empty when it comes').to.equal('');
    await found('the wallet step', () => textOf(region) === '第 2 步（共 3 步）：核对金额，点“确认支付”');
    await showOthers(el);
    getByRole(el, 'radio', { name: '银行卡' }).click();
    await found('the card number step', () => textOf(region) === '第 2 步（共 5 步）：输入银行卡号');
    // The same region all along: said, not inserted.
    expect(el.shadowRoot!.querySelector('[part=care-step]')).to.equal(region);
    const number = await found('the card number', () => queryAllByRole(el, 'textbox', { name: '卡号' })[0]);
    number.focus();
    await sendKeys({ type: '4242424242424242' });
    await found('the expiry step', () => textOf(region) === '第 3 步（共 5 步）：输入有效期（月/年）');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: '0829' });
    await found('the CVV step', () => textOf(region) === '第 4 步（共 5 步）：输入卡背面的 3 位安全码');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: '737' });
    await found('the pay step', () => textOf(region) === '第 5 步（共 5 步）：核对金额，点“确认支付”');
    if ('speechSynthesis' in window) {
      // What is read is what the payer sees: the real speechSynthesis speaks, and each utterance is noted on its way.
      const said: string[] = [];
      const speak = speechSynthesis.speak.bind(speechSynthesis);
      speechSynthesis.speak = (utterance) => {
        said.push(utterance.text);
        speak(utterance);
      };
      try {
        getByRole(el, 'button', { name: '朗读' }).click();
        expect(said).to.deep.equal(['付款给收银示例商城，金额 ¥128.00。第 5 步（共 5 步）：核对金额，点“确认支付”']);
      } finally {
        speechSynthesis.speak = speak;
        speechSynthesis.cancel();
      }
    }
    await expect(el).to.be.accessible();
  });

  it('walks a 快捷支付 binding: the card number, the holder’s details up to "获取验证码", the SMS code, then pay', async function () {
    // Typing key by key takes WebKit's WebDriver longer than the default 10 s.
    this.timeout(40_000);
    const { el } = await mountCheckout({ sessionUrl: '/api/session?amount=12800&binding=1', attributes: { care: '' } });
    await showOthers(el);
    getByRole(el, 'radio', { name: '银行卡' }).click();
    const region = el.shadowRoot!.querySelector<HTMLElement>('[part=care-step]')!;
    await found('the card number step', () => textOf(region) === '第 2 步（共 5 步）：输入银行卡号');
    // Key by key: WebKit's driver typing a whole string into a masked field drops keys.
    const type = async (name: string, text: string): Promise<void> => {
      (await found(name, () => queryAllByRole(el, 'textbox', { name })[0])).focus();
      for (const char of text) await sendKeys({ type: char });
    };
    await type('卡号', '6217990000000000006');
    await found('the details step', () => textOf(region) === '第 3 步（共 5 步）：填写持卡人信息，勾选协议，点“获取验证码”');
    await type('持卡人姓名', '张三');
    await type('身份证号', '110101199003074477');
    await type('银行预留手机号', '13800138000');
    getByRole(el, 'checkbox', { name: /快捷支付服务协议/ }).click();
    // Everything filled, the code not asked for yet: still the details step.
    await el.updateComplete;
    expect(textOf(region)).to.equal('第 3 步（共 5 步）：填写持卡人信息，勾选协议，点“获取验证码”');
    getByRole(el, 'button', { name: '获取验证码' }).click();
    await found('the code step', () => textOf(region) === '第 4 步（共 5 步）：输入收到的 6 位短信验证码');
    await type('短信验证码', '123456');
    await found('the pay step', () => textOf(region) === '第 5 步（共 5 步）：核对金额，点“确认支付”');
  });
});

describe('care mode sizes, contrast and axe at 360×640', () => {
  for (const scheme of ['light', 'dark']) {
    it(`${scheme}: the list with a row's details open, the card step, the result`, async () => {
      const { el, log } = await mountCheckout({ sessionUrl: '/api/session?amount=12800', colorScheme: scheme, attributes: { care: '' } });
      await showOthers(el);
      const more = await found('the card row’s details button', () => queryAllByRole(el, 'button', { name: '详情 银行卡' })[0]);
      more.click();
      await el.updateComplete;
      await found('the step', () => textOf(el.shadowRoot!.querySelector('[part=care-step]')!) !== '');
      expect((await measure(el, `${scheme}, details open`)).amount).to.equal(40);
      getByRole(el, 'radio', { name: '银行卡' }).click();
      const number = await found('the card number', () => queryAllByRole(el, 'textbox', { name: '卡号' })[0]);
      number.focus();
      await sendKeys({ type: '4242424242424242' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ type: '0829' });
      await found('the CVV step', () => textOf(el.shadowRoot!.querySelector('[part=care-step]')!).includes('安全码'));
      await measure(el, `${scheme}, card step`);
      await sendKeys({ press: 'Tab' });
      await sendKeys({ type: '737' });
      getByRole(el, 'button', { name: '确认支付 ¥128.00' }).click();
      await log.first('shouyin-success', 8000);
      await el.updateComplete;
      await measure(el, `${scheme}, result`);
    });
  }

  it('forced colors: the rows’ details buttons and the step are drawn in system colors, the open details shown', async function () {
    const { el } = await mountCheckout({ sessionUrl: '/api/session?amount=12800', attributes: { care: '' } });
    await showOthers(el);
    const more = await found('the card row’s details button', () => queryAllByRole(el, 'button', { name: '详情 银行卡' })[0]);
    try {
      await emulateMedia({ forcedColors: 'active' });
    } catch {
      this.skip();
    }
    try {
      if (!matchMedia('(forced-colors: active)').matches) this.skip();
      const style = getComputedStyle(more);
      expect(style.borderTopStyle).to.equal('solid');
      expect(style.borderTopColor).to.not.equal(backgroundOf(more));
      expect(style.color).to.not.equal(backgroundOf(more));
      more.click();
      await el.updateComplete;
      const details = list(el).getElementById(more.getAttribute('aria-controls')!)!;
      expect(details.getBoundingClientRect().height).to.be.greaterThan(0);
      expect(getComputedStyle(details).color).to.not.equal(backgroundOf(details));
      const step = el.shadowRoot!.querySelector('[part=care-step]')!;
      await found('the step', () => textOf(step) !== '');
      expect(getComputedStyle(step).color).to.not.equal(backgroundOf(step));
    } finally {
      await emulateMedia({ forcedColors: 'none' });
    }
  });
});
