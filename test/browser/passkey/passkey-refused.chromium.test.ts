/**
 * A device with a fingerprint reader (Chromium's virtual authenticator, through the test
 * runner's `webauthn-authenticator` command), a payer the host says has a passkey, and a
 * backend that turns the passkey down (it has none for this payer, and no relying party for
 * this 127.0.0.1 page): the payer was told the fingerprint would confirm, presses pay once, is
 * told it did not, and pays with the CVV: one payment in the ledger, by CVV, no intent sent
 * for the refusal. (The payer's own refusal is tested on localhost, test/node/e2e/passkey.test.ts.)
 */
import { expect } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import type { ShouyinCheckout } from '../../../src/checkout/checkout.js';
import { randomToken } from '../../../src/protocol/base64url.js';
import { ledger, newSession } from '../../support/backend.js';
import { EventLog, mountCheckout, unmountAll } from '../../support/mount.js';
import { findByRole, getByRole } from '../../support/roles.js';
import { until } from '../../support/wait.js';

afterEach(async () => {
  unmountAll();
  await executeServerCommand('webauthn-authenticator', { remove: true });
});

const text = (el: ShouyinCheckout): string => el.shadowRoot!.textContent ?? '';

describe('passkeys: a passkey the backend turns down', () => {
  it('tells the payer, asks the CVV, and pays once with it', async function () {
    const attached = (await executeServerCommand('webauthn-authenticator', {})) as { supported: boolean };
    if (!attached.supported) this.skip();
    expect(await PublicKeyCredential.isUserVerifyingPlatformAuthenticatorAvailable()).to.equal(true);
    const session = await newSession(`payer=demo-single.${randomToken(6)}&passkeys=1&savedCardCvv=1`);
    const log = new EventLog();
    const { el } = await mountCheckout({ session: { ...session, passkey: { registered: true } } });
    getByRole(el, 'radio', { name: '银行卡' }).click();
    await el.updateComplete;
    await until(() => text(el).includes('用指纹或面容确认，无需输入安全码：付款时按提示验证即可。'), 'the passkey note');
    getByRole(el, 'button', { name: '确认支付 ¥128.00' }).click();
    const failure = await log.next('shouyin-failure');
    expect(failure.code).to.equal('passkey_rejected');
    expect(log.of('shouyin-submit')).to.have.length(1);
    await until(() => text(el).includes('未能用指纹或面容确认，请用原来的方式确认后再支付。'), 'the failure');
    const alert = el.shadowRoot!.querySelector('[role=alert]')!;
    expect(alert.textContent).to.contain('未能用指纹或面容确认');
    await until(() => text(el).includes('本次请用原来的方式确认。'), 'the note for this time');
    const cvv = (await findByRole(el, 'textbox', { name: '银联 尾号 1265 的安全码' })) as HTMLInputElement;
    cvv.focus();
    for (const char of '123') await sendKeys({ type: char });
    await el.updateComplete;
    getByRole(el, 'button', { name: '确认支付 ¥128.00' }).click();
    const success = await log.next('shouyin-success');
    const book = await ledger(success.orderId);
    expect(book.attempts.map((a) => [a.status, 'confirmedBy' in a.instrument])).to.deep.equal([['succeeded', false]]);
    // The refused attempt sent no intent: the only signed request is the CVV payment's.
    expect(book.tries).to.have.length(1);
    log.dispose();
  });
});
