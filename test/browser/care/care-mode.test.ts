import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { contrast } from '../../support/contrast.js';
import { mountCheckout, unmountAll } from '../../support/mount.js';
import { getByRole, queryAllByRole, textOf } from '../../support/roles.js';
import type { ShouyinCheckout } from '../../../src/checkout/checkout.js';
import { found } from '../../support/wait.js';

const CARE_KEY = 'shouyin.care';
afterEach(() => {
  unmountAll();
  localStorage.removeItem(CARE_KEY);
});

/** Every element in the cashier's composed tree (its shadow roots and theirs). */
function composed(root: ParentNode): Element[] {
  const all: Element[] = [];
  for (const el of root.querySelectorAll('*')) {
    all.push(el);
    if (el.shadowRoot) all.push(...composed(el.shadowRoot));
  }
  return all;
}

function visible(el: Element): boolean {
  const box = el.getBoundingClientRect();
  return box.width > 1 && box.height > 1 && getComputedStyle(el).visibility !== 'hidden';
}

/** The elements that hold visible text of their own, with what they say. */
function textHolders(el: ShouyinCheckout): { el: Element; text: string }[] {
  return composed(el.shadowRoot!)
    .filter((e) => visible(e))
    .map((e) => ({ el: e, text: [...e.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent!.trim()).join('') }))
    .filter((t) => t.text !== '');
}

/** The color behind an element: the first opaque background up its composed ancestors. */
function backgroundOf(el: Element): string {
  for (let e: Element | null = el; e; e = e.parentElement ?? ((e.getRootNode() as ShadowRoot).host ?? null)) {
    const bg = getComputedStyle(e).backgroundColor;
    if (!/rgba\(.*,\s*0\)$/.test(bg) && bg !== 'transparent') return bg;
  }
  return 'rgb(255, 255, 255)';
}

/** Care mode shows the chosen channel only; the others are behind "其他支付方式". */
async function showOthers(el: ShouyinCheckout): Promise<void> {
  const others = await found('其他支付方式', () => queryAllByRole(el, 'button', { name: /^其他支付方式/ })[0]);
  if (others.getAttribute('aria-expanded') !== 'true') others.click();
  await el.updateComplete;
}

describe('care mode', () => {
  it('shows one channel, the recommended one, with the others under "其他支付方式"', async () => {
    const { el } = await mountCheckout({ sessionUrl: '/api/session?amount=12800', attributes: { care: '' } });
    const others = await found('其他支付方式', () => queryAllByRole(el, 'button', { name: '其他支付方式（4）' })[0]);
    expect(others.getAttribute('aria-expanded')).to.equal('false');
    expect(queryAllByRole(el, 'radio').map((r) => (r as HTMLInputElement).value)).to.deep.equal(['wechat']);
    expect((getByRole(el, 'radio', { name: '微信支付' }) as HTMLInputElement).checked).to.equal(true);
    others.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(others.getAttribute('aria-expanded')).to.equal('true');
    expect(queryAllByRole(el, 'radio').map((r) => (r as HTMLInputElement).value)).to.deep.equal(['wechat', 'alipay', 'unionpay', 'ecny', 'card']);
    // Open, nothing is hidden any more: the same disclosure, without the count (aria-expanded says it is open).
    expect(getByRole(el, 'button', { name: '其他支付方式' })).to.equal(others);
    expect(el.shadowRoot!.activeElement).to.equal(others);
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(others.getAttribute('aria-expanded')).to.equal('false');
    expect(getByRole(el, 'button', { name: '其他支付方式（4）' })).to.equal(others);
  });

  it('with the care attribute: text at least 20 px (the amount 40 px), targets at least 56 px, text at 7:1, axe clean', async () => {
    const { el } = await mountCheckout({ sessionUrl: '/api/session?amount=12800', attributes: { care: '' } });
    await showOthers(el);
    getByRole(el, 'radio', { name: '银行卡' }).click();
    await el.updateComplete;
    await found('the card form', () => composed(el.shadowRoot!).some((e) => e.id === 'number'));
    await expect(el).to.be.accessible();

    const holders = textHolders(el);
    expect(holders.length).to.be.greaterThan(10);
    const small = holders.filter(({ el: e }) => parseFloat(getComputedStyle(e).fontSize) < 20).map((t) => `${t.text} ${getComputedStyle(t.el).fontSize}`);
    expect(small, 'text under 20px').to.deep.equal([]);
    const amount = el.shadowRoot!.querySelector('[part=amount]')!;
    expect(parseFloat(getComputedStyle(amount).fontSize)).to.be.at.least(40);

    const low = holders
      .map(({ el: e, text }) => ({ text, ratio: contrast(getComputedStyle(e).color, backgroundOf(e)) }))
      .filter((t) => t.ratio < 7)
      .map((t) => `${t.text} ${t.ratio.toFixed(2)}`);
    expect(low, 'text under 7:1').to.deep.equal([]);

    // Targets: buttons, the channel rows (a radio's label), the card fields.
    const targets = composed(el.shadowRoot!).filter(
      (e) => visible(e) && (e.matches('button, input:not([type=radio])') || (e.matches('label') && e.querySelector('input[type=radio]'))),
    );
    expect(targets.length).to.be.greaterThan(8);
    const tiny = targets.filter((e) => e.getBoundingClientRect().height < 56).map((e) => `${e.tagName} ${textOf(e) || e.id} ${e.getBoundingClientRect().height}`);
    expect(tiny, 'targets under 56px').to.deep.equal([]);
  });

  it('says settlement in plain words, not "T+1"', async () => {
    const { el } = await mountCheckout({ sessionUrl: '/api/session?amount=12800', attributes: { care: '' } });
    await showOthers(el);
    const list = (): string => composed(el.shadowRoot!.querySelector('shouyin-channel-list')!.shadowRoot!).map((e) => e.textContent).join(' ');
    await found('plain words', () => list().includes('下一个工作日到账'));
    expect(list()).not.to.contain('T+1');
  });

  it('has a "大字模式" switch the payer can press, remembered on this device', async () => {
    const first = await mountCheckout({ sessionUrl: '/api/session?amount=12800' });
    const toggle = getByRole(first.el, 'button', { name: '大字模式' });
    expect(toggle.getAttribute('aria-pressed')).to.equal('false');
    const before = parseFloat(getComputedStyle(first.el.shadowRoot!.querySelector('[part=amount]')!).fontSize);
    expect(before).to.be.below(40);
    toggle.focus();
    await sendKeys({ press: 'Enter' });
    await first.el.updateComplete;
    expect(first.el.hasAttribute('care')).to.equal(true);
    expect(getByRole(first.el, 'button', { name: '大字模式' }).getAttribute('aria-pressed')).to.equal('true');
    expect(parseFloat(getComputedStyle(first.el.shadowRoot!.querySelector('[part=amount]')!).fontSize)).to.equal(40);
    unmountAll();

    // Another cashier on this device starts in care mode.
    const second = await mountCheckout({ sessionUrl: '/api/session?amount=12800' });
    expect(second.el.hasAttribute('care')).to.equal(true);
    // Turned off by the payer, it stays off even where the host asks for it.
    getByRole(second.el, 'button', { name: '大字模式' }).click();
    await second.el.updateComplete;
    unmountAll();
    const third = await mountCheckout({ sessionUrl: '/api/session?amount=12800', attributes: { care: '' } });
    expect(third.el.hasAttribute('care')).to.equal(false);
  });

  it('offers "朗读" where the device can speak, and hints sooner', async () => {
    const { el, log } = await mountCheckout({ sessionUrl: '/api/session?amount=12800', attributes: { care: '', 'hint-delay': '2000' } });
    if ('speechSynthesis' in window) {
      const read = await found('the read-aloud button', () => queryAllByRole(el, 'button', { name: '朗读' })[0]);
      expect(read.getBoundingClientRect().height).to.be.at.least(56);
    }
    await showOthers(el);
    getByRole(el, 'radio', { name: '银行卡' }).click();
    await el.updateComplete;
    const typed = performance.now();
    const input = await found('the card number', () => composed(el.shadowRoot!).find((e) => e.id === 'number') as HTMLInputElement | undefined);
    input.focus();
    await sendKeys({ type: '4' });
    const hint = await log.first('shouyin-hint', 4000);
    expect(hint.hint).to.equal('dwell');
    // Half of hint-delay in care mode.
    expect(performance.now() - typed).to.be.below(2000);
  });
});
