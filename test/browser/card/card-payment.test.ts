import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { ledger } from '../../support/backend.js';
import { mountCheckout, unmountAll } from '../../support/mount.js';
import { findByRole, getByRole, textOf } from '../../support/roles.js';
import type { ShouyinCheckout } from '../../../src/checkout/checkout.js';

/** Everything the page writes to the console while a test runs (card data must never be there). */
const consoleLines: string[] = [];
const originals = new Map<string, (...args: unknown[]) => void>();
beforeEach(() => {
  consoleLines.length = 0;
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    originals.set(method, console[method]);
    console[method] = (...args: unknown[]) => {
      consoleLines.push(args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
      originals.get(method)!.apply(console, args);
    };
  }
});
afterEach(() => {
  for (const [method, original] of originals) (console as unknown as Record<string, unknown>)[method] = original;
  unmountAll();
});

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

function storageText(): string {
  const all: string[] = [];
  for (const storage of [localStorage, sessionStorage]) {
    for (let i = 0; i < storage.length; i++) all.push(`${storage.key(i)}=${storage.getItem(storage.key(i)!)}`);
  }
  return all.join('\n');
}

describe('paying by card', () => {
  it('encrypts the card, pays, and the number and CVV appear nowhere but the JWE', async () => {
    const { el, log } = await mountCheckout({ sessionUrl: '/api/session?amount=12800' });
    await chooseCard(el);
    getByRole(el, 'button', { name: '请填写卡号' });
    await typeInto(el, '卡号', '4242424242424242');
    getByRole(el, 'button', { name: '请填写有效期' });
    await typeInto(el, '有效期', '0829');
    await typeInto(el, '安全码', '737');
    getByRole(el, 'button', { name: '确认支付 ¥128.00' }).click();
    const success = await log.next('shouyin-success');
    expect(success.channel).to.equal('card');
    expect(textOf(await findByRole(el, 'status'))).to.contain('支付成功');

    const book = await ledger(success.orderId);
    expect(book.attempts).to.have.length(1);
    const [attempt] = book.attempts;
    expect(attempt!.status).to.equal('succeeded');
    expect(attempt!.instrument).to.deep.equal({ type: 'card', brand: 'visa', last4: '4242' });
    const body = JSON.parse(attempt!.requestBody) as { instrument: { type: string; encrypted: string } };
    expect(body.instrument.type).to.equal('card');
    // The ledger shows the JWE's shape, never the JWE (a card payment for whoever posts it first).
    expect(body.instrument.encrypted).to.match(/^\[jwe: 5 parts, \d+ chars\]$/);

    for (const [where, text] of [
      ['events', JSON.stringify(log.events)],
      ['console', consoleLines.join('\n')],
      ['storage', storageText()],
      ['URL', location.href],
      ['request body and ledger', JSON.stringify(book)],
    ] as const) {
      expect(text, where).not.to.contain('4242424242424242');
      expect(text, where).not.to.contain('4242 4242 4242 4242');
      expect(text, where).not.to.match(/"cvv"|"737"/);
    }
  });

  it('keeps the number and expiry after a decline, clears the CVV, and lets the payer pay again', async () => {
    const { el, log } = await mountCheckout({ sessionUrl: '/api/session' });
    await chooseCard(el);
    await typeInto(el, '卡号', '4000000000000002');
    await typeInto(el, '有效期', '0829');
    await typeInto(el, '安全码', '123');
    getByRole(el, 'button', { name: /确认支付/ }).click();
    const failure = await log.next('shouyin-failure');
    expect(failure.code).to.equal('declined');
    await el.updateComplete;
    expect(textOf(await findByRole(el, 'alert'))).to.contain('发卡行拒绝');
    expect((getByRole(el, 'textbox', { name: '卡号' }) as HTMLInputElement).value).to.equal('4000 0000 0000 0002');
    expect((getByRole(el, 'textbox', { name: '有效期' }) as HTMLInputElement).value).to.equal('08/29');
    expect((getByRole(el, 'textbox', { name: '安全码' }) as HTMLInputElement).value).to.equal('');
    // The bank declined this card: pressing pay again would be declined again, so the button
    // asks for another card (or channel) and sends nothing.
    getByRole(el, 'button', { name: '请更换银行卡或支付方式' }).click();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(log.of('shouyin-submit')).to.have.length(1);

    // Another card, same form, no reload.
    const number = getByRole(el, 'textbox', { name: '卡号' }) as HTMLInputElement;
    number.select();
    await sendKeys({ press: 'Backspace' });
    await typeInto(el, '卡号', '6200000000000005');
    await typeInto(el, '安全码', '456');
    getByRole(el, 'button', { name: /确认支付/ }).click();
    const success = await log.next('shouyin-success');
    const book = await ledger(success.orderId);
    expect(book.attempts.map((a) => [a.status, a.instrument.brand, a.instrument.last4])).to.deep.equal([
      ['failed', 'visa', '0002'],
      ['succeeded', 'unionpay', '0005'],
    ]);
  });

  // UnionPay issues 14 to 19 digits; these are processors' published test numbers.
  for (const [number, shown] of [
    ['62123456789002', '6212 3456 7890 02'],
    ['621234567890003', '6212 3456 7890 003'],
  ] as const) {
    it(`pays with a ${number.length}-digit UnionPay card`, async () => {
      const { el, log } = await mountCheckout({ sessionUrl: '/api/session?amount=12800' });
      await chooseCard(el);
      await typeInto(el, '卡号', number);
      expect((getByRole(el, 'textbox', { name: '卡号' }) as HTMLInputElement).value).to.equal(shown);
      getByRole(el, 'button', { name: '请填写有效期' });
      await typeInto(el, '有效期', '0829');
      await typeInto(el, '安全码', '123');
      getByRole(el, 'button', { name: '确认支付 ¥128.00' }).click();
      const success = await log.next('shouyin-success');
      const book = await ledger(success.orderId);
      expect(book.attempts.map((a) => [a.status, a.instrument.brand, a.instrument.last4])).to.deep.equal([
        ['succeeded', 'unionpay', number.slice(-4)],
      ]);
    });
  }

  it('does not send an incomplete card: errors show and focus goes to what is missing', async () => {
    const { el, log } = await mountCheckout({ sessionUrl: '/api/session' });
    await chooseCard(el);
    await typeInto(el, '卡号', '4242424242424242');
    el.submit();
    await el.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(log.of('shouyin-submit')).to.have.length(0);
    const form = el.shadowRoot!.querySelector('shouyin-card-form')!;
    expect(form.shadowRoot!.activeElement).to.equal(getByRole(el, 'textbox', { name: '有效期' }));
  });
});
