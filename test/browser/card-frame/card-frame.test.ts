import { expect } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import { ledger } from '../../support/backend.js';
import { mountCheckout, unmountAll } from '../../support/mount.js';
import { findByRole, getByRole, textOf } from '../../support/roles.js';
import type { ShouyinCheckout } from '../../../src/checkout/checkout.js';
import { alone, pageText } from '../../support/page-text.js';

/**
 * `card-frame` across real origins: this page on the test server's origin, the card frame page
 * on another port of 127.0.0.1 (web-test-runner.config.mjs, `startCardFrames`), and one more
 * that refuses this page.
 */
interface CardFrames {
  allowed: string;
  refusing: string;
}
let frames: CardFrames;
before(async () => {
  frames = (await executeServerCommand('card-frames')) as CardFrames;
});

/** A UnionPay test card whose 8-digit windows are all different, so a leak of any of them is found. */
const NUMBER = '6212345678901265';
const windows = Array.from({ length: NUMBER.length - 7 }, (_, i) => NUMBER.slice(i, i + 8));

/** Every message data this page's scripts can read (window and port messages alike), as a host script could spy. */
const heard: string[] = [];
const dataGetter = Object.getOwnPropertyDescriptor(MessageEvent.prototype, 'data')!.get!;
const onWindowMessage = (event: MessageEvent): void => void heard.push(JSON.stringify(event.data));
beforeEach(() => {
  heard.length = 0;
  Object.defineProperty(MessageEvent.prototype, 'data', {
    configurable: true,
    get(this: MessageEvent) {
      const data: unknown = dataGetter.call(this);
      heard.push(JSON.stringify(data) ?? '');
      return data;
    },
  });
  window.addEventListener('message', onWindowMessage, true);
});
afterEach(() => {
  Object.defineProperty(MessageEvent.prototype, 'data', { configurable: true, get: dataGetter });
  window.removeEventListener('message', onWindowMessage, true);
  unmountAll();
});

function frameElement(el: ShouyinCheckout): HTMLIFrameElement | null {
  return el.shadowRoot!.querySelector('shouyin-card-frame')?.shadowRoot?.querySelector('iframe') ?? null;
}

/** Picks the card channel and waits until the frame answered (the pay button asks for the number, the frame has a height). */
async function chooseCard(el: ShouyinCheckout, name = '银行卡'): Promise<HTMLInputElement> {
  const radio = getByRole(el, 'radio', { name }) as HTMLInputElement;
  radio.click();
  await el.updateComplete;
  const deadline = performance.now() + 8000;
  while (!(frameElement(el)?.getBoundingClientRect().height ?? 0)) {
    if (performance.now() > deadline) throw new Error('the card frame did not open within 8 s');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return radio;
}

async function type(text: string): Promise<void> {
  for (const char of text) await sendKeys({ type: char });
}

/** The button whose name is `name`, once the frame's words reach it. */
async function payButtonSays(el: ShouyinCheckout, name: string | RegExp): Promise<HTMLElement> {
  return findByRole(el, 'button', { name });
}

/** The focused element inside the cashier, through its shadow roots. */
function focusedIn(el: ShouyinCheckout): Element | null {
  let active: Element | null = el.shadowRoot!.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

describe('card-frame: card data typed in the card platform\'s frame', () => {
  it('pays by keyboard alone: Tab into the frame, type, Tab out to pay; the backend decrypts the card; no digit reaches this page', async function () {
    this.timeout(30_000);
    const { el, log } = await mountCheckout({ sessionUrl: '/api/session?amount=12800', cardFrame: frames.allowed });
    const radio = await chooseCard(el);
    getByRole(el, 'button', { name: '请填写卡号' });
    const iframe = frameElement(el)!;
    expect(iframe.title).to.equal('银行卡信息');
    expect(new URL(iframe.src).origin).not.to.equal(location.origin);

    // Channel list → the frame's fields → the pay button.
    radio.focus();
    await sendKeys({ press: 'Tab' });
    expect(focusedIn(el), 'Tab from the channel list').to.equal(iframe);
    await type(NUMBER);
    await payButtonSays(el, '请填写有效期');
    await sendKeys({ press: 'Tab' });
    await type('0829');
    await payButtonSays(el, '请填写安全码');
    await sendKeys({ press: 'Tab' });
    await type('737');
    const pay = await payButtonSays(el, '确认支付 ¥128.00');
    await sendKeys({ press: 'Tab' });
    expect(focusedIn(el), 'Tab out of the frame').to.equal(pay);
    await sendKeys({ press: 'Enter' });

    // `first`, not `next`: WebKit's driver may return from the key only once the payment is over.
    const success = await log.first('shouyin-success', 20_000);
    expect(success.channel).to.equal('card');
    expect(textOf(await findByRole(el, 'status'))).to.contain('支付成功');
    const book = await ledger(success.orderId);
    expect(book.paid).to.equal(true);
    expect(book.attempts).to.have.length(1);
    // The backend decrypted the frame's JWE: it knows the brand and last four.
    expect(book.attempts[0]!.instrument).to.deep.equal({ type: 'card', brand: 'unionpay', last4: '1265' });

    const reachable = [
      ['page', pageText()],
      ['messages', heard.join('\n')],
      ['events', JSON.stringify(log.events)],
      ['storage', JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage })],
      ['URL', location.href],
    ] as const;
    expect(heard.some((m) => m.includes('"sealed"')), 'the JWE crossed as a message').to.equal(true);
    for (const [where, text] of reachable) for (const window of windows) expect(text, `${where} holds ${window}`).not.to.contain(window);
  });

  it('takes a saved card\'s CVV in the frame too: the pay click goes there, the backend decrypts it, no digit reaches this page', async function () {
    this.timeout(30_000);
    const { el, log } = await mountCheckout({ sessionUrl: `/api/session?amount=12800&payer=demo-single.${Date.now()}&savedCardCvv=1`, cardFrame: frames.allowed });
    getByRole(el, 'radio', { name: '银行卡' }).click();
    const list = await new Promise<Element>((resolve, reject) => {
      const deadline = performance.now() + 8000;
      const poll = (): void => {
        const found = el.shadowRoot!.querySelector('shouyin-saved-cards');
        const iframe = found?.shadowRoot?.querySelector('shouyin-card-frame')?.shadowRoot?.querySelector('iframe');
        if (found && iframe && iframe.getBoundingClientRect().height > 0) resolve(found);
        else if (performance.now() > deadline) reject(new Error('no CVV frame within 8 s'));
        else setTimeout(poll, 20);
      };
      poll();
    });
    expect(list.shadowRoot!.querySelector('input#cvv'), 'no CVV input in this page').to.equal(null);
    const pay = await payButtonSays(el, '请填写安全码');
    pay.click();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(log.of('shouyin-submit')).to.deep.equal([]);
    // By keyboard: Tab from the card list goes into the frame's CVV field.
    getByRole(list.shadowRoot!, 'button', { name: /删除/ }).focus();
    await sendKeys({ press: 'Tab' });
    expect(focusedIn(el), 'Tab from the card list').to.equal(list.shadowRoot!.querySelector('shouyin-card-frame')!.shadowRoot!.querySelector('iframe'));
    await type('737');
    (await payButtonSays(el, '确认支付 ¥128.00')).click();
    const success = await log.next('shouyin-success', 10_000);
    const book = await ledger(success.orderId);
    expect(book.attempts.map((a) => [a.status, a.instrument.type])).to.deep.equal([['succeeded', 'saved-card']]);
    const body = JSON.parse(book.attempts[0]!.requestBody) as { instrument: { encryptedCvv: string } };
    expect(body.instrument.encryptedCvv).to.match(/^\[jwe: 5 parts, \d+ chars\]$/);
    for (const [where, text] of [['page', pageText()], ['messages', heard.join('\n')], ['events', JSON.stringify(log.events)]] as const) {
      // Three digits can be part of any longer number on the page (the frame's port, a timestamp).
      expect(text, where).not.to.match(alone('737'));
    }
  });

  it('a saved card\'s CVV frame follows a color scheme change after it loaded', async function () {
    this.timeout(20_000);
    const { el } = await mountCheckout({ sessionUrl: `/api/session?payer=demo-single.${Date.now()}&savedCardCvv=1`, cardFrame: frames.allowed, colorScheme: 'dark' });
    getByRole(el, 'radio', { name: '银行卡' }).click();
    await payButtonSays(el, '请填写安全码');
    const scheme = async (): Promise<string | undefined> => {
      const look = (await executeServerCommand('card-frame-look')) as { supported: boolean; found?: boolean; scheme?: string };
      return look.supported ? (look.found ? look.scheme : 'none') : undefined;
    };
    const settles = async (want: string): Promise<string | undefined> => {
      const deadline = performance.now() + 5000;
      let now = await scheme();
      while (now !== undefined && now !== want && performance.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        now = await scheme();
      }
      return now;
    };
    const first = await settles('dark');
    if (first === undefined) return; // WebKitGTK's driver cannot read inside a frame; the other engines can.
    expect(first).to.equal('dark');
    el.setAttribute('color-scheme', 'light');
    expect(await settles('light')).to.equal('light');
    el.setAttribute('color-scheme', 'dark');
    expect(await settles('dark')).to.equal('dark');
  });

  it('follows the cashier\'s locale, tokens and color scheme, sizes itself to its form, and offers autofill', async function () {
    this.timeout(20_000);
    const { el } = await mountCheckout({ sessionUrl: '/api/session', cardFrame: frames.allowed, locale: 'en', colorScheme: 'dark' });
    el.style.setProperty('--shouyin-color-primary', 'rgb(1, 2, 3)');
    el.style.setProperty('--shouyin-radius-small', '3px');
    await chooseCard(el, 'Bank card');
    getByRole(el, 'button', { name: 'Enter the card number' });
    const look = (await executeServerCommand('card-frame-look')) as Record<string, unknown>;
    if (!look.supported) return; // WebKitGTK's driver cannot read inside a frame; the other engines can.
    expect(look).to.include({ found: true, lang: 'en', scheme: 'dark', primary: 'rgb(1, 2, 3)', radius: '3px', numberBorderRadius: '3px', scrolls: false });
    expect(look.labels).to.deep.equal(['Card number', 'Expiry date', 'Security code']);
    expect(look.autocomplete).to.deep.equal(['cc-number', 'cc-exp', 'cc-csc']);
  });

  it('ignores messages from anyone but its frame: a forged state on the window, a second channel offered to the frame', async function () {
    this.timeout(20_000);
    const { el } = await mountCheckout({ sessionUrl: '/api/session', cardFrame: frames.allowed });
    await chooseCard(el);
    const iframe = frameElement(el)!;
    // A page script pretends to be the frame: the pay button still asks for the number.
    window.postMessage({ t: 'change', complete: true, missing: null, brand: 'visa' }, location.origin);
    // And offers the frame a second channel, to have a card sealed to its own key: the frame took one channel, once.
    const spy = new MessageChannel();
    const answers: unknown[] = [];
    spy.port1.onmessage = (event) => void answers.push(dataGetter.call(event));
    const session = await (await fetch('/api/session')).json() as { encryption: { kid: string; jwk: JsonWebKey } };
    iframe.contentWindow!.postMessage({ t: 'init', v: 1, look: { locale: 'zh-CN', scheme: 'light', tokens: [] }, form: { requireName: false, disabled: false, now: Date.now(), cvvFor: null } }, new URL(frames.allowed).origin, [spy.port2]);
    spy.port1.postMessage({ t: 'seal', id: 1, what: 'card', now: Date.now(), key: session.encryption, binding: { sessionId: 's', orderId: 'o', amount: 1, currency: 'CNY' } });
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(answers).to.deep.equal([]);
    getByRole(el, 'button', { name: '请填写卡号' });
  });

  for (const [what, url] of [
    ['answers 404', () => new URL('/no-such-frame.html', frames.allowed).href],
    ['refuses this page (frame-ancestors)', () => frames.refusing],
  ] as const) {
    it(`says the card channel is unavailable, and tells the host, when the frame ${what}`, async function () {
      this.timeout(20_000);
      const { el, log } = await mountCheckout({ sessionUrl: '/api/session', cardFrame: url() });
      getByRole(el, 'radio', { name: '银行卡' }).click();
      const error = await log.next('shouyin-error', 12_000);
      expect(error.code).to.equal('card_frame_unavailable');
      // The frame's own message (the checkout's live regions are alerts too).
      const alert = await findByRole(el.shadowRoot!.querySelector('shouyin-card-frame')!, 'alert');
      expect(textOf(alert)).to.equal('银行卡暂不可用，请选择其他支付方式。');
      getByRole(el, 'button', { name: '确认支付 ¥128.00' }).click();
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(log.of('shouyin-submit')).to.deep.equal([]);
      expect(focusedIn(el), 'the pay click takes the payer to the message').to.equal(alert);
    });
  }

  it('fails the attempt as network_error, with nothing sent, when the frame stops answering', async function () {
    this.timeout(30_000);
    const { el, log } = await mountCheckout({ sessionUrl: '/api/session?amount=12800', cardFrame: frames.allowed });
    const radio = await chooseCard(el);
    radio.focus();
    await sendKeys({ press: 'Tab' });
    await type(NUMBER);
    await sendKeys({ press: 'Tab' });
    await type('0829');
    await sendKeys({ press: 'Tab' });
    await type('737');
    await payButtonSays(el, '确认支付 ¥128.00');
    // The frame goes away under the cashier (its page navigates): nobody answers on the channel.
    const iframe = frameElement(el)!;
    const gone = new Promise((resolve) => iframe.addEventListener('load', resolve, { once: true }));
    iframe.src = new URL('/gone.html', frames.allowed).href;
    await gone;
    getByRole(el, 'button', { name: '确认支付 ¥128.00' }).click();
    const failure = await log.next('shouyin-failure', 15_000);
    expect(failure.code).to.equal('network_error');
    const book = await ledger(failure.orderId);
    expect(book.attempts).to.deep.equal([]);
  });
});
