import { expect, waitUntil } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import '../../../src/index.js';
import type { ShouyinCardForm, CardChangeDetail } from '../../../src/card/card-form.js';
import { messagesFor } from '../../../src/i18n/locale.js';
import { loadCardForm, loadCatalog } from '../../../src/lazy/load.js';
import { accessibleDescription, getByRole, queryAllByRole } from '../../support/roles.js';

interface ValidCard {
  number: string;
  brand: string;
  formatted: string;
}
interface Formatting {
  digits: string;
  brand: string | null;
  formatted: string;
}
const vectors = (await (await fetch('/test/vectors/card-numbers.json')).json()) as {
  formatting: Formatting[];
  valid: ValidCard[];
};
// The form is a lazy chunk: a page that creates it itself loads it first.
await loadCardForm();
/** The first published number of each brand in the vectors. */
const onePerBrand = [...new Map(vectors.valid.map((card) => [card.brand, card])).values()];

const NOW = Date.parse('2026-11-22T12:00:00+08:00');
let form: ShouyinCardForm;
let changes: CardChangeDetail[];

async function mountForm(locale: 'zh-CN' | 'en' = 'zh-CN'): Promise<ShouyinCardForm> {
  const el = document.createElement('shouyin-card-form');
  await loadCatalog(locale);
  el.messages = messagesFor(locale).card;
  el.now = NOW;
  changes = [];
  el.addEventListener('shouyin-card-change', (e) => changes.push(e.detail));
  document.body.append(el);
  await el.updateComplete;
  await el.updateComplete;
  return el;
}

function field(name: string): HTMLInputElement {
  return getByRole(form, 'textbox', { name }) as HTMLInputElement;
}

/**
 * Focuses a field and types into it with real key events, one character per command:
 * WebKitWebDriver drops a character typed twice in a row within one command ('55' → '5').
 */
async function typeInto(name: string, text: string): Promise<HTMLInputElement> {
  const input = field(name);
  input.focus();
  for (const char of text) await sendKeys({ type: char });
  await form.updateComplete;
  return input;
}

function digitsBefore(input: HTMLInputElement): number {
  return input.value.slice(0, input.selectionStart ?? 0).replace(/\D/g, '').length;
}

describe('<shouyin-card-form> typing', () => {
  beforeEach(async () => {
    form = await mountForm();
  });
  afterEach(() => form.remove());

  it('is accessible, with labelled numeric fields of at least 16 px and card autocomplete', async () => {
    await expect(form).to.be.accessible();
    const number = field('卡号');
    expect(number.inputMode).to.equal('numeric');
    expect(number.getAttribute('autocomplete')).to.equal('cc-number');
    expect(field('有效期').getAttribute('autocomplete')).to.equal('cc-exp');
    expect(field('安全码').getAttribute('autocomplete')).to.equal('cc-csc');
    for (const input of queryAllByRole(form, 'textbox')) {
      expect(parseFloat(getComputedStyle(input).fontSize)).to.be.at.least(16);
      expect(input.getBoundingClientRect().height).to.be.at.least(44);
    }
    expect(number.value).to.equal('');
  });

  it('lays the number across the form, expiry and CVV side by side below it, and the name across again', async () => {
    form.requireName = true;
    form.style.inlineSize = '320px';
    await form.updateComplete;
    const box = (name: string) => field(name).getBoundingClientRect();
    const [number, expiry, cvv, name] = [box('卡号'), box('有效期'), box('安全码'), box('持卡人姓名')];
    expect(number.width).to.be.closeTo(320, 1);
    expect(expiry.top).to.be.above(number.bottom);
    expect(cvv.top).to.equal(expiry.top);
    expect(cvv.left).to.be.above(expiry.right);
    expect(expiry.width).to.be.closeTo(cvv.width, 1);
    expect(expiry.width + cvv.width).to.be.within(290, 310);
    expect(name.top).to.be.above(cvv.bottom);
    expect(name.width).to.be.closeTo(320, 1);
  });

  for (const { digits, brand, formatted } of vectors.formatting.filter((v) => v.digits.length > 0)) {
    it(`types ${digits} as "${formatted}" (${brand ?? 'no brand yet'})`, async () => {
      const input = await typeInto('卡号', digits);
      expect(input.value).to.equal(formatted);
      expect(input.selectionStart).to.equal(formatted.length);
      expect(changes.at(-1)?.brand ?? null).to.equal(brand);
      if (brand) getByRole(form, 'img', { name: /卡组织/ });
    });
  }

  for (const card of onePerBrand) {
    it(`types a ${card.brand} number, shows it grouped with its brand, and finds it valid`, async () => {
      const input = await typeInto('卡号', card.number);
      expect(input.value).to.equal(card.formatted);
      expect(changes.at(-1)?.brand).to.equal(card.brand);
      expect(changes.at(-1)?.missing).to.equal('expiry');
    });
  }

  it('stops at the brand’s longest number', async () => {
    const input = await typeInto('卡号', '55555555555544441');
    expect(input.value).to.equal('5555 5555 5555 4444');
    const amex = field('卡号');
    amex.select();
    await sendKeys({ press: 'Backspace' });
    await typeInto('卡号', '3782822463100059');
    expect(amex.value).to.equal('3782 822463 10005');
  });

  it('takes a longer number pasted over a whole shorter one, and refuses a digit that does not fit', async () => {
    const input = await typeInto('卡号', '378282246310005');
    input.setSelectionRange(6, 6); // "3782 8|22463 10005": the Amex number is full
    await sendKeys({ type: '9' });
    expect(input.value).to.equal('3782 822463 10005');
    input.select();
    document.execCommand('insertText', false, '6205500000000000004');
    await form.updateComplete;
    expect(input.value).to.equal('6205 5000 0000 0000 004');
    expect(changes.at(-1)?.brand).to.equal('unionpay');
  });

  it('turns full-width IME digits into plain digits', async () => {
    const input = await typeInto('卡号', '４２４２４２４２４２４２４２４２');
    expect(input.value).to.equal('4242 4242 4242 4242');
  });

  it('formats digits an Android keyboard sends as one long composition, before any blur', async function () {
    const input = field('卡号');
    input.focus();
    const steps = ['4', '42', '424', '4242', '42424'].map((compose) => ({ compose }));
    const result = await executeServerCommand<{ supported: boolean }, { steps: object[] }>('ime-compose', { steps });
    // Real IME input is reachable only through Chromium's DevTools protocol.
    if (!result?.supported) this.skip();
    await form.updateComplete;
    expect(input.value).to.equal('4242 4');
    expect(changes.at(-1)?.brand).to.equal('visa');
    expect(form.shadowRoot!.activeElement).to.equal(input);
  });

  it('leaves a pinyin composition alone until it is committed', async function () {
    const input = await typeInto('卡号', '4242');
    const result = await executeServerCommand<{ supported: boolean }, { steps: object[] }>('ime-compose', {
      steps: [{ compose: 'y' }, { compose: 'yi' }],
    });
    if (!result?.supported) this.skip();
    expect(input.value).to.contain('yi');
    await executeServerCommand('ime-compose', { steps: [{ commit: '１' }] });
    await form.updateComplete;
    expect(input.value).to.equal('4242 1');
  });

  it('formats a number pasted or autofilled at once, with its separators dropped', async () => {
    const input = field('卡号');
    input.focus();
    document.execCommand('insertText', false, '4111-1111.1111 1111');
    await form.updateComplete;
    expect(input.value).to.equal('4111 1111 1111 1111');
    expect(changes.at(-1)?.brand).to.equal('visa');
  });

  it('keeps the caret where the payer edits in the middle', async () => {
    const input = await typeInto('卡号', '4242424242424242');
    input.setSelectionRange(7, 7); // "4242 42|42 …": two digits into the second group
    await sendKeys({ type: '9' });
    // Visa numbers run to 19 digits, so the 17th is kept.
    expect(input.value).to.equal('4242 4294 2424 2424 2');
    expect(digitsBefore(input)).to.equal(7);
  });

  it('deletes the digit before a group space with Backspace', async () => {
    const input = await typeInto('卡号', '4242424242424242');
    input.setSelectionRange(5, 5); // just after "4242 "
    await sendKeys({ press: 'Backspace' });
    expect(input.value).to.equal('4244 2424 2424 242');
    expect(digitsBefore(input)).to.equal(3);
  });

  it('deletes the digit after a group space with Delete', async () => {
    const input = await typeInto('卡号', '4242424242424242');
    input.setSelectionRange(4, 4); // just before " 4242 …"
    await sendKeys({ press: 'Delete' });
    expect(input.value).to.equal('4242 2424 2424 242');
    expect(digitsBefore(input)).to.equal(4);
  });

  it('deletes the digit before a group space when the deletion comes without a key (as from an Android keyboard)', async () => {
    const input = await typeInto('卡号', '4242424242424242');
    input.setSelectionRange(10, 10); // just after "4242 4242 "
    // An input event of type deleteContentBackward with no Backspace keydown before it.
    document.execCommand('delete');
    await form.updateComplete;
    expect(input.value).to.equal('4242 4244 2424 242');
    expect(digitsBefore(input)).to.equal(7);
  });

  it('formats an autofilled number without taking focus from the field the payer is in', async () => {
    const expiry = field('有效期');
    expiry.focus();
    const number = field('卡号');
    // What autofill does: the value is set and an input event fired, with focus elsewhere.
    number.value = '4111111111111111';
    number.dispatchEvent(new Event('input', { bubbles: true }));
    await form.updateComplete;
    expect(number.value).to.equal('4111 1111 1111 1111');
    expect(changes.at(-1)?.brand).to.equal('visa');
    expect(form.shadowRoot!.activeElement).to.equal(expiry);
  });

  it('puts the slash, dash, dot or full-width separator a payer types in the expiry on its slash', async () => {
    for (const [typed, shown] of [
      ['12-', '12/'],
      ['08.29', '08/29'],
      ['１２／２９', '12/29'],
      ['0829', '08/29'],
    ]) {
      const expiry = await typeInto('有效期', typed);
      expect(expiry.value, typed).to.equal(shown);
      expect(expiry.selectionStart, typed).to.equal(shown.length);
      expiry.select();
      await sendKeys({ press: 'Backspace' });
    }
  });

  it('deletes the month’s last digit with Backspace right after the expiry’s slash', async () => {
    const expiry = await typeInto('有效期', '0829');
    expiry.setSelectionRange(3, 3); // "08/|29"
    await sendKeys({ press: 'Backspace' });
    expect(expiry.value).to.equal('02/9');
    expect(expiry.selectionStart).to.equal(1);
  });

  it('puts the expiry’s slash in after the month as the payer types on, and Backspace takes it back', async () => {
    const expiry = await typeInto('有效期', '12');
    expect(expiry.value).to.equal('12');
    await sendKeys({ type: '3' });
    expect(expiry.value).to.equal('12/3');
    expect(expiry.selectionStart).to.equal(4);
    await sendKeys({ press: 'Backspace' });
    expect(expiry.value).to.equal('12/');
    await sendKeys({ press: 'Backspace' });
    expect(expiry.value).to.equal('12');
    await sendKeys({ press: 'Backspace' });
    expect(expiry.value).to.equal('1');
  });

  it('shows errors on blur, not while the payer is still typing', async () => {
    await typeInto('卡号', '4242');
    expect(field('卡号').getAttribute('aria-invalid')).to.equal('false');
    expect(accessibleDescription(field('卡号'))).to.equal('');
    await sendKeys({ press: 'Tab' });
    await form.updateComplete;
    const number = field('卡号');
    expect(number.getAttribute('aria-invalid')).to.equal('true');
    expect(accessibleDescription(number)).to.equal('卡号位数不足');
  });

  it('counts the field the payer was in when paying disables the form as left: its error shows once it has one', async () => {
    await typeInto('卡号', '4242424242424242');
    await typeInto('有效期', '0829');
    const cvv = await typeInto('安全码', '737');
    form.disabled = true;
    await form.updateComplete;
    // Chromium blurs the field as the form renders disabled, Firefox and WebKit a frame later.
    await waitUntil(() => form.shadowRoot!.activeElement === null, 'the disabled field keeps focus');
    for (const input of queryAllByRole(form, 'textbox')) expect(input.getAttribute('aria-invalid'), input.id).to.equal('false');
    // A decline: the form is enabled again without the CVV. The cashier emptied it, not the
    // payer: no error, and the hint says what to type.
    form.disabled = false;
    form.clearCvv();
    await form.updateComplete;
    expect(cvv.value).to.equal('');
    expect(cvv.getAttribute('aria-invalid')).to.equal('false');
    expect(accessibleDescription(cvv)).to.equal('卡背面 3 位数字');
    expect(changes.at(-1)).to.deep.include({ complete: false, missing: 'cvv' });
  });

  it('takes back the errors it showed when it is reset, even one for a field already empty', async () => {
    await typeInto('卡号', '4242');
    await sendKeys({ press: 'Tab' });
    field('卡号').select();
    await sendKeys({ press: 'Backspace' });
    await form.updateComplete;
    expect(accessibleDescription(field('卡号'))).to.equal('请输入卡号');
    form.reset();
    await form.updateComplete;
    expect(field('卡号').value).to.equal('');
    expect(field('卡号').getAttribute('aria-invalid')).to.equal('false');
    expect(accessibleDescription(field('卡号'))).to.equal('');
  });

  it('checks the expiry against the current month: this month passes, last month and month 13 do not', async () => {
    const expiry = await typeInto('有效期', '1126');
    expect(expiry.value).to.equal('11/26');
    await sendKeys({ press: 'Tab' });
    await form.updateComplete;
    expect(field('有效期').getAttribute('aria-invalid')).to.equal('false');
    expiry.select();
    await sendKeys({ press: 'Backspace' });
    await typeInto('有效期', '1026');
    await sendKeys({ press: 'Tab' });
    await form.updateComplete;
    expect(accessibleDescription(field('有效期'))).to.equal('该卡已过期');
    expiry.select();
    await sendKeys({ press: 'Backspace' });
    await typeInto('有效期', '1327');
    await sendKeys({ press: 'Tab' });
    await form.updateComplete;
    expect(accessibleDescription(field('有效期'))).to.equal('月份应在 01 到 12 之间');
  });

  it('takes the CVV length from the brand', async () => {
    await typeInto('卡号', '378282246310005');
    const cvv = await typeInto('安全码', '12345');
    expect(cvv.value).to.equal('1234');
    form.remove();
    form = await mountForm();
    await typeInto('卡号', '4242424242424242');
    expect((await typeInto('安全码', '12345')).value).to.equal('123');
  });

  it('says what is missing, in order, and completes when all is valid', async () => {
    await typeInto('卡号', '6200000000000005');
    expect(changes.at(-1)).to.deep.include({ complete: false, missing: 'expiry', brand: 'unionpay' });
    await typeInto('有效期', '0829');
    expect(changes.at(-1)).to.deep.include({ complete: false, missing: 'cvv' });
    await typeInto('安全码', '123');
    expect(changes.at(-1)).to.deep.include({ complete: true, missing: null });
    // The event never carries the number.
    expect(JSON.stringify(changes)).not.to.contain('6200000000000005');
  });

  it('asks for the holder name when the session wants it', async () => {
    form.requireName = true;
    await form.updateComplete;
    await typeInto('卡号', '6200000000000005');
    await typeInto('有效期', '0829');
    await typeInto('安全码', '123');
    expect(changes.at(-1)).to.deep.include({ complete: false, missing: 'name' });
    await typeInto('持卡人姓名', '张三');
    expect(changes.at(-1)).to.deep.include({ complete: true, missing: null });
    expect(form.take()).to.deep.include({ holderName: '张三', expMonth: 8, expYear: 2029 });
  });

  it('on take() with gaps, shows every error and focuses the first field that needs the payer', async () => {
    await typeInto('有效期', '0829');
    expect(form.take()).to.equal(undefined);
    await form.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(form.shadowRoot!.activeElement).to.equal(field('卡号'));
    expect(accessibleDescription(field('卡号'))).to.equal('请输入卡号');
    // The error comes with the hint that says how many digits, not instead of it.
    expect(accessibleDescription(field('安全码'))).to.equal('请输入安全码 卡背面 3 位数字');
  });

  it('clears the number and CVV when it leaves the page, and keeps them cleared when it returns', async () => {
    await typeInto('卡号', '4242424242424242');
    await typeInto('安全码', '123');
    const parent = form.parentElement!;
    form.remove();
    parent.append(form);
    await form.updateComplete;
    expect(field('卡号').value).to.equal('');
    expect(field('安全码').value).to.equal('');
    await typeInto('卡号', '4111111111111111');
    expect(field('卡号').value).to.equal('4111 1111 1111 1111');
  });
});
