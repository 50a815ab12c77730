/**
 * React hosts: the demo in demo/react/ and the fixture in test/fixtures/react/, each built with
 * Vite against the built package as a host builds its app, run in Chromium against the reference
 * backend, and server-rendered with react-dom/server.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { buildOnce, root } from '../built.js';
import { launchChromium } from '../chromium.js';
import { ledger } from '../helpers.js';
import { listenDemo, recordProblems, type DemoOrigin } from './host-app.js';

let origin = '';
let browser: Browser;
let server: DemoOrigin;
let fixture = '';

before(async () => {
  buildOnce();
  await build({ configFile: path.join(root, 'demo/react/vite.config.ts') });
  fixture = mkdtempSync(path.join(os.tmpdir(), 'shouyin-react-'));
  // The demo's config, pointed at the fixture.
  await build({
    configFile: path.join(root, 'demo/react/vite.config.ts'),
    root: path.join(root, 'test/fixtures/react'),
    build: { outDir: fixture, emptyOutDir: true },
  });
  server = await listenDemo();
  origin = server.origin;
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
  rmSync(fixture, { recursive: true, force: true });
});

/** A page that records what a careful host would not want to see: errors, CSP violations. */
async function open(url: string): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage();
  const problems = recordProblems(page);
  // The fixture is served from where Vite put it, on the demo server's origin.
  await page.route(`${origin}/react-fixture/**`, (route) => {
    const file = path.join(fixture, new URL(route.request().url()).pathname.slice('/react-fixture/'.length));
    return route.fulfill({ body: readFileSync(file), contentType: file.endsWith('.html') ? 'text/html' : 'text/javascript' });
  });
  await page.goto(url);
  return { page, problems };
}

describe('shouyin/react in a React app', () => {
  it('the demo pays through <ShouyinCheckout>, its typed handlers telling the page, under the strict CSP', async () => {
    const { page, problems } = await open(`${origin}/demo/react/dist/index.html`);
    const status = page.getByRole('status').filter({ hasText: /订单|已支付|失败/ });
    await status.filter({ hasText: '待支付' }).waitFor();
    const orderId = /订单 (\S+) 待支付/.exec((await status.textContent()) ?? '')![1]!;
    await page.getByRole('button', { name: '确认支付 ¥88.00' }).click();
    await status.filter({ hasText: '已支付' }).waitFor();
    const paid = await ledger(origin, orderId);
    assert.equal(paid.attempts.length, 1);
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('an onReady that a later render attaches, and a bare tag listened to late, still hear ready once', async () => {
    const { page, problems } = await open(`${origin}/react-fixture/index.html`);
    const late = page.getByRole('status', { name: 'late onReady' });
    await late.filter({ hasText: /\S/ }).waitFor();
    const bare = page.getByRole('status', { name: 'bare tag readyDetail' });
    await bare.filter({ hasText: /\S/ }).waitFor();
    // Long enough for any second call to show.
    await page.waitForTimeout(300);
    assert.equal((await late.textContent())!.split(' ').length, 1);
    await page.getByRole('button', { name: 'Pay ¥2.00' }).waitFor();
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('server-renders with react-dom/server in Node, with and without the browser condition', () => {
    for (const flags of [[], ['--conditions=browser']]) {
      const script = `
        import { createElement } from 'react';
        import { renderToString } from 'react-dom/server';
        import { ShouyinCheckout } from 'shouyin/react';
        console.log(renderToString(createElement(ShouyinCheckout, { sessionUrl: '/api/session', onSuccess: () => {} })));`;
      const run = spawnSync(process.execPath, [...flags, '--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' });
      assert.equal(run.status, 0, run.stderr);
      assert.match(run.stdout, /^<shouyin-checkout[^>]*><\/shouyin-checkout>\n$/, flags.join(' '));
    }
  });
});
