/**
 * End to end: the built script-tag bundle on the demo page, served with a strict CSP and
 * Trusted Types, driven by Playwright in Chromium as a payer would.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { createDemoServer } from '../../../demo/demo-server.js';
import { buildOnce } from '../built.js';
import { launchChromium } from '../chromium.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
let origin = '';
let browser: Browser;
let server: ReturnType<typeof createDemoServer>;

before(async () => {
  // The page loads dist/shouyin.min.js: test what `npm run build` makes from this tree.
  buildOnce();
  server = createDemoServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

/**
 * Opens the demo page (or `html` served at `/e2e.html` with the demo's policy, `csp` changing
 * it) and records CSP violations, console errors, page errors and the lazy chunks fetched.
 */
async function openDemo(
  html?: string,
  csp = (policy: string) => policy,
  prepare: (page: Page) => Promise<void> = async () => {},
): Promise<{ page: Page; problems: string[]; lazy: string[]; warnings: string[] }> {
  const page = await browser.newPage({ viewport: { width: 412, height: 915 } });
  await prepare(page);
  const problems: string[] = [];
  const warnings: string[] = [];
  const lazy: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/dist/lazy/')) lazy.push(new URL(request.url()).pathname);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'warning') warnings.push(message.text());
    if (message.type() === 'error' || /Content Security Policy|Trusted Type/i.test(message.text())) {
      problems.push(`console.${message.type()}: ${message.text()}`);
    }
  });
  // Init scripts come from the driver, not the page, so the CSP does not apply to this one.
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  if (html !== undefined) {
    const policy = csp((await fetch(`${origin}/`)).headers.get('content-security-policy') ?? '');
    await page.route(`${origin}/e2e.html`, (route) =>
      route.fulfill({ contentType: 'text/html; charset=utf-8', headers: { 'Content-Security-Policy': policy }, body: html }),
    );
  }
  const response = await page.goto(html === undefined ? `${origin}/` : `${origin}/e2e.html`);
  assert.match(response?.headers()['content-security-policy'] ?? '', /require-trusted-types-for 'script'/);
  return { page, problems, lazy, warnings };
}

/** Waits until the page has requested exactly these lazy chunks (in any order). */
async function expectLazy(lazy: string[], expected: string[]): Promise<void> {
  for (let tries = 0; tries < 50 && lazy.length < expected.length; tries++) await new Promise((resolve) => setTimeout(resolve, 20));
  assert.deepEqual([...lazy].sort(), [...expected].sort());
}

/**
 * Picks a channel as a payer does: scrolled to the middle of the screen first, since the pay bar
 * sticks to the bottom over whatever row is under it (a tap there would press pay).
 */
async function choose(page: Page, channel: string): Promise<void> {
  const radio = page.getByRole('radio', { name: channel });
  await radio.evaluate((row) => row.scrollIntoView({ block: 'center' }));
  await radio.click();
}

/** Picks the card channel and types a UnionPay test card, key by key, as a payer would. */
async function enterNewCard(page: Page): Promise<void> {
  await choose(page, '银行卡');
  await page.getByRole('textbox', { name: '卡号' }).click();
  await page.keyboard.type('6212345678901265');
  await page.getByRole('textbox', { name: '有效期' }).click();
  await page.keyboard.type('0829');
  await page.getByRole('textbox', { name: '安全码' }).click();
  await page.keyboard.type('123');
}

/** The backend's ledger of the order the playground's last `event` names. */
async function ledgerOf(page: Page, event: string): Promise<{ paid: boolean; attempts: unknown[] }> {
  const orderId = await page.evaluate((name) => {
    const items = [...document.querySelectorAll('#events li')].filter((li) => li.textContent?.includes(name));
    return items.at(-1)?.textContent?.match(/"orderId":"([^"]+)"/)?.[1];
  }, event);
  assert.ok(orderId, `the playground listed ${event} with the order id`);
  return (await (await fetch(`${origin}/api/orders/${orderId}`)).json()) as { paid: boolean; attempts: unknown[] };
}

/** Opens a page in English with the cashier on it; returns the page's errors as they come. */
async function openEnglishPage(page: Page): Promise<string[]> {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  await page.route(`${origin}/e2e.html`, (route) =>
    route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>en</title>
<script src="/dist/shouyin.min.js"></script></head><body><shouyin-checkout session-url="/api/session"></shouyin-checkout></body></html>`,
    }),
  );
  await page.goto(`${origin}/e2e.html`);
  return problems;
}

describe('demo page (built bundle, strict CSP with Trusted Types)', () => {
  it('pays with WeChat Pay and shows success, with zero CSP violations or errors', async () => {
    const { page, problems, lazy } = await openDemo();
    const pay = page.getByRole('button', { name: '确认支付 ¥128.00' });
    await pay.waitFor();
    // On a phone-wide screen (412 px) nothing on the page is wider than the screen.
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 412);
    assert.equal(await page.getByRole('radio', { name: '微信支付' }).isChecked(), true);
    await pay.click();
    await page.getByRole('status').getByText('支付成功').waitFor();
    const orderId = await page.evaluate(() => {
      const item = [...document.querySelectorAll('#events li')].find((li) => li.textContent?.includes('shouyin-success'));
      return item?.textContent?.match(/"orderId":"([^"]+)"/)?.[1];
    });
    assert.ok(orderId, 'the playground listed shouyin-success with the order id');
    const ledger = (await (await fetch(`${origin}/api/orders/${orderId}`)).json()) as { paid: boolean; attempts: unknown[] };
    assert.equal(ledger.paid, true);
    assert.equal(ledger.attempts.length, 1);
    assert.deepEqual(problems, []);
    assert.deepEqual(lazy, [], 'a payer without saved cards paying by wallet loads no lazy chunk');
    await page.close();
  });

  it('pays by card under the same policy: masked entry, encryption, success', async () => {
    const { page, problems, lazy } = await openDemo();
    await choose(page, '银行卡');
    await page.getByRole('textbox', { name: '卡号' }).click();
    // Requested with the card channel, not at the pay click: the payer never waits for it.
    await expectLazy(lazy, ['/dist/lazy/card.js', '/dist/lazy/seal.js']);
    await page.keyboard.type('6212345678901265');
    await page.getByRole('textbox', { name: '有效期' }).click();
    await page.keyboard.type('0829');
    await page.getByRole('textbox', { name: '安全码' }).click();
    await page.keyboard.type('123');
    assert.equal(await page.getByRole('textbox', { name: '卡号' }).inputValue(), '6212 3456 7890 1265');
    await page.getByRole('img', { name: '卡组织：银联' }).waitFor();
    await page.getByRole('button', { name: '确认支付 ¥128.00' }).click();
    await page.getByRole('status').getByText('支付成功').waitFor();
    const ledger = await ledgerOf(page, 'shouyin-success');
    assert.equal(ledger.paid, true);
    assert.equal(ledger.attempts.length, 1);
    assert.deepEqual(lazy, ['/dist/lazy/card.js', '/dist/lazy/seal.js']);
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('says so when the card form cannot load, and shows it when the payer selects the card channel again', async () => {
    const { page, problems, lazy } = await openDemo();
    await page.route('**/dist/lazy/card.js', (route) => route.abort('connectionfailed'));
    await choose(page, '银行卡');
    await page.getByRole('alert').getByText('银行卡输入框未能加载。请检查网络后重新选择银行卡，或使用其他支付方式。').waitFor();
    assert.equal(await page.getByRole('textbox', { name: '卡号' }).count(), 0);
    await page.unroute('**/dist/lazy/card.js');
    await choose(page, '支付宝');
    await choose(page, '银行卡');
    await page.getByRole('textbox', { name: '卡号' }).waitFor();
    assert.equal(await page.getByText('银行卡输入框未能加载').count(), 0);
    assert.deepEqual(lazy.filter((chunk) => chunk === '/dist/lazy/card.js'), ['/dist/lazy/card.js', '/dist/lazy/card.js'], 'asked again with the channel');
    assert.deepEqual(problems.filter((p) => !/Failed to load resource|card\.js/.test(p)), []);
    await page.close();
  });

  it('pays once when the pay click comes before the card encryption arrives, awaiting the same request', async () => {
    const { page, problems, lazy } = await openDemo();
    // A slow network: the chunk, requested with the card channel, arrives only after the click.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/dist/lazy/seal.js', async (route) => {
      await held;
      await route.continue();
    });
    await enterNewCard(page);
    await page.getByRole('button', { name: '确认支付 ¥128.00' }).click();
    await page.getByRole('button', { name: '正在支付…' }).waitFor();
    release();
    await page.getByRole('status').getByText('支付成功').waitFor();
    const ledger = await ledgerOf(page, 'shouyin-success');
    assert.equal(ledger.paid, true);
    assert.equal(ledger.attempts.length, 1);
    assert.deepEqual(lazy, ['/dist/lazy/card.js', '/dist/lazy/seal.js'], 'the pay click awaited the request the card channel started');
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('fails a card payment as network_error, sending nothing, while the card encryption cannot load, and pays once it can', async () => {
    const { page, problems, lazy } = await openDemo();
    // The real bundle's own request for its chunk fails, every time, until the route is lifted.
    await page.route('**/dist/lazy/seal.js', (route) => route.abort('connectionfailed'));
    await enterNewCard(page);
    await page.getByRole('button', { name: '确认支付 ¥128.00' }).click();
    await page.getByRole('alert').getByText('网络异常，支付结果未知前不会重复扣款，请检查网络后重试。').waitFor();
    const failure = await page.locator('#events li', { hasText: 'shouyin-failure' }).textContent();
    assert.match(failure ?? '', /"code":"network_error"/);
    assert.match(failure ?? '', /"retryable":true/);
    // Neither the card number nor the CVV reaches the host.
    assert.doesNotMatch(failure ?? '', /6212345678901265|"cvv"/);
    const before = await ledgerOf(page, 'shouyin-failure');
    assert.equal(before.attempts.length, 0, 'nothing was posted');
    // With the card channel and again at the pay click; the failure is a sign of trouble, and brings the assistant.
    assert.deepEqual(lazy, ['/dist/lazy/card.js', '/dist/lazy/seal.js', '/dist/lazy/seal.js', '/dist/lazy/assistant.js']);
    await page.unroute('**/dist/lazy/seal.js');
    // The failure cleared the CVV, as after any failure; the number and expiry stay.
    await page.getByRole('textbox', { name: '安全码' }).click();
    await page.keyboard.type('123');
    await page.getByRole('button', { name: '确认支付 ¥128.00' }).click();
    await page.getByRole('status').getByText('支付成功').waitFor();
    const after = await ledgerOf(page, 'shouyin-success');
    assert.equal(after.paid, true);
    assert.equal(after.attempts.length, 1);
    // The browser reports the failed fetches itself; the page adds nothing to them.
    assert.deepEqual(problems.filter((p) => !/Failed to load resource|seal\.js/.test(p)), []);
    await page.close();
  });

  it('says when the device is offline, waits for the network to pay, and pays once when it is back', async () => {
    const { page, problems } = await openDemo();
    const pay = page.getByRole('button', { name: '确认支付 ¥128.00' });
    await pay.waitFor();
    await page.context().setOffline(true);
    await page.locator('shouyin-checkout').getByText('网络已断开').waitFor();
    // The host hears it as the assistant's offline hint, though the assistant's chunk never loaded.
    await page.locator('#events li', { hasText: 'shouyin-hint' }).getByText(/"hint":"offline"/).waitFor();
    await pay.click();
    // Longer than every retry of an attempt together: a payment that did not wait would have failed by now.
    await page.waitForTimeout(4000);
    assert.equal(await page.getByText('支付成功').count(), 0);
    assert.equal(await page.locator('#events li', { hasText: 'shouyin-failure' }).count(), 0);
    await page.context().setOffline(false);
    await page.getByRole('status').getByText('支付成功').waitFor();
    assert.equal(await page.locator('shouyin-checkout').getByText('网络已断开').count(), 0);
    const orderId = await page.evaluate(() => {
      const item = [...document.querySelectorAll('#events li')].find((li) => li.textContent?.includes('shouyin-success'));
      return item?.textContent?.match(/"orderId":"([^"]+)"/)?.[1];
    });
    const ledger = (await (await fetch(`${origin}/api/orders/${orderId}`)).json()) as { attempts: unknown[] };
    assert.equal(ledger.attempts.length, 1);
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('switches language and theme from the playground without a reload', async () => {
    const { page, problems } = await openDemo();
    await page.getByRole('button', { name: /确认支付/ }).waitFor();
    // The playground's module script may run after the cashier has shown: its snippet says it listens.
    await page.locator('#snippet').getByText('shouyin-checkout').waitFor();
    await page.getByLabel('Language').selectOption('en');
    await page.getByRole('button', { name: 'Pay ¥128.00' }).waitFor();
    await page.getByLabel('Scenario').selectOption('declined');
    await page.getByRole('button', { name: 'New order' }).click();
    await page.getByRole('button', { name: 'Pay ¥128.00' }).click();
    await page.getByRole('alert').getByText(/declined/).waitFor();
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('loads the QR encoder from dist/lazy/ by URL under the same policy, and pays once the payer scans', async () => {
    const { page, problems, lazy } = await openDemo();
    await page.getByRole('button', { name: /确认支付/ }).waitFor();
    assert.deepEqual(lazy, [], 'nothing lazy is fetched before a QR code is needed');
    await page.getByLabel('Scenario').selectOption('action');
    await page.getByRole('button', { name: 'New order' }).click();
    await page.getByRole('button', { name: '确认支付 ¥128.00' }).click();
    await page.getByRole('img', { name: '微信支付二维码' }).waitFor();
    // The QR element and its encoder, and the action view that shows it (the payment chunk).
    assert.deepEqual([...lazy].sort(), ['/dist/lazy/payment.js', '/dist/lazy/qr.js']);
    const paymentId = await page.evaluate(() => {
      const item = [...document.querySelectorAll('#events li')].find((li) => li.textContent?.includes('shouyin-pending'));
      return item?.textContent?.match(/"paymentId":"([^"]+)"/)?.[1];
    });
    assert.ok(paymentId);
    await fetch(`${origin}/api/intents/${paymentId}/confirm`, { method: 'POST' });
    await page.getByRole('button', { name: '我已完成支付' }).click();
    await page.getByRole('status').getByText('支付成功').waitFor();
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('lists saved cards, removes one through its dialog and pays with another, CVV asked again, under the same policy', async () => {
    const { page, problems, lazy } = await openDemo();
    await page.getByRole('button', { name: /确认支付/ }).waitFor();
    await choose(page, '银行卡');
    await page.getByRole('textbox', { name: '卡号' }).waitFor();
    // A payer without saved cards loads only the card form and its encryption, card channel included.
    await expectLazy(lazy, ['/dist/lazy/card.js', '/dist/lazy/seal.js']);
    await choose(page, '微信支付');
    await page.getByLabel('Payer (saved cards)').selectOption('demo-mixed');
    await page.getByLabel("Ask a saved card's CVV again").check();
    await page.getByRole('button', { name: 'New order' }).click();
    await choose(page, '银行卡');
    await page.getByRole('radio', { name: '银联 尾号 1234' }).waitFor();
    assert.equal(await page.getByRole('radio', { name: '万事达卡 尾号 4444' }).isDisabled(), true);
    await page.getByRole('button', { name: '删除 Visa 尾号 4242' }).click();
    const dialog = page.getByRole('dialog', { name: '删除银行卡' });
    await dialog.getByRole('button', { name: '删除' }).click();
    await page.getByRole('status').getByText('已删除 Visa 尾号 4242').waitFor();
    assert.equal(await page.getByRole('radio', { name: 'Visa 尾号 4242' }).count(), 0);
    await page.getByRole('radio', { name: '美国运通 尾号 0005' }).check();
    await page.getByRole('textbox', { name: '美国运通 尾号 0005 的安全码' }).click();
    await page.keyboard.type('1234');
    await page.getByRole('button', { name: '确认支付 ¥128.00' }).click();
    await page.getByRole('status').getByText('支付成功').waitFor();
    assert.equal(await page.locator('#events li', { hasText: 'shouyin-card-remove' }).count(), 1);
    assert.deepEqual(problems, []);
    // Each chunk once per page, new order included.
    assert.deepEqual([...lazy].sort(), ['/dist/lazy/card.js', '/dist/lazy/saved-cards.js', '/dist/lazy/seal.js']);
    await page.close();
  });

  it('offers the card form when the saved cards chunk cannot load', async () => {
    const { page, problems } = await openDemo();
    await page.route('**/dist/lazy/saved-cards.js', (route) => route.abort('connectionfailed'));
    await page.getByRole('button', { name: /确认支付/ }).waitFor();
    await page.getByLabel('Payer (saved cards)').selectOption('demo-mixed');
    await page.getByRole('button', { name: 'New order' }).click();
    await choose(page, '银行卡');
    await page.getByRole('textbox', { name: '卡号' }).waitFor();
    assert.equal(await page.getByRole('radiogroup', { name: '已保存的银行卡' }).count(), 0);
    // The browser reports the failed fetch itself; the page adds nothing to it.
    assert.deepEqual(problems.filter((p) => !/Failed to load resource|saved-cards\.js/.test(p)), []);
    await page.close();
  });

  it('fetches an English payer’s catalog alongside the session, and shows no zh-CN words before the English ones', async () => {
    const page = await browser.newPage();
    // Every frame, any zh-CN catalog words the cashier shows (text or accessible name).
    // (A string: a function's text would carry the test runner's own helpers.)
    await page.addInitScript({
      content: `globalThis.zhSeen = [];
        requestAnimationFrame(function look() {
          const root = document.querySelector('shouyin-checkout')?.shadowRoot;
          const text = (root?.textContent ?? '') + ' ' + (root?.querySelector('section')?.getAttribute('aria-label') ?? '');
          for (const words of ['正在加载收银台', '收银台', '应付金额', '选择支付方式', '确认支付']) if (text.includes(words)) zhSeen.push(words);
          requestAnimationFrame(look);
        });`,
    });
    let catalogRequested = false;
    let catalogBeforeSession = false;
    page.on('request', (request) => {
      if (request.url().endsWith('/dist/lazy/i18n-en.js')) catalogRequested = true;
    });
    await page.route('**/api/session', async (route) => {
      // Long enough that a catalog fetched only after the session would be seen to be.
      await new Promise((resolve) => setTimeout(resolve, 300));
      catalogBeforeSession = catalogRequested;
      await route.continue();
    });
    const problems = await openEnglishPage(page);
    await page.getByRole('button', { name: 'Pay ¥128.00' }).waitFor();
    assert.equal(catalogBeforeSession, true, 'the catalog was requested before the session answered');
    assert.deepEqual(await page.evaluate(() => (globalThis as unknown as { zhSeen: string[] }).zhSeen), []);
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('shows the cashier in zh-CN, able to pay, when the English catalog cannot load', async () => {
    const page = await browser.newPage();
    await page.route('**/dist/lazy/i18n-en.js', (route) => route.abort('connectionfailed'));
    const problems = await openEnglishPage(page);
    await page.getByRole('button', { name: '确认支付 ¥128.00' }).click();
    await page.getByRole('status').getByText('支付成功').waitFor();
    assert.equal(await page.locator('shouyin-checkout section[part="base"]').getAttribute('lang'), 'zh-CN');
    assert.deepEqual(problems, []);
    await page.close();
  });

  /** A page inside WeChat: the cashier told so, and a WeixinJSBridge whose sheet pays at once (the wallet tells the backend first). */
  async function openInWeChat(prepare?: (page: Page) => Promise<void>): Promise<{ page: Page; problems: string[]; lazy: string[] }> {
    const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>wechat</title>
<script src="/dist/shouyin.min.js"></script></head><body>
<shouyin-checkout env="wechat" session-url="/api/session?scenario=action"></shouyin-checkout></body></html>`;
    const opened = await openDemo(html, undefined, prepare);
    await opened.page.evaluate(() => {
      (globalThis as { WeixinJSBridge?: unknown }).WeixinJSBridge = {
        invoke(_method: string, params: { package: string }, callback: (result: { err_msg: string }) => void) {
          const paymentId = params.package.replace('prepay_id=', '');
          void fetch(`/api/intents/${encodeURIComponent(paymentId)}/confirm`, { method: 'POST' }).then(() =>
            callback({ err_msg: 'get_brand_wcpay_request:ok' }),
          );
        },
      };
    });
    return opened;
  }

  it('loads the WeChat bridge (the payment chunk) from dist/lazy/ as the cashier starts inside WeChat, and pays through it', async () => {
    const { page, problems, lazy } = await openInWeChat();
    await page.getByRole('button', { name: '确认支付 ¥128.00' }).waitFor();
    // Before any pay click: the sheet opens without waiting for the chunk.
    await expectLazy(lazy, ['/dist/lazy/payment.js']);
    await page.getByRole('button', { name: '确认支付 ¥128.00' }).click();
    await page.getByRole('status').getByText('支付成功').waitFor();
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('fails as network_error, with nothing paid, while the payment chunk cannot load, and pays once it can', async () => {
    // Blocked before the page starts: the cashier asks for the chunk as soon as it is ready.
    const { page, problems } = await openInWeChat(async (p) => {
      await p.route('**/dist/lazy/payment.js', (route) => route.abort('connectionfailed'));
    });
    await page.getByRole('button', { name: '确认支付 ¥128.00' }).click();
    await page.getByRole('alert').getByText('网络异常，支付结果未知前不会重复扣款，请检查网络后重试。').waitFor();
    await page.unroute('**/dist/lazy/payment.js');
    await page.getByRole('button', { name: '确认支付 ¥128.00' }).click();
    await page.getByRole('status').getByText('支付成功').waitFor();
    const orderId = await page.evaluate(() => (document.querySelector('shouyin-checkout') as unknown as { readyDetail: { orderId: string } }).readyDetail.orderId);
    const book = (await (await fetch(`${origin}/api/orders/${orderId}`)).json()) as { attempts: { status: string }[] };
    assert.deepEqual(book.attempts.map((a) => a.status), ['canceled', 'succeeded'], 'the sheet that never opened paid nothing');
    assert.deepEqual(problems.filter((p) => !/Failed to load resource|payment\.js/.test(p)), []);
    await page.close();
  });

  it("the saved cards chunk uses the bundle's Lit, not a copy of its own", () => {
    // lit-html, lit-element and reactive-element each record their version on a global when they run.
    const marker = /litHtmlVersions|litElementVersions|reactiveElementVersions/;
    assert.match(readFileSync(new URL('dist/shouyin.min.js', `file://${root}`), 'utf8'), marker);
    for (const chunk of ['saved-cards.js', 'qr.js', 'notices.js', 'payment.js', 'seal.js', 'i18n-en.js', 'i18n-zh-TW.js']) {
      assert.doesNotMatch(readFileSync(new URL(`dist/lazy/${chunk}`, `file://${root}`), 'utf8'), marker, chunk);
    }
  });

  it('loads the saved cards chunk from a module script tag too, with the bundle loaded twice', async () => {
    const { page, problems, lazy, warnings } = await openDemo(`<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>twice</title>
<script type="module" src="/dist/shouyin.min.js"></script>
<script src="/dist/shouyin.min.js?again"></script>
</head><body><shouyin-checkout session-url="/api/session?payer=demo-single.${Date.now()}"></shouyin-checkout></body></html>`,
    );
    await choose(page, '银行卡');
    await page.getByRole('radio', { name: '银联 尾号 1265' }).waitFor();
    assert.equal(await page.getByRole('radio', { name: '银联 尾号 1265' }).isChecked(), true);
    await expectLazy(lazy, ['/dist/lazy/card.js', '/dist/lazy/saved-cards.js', '/dist/lazy/seal.js']);
    // The second copy stops before its Lit asks for a second Trusted Types policy (the demo's CSP
    // has no 'allow-duplicates'): one warning, no error, no violation.
    assert.deepEqual(problems, []);
    assert.deepEqual(warnings.filter((text) => text.includes('already on this page')).length, 1, warnings.join('\n'));
    await page.close();
  });

  it('publishes the SHA-384 integrity of the script-tag bundle', async () => {
    const integrity = (await (await fetch(`${origin}/dist/integrity.json`)).json()) as Record<string, string>;
    const bundle = new Uint8Array(await (await fetch(`${origin}/dist/shouyin.min.js`)).arrayBuffer());
    const digest = Buffer.from(await crypto.subtle.digest('SHA-384', bundle)).toString('base64');
    assert.equal(integrity['shouyin.min.js'], `sha384-${digest}`);
  });
});

describe('demo page: a real reload in the middle of a payment', () => {
  it('shows the pending payment after the reload instead of offering to pay again, and pays once after a fallback', async () => {
    const { page, problems } = await openDemo();
    await page.getByRole('button', { name: '确认支付 ¥128.00' }).waitFor();
    // The host's page for one order: the first visit issues it, every reload asks for the same order.
    let orderId = '';
    await page.route('**/api/session?**', async (route) => {
      const url = new URL(route.request().url());
      if (orderId) return route.continue({ url: `${url.origin}/api/session?order=${orderId}` });
      url.searchParams.set('scenario', 'wechat:pending-forever');
      const response = await route.fetch({ url: url.href });
      orderId = ((await response.json()) as { order: { id: string } }).order.id;
      return route.fulfill({ response });
    });
    await page.getByRole('button', { name: 'New order' }).click();
    await page.getByRole('button', { name: '确认支付 ¥128.00' }).click();
    await page.getByRole('status').getByText('正在确认支付结果').waitFor();

    await page.reload();
    await page.getByRole('status').getByText('正在确认支付结果').waitFor();
    assert.equal(await page.getByRole('button', { name: '我已完成支付' }).count(), 1);
    assert.equal(await page.locator('#events li', { hasText: 'shouyin-submit' }).count(), 0);
    const stored = await page.evaluate((id) => sessionStorage.getItem(`shouyin:attempt:${id}`), orderId);
    assert.ok(stored && !/encrypted|cvv/i.test(stored), 'the open attempt is kept, without card data');

    await page.getByRole('button', { name: '使用其他支付方式' }).click();
    await page.getByRole('button', { name: '改用支付宝支付' }).click();
    await page.getByRole('status').getByText('支付成功').waitFor();
    const ledger = (await (await fetch(`${origin}/api/orders/${orderId}`)).json()) as { attempts: { channel: string; status: string }[] };
    assert.deepEqual(ledger.attempts.map((a) => [a.channel, a.status]), [['wechat', 'canceled'], ['alipay', 'succeeded']]);
    assert.equal(await page.evaluate((id) => sessionStorage.getItem(`shouyin:attempt:${id}`), orderId), null);
    assert.deepEqual(problems, []);
    await page.close();
  });
});
