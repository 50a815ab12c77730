/**
 * The 快捷支付 binding form with `card-frame` (issue 17): the card number, holder name, resident
 * ID, bank phone, expiry and CVV are typed in the card platform's frame on another origin
 * (web-test-runner.config.mjs, `startCardFrames`); this page keeps the bank line, the agreement
 * and the SMS code. Against the reference backend, whose ledger records every body it received.
 */
import { expect } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import { ledger } from '../../support/backend.js';
import { mountCheckout, unmountAll } from '../../support/mount.js';
import { accessibleName, findByRole, getByRole, queryAllByRole, textOf } from '../../support/roles.js';
import type { ShouyinCheckout } from '../../../src/checkout/checkout.js';
import type { ShouyinCardFrame } from '../../../src/card-frame/card-frame.js';
import { until } from '../../support/wait.js';
import { pageText } from '../../support/page-text.js';

const DEBIT = '6217990000000000006';
const ID = '110101199003074477';
const MOBILE = '13800138000';
/** What must never be readable in this page: the number (any 8 of its digits past the prefix), the ID, the phone, the name. */
const SECRETS = [ID, MOBILE, DEBIT, DEBIT.slice(8, 16), '张三', ID.slice(6, 14), MOBILE.slice(3)];

let frames: { allowed: string };
before(async () => {
  frames = (await executeServerCommand('card-frames')) as { allowed: string };
});

/** Every message data this page's scripts can read (window and port messages alike), as a host script could spy. */
const heard: string[] = [];
const dataGetter = Object.getOwnPropertyDescriptor(MessageEvent.prototype, 'data')!.get!;
beforeEach(() => {
  heard.length = 0;
  Object.defineProperty(MessageEvent.prototype, 'data', {
    configurable: true,
    get(this: MessageEvent) {
      const data: unknown = dataGetter.call(this);
      const text = JSON.stringify(data) ?? '';
      // The test runner's own replies (what `card-frame-look` read inside the frame, for this test) are not the cashier's.
      if (!text.includes('message-response')) heard.push(text);
      return data;
    },
  });
});
afterEach(() => {
  Object.defineProperty(MessageEvent.prototype, 'data', { configurable: true, get: dataGetter });
  unmountAll();
});

async function type(text: string): Promise<void> {
  for (const char of text) await sendKeys({ type: char });
}

function form(el: ShouyinCheckout): HTMLElement {
  return el.shadowRoot!.querySelector<HTMLElement>('shouyin-frame-binding')!;
}

function cardFrame(el: ShouyinCheckout): ShouyinCardFrame {
  return form(el).shadowRoot!.querySelector('shouyin-card-frame')!;
}

function iframe(el: ShouyinCheckout): HTMLIFrameElement | null | undefined {
  return form(el)?.shadowRoot?.querySelector('shouyin-card-frame')?.shadowRoot?.querySelector('iframe');
}

function bankLine(el: ShouyinCheckout): HTMLElement {
  return form(el).shadowRoot!.querySelector<HTMLElement>('[part=bank]')!;
}

/** The focused element inside the cashier, through its shadow roots. */
function focusedIn(el: ShouyinCheckout): Element | null {
  let active: Element | null = el.shadowRoot!.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

interface Look {
  supported: boolean;
  found?: boolean;
  labels?: string[];
  errors?: string[];
  values?: Record<string, string>;
  tall?: number[];
}

/** What the frame page shows, read by the driver inside the frame; WebKitGTK's driver cannot (`supported: false`). */
async function look(): Promise<Look> {
  return (await executeServerCommand('card-frame-look')) as Look;
}

/** A binding session in frame mode, the card channel picked, the frame open; focus moved into its number field by Tab. */
async function start(query = '', options: { locale?: string; colorScheme?: string; card?: string } = {}): Promise<Awaited<ReturnType<typeof mountCheckout>>> {
  const { card = '银行卡', ...rest } = options;
  const mounted = await mountCheckout({ sessionUrl: `/api/session?amount=12800&binding=1${query}`, cardFrame: frames.allowed, ...rest });
  const { el } = mounted;
  const radio = getByRole(el, 'radio', { name: card }) as HTMLInputElement;
  radio.click();
  await until(() => (iframe(el)?.getBoundingClientRect().height ?? 0) > 0, 'the card frame open');
  expect(new URL(iframe(el)!.src).origin).not.to.equal(location.origin);
  radio.focus();
  await sendKeys({ press: 'Tab' });
  expect(focusedIn(el), 'Tab from the channel list').to.equal(iframe(el));
  return mounted;
}

/** The code the simulated bank "sent" (the reference backend's demo-only route). */
async function smsCode(orderId: string): Promise<string> {
  const book = (await ledger(orderId)) as unknown as { bindings: { id: string }[] };
  return ((await (await fetch(`/api/bindings/${book.bindings.at(-1)!.id}/code`)).json()) as { code: string }).code;
}

/** Ticks the agreement and asks for the code; resolves to where the page says the code went. */
async function getCode(el: ShouyinCheckout): Promise<string> {
  (getByRole(form(el), 'checkbox', { name: /快捷支付服务协议/ }) as HTMLInputElement).click();
  getByRole(form(el), 'button', { name: '获取验证码' }).click();
  await findByRole(form(el), 'textbox', { name: '短信验证码' }, 10_000);
  return textOf(form(el).shadowRoot!.querySelector('#code-sent')!);
}

async function payWithCode(el: ShouyinCheckout, log: Awaited<ReturnType<typeof mountCheckout>>['log']): Promise<string> {
  getByRole(form(el), 'textbox', { name: '短信验证码' }).focus();
  await type(await smsCode(el.readyDetail!.orderId));
  getByRole(el, 'button', { name: '确认支付 ¥128.00' }).click();
  const success = await log.first('shouyin-success', 15_000);
  return success.orderId;
}

describe('card-frame: the binding form\'s card and identity fields in the card platform\'s frame', function () {
  // Typing some 50 characters key by key into a frame takes WebKit's WebDriver a while.
  this.timeout(60_000);

  it('a debit payer binds and pays through the frame; no number, name, ID or phone reaches this page or a body in the clear', async () => {
    const { el, log } = await start();
    await type(DEBIT);
    await until(() => textOf(bankLine(el)).includes('中国邮政储蓄银行 储蓄卡'), 'the bank shown');
    // The page told the frame the debit card's fields: no expiry, no CVV.
    await until(() => String(cardFrame(el).binding) === 'name,idNumber,mobile', 'the debit layout sent to the frame');
    await sendKeys({ press: 'Tab' });
    await type('张三');
    await sendKeys({ press: 'Tab' });
    await type(ID);
    await sendKeys({ press: 'Tab' });
    await type(MOBILE);
    const shown = await look();
    if (shown.supported) {
      expect(shown.labels).to.deep.equal(['卡号', '持卡人姓名', '身份证号', '银行预留手机号']);
      // Left, the ID shows masked in the frame; every field is a 44 px target.
      expect(shown.values?.idNumber).to.equal('110***********4477');
      for (const height of shown.tall ?? []) expect(height).to.be.at.least(44);
    }
    // No field of the card or the holder in this page.
    expect(queryAllByRole(el, 'textbox', { name: '卡号' })).to.have.length(0);
    expect(queryAllByRole(el, 'textbox', { name: '身份证号' })).to.have.length(0);
    // Tab leaves the frame for the agreement.
    await sendKeys({ press: 'Tab' });
    expect(focusedIn(el)).to.equal(getByRole(form(el), 'checkbox', { name: /快捷支付服务协议/ }));

    // The page never had the phone: the bank's answer says where the code went, masked.
    expect(await getCode(el)).to.equal('验证码已发送至 138****8000');
    const orderId = await payWithCode(el, log);
    const book = (await ledger(orderId)) as unknown as {
      paid: boolean;
      attempts: { status: string; requestBody: string }[];
      bindings: { status: string; bank: string; last4: string }[];
      bindingRequests: string[];
    };
    expect(book.paid).to.equal(true);
    expect(book.attempts.map((a) => a.status)).to.deep.equal(['succeeded']);
    // The backend decrypted the frame's JWE: the PSBC debit card, last four 0006, bound.
    expect(book.bindings).to.have.length(1);
    expect(book.bindings[0]).to.include({ status: 'bound', bank: 'PSBC', last4: '0006' });
    expect(book.bindingRequests.some((body) => body.includes('"iin":"621799"'))).to.equal(true);
    expect(book.bindingRequests.some((body) => /"encrypted":"\[jwe: 5 parts, \d+ chars\]"/.test(body))).to.equal(true);
    expect(heard.some((m) => m.includes('"sealed"')), 'the JWE crossed as a message').to.equal(true);

    const wire = [...book.bindingRequests, ...book.attempts.map((a) => a.requestBody)].join('\n');
    for (const [where, text] of [
      ['page', pageText()],
      ['messages', heard.join('\n')],
      ['events', JSON.stringify(log.events)],
      ['request bodies', wire],
      ['storage', JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage })],
      ['URL', location.href],
    ] as const) {
      for (const secret of SECRETS) expect(text, `${where} holds ${secret}`).not.to.contain(secret);
    }
  });

  it('names the frame for the binding form, not the card form, to assistive technology', async () => {
    const { el } = await start();
    expect(accessibleName(iframe(el)!)).to.equal('银行卡快捷支付信息');
  });

  it('lays out a credit card\'s expiry and CVV in the frame, from the card info the page asked', async () => {
    const { el } = await start();
    await type('439225');
    await until(() => textOf(bankLine(el)) === '招商银行 信用卡', 'the credit card named');
    await until(() => String(cardFrame(el).binding) === 'name,idNumber,mobile,expiry,cvv', 'the credit layout sent to the frame');
    const shown = await look();
    if (shown.supported) expect(shown.labels).to.deep.equal(['卡号', '持卡人姓名', '身份证号', '银行预留手机号', '有效期', '安全码']);
    // Only the prefix crossed: the frame's messages never hold more than 8 digits in a row.
    for (const message of heard) expect(message).not.to.match(/\d{9,}/);
  });

  it('reports a wrong ID check character from the frame by its kind only, and sends nothing', async () => {
    const { el } = await start();
    await type(DEBIT);
    await until(() => textOf(bankLine(el)).includes('中国邮政储蓄银行 储蓄卡'), 'the bank shown');
    await sendKeys({ press: 'Tab' });
    await type('张三');
    await sendKeys({ press: 'Tab' });
    await type('110101199003074478');
    // The frame reports as each key lands: 'incomplete' until the eighteenth character arrives.
    await until(() => cardFrame(el).said.missing === 'idNumber' && cardFrame(el).said.problem !== 'incomplete', 'the frame judges the whole ID');
    expect(cardFrame(el).said).to.include({ complete: false, missing: 'idNumber', problem: 'check-digit', field: 'idNumber' });
    const shown = await look();
    if (shown.supported) expect(shown.errors).to.deep.equal(['身份证号有误，请核对最后一位']);
    expect(heard.join('\n')).not.to.contain('110101199003074478');

    (getByRole(form(el), 'checkbox', { name: /快捷支付服务协议/ }) as HTMLInputElement).click();
    getByRole(form(el), 'button', { name: '获取验证码' }).click();
    // Focus goes back into the frame (to the ID field, which the frame shows), and no binding is asked.
    await until(() => focusedIn(el) === iframe(el), 'focus in the frame');
    const after = await look();
    if (after.supported) expect((after as Look & { focused: string }).focused).to.equal('idNumber');
    await new Promise((resolve) => setTimeout(resolve, 300));
    const book = (await ledger(el.readyDetail!.orderId)) as unknown as { bindingRequests: string[] };
    expect(book.bindingRequests.filter((body) => body.includes('"agreed"'))).to.deep.equal([]);
    expect(queryAllByRole(form(el), 'textbox', { name: '短信验证码' })).to.have.length(0);
  });

  it('a payer the host verified types only the card number in the frame, and the code', async () => {
    const { el, log } = await start('&knownPayer=1');
    await type(DEBIT);
    await until(() => textOf(bankLine(el)).includes('中国邮政储蓄银行 储蓄卡'), 'the bank shown');
    await until(() => String(cardFrame(el).binding) === '', 'no field but the number');
    const shown = await look();
    if (shown.supported) expect(shown.labels).to.deep.equal(['卡号']);
    expect(textOf(form(el).shadowRoot!.querySelector('[part="payer"]')!)).to.equal('持卡人 张*丰，身份证 1101**********4477');
    expect(await getCode(el)).to.equal('验证码已发送至 138****0006');
    const orderId = await payWithCode(el, log);
    const book = (await ledger(orderId)) as unknown as { attempts: { status: string }[]; bindings: { status: string }[] };
    expect(book.bindings.map((b) => b.status)).to.deep.equal(['bound']);
    expect(book.attempts.map((a) => a.status)).to.deep.equal(['succeeded']);
    expect(pageText()).not.to.contain(DEBIT.slice(8, 16));
  });

  it('speaks the cashier\'s language from its own catalog and takes its color scheme', async () => {
    const { el } = await start('', { locale: 'en', colorScheme: 'dark', card: 'Bank card' });
    await type('439225');
    await until(() => String(cardFrame(el).binding) === 'name,idNumber,mobile,expiry,cvv', 'the credit layout sent to the frame');
    expect(accessibleName(iframe(el)!)).to.equal('Bank card quick pay details');
    const shown = (await look()) as Look & { lang?: string; scheme?: string };
    if (!shown.supported) return; // WebKitGTK's driver cannot read inside a frame.
    expect(shown).to.include({ lang: 'en', scheme: 'dark' });
    expect(shown.labels).to.deep.equal(['Card number', 'Cardholder name', 'Resident ID number', 'Mobile number registered with the bank', 'Expiry', 'Security code']);
  });

  it('a detail changed in the frame after the code was sent drops that code: the page asks for a new one', async () => {
    const { el } = await start('&knownPayer=1');
    await type(DEBIT);
    await until(() => textOf(bankLine(el)).includes('中国邮政储蓄银行 储蓄卡'), 'the bank shown');
    await getCode(el);
    // Back into the frame by keyboard, to its only field, the number, and change it.
    (getByRole(el, 'radio', { name: '银行卡' }) as HTMLInputElement).focus();
    await sendKeys({ press: 'Tab' });
    expect(focusedIn(el)).to.equal(iframe(el));
    await sendKeys({ press: 'Backspace' });
    await until(() => queryAllByRole(form(el), 'textbox', { name: '短信验证码' }).length === 0, 'the code step dropped');
    getByRole(form(el), 'button', { name: '获取验证码' });
  });
});
