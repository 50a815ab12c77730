/**
 * A wallet the super-app blocks is not a dead end: "如何打开" in its row (or a tap anywhere on the
 * row) opens the guide to the system browser, a lazy chunk, unless the host takes over
 * (`shouyin-guide` canceled, or `guide-url`). The environments are the `env` attribute.
 */
import { expect } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import type { ShouyinCheckout } from '../../../src/checkout/checkout.js';
import { mountCheckout, unmountAll } from '../../support/mount.js';
import { accessibleName, findByRole, getByRole, queryAllByRole, textOf } from '../../support/roles.js';

afterEach(unmountAll);

function list(el: ShouyinCheckout): ShadowRoot {
  return el.shadowRoot!.querySelector('shouyin-channel-list')!.shadowRoot!;
}

function guideButton(el: ShouyinCheckout, name: string): HTMLButtonElement {
  return getByRole(el, 'button', { name }) as HTMLButtonElement;
}

async function dialogOf(el: ShouyinCheckout, name: string): Promise<HTMLDialogElement> {
  return (await findByRole(el, 'dialog', { name })) as HTMLDialogElement;
}

async function closed(el: ShouyinCheckout): Promise<void> {
  const deadline = performance.now() + 2000;
  while (el.shadowRoot!.querySelector('shouyin-open-guide')) {
    if (performance.now() > deadline) throw new Error('the guide did not close');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('the guide to a blocked wallet', () => {
  it('opens from the keyboard, tells the host, shows the steps and a picture, and Escape gives focus back', async () => {
    const { el, log } = await mountCheckout({ sessionUrl: '/api/session', env: 'wechat' });
    const button = guideButton(el, '如何打开 支付宝');
    expect(button.getBoundingClientRect().height).to.be.at.least(44);
    button.focus();
    await sendKeys({ press: 'Enter' });
    const dialog = await dialogOf(el, '如何使用支付宝支付');
    expect(log.of('shouyin-guide')).to.deep.equal([{ channel: 'alipay', env: 'wechat' }]);
    expect(dialog.open).to.equal(true);
    expect(textOf(dialog)).to.contain('微信内无法打开支付宝').and.contain('点右上角「···」').and.contain('选择「在浏览器打开」');
    const picture = getByRole(dialog, 'img', { name: '示意图：点右上角「···」，在菜单中选择「在浏览器打开」' });
    expect(picture.querySelector('text')!.textContent).to.equal('在浏览器打开');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await closed(el);
    expect(list(el).activeElement).to.equal(button);
    expect(queryAllByRole(el, 'dialog')).to.deep.equal([]);
  });

  it('opens from a tap anywhere on the row', async () => {
    const { el, log } = await mountCheckout({ sessionUrl: '/api/session', env: 'wechat' });
    const row = guideButton(el, '如何打开 云闪付').closest('label')!;
    row.scrollIntoView({ block: 'center' });
    const box = row.getBoundingClientRect();
    await sendMouse({ type: 'click', position: [Math.round(box.left + 60), Math.round(box.top + box.height / 2)] });
    await dialogOf(el, '如何使用云闪付支付');
    expect(log.of('shouyin-guide')).to.deep.equal([{ channel: 'unionpay', env: 'wechat' }]);
    getByRole(el, 'button', { name: '关闭' }).click();
    await closed(el);
    expect(list(el).activeElement).to.equal(guideButton(el, '如何打开 云闪付'));
  });

  it('copies the link with the Clipboard API and says so', async () => {
    const { el } = await mountCheckout({ sessionUrl: '/api/session', env: 'wechat' });
    guideButton(el, '如何打开 支付宝').click();
    const dialog = await dialogOf(el, '如何使用支付宝支付');
    const written: string[] = [];
    // The page's own Clipboard API, watched: a headless browser's clipboard is not the payer's.
    const clipboard = navigator.clipboard;
    const writeText = clipboard.writeText.bind(clipboard);
    Object.defineProperty(clipboard, 'writeText', {
      configurable: true,
      value: (text: string) => (written.push(text), writeText(text).catch(() => undefined)),
    });
    try {
      getByRole(dialog, 'button', { name: '复制链接' }).click();
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(written).to.deep.equal([location.href]);
      expect(textOf(getByRole(dialog, 'status'))).to.equal('已复制');
    } finally {
      delete (clipboard as { writeText?: unknown }).writeText;
    }
  });

  it('without the Clipboard API (older webviews), selects the link for the payer to copy', async () => {
    const { el } = await mountCheckout({ sessionUrl: '/api/session', env: 'wechat' });
    guideButton(el, '如何打开 支付宝').click();
    const dialog = await dialogOf(el, '如何使用支付宝支付');
    const descriptor = Object.getOwnPropertyDescriptor(Navigator.prototype, 'clipboard')!;
    Object.defineProperty(Navigator.prototype, 'clipboard', { configurable: true, get: () => undefined });
    try {
      getByRole(dialog, 'button', { name: '复制链接' }).click();
      await new Promise((resolve) => setTimeout(resolve, 100));
    } finally {
      Object.defineProperty(Navigator.prototype, 'clipboard', descriptor);
    }
    const link = getByRole(dialog, 'textbox', { name: '本页链接' }) as HTMLInputElement;
    expect(link.value).to.equal(location.href);
    expect([link.selectionStart, link.selectionEnd]).to.deep.equal([0, location.href.length]);
    expect(textOf(getByRole(dialog, 'status'))).to.equal('已选中链接，请长按复制');
  });

  it('speaks the payer\'s language, and in Alipay guides to WeChat Pay', async () => {
    const { el } = await mountCheckout({ sessionUrl: '/api/session', env: 'alipay', locale: 'en' });
    guideButton(el, 'How to open WeChat Pay').click();
    const dialog = await dialogOf(el, 'How to pay with WeChat Pay');
    expect(textOf(dialog)).to.contain('Alipay cannot open WeChat Pay').and.contain('Choose “Open in Browser”');
    expect(getByRole(dialog, 'img').querySelector('text')!.textContent).to.equal('Open in Browser');
    await expect(el).to.be.accessible();
  });

  it('in a mini-program, whose menu cannot open a browser, the steps copy the link instead', async () => {
    const { el } = await mountCheckout({ sessionUrl: '/api/session', env: 'wechat-miniprogram' });
    guideButton(el, '如何打开 支付宝').click();
    const dialog = await dialogOf(el, '如何使用支付宝支付');
    expect(textOf(dialog)).to.contain('点下方「复制链接」').and.not.contain('在浏览器打开');
    expect(queryAllByRole(dialog, 'img')).to.deep.equal([]);
  });

  it('goes to the host\'s guide-url instead, through navigate', async () => {
    const { el, log } = await mountCheckout({ sessionUrl: '/api/session', env: 'wechat' });
    const visited: string[] = [];
    el.navigate = (url) => void visited.push(url);
    el.setAttribute('guide-url', 'https://shop.example/open-in-browser');
    await el.updateComplete;
    guideButton(el, '如何打开 支付宝').click();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(visited).to.deep.equal(['https://shop.example/open-in-browser']);
    expect(log.of('shouyin-guide')).to.have.length(1);
    expect(el.shadowRoot!.querySelector('shouyin-open-guide')).to.equal(null);
  });

  it('opens nothing when the host cancels shouyin-guide (it shows its own)', async () => {
    const { el } = await mountCheckout({ sessionUrl: '/api/session', env: 'wechat' });
    const visited: string[] = [];
    el.navigate = (url) => void visited.push(url);
    el.setAttribute('guide-url', 'https://shop.example/open-in-browser');
    const veto = (event: Event) => event.preventDefault();
    document.addEventListener('shouyin-guide', veto);
    try {
      guideButton(el, '如何打开 支付宝').click();
      await new Promise((resolve) => setTimeout(resolve, 200));
    } finally {
      document.removeEventListener('shouyin-guide', veto);
    }
    expect(visited).to.deep.equal([]);
    expect(el.shadowRoot!.querySelector('shouyin-open-guide')).to.equal(null);
  });

  it('offers no guide in a browser, where every wallet pays', async () => {
    const { el } = await mountCheckout({ sessionUrl: '/api/session', env: 'mobile' });
    expect(queryAllByRole(el, 'button').map(accessibleName)).to.not.include('如何打开 支付宝');
  });
});
