/**
 * End to end: preview mode from the built files alone. `dist/` served by a plain static file
 * server (no backend) under a strict CSP with Trusted Types, each screen opened in Chromium as
 * a designer would: it must show, ask for nothing but `dist/` files, and pay to success. A
 * cashier without `preview` never asks for the preview chunk.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { buildOnce } from '../built.js';
import { launchChromium } from '../chromium.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; require-trusted-types-for 'script'";

const PAGE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>preview</title>
<script src="/dist/shouyin.min.js"></script></head><body><shouyin-checkout></shouyin-checkout><script src="/page.js"></script></body></html>`;
/** Sets the element's attributes from the query, and keeps what the host hears. */
const PAGE_JS = `const el = document.querySelector('shouyin-checkout');
window.heard = [];
for (const name of ['shouyin-ready', 'shouyin-submit', 'shouyin-pending', 'shouyin-success', 'shouyin-failure', 'shouyin-expire', 'shouyin-error'])
  document.addEventListener(name, (e) => window.heard.push([name, e.detail.preview === true]));
for (const [name, value] of new URLSearchParams(location.search)) el.setAttribute(name, value);`;

const TYPES: Record<string, string> = { '.js': 'text/javascript', '.html': 'text/html; charset=utf-8' };

let origin = '';
let server: Server;
let browser: Browser;

before(async () => {
  buildOnce();
  server = createServer(async (request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    const headers = { 'Content-Security-Policy': CSP };
    if (path === '/index.html') return void response.writeHead(200, { ...headers, 'Content-Type': TYPES['.html'] }).end(PAGE);
    if (path === '/page.js') return void response.writeHead(200, { ...headers, 'Content-Type': TYPES['.js'] }).end(PAGE_JS);
    if (!/^\/dist\/[\w/.-]+$/.test(path) || path.includes('..')) return void response.writeHead(404).end();
    try {
      const body = await readFile(`${root}${path.slice(1)}`);
      response.writeHead(200, { ...headers, 'Content-Type': TYPES[path.slice(path.lastIndexOf('.'))] ?? 'application/octet-stream' }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

async function open(query: string): Promise<{ page: Page; requests: string[]; problems: string[] }> {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  const requests: string[] = [];
  const problems: string[] = [];
  page.on('request', (request) => requests.push(request.url().replace(origin, '')));
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  await page.goto(`${origin}/index.html?${query}`);
  return { page, requests, problems };
}

/** Only the page and the cashier's own built files. */
function foreign(requests: string[]): string[] {
  return requests.filter((r) => !r.startsWith('/index.html') && r !== '/page.js' && !/^\/dist\/(shouyin\.min\.js|lazy\/[\w-]+\.js)$/.test(r));
}

const SCREENS: Record<string, (page: Page) => Promise<void>> = {
  ready: (page) => page.getByRole('group', { name: '选择支付方式' }).waitFor(),
  card: (page) => page.getByRole('textbox', { name: /卡号/ }).waitFor(),
  'card-errors': (page) => page.getByText('请输入卡号').waitFor(),
  'saved-cards': (page) => page.getByRole('button', { name: /删除.*1234/ }).waitFor(),
  'removal-dialog': (page) => page.getByRole('dialog', { name: '删除银行卡' }).waitFor(),
  pending: (page) => page.getByRole('button', { name: '我已完成支付' }).waitFor(),
  qr: (page) => page.getByRole('img', { name: '微信支付二维码' }).waitFor(),
  redirect: (page) => page.getByText('请在支付宝中完成支付').waitFor(),
  fallback: (page) => page.getByRole('button', { name: /^改用/ }).waitFor(),
  failure: (page) => page.getByText(/支付宝拒绝了这笔支付/).first().waitFor(),
  success: (page) => page.getByRole('heading', { name: '支付成功' }).waitFor(),
  // The visible message (the live region that says it too is visually hidden).
  expired: (page) => page.getByRole('paragraph').filter({ hasText: '订单已超时关闭' }).waitFor(),
  offline: (page) => page.getByText(/网络已断开/).waitFor(),
};

describe('preview mode from dist/ on a static file server', () => {
  for (const [state, shown] of Object.entries(SCREENS)) {
    it(`shows ${state} with only the cashier's own files and every event marked`, async () => {
      const { page, requests, problems } = await open(`preview&preview-state=${state}&env=desktop`);
      await shown(page);
      assert.deepEqual(foreign(requests), []);
      assert.ok(requests.includes('/dist/lazy/preview.js'));
      assert.deepEqual(problems, []);
      const heard = (await page.evaluate('window.heard')) as Array<[string, boolean]>;
      assert.ok(heard.length > 0);
      assert.deepEqual(heard.filter(([, marked]) => !marked), []);
      await page.close();
    });
  }

  it('pays to success with no backend', async () => {
    const { page, requests } = await open('preview&env=desktop');
    await page.getByRole('button', { name: /确认支付/ }).click();
    await page.getByRole('img', { name: '微信支付二维码' }).waitFor();
    await page.getByRole('heading', { name: '支付成功' }).waitFor({ timeout: 5000 });
    const heard = ((await page.evaluate('window.heard')) as Array<[string, boolean]>).map(([name]) => name);
    assert.deepEqual(heard, ['shouyin-ready', 'shouyin-submit', 'shouyin-pending', 'shouyin-success']);
    assert.deepEqual(foreign(requests), []);
    await page.close();
  });

  it('is not downloaded by a cashier without preview', async () => {
    const { page, requests } = await open('session-url=/no-backend-here');
    await page.getByRole('alert').waitFor();
    assert.equal(requests.includes('/dist/lazy/preview.js'), false);
    await page.close();
  });
});
