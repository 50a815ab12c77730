/**
 * Passkeys end to end in Chromium, with a virtual platform authenticator (CDP `WebAuthn`):
 * the built bundle on a page of the demo server, the reference backend behind it, as a payer
 * would use them. WebAuthn needs a secure context whose host is a domain, so the page is on
 * `http://localhost` (the browser test runner's 127.0.0.1 cannot: Chromium refuses an IP
 * address as a relying party id), which is why this lives here and not in test/browser/.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { createDemoServer } from '../../../demo/demo-server.js';
import { randomToken } from '../../../src/protocol/base64url.js';
import { buildOnce } from '../built.js';
import { launchChromium } from '../chromium.js';

let origin = '';
let browser: Browser;
let server: ReturnType<typeof createDemoServer>;

before(async () => {
  buildOnce();
  server = createDemoServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://localhost:${(server.address() as AddressInfo).port}`;
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

interface Authenticator {
  cdp: CDPSession;
  id: string;
}

/** A fingerprint reader as Chromium simulates one: internal, user-verifying, resident keys. */
async function addAuthenticator(page: Page, isUserVerified = true): Promise<Authenticator> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: { protocol: 'ctap2', transport: 'internal', hasUserVerification: true, isUserVerified, hasResidentKey: true, automaticPresenceSimulation: true },
  });
  return { cdp, id: authenticatorId };
}

/** The built bundle with a checkout of a session of `payer`, and the host events it fires. */
async function openCheckout(page: Page, query: string): Promise<void> {
  await page.route(`${origin}/passkey.html`, (route) =>
    route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body: `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body><script src="/dist/shouyin.min.js"></script>
<shouyin-checkout session-url="/api/session?${query}"></shouyin-checkout>
<script>
  window.events = [];
  for (const name of ['shouyin-submit', 'shouyin-success', 'shouyin-failure']) {
    document.addEventListener(name, (e) => window.events.push({ name, detail: e.detail }));
  }
</script></body></html>`,
    }),
  );
  await page.goto(`${origin}/passkey.html`);
}

async function payByCard(page: Page): Promise<void> {
  await page.getByRole('radio', { name: /银行卡/ }).first().click();
  // The saved card is preselected.
  await page.getByRole('radio', { name: /尾号 1265/ }).waitFor();
}

const events = (page: Page) => page.evaluate(() => (window as unknown as { events: { name: string; detail: Record<string, unknown> }[] }).events);

async function ledgerOf(page: Page): Promise<any> {
  const success = (await events(page)).find((e) => e.name === 'shouyin-success');
  assert.ok(success, 'the order was paid');
  return (await fetch(`${origin}/api/orders/${encodeURIComponent(String(success.detail.orderId))}`)).json();
}

/** Registers a passkey for `payer` as the success view offers it, after a saved-card payment. */
async function register(page: Page, payer: string): Promise<void> {
  await openCheckout(page, `payer=${payer}&passkeys=1`);
  await payByCard(page);
  await page.locator('[part="pay-button"]').click();
  await page.getByRole('heading', { name: '支付成功' }).waitFor();
  const offer = page.getByRole('region', { name: '下次用指纹或面容支付' });
  await offer.waitFor();
  const accept = offer.getByRole('button', { name: '开启' });
  for (const button of [accept, offer.getByRole('button', { name: '不用了' })]) assert.ok((await button.boundingBox())!.height >= 44);
  // By keyboard, as a screen reader user would.
  await accept.focus();
  await page.keyboard.press('Enter');
  const done = page.getByRole('status').filter({ hasText: '已开启。下次在本设备上可以用指纹或面容支付。' });
  await done.waitFor();
  // The buttons are gone: focus is on what says how it went.
  await page.waitForFunction(() => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active?.textContent?.includes('已开启');
  });
}

describe('passkeys in Chromium with a virtual authenticator', () => {
  it('offers a passkey after a saved-card payment; the next session of the payer pays with it, no CVV typed', async () => {
    const payer = `demo-single.${randomToken(8)}`;
    const context = await browser.newContext();
    const page = await context.newPage();
    const authenticator = await addAuthenticator(page);
    await register(page, payer);
    const { credentials } = await authenticator.cdp.send('WebAuthn.getCredentials', { authenticatorId: authenticator.id });
    assert.equal(credentials.length, 1);

    // A new order of the same payer, whose host asks a saved card's CVV: the passkey replaces it.
    await openCheckout(page, `payer=${payer}&passkeys=1&savedCardCvv=1`);
    await payByCard(page);
    await page.getByText('用指纹或面容确认，无需输入安全码：付款时按提示验证即可。').waitFor();
    assert.equal(await page.getByLabel(/安全码/).count(), 0);
    await page.locator('[part="pay-button"]').click();
    await page.getByRole('heading', { name: '支付成功' }).waitFor();
    const book = await ledgerOf(page);
    assert.equal(book.attempts.length, 1);
    assert.equal(book.attempts[0].status, 'succeeded');
    assert.equal(book.attempts[0].instrument.confirmedBy, 'passkey');
    assert.equal(book.attempts[0].instrument.passkeyId, credentials[0].credentialId.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''));
    // No second offer: the payer has one.
    assert.equal(await page.getByRole('region', { name: '下次用指纹或面容支付' }).count(), 0);
    const names = (await events(page)).map((e) => e.name);
    assert.deepEqual(names, ['shouyin-submit', 'shouyin-success']);
    await context.close();
  });

  it('a refused fingerprint falls back to the CVV with a message; one payment, by CVV', async () => {
    const payer = `demo-single.${randomToken(8)}`;
    const context = await browser.newContext();
    const page = await context.newPage();
    const authenticator = await addAuthenticator(page);
    await register(page, payer);
    await authenticator.cdp.send('WebAuthn.setUserVerified', { authenticatorId: authenticator.id, isUserVerified: false });

    await openCheckout(page, `payer=${payer}&passkeys=1&savedCardCvv=1`);
    await payByCard(page);
    await page.locator('[part="pay-button"]').click();
    await page.getByText('未能用指纹或面容确认，请用原来的方式确认后再支付。').first().waitFor();
    await page.getByText('本次请用原来的方式确认。').waitFor();
    const cvv = page.getByLabel(/安全码/);
    await cvv.fill('123');
    await page.locator('[part="pay-button"]').click();
    await page.getByRole('heading', { name: '支付成功' }).waitFor();
    const book = await ledgerOf(page);
    // The refused passkey sent nothing: the ledger has the CVV payment alone.
    assert.deepEqual(book.attempts.map((a: { status: string; instrument: { confirmedBy?: string } }) => [a.status, a.instrument.confirmedBy ?? 'cvv']), [['succeeded', 'cvv']]);
    const failure = (await events(page)).find((e) => e.name === 'shouyin-failure');
    assert.equal(failure?.detail.code, 'passkey_declined');
    await context.close();
  });

  it('"不用了" closes the offer, and nothing is registered', async () => {
    const payer = `demo-single.${randomToken(8)}`;
    const context = await browser.newContext();
    const page = await context.newPage();
    const authenticator = await addAuthenticator(page);
    await openCheckout(page, `payer=${payer}&passkeys=1`);
    await payByCard(page);
    await page.locator('[part="pay-button"]').click();
    const offer = page.getByRole('region', { name: '下次用指纹或面容支付' });
    await offer.getByRole('button', { name: '不用了' }).click();
    await offer.waitFor({ state: 'detached' });
    const { credentials } = await authenticator.cdp.send('WebAuthn.getCredentials', { authenticatorId: authenticator.id });
    assert.equal(credentials.length, 0);
    await context.close();
  });

  it('a card bound and saved offers a passkey; the next order pays that card with it and no SMS code; a refusal asks the code', async () => {
    const payer = `p_bound_${randomToken(8)}`;
    const query = `payer=${payer}&passkeys=1&binding=1`;
    const context = await browser.newContext();
    const page = await context.newPage();
    const authenticator = await addAuthenticator(page);
    await openCheckout(page, query);
    await page.getByRole('radio', { name: '银行卡' }).click();
    await page.getByRole('textbox', { name: '卡号' }).pressSequentially('6217990000000000006');
    await page.getByText('中国邮政储蓄银行 储蓄卡').first().waitFor();
    await page.getByRole('textbox', { name: '持卡人姓名' }).pressSequentially('张三');
    await page.getByRole('textbox', { name: '身份证号' }).pressSequentially('110101199003074477');
    await page.getByRole('textbox', { name: '银行预留手机号' }).pressSequentially('13800138000');
    await page.getByRole('checkbox', { name: /快捷支付服务协议/ }).check();
    await page.getByRole('checkbox', { name: '保存此卡' }).check();
    await page.getByRole('button', { name: '获取验证码', exact: true }).click();
    const codeField = page.getByRole('textbox', { name: '短信验证码' });
    await codeField.waitFor();
    const orderId = await page.evaluate(() => (document.querySelector('shouyin-checkout') as unknown as { readyDetail: { orderId: string } }).readyDetail.orderId);
    const bound = (await (await fetch(`${origin}/api/orders/${encodeURIComponent(orderId)}`)).json()) as { bindings: { id: string }[] };
    const { code } = (await (await fetch(`${origin}/api/bindings/${bound.bindings.at(-1)!.id}/code`)).json()) as { code: string };
    await codeField.pressSequentially(code);
    await page.locator('[part="pay-button"]').click();
    await page.getByRole('heading', { name: '支付成功' }).waitFor();
    const offer = page.getByRole('region', { name: '下次用指纹或面容支付' });
    await offer.getByRole('button', { name: '开启' }).click();
    await page.getByRole('status').filter({ hasText: '已开启' }).waitFor();

    // The next order: the bound card, confirmed by the passkey in place of its SMS code.
    await openCheckout(page, query);
    await page.getByRole('radio', { name: '银行卡' }).click();
    await page.getByRole('radio', { name: /中国邮政储蓄银行 储蓄卡 尾号 0006/ }).waitFor();
    await page.getByText(/用指纹或面容确认/).first().waitFor();
    assert.equal(await page.getByRole('button', { name: '获取验证码' }).count(), 0, 'no SMS step while the passkey confirms');
    await page.locator('[part="pay-button"]').click();
    await page.getByRole('heading', { name: '支付成功' }).waitFor();
    const book = await ledgerOf(page);
    assert.deepEqual(book.attempts.map((a: { status: string; instrument: { confirmedBy?: string } }) => [a.status, a.instrument.confirmedBy]), [['succeeded', 'passkey']]);
    assert.equal(book.bindings?.length ?? 0, 0, 'no SMS code was asked for');

    // A refused fingerprint: the SMS code is the fallback.
    await authenticator.cdp.send('WebAuthn.setUserVerified', { authenticatorId: authenticator.id, isUserVerified: false });
    await openCheckout(page, query);
    await page.getByRole('radio', { name: '银行卡' }).click();
    await page.getByRole('radio', { name: /中国邮政储蓄银行 储蓄卡 尾号 0006/ }).waitFor();
    await page.locator('[part="pay-button"]').click();
    await page.getByText('未能用指纹或面容确认，请用原来的方式确认后再支付。').first().waitFor();
    await page.getByRole('button', { name: '获取验证码', exact: true }).waitFor();
    await context.close();
  });
});
