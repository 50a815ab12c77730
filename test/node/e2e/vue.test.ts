/**
 * Vue hosts: the demo in demo/vue/ (a single-file component, `isCustomElement` for `shouyin-*`,
 * `@shouyin-…` listeners) built with Vite and @vitejs/plugin-vue against the built package, as a
 * host builds its app, and run in Chromium against the reference backend.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { build } from 'vite';
import { buildOnce, root } from '../built.js';
import { launchChromium } from '../chromium.js';
import { ledger } from '../helpers.js';
import { listenDemo, recordProblems, type DemoOrigin } from './host-app.js';

let browser: Browser;
let server: DemoOrigin;

before(async () => {
  buildOnce();
  await build({ configFile: path.join(root, 'demo/vue/vite.config.ts') });
  // Vue warns (an unresolved component, a bad prop) only in a development build.
  await build({
    configFile: path.join(root, 'demo/vue/vite.config.ts'),
    mode: 'development',
    define: { 'process.env.NODE_ENV': JSON.stringify('development') },
    build: { outDir: path.join(root, 'demo/vue/dist/dev'), emptyOutDir: true, minify: false },
  });
  server = await listenDemo();
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

describe('shouyin in a Vue 3 app', () => {
  for (const [mode, file] of [
    ['production', 'index.html'],
    ['development', 'dev/index.html'],
  ]) {
    it(`the demo (${mode} build) pays through <shouyin-checkout>, its @shouyin-… listeners telling the page, under the strict CSP, with no Vue warning`, async () => {
      const page = await browser.newPage();
      const problems = recordProblems(page);
      await page.goto(`${server.origin}/demo/vue/dist/${file}`);
      const status = page.getByRole('status').filter({ hasText: /订单|已支付|失败/ });
      await status.filter({ hasText: '待支付' }).waitFor();
      const orderId = /订单 (\S+) 待支付/.exec((await status.textContent()) ?? '')![1]!;
      await page.getByRole('button', { name: '确认支付 ¥66.00' }).click();
      await status.filter({ hasText: '已支付' }).waitFor();
      const paid = await ledger(server.origin, orderId);
      assert.deepEqual(
        paid.attempts.map((attempt: { status: string }) => attempt.status),
        ['succeeded'],
      );
      assert.equal(await status.textContent(), `已支付：${paid.attempts[0].id}`);
      assert.deepEqual(problems, []);
      await page.close();
    });
  }
});
