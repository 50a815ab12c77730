/**
 * Where focus and view go, state by state, on a 360×640 phone inside WeChat and at 1366×768:
 * after each change the element the payer must see next holds focus (by role and name), lies
 * in the visual viewport, and is not under the sticky pay bar nor its fade. The cashier runs in
 * an iframe of that size (its own viewport in every engine: WebKit's driver cannot resize the
 * window), against the reference backend.
 */
import { expect } from '@open-wc/testing';
import type { ShouyinCheckout } from '../../../src/checkout/checkout.js';
import { newSession } from '../../support/backend.js';
import { mountInFrame, unmountFrames, until, type FrameMount } from '../../support/frame.js';
import type { EventLog } from '../../support/mount.js';
import { accessibleName, findByRole, getByRole, textOf } from '../../support/roles.js';

let frame: HTMLIFrameElement | undefined;

afterEach(() => {
  unmountFrames();
  frame = undefined;
});

/** The cashier in a frame of that size, the frame kept for the checks. */
async function mount(options: FrameMount): Promise<{ el: ShouyinCheckout; log: EventLog }> {
  const mounted = await mountInFrame(options);
  frame = mounted.frame;
  return mounted;
}

/** The element that has focus in the frame, looking into shadow roots. */
function focused(): Element | null {
  let active = frame!.contentDocument!.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** What a screen reader says of the focused element: its role and name (a paragraph: its text). */
function said(target: Element): string {
  const role = target.getAttribute('role') ?? (/^h\d$/.test(target.localName) ? 'heading' : target.localName === 'input' ? 'textbox' : target.localName);
  return `${role} ${accessibleName(target) || textOf(target)}`;
}

/** In the frame's visual viewport, and clear of the sticky bar and its fade (unless it is in the bar). */
function expectInView(el: ShouyinCheckout, target: Element, what: string): void {
  const view = frame!.contentWindow!.visualViewport!;
  const box = target.getBoundingClientRect();
  expect(box.top, `${what}: top in view`).to.be.at.least(view.offsetTop - 0.5);
  expect(box.bottom, `${what}: bottom in view`).to.be.at.most(view.offsetTop + view.height + 0.5);
  // A result or an expired order has no pay bar.
  const bar = el.shadowRoot!.querySelector('.actions');
  if (!bar || frame!.contentWindow!.getComputedStyle(bar).position !== 'sticky' || bar.contains(target)) return;
  const fade = parseFloat(frame!.contentWindow!.getComputedStyle(bar, '::before').height) || 0;
  expect(box.bottom, `${what}: clear of the sticky bar and its fade`).to.be.at.most(bar.getBoundingClientRect().top - fade + 0.5);
}

/** A value pasted into a field, as a payer's paste reaches it (the field's own mask formats it). */
function paste(field: HTMLElement, value: string): void {
  const input = field as HTMLInputElement;
  input.focus();
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertFromPaste', data: value }));
}

async function payByCard(el: ShouyinCheckout, number: string): Promise<void> {
  getByRole(el, 'radio', { name: '银行卡' }).click();
  const form = await findByRole(el, 'group', { name: '银行卡信息' });
  paste(getByRole(form, 'textbox', { name: '卡号' }), number);
  paste(getByRole(form, 'textbox', { name: '有效期' }), '1230');
  paste(getByRole(form, 'textbox', { name: '安全码' }), '123');
  await el.updateComplete;
  pay(el);
}

function pay(el: ShouyinCheckout): void {
  getByRole(el, 'button', { name: /^确认支付/ }).click();
}

interface State {
  name: string;
  /** Only on a desktop (a QR code). */
  desktop?: boolean;
  /** The cashier, and what the payer does. */
  run: (size: { width: number; height: number; env: string }) => Promise<ShouyinCheckout>;
  /** What holds focus after it: role and name. */
  focus: RegExp;
  /**
   * The target is focused by a part inside the cashier (the binding form's code field), and
   * the cashier keeps it clear of the bar on `focusin`: WebKitGTK sends an iframe's page no
   * focus events under its driver, so where none came the view is not measured there.
   */
  byFocusIn?: boolean;
}

const wallet = (scenario: string) => `/api/session?amount=12800&scenario=${scenario}`;

const STATES: State[] = [
  {
    name: 'wallet decline',
    run: async (size) => {
      const { el } = await mount({ ...size, sessionUrl: wallet('wechat:declined'), lastUsed: 'wechat' });
      pay(el);
      return el;
    },
    focus: /^group 微信支付拒绝了这笔支付/,
  },
  {
    name: 'limit offer',
    run: async (size) => {
      const { el } = await mount({ ...size, sessionUrl: wallet('wechat:limit'), lastUsed: 'wechat' });
      pay(el);
      return el;
    },
    focus: /^group 超出支付限额.*改用/,
  },
  {
    name: 'card decline',
    run: async (size) => {
      const { el } = await mount({ ...size, sessionUrl: '/api/session?amount=12800', lastUsed: 'card' });
      await payByCard(el, '4000000000000002');
      return el;
    },
    focus: /^group 支付被发卡行拒绝/,
  },
  {
    name: 'card decline, then a hint in the bar',
    run: async (size) => {
      const { el, log } = await mount({ ...size, sessionUrl: '/api/session?amount=12800', lastUsed: 'card', hintDelay: 1000 });
      await payByCard(el, '4000000000000002');
      await log.next('shouyin-failure');
      // The assistant's hint rides in the sticky bar, which grows under what has focus.
      await log.next('shouyin-hint');
      return el;
    },
    focus: /^group 支付被发卡行拒绝/,
  },
  {
    name: 'card success',
    run: async (size) => {
      const { el } = await mount({ ...size, sessionUrl: '/api/session?amount=12800', lastUsed: 'card' });
      await payByCard(el, '4242424242424242');
      return el;
    },
    focus: /^heading 支付成功$/,
  },
  {
    name: 'wallet success',
    run: async (size) => {
      const { el } = await mount({ ...size, sessionUrl: '/api/session?amount=12800', lastUsed: 'wechat' });
      pay(el);
      return el;
    },
    focus: /^heading 支付成功$/,
  },
  {
    name: 'QR code',
    desktop: true,
    run: async (size) => {
      const { el } = await mount({ ...size, sessionUrl: wallet('action'), lastUsed: 'wechat' });
      pay(el);
      return el;
    },
    focus: /^group 扫码支付 ¥128\.00/,
  },
  {
    name: 'pending (waiting on the wallet)',
    run: async (size) => {
      const { el } = await mount({ ...size, sessionUrl: wallet('wechat:pending-forever'), lastUsed: 'wechat' });
      pay(el);
      return el;
    },
    focus: /^group 正在确认支付结果/,
  },
  {
    name: 'fallback offer (the payer leaves a wait)',
    run: async (size) => {
      const { el, log } = await mount({ ...size, sessionUrl: wallet('wechat:pending-forever'), lastUsed: 'wechat' });
      pay(el);
      await log.next('shouyin-pending');
      (await findByRole(el, 'button', { name: '使用其他支付方式' })).click();
      return el;
    },
    focus: /^group 支付已取消.*改用/,
  },
  {
    name: 'session expired (while the payer is on it)',
    run: async (size) => {
      const session = await newSession('amount=12800');
      const { el } = await mount({ ...size, session: { ...session, expiresAt: new Date((session.serverTime ? Date.parse(session.serverTime) : Date.now()) + 1500).toISOString() }, lastUsed: 'wechat' });
      return el;
    },
    focus: /^p 订单已超时关闭/,
  },
  {
    name: 'network error',
    run: async (size) => {
      const session = await newSession('amount=12800');
      // Nothing listens on port 9: every try fails at the network, as on a dead connection.
      const { el } = await mount({ ...size, session: { ...session, endpoints: { ...session.endpoints, intents: 'http://127.0.0.1:9/api/intents' } }, lastUsed: 'wechat' });
      pay(el);
      return el;
    },
    focus: /^group 网络异常.*改用/,
  },
  {
    name: 'binding: the SMS code step',
    run: async (size) => {
      const { el } = await mount({ ...size, sessionUrl: '/api/session?amount=12800&binding=1', lastUsed: 'card' });
      getByRole(el, 'radio', { name: '银行卡' }).click();
      const form = await findByRole(el, 'group', { name: '银行卡快捷支付' });
      paste(getByRole(form, 'textbox', { name: '卡号' }), '6217990000000000006');
      const bank = getByRole(form.getRootNode() as ShadowRoot, 'status');
      await until(() => textOf(bank).includes('储蓄卡'), 'the bank shown');
      paste(getByRole(form, 'textbox', { name: '持卡人姓名' }), '张三');
      paste(await findByRole(form, 'textbox', { name: '身份证号' }), '110101199003074477');
      paste(getByRole(form, 'textbox', { name: '银行预留手机号' }), '13800138000');
      getByRole(form, 'checkbox', { name: /快捷支付服务协议/ }).click();
      getByRole(form, 'button', { name: '获取验证码' }).click();
      return el;
    },
    focus: /^textbox 短信验证码$/,
    byFocusIn: true,
  },
  {
    name: 'care mode: the result',
    run: async (size) => {
      const { el } = await mount({ ...size, sessionUrl: '/api/session?amount=12800', lastUsed: 'wechat', care: true });
      await findByRole(el, 'button', { name: /其他支付方式/ });
      pay(el);
      return el;
    },
    focus: /^heading 支付成功$/,
  },
];

describe('where focus and view go, state by state', function () {
  this.timeout(30_000);
  for (const size of [{ width: 360, height: 640, env: 'wechat' }, { width: 1366, height: 768, env: 'desktop' }]) {
    it(`${size.width}×${size.height}: the card channel chosen: its first field comes up above the bar, focus stays on the choice`, async () => {
      const { el } = await mount({ ...size, sessionUrl: '/api/session?amount=12800', lastUsed: 'wechat' });
      const card = getByRole(el, 'radio', { name: '银行卡' });
      // A tap: the radio takes focus (where the engine gives it), then the click chooses it.
      card.focus();
      const choice = focused();
      card.click();
      const form = await findByRole(el, 'group', { name: '银行卡信息' });
      const number = getByRole(form, 'textbox', { name: '卡号' });
      const clear = (): boolean => {
        try {
          expectInView(el, number, 'the card number');
          return true;
        } catch {
          return false;
        }
      };
      await until(clear, 'the card number in view, clear of the bar');
      expectInView(el, number, 'the card number');
      expect(focused(), 'focus stays where the payer chose').to.equal(choice);
      if (choice && choice !== frame!.contentDocument!.body) expectInView(el, choice, 'the choice');
    });

    for (const state of STATES) {
      if (state.desktop && size.env !== 'desktop') continue;
      it(`${size.width}×${size.height}: ${state.name}`, async () => {
        let focusIns = 0;
        const count = (): void => void focusIns++;
        const el = await state.run(size);
        frame!.contentDocument!.addEventListener('focusin', count, true);
        await until(() => { const at = focused(); return !!at && state.focus.test(said(at)); }, `focus on ${state.focus} (focus is on ${focused() && said(focused()!)})`, 12_000);
        // Scrolled once the target has its size (a chunk's element renders first).
        await new Promise((resolve) => setTimeout(resolve, 150));
        if (state.byFocusIn && focusIns === 0) return;
        expectInView(el, focused()!, state.name);
      });
    }
  }
});
