/**
 * The static playground (dist/playground/, from `npm run build`) served by a plain static file
 * server with no backend, as a designer with only dist/ would run it, driven in Chromium; then the
 * same page with the reference backend, as `npm start` serves it.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createDemoServer } from '../../../demo/demo-server.js';
import { buildOnce, root } from '../built.js';
import { launchChromium } from '../chromium.js';
import { startStaticServer } from '../static-server.js';

const dist = join(root, 'dist');

let server: Awaited<ReturnType<typeof startStaticServer>>;
let origin = '';
let browser: Browser;

before(async () => {
  buildOnce();
  server = await startStaticServer(dist);
  origin = server.origin;
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

interface Opened {
  context: BrowserContext;
  page: Page;
  problems: string[];
  requests: string[];
}

/** Opens the playground (with `hash`), recording every request and every error. */
async function openPlayground(hash = '', viewport = { width: 1366, height: 900 }): Promise<Opened> {
  const context = await browser.newContext({ viewport });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  const page = await context.newPage();
  const problems: string[] = [];
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('requestfailed', (request) => problems.push(`failed: ${request.url()}`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${response.status()}: ${response.url()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console.error: ${message.text()}`);
  });
  await page.goto(`${origin}/playground/${hash}`);
  await page.getByRole('button', { name: 'card', exact: true }).waitFor();
  return { context, page, problems, requests };
}

const snippetOf = (page: Page): Promise<string> => page.locator('#snippet').innerText();
const attributeOf = (page: Page, name: string): Promise<string | null> => page.locator('shouyin-checkout').getAttribute(name);
const tokenOf = (page: Page, name: string): Promise<string> =>
  page.locator('shouyin-checkout').evaluate((el, token) => getComputedStyle(el).getPropertyValue(token).trim(), name);

describe('static playground (dist/playground/ on a plain file server)', () => {
  it('starts as a preview and asks nothing of a backend: only the bundle, its chunks, the manifest and its own files', async () => {
    const { context, page, problems, requests } = await openPlayground();
    assert.equal(await attributeOf(page, 'preview'), '');
    assert.equal(await attributeOf(page, 'preview-state'), 'ready');
    assert.equal(await attributeOf(page, 'session-url'), null);
    const paths = requests.map((url) => new URL(url)).map((url) => (url.origin === origin ? url.pathname : url.href));
    for (const path of paths) assert.match(path, /^\/(playground\/.*|shouyin\.min\.js|lazy\/[a-z-]+\.js|custom-elements\.json)$/, path);
    // No live controls where there is no backend.
    assert.equal(await page.getByRole('button', { name: 'New order' }).count(), 0);
    assert.equal(await page.getByRole('button', { name: 'Live order' }).count(), 0);
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('offers an editor for every token the manifest lists, with its default', async () => {
    const { context, page } = await openPlayground();
    const manifest = JSON.parse(await readFile(join(dist, 'custom-elements.json'), 'utf8')) as {
      modules: Array<{ declarations?: Array<{ tagName?: string; cssProperties?: Array<{ name: string; default?: string }> }> }>;
    };
    const tokens = manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === 'shouyin-checkout')!.cssProperties!;
    assert.ok(tokens.length >= 20);
    for (const token of tokens) {
      const editor = page.getByLabel(token.name, { exact: true });
      assert.equal(await editor.count(), 1, token.name);
      await page.getByRole('button', { name: `Reset ${token.name}`, exact: true }).waitFor();
    }
    assert.equal(await page.getByLabel('--shouyin-radius', { exact: true }).inputValue(), '12');
    assert.equal(await page.getByLabel('--shouyin-color-primary', { exact: true }).inputValue(), '#c8102e');
    await context.close();
  });

  it('switches preview screens in one click each, and says which one is shown', async () => {
    const { context, page, problems } = await openPlayground();
    const cashier = page.getByRole('region', { name: 'Cashier' });
    /** What the payer sees on each screen (zh-CN, the stage's language). */
    const screens: Record<string, () => Promise<void>> = {
      card: () => cashier.getByRole('textbox', { name: '卡号' }).waitFor(),
      qr: () => cashier.getByRole('img', { name: /二维码/ }).waitFor(),
      // Modal, as the payer's is: the page behind it is inert until it closes (Esc).
      'removal-dialog': async () => {
        await cashier.getByRole('dialog').waitFor();
        await page.keyboard.press('Escape');
        await cashier.getByRole('dialog').waitFor({ state: 'hidden' });
      },
      success: () => cashier.getByRole('heading', { name: '支付成功' }).waitFor(),
      ready: () => cashier.getByRole('radiogroup').or(cashier.getByRole('group', { name: '选择支付方式' })).first().waitFor(),
    };
    for (const [state, shown] of Object.entries(screens)) {
      const button = page.getByRole('button', { name: state, exact: true });
      await button.click();
      await shown();
      assert.equal(await attributeOf(page, 'preview-state'), state);
      assert.equal(await button.getAttribute('aria-pressed'), 'true');
      assert.equal(await page.locator('#states [aria-pressed=true]').count(), 1);
      assert.match(await snippetOf(page), new RegExp(`<shouyin-checkout preview preview-state="${state}"`));
    }
    // The host hears the preview's events, each marked.
    const listed = await page.locator('#events li').allInnerTexts();
    assert.ok(listed.some((item) => item.includes('shouyin-ready') && item.includes('"preview":true')), listed.join('\n'));
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('shows a token edit in the cashier and in the snippet, and a reset takes it out of both', async () => {
    const { context, page } = await openPlayground();
    await page.getByLabel('--shouyin-radius', { exact: true }).fill('4');
    await page.getByLabel('--shouyin-color-primary', { exact: true }).fill('#07c160');
    assert.equal(await tokenOf(page, '--shouyin-radius'), '4px');
    assert.equal(await tokenOf(page, '--shouyin-color-primary'), '#07c160');
    const snippet = await snippetOf(page);
    assert.match(snippet, /shouyin-checkout \{\n\s+--shouyin-radius: 4px;\n\s+--shouyin-color-primary: #07c160;\n\s+\}/);
    await page.getByRole('button', { name: 'Reset --shouyin-radius', exact: true }).click();
    assert.equal(await tokenOf(page, '--shouyin-radius'), '');
    assert.doesNotMatch(await snippetOf(page), /--shouyin-radius/);
    await page.getByRole('button', { name: 'Reset all tokens' }).click();
    assert.doesNotMatch(await snippetOf(page), /<style>/);
    await context.close();
  });

  it('sets color scheme, language and environment on the cashier, and frames it at a phone width', async () => {
    const { context, page } = await openPlayground();
    await page.getByLabel('Color scheme').selectOption('dark');
    await page.getByLabel('Language').selectOption('en');
    await page.getByLabel('Environment').selectOption('wechat-miniprogram');
    await page.getByLabel('Phone frame').selectOption('360');
    assert.equal(await attributeOf(page, 'color-scheme'), 'dark');
    assert.equal(await attributeOf(page, 'locale'), 'en');
    assert.equal(await attributeOf(page, 'env'), 'wechat-miniprogram');
    const frame = await page.locator('#frame').evaluate((el) => ({ width: el.clientWidth, height: el.clientHeight }));
    assert.equal(frame.width, 360);
    assert.equal(frame.height, 640);
    assert.match(await snippetOf(page), /color-scheme="dark" locale="en" env="wechat-miniprogram"/);
    await context.close();
  });

  it('shrinks a phone frame wider than the screen it is shown on, rather than widening the page', async () => {
    const { context, page } = await openPlayground('#width=430', { width: 390, height: 844 });
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 390);
    assert.ok((await page.locator('shouyin-checkout').evaluate((el) => el.getBoundingClientRect().width)) <= 370);
    await context.close();
  });

  it('shares a setup by URL: the copied link opens the same screen, context and tokens', async () => {
    const first = await openPlayground();
    await first.page.getByRole('button', { name: 'fallback', exact: true }).click();
    await first.page.getByLabel('Color scheme').selectOption('dark');
    await first.page.getByLabel('Phone frame').selectOption('390');
    await first.page.getByLabel('--shouyin-font-size-amount', { exact: true }).fill('40');
    await first.page.getByRole('button', { name: 'Copy link to this setup' }).click();
    await first.page.getByRole('status').getByText('Link copied.').waitFor();
    const link = await first.page.evaluate(() => navigator.clipboard.readText());
    const snippet = await snippetOf(first.page);
    await first.context.close();

    assert.ok(link.startsWith(`${origin}/playground/#`), link);
    const second = await openPlayground(new URL(link).hash);
    assert.equal(await attributeOf(second.page, 'preview-state'), 'fallback');
    assert.equal(await second.page.getByRole('button', { name: 'fallback', exact: true }).getAttribute('aria-pressed'), 'true');
    assert.equal(await second.page.getByLabel('Color scheme').inputValue(), 'dark');
    assert.equal(await second.page.getByLabel('Phone frame').inputValue(), '390');
    assert.equal(await second.page.getByLabel('--shouyin-font-size-amount', { exact: true }).inputValue(), '40');
    assert.equal(await tokenOf(second.page, '--shouyin-font-size-amount'), '40px');
    assert.equal(await snippetOf(second.page), snippet);
    await second.context.close();
  });

  it('copies the snippet as shown', async () => {
    const { context, page } = await openPlayground('#state=qr&--shouyin-radius=2px');
    await page.getByRole('button', { name: 'Copy snippet' }).click();
    await page.getByRole('status').getByText('Snippet copied.').waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), await snippetOf(page));
    assert.match(await snippetOf(page), /preview-state="qr"[\s\S]*--shouyin-radius: 2px;/);
    await context.close();
  });

  it('is usable itself: axe finds nothing, every control is labelled and at least 44 px tall', async () => {
    const { context, page } = await openPlayground('', { width: 360, height: 640 });
    await page.addScriptTag({ path: join(root, 'node_modules/axe-core/axe.min.js') });
    const violations = await page.evaluate(async () => {
      const axe = (globalThis as unknown as { axe: { run: (context: unknown) => Promise<{ violations: Array<{ id: string; nodes: unknown[] }> }> } }).axe;
      const result = await axe.run({ exclude: [['shouyin-checkout']] });
      return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
    });
    assert.deepEqual(violations, []);
    const small = await page.evaluate(() =>
      [...document.querySelectorAll('.panels button, .panels input, .panels select')]
        .filter((el) => (el as HTMLElement).offsetParent !== null)
        .filter((el) => el.getBoundingClientRect().height < 44 || el.getBoundingClientRect().width < 44)
        .map((el) => el.outerHTML.slice(0, 80)),
    );
    assert.deepEqual(small, []);
    // Nothing wider than a 360 px phone.
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 360);
    await context.close();
  });
});

describe('playground with the reference backend (npm start)', () => {
  let demo: Server;
  let demoOrigin = '';
  before(async () => {
    demo = createDemoServer();
    await new Promise<void>((resolve) => demo.listen(0, '127.0.0.1', resolve));
    demoOrigin = `http://127.0.0.1:${(demo.address() as AddressInfo).port}`;
  });
  after(() => new Promise((resolve) => demo?.close(resolve)));

  it('takes a live order, moves to a preview screen in one click and back to a live order', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(`${demoOrigin}/`);
    const cashier = page.getByRole('region', { name: 'Cashier' });
    await cashier.getByRole('button', { name: '确认支付 ¥128.00' }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Live order' }).getAttribute('aria-pressed'), 'true');
    assert.match(await snippetOf(page), /session-url=/);

    await page.getByRole('button', { name: 'success', exact: true }).click();
    await cashier.getByRole('heading', { name: '支付成功' }).waitFor();
    assert.equal(await attributeOf(page, 'preview'), '');
    assert.equal(await page.getByRole('button', { name: 'Preview' }).getAttribute('aria-pressed'), 'true');
    assert.match(page.url(), /#mode=preview&state=success$/);

    await page.getByRole('button', { name: 'Live order' }).click();
    await cashier.getByRole('button', { name: '确认支付 ¥128.00' }).waitFor();
    assert.equal(await attributeOf(page, 'preview'), null);
    assert.match((await attributeOf(page, 'session-url')) ?? '', /^\/api\/session\?amount=12800/);
    assert.deepEqual(problems, []);
    await page.close();
  });
});
