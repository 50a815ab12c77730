/**
 * 320 px at 200% zoom is a 160 CSS px viewport (WCAG 1.4.10): every card field shows the whole
 * of a full-length value, without scrolling it. The cashier runs in an iframe of that width, a
 * viewport of its own in every engine (WebKit's driver cannot resize the window).
 */
import { expect } from '@open-wc/testing';
import type { ShouyinCheckout } from '../../../src/checkout/checkout.js';
import { findByRole, getByRole, textOf } from '../../support/roles.js';
import { until } from '../../support/wait.js';

const DEBIT = '6217990000000000006';
const CREDIT = '4392250000000009';

let frame: HTMLIFrameElement | undefined;

afterEach(() => {
  frame?.remove();
  frame = undefined;
});

/** A host page of `width`×640 CSS px with one cashier on the session, the card channel chosen. */
async function cashierIn(width: number, session: string): Promise<ShouyinCheckout> {
  frame = document.createElement('iframe');
  frame.style.cssText = `inline-size: ${width}px; block-size: 640px; border: 0`;
  frame.src = `/test/support/cashier-frame.html?session=${encodeURIComponent(session)}`;
  document.body.append(frame);
  const deadline = performance.now() + 8000;
  for (;;) {
    const el = frame.contentDocument?.querySelector('shouyin-checkout');
    if (el?.readyDetail) {
      getByRole(el, 'radio', { name: '银行卡' }).click();
      return el;
    }
    if (performance.now() > deadline) throw new Error('cashier not ready in the frame');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A value pasted into a field, as a payer's paste reaches it (the field's own mask formats it). */
function paste(field: HTMLElement, value: string): void {
  const input = field as HTMLInputElement;
  input.focus();
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertFromPaste', data: value }));
}

/** Each field that scrolls its value: its name, value, and widths. */
function cut(fields: HTMLElement[]): string[] {
  return fields
    .map((field) => field as HTMLInputElement)
    .filter((input) => input.scrollWidth > input.clientWidth)
    .map((input) => `${input.id} "${input.value}" scrolls ${input.scrollWidth} in ${input.clientWidth}`);
}

describe('320 px at 200% zoom (160 CSS px)', function () {
  this.timeout(20_000);

  for (const width of [160, 320]) {
    it(`at ${width} CSS px the card form shows a full 19-digit number, the expiry and the CVV whole`, async () => {
      const el = await cashierIn(width, '/api/session?amount=12800');
      const form = await findByRole(el, 'group', { name: '银行卡信息' });
      const number = getByRole(form, 'textbox', { name: '卡号' });
      paste(number, '6205500000000000004');
      paste(getByRole(form, 'textbox', { name: '有效期' }), '1230');
      paste(getByRole(form, 'textbox', { name: '安全码' }), '123');
      await el.updateComplete;
      expect((number as HTMLInputElement).value).to.equal('6205 5000 0000 0000 004');
      const fields = ['卡号', '有效期', '安全码'].map((name) => getByRole(form, 'textbox', { name }));
      expect(cut(fields)).to.deep.equal([]);
      expect(frame!.contentDocument!.documentElement.scrollWidth, 'no page scrolling sideways').to.be.at.most(width);
    });

    it(`at ${width} CSS px the binding form shows a full number, ID number, phone, expiry and CVV whole`, async () => {
      const el = await cashierIn(width, '/api/session?amount=12800&binding=1');
      const form = await findByRole(el, 'group', { name: '银行卡快捷支付' });
      paste(getByRole(form, 'textbox', { name: '卡号' }), DEBIT);
      const holder = await findByRole(form, 'textbox', { name: '身份证号' });
      paste(holder, '110101199003074477');
      // While it has focus the ID shows whole (masked once left).
      expect(cut([holder])).to.deep.equal([]);
      paste(getByRole(form, 'textbox', { name: '银行预留手机号' }), '13800138000');
      const debit = ['卡号', '身份证号', '银行预留手机号'].map((name) => getByRole(form, 'textbox', { name }));
      expect(cut(debit)).to.deep.equal([]);

      // A credit card also asks for its expiry and CVV.
      const number = getByRole(form, 'textbox', { name: '卡号' });
      paste(number, CREDIT);
      const expiry = await findByRole(form, 'textbox', { name: '有效期' });
      paste(expiry, '1230');
      paste(getByRole(form, 'textbox', { name: '安全码' }), '123');
      expect(cut([number, expiry, getByRole(form, 'textbox', { name: '安全码' })])).to.deep.equal([]);
      expect(frame!.contentDocument!.documentElement.scrollWidth, 'no page scrolling sideways').to.be.at.most(width);
    });

    it(`at ${width} CSS px the binding's SMS code shows whole beside (or over) its resend button`, async () => {
      const el = await cashierIn(width, '/api/session?amount=12800&binding=1');
      const form = await findByRole(el, 'group', { name: '银行卡快捷支付' });
      paste(getByRole(form, 'textbox', { name: '卡号' }), DEBIT);
      const bank = getByRole(form.getRootNode() as ShadowRoot, 'status');
      await until(() => textOf(bank).includes('储蓄卡'), 'the bank shown');
      paste(getByRole(form, 'textbox', { name: '持卡人姓名' }), '张三');
      paste(await findByRole(form, 'textbox', { name: '身份证号' }), '110101199003074477');
      paste(getByRole(form, 'textbox', { name: '银行预留手机号' }), '13800138000');
      getByRole(form, 'checkbox', { name: /快捷支付服务协议/ }).click();
      await el.updateComplete;
      getByRole(form, 'button', { name: '获取验证码' }).click();
      const code = await findByRole(form, 'textbox', { name: '短信验证码' }, 8000);
      paste(code, '123456');
      expect(cut([code])).to.deep.equal([]);
      expect(frame!.contentDocument!.documentElement.scrollWidth, 'no page scrolling sideways').to.be.at.most(width);
    });
  }
});
