/**
 * Passkeys where the device cannot use one: the browser test runner's page is on 127.0.0.1,
 * where no engine runs WebAuthn (an IP address is no relying party id), and Firefox and WebKit
 * have no virtual authenticator anyway. A payer the host says has a passkey is told this device
 * cannot, and confirms the card the usual way (the CVV): one payment. The passkey path itself
 * is tested in Chromium with a virtual authenticator (test/node/e2e/passkey.test.ts).
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { ShouyinCheckout } from '../../../src/checkout/checkout.js';
import { randomToken } from '../../../src/protocol/base64url.js';
import { ledger, newSession } from '../../support/backend.js';
import { EventLog, mountCheckout, unmountAll } from '../../support/mount.js';
import { findByRole, getByRole, queryAllByRole } from '../../support/roles.js';
import { until } from '../../support/wait.js';

afterEach(unmountAll);

const text = (el: ShouyinCheckout): string => el.shadowRoot!.textContent ?? '';

/** A session of a payer the host says has a passkey (as a returning payer's would). */
async function returningPayer(query = '') {
  const session = await newSession(`payer=demo-single.${randomToken(6)}&passkeys=1&savedCardCvv=1${query}`);
  expect(session.endpoints.passkeys).to.equal('/api/passkeys');
  return { ...session, passkey: { registered: true } };
}

async function chooseCardChannel(el: ShouyinCheckout, name = '银行卡'): Promise<void> {
  getByRole(el, 'radio', { name }).click();
  await el.updateComplete;
  await findByRole(el, 'radiogroup');
}

describe('passkeys on a device that cannot use one', () => {
  it('tells a payer with a passkey that this device cannot, asks the CVV, and pays once with it', async () => {
    const log = new EventLog();
    const { el } = await mountCheckout({ session: await returningPayer() });
    await chooseCardChannel(el);
    await until(() => text(el).includes('此设备无法用指纹或面容确认，请用原来的方式确认。'), 'the note that this device cannot');
    const cvv = (await findByRole(el, 'textbox', { name: '银联 尾号 1265 的安全码' })) as HTMLInputElement;
    expect(cvv.getBoundingClientRect().height).to.be.at.least(44);
    cvv.focus();
    for (const char of '123') await sendKeys({ type: char });
    await el.updateComplete;
    getByRole(el, 'button', { name: '确认支付 ¥128.00' }).click();
    const success = await log.next('shouyin-success');
    const book = await ledger(success.orderId);
    expect(book.attempts).to.have.length(1);
    expect(book.attempts[0]!.status).to.equal('succeeded');
    expect(book.attempts[0]!.instrument).not.to.have.property('confirmedBy');
    expect(JSON.parse(book.attempts[0]!.requestBody).instrument).not.to.have.property('passkey');
    // No offer of a passkey either: the device cannot make one.
    await el.updateComplete;
    expect(queryAllByRole(el, 'region', { name: '下次用指纹或面容支付' })).to.have.length(0);
    log.dispose();
  });

  it('speaks the payer\'s language (en), and a host\'s override', async () => {
    const { el } = await mountCheckout({ session: await returningPayer(), locale: 'en' });
    await chooseCardChannel(el, 'Bank card');
    await until(() => text(el).includes('This device cannot confirm with a fingerprint or face. Confirm the usual way.'), 'the English note');
    el.strings = { passkey: { noAuthenticator: 'Type the security code on this device.' } };
    await until(() => text(el).includes('Type the security code on this device.'), "the host's words");
  });

  it('without endpoints.passkeys nothing of it shows, whatever the session says of the payer', async () => {
    const session = await newSession(`payer=demo-single.${randomToken(6)}&savedCardCvv=1`);
    const { el } = await mountCheckout({ session: { ...session, passkey: { registered: true } } });
    await chooseCardChannel(el);
    await findByRole(el, 'textbox', { name: '银联 尾号 1265 的安全码' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(text(el)).not.to.contain('指纹');
  });
});
