/**
 * Every preview screen at 360 px, light and dark, compared with the references committed in
 * test/browser/preview/screenshots/ (the built bundle from a plain file server, in Chromium).
 * A screen may differ from its reference by at most MAX_DIFFERENT of its pixels (anti-aliasing,
 * font hinting); more fails, with the difference written next to the reference as *.diff.png.
 *
 * A change to how a screen looks is made on purpose: `npm run screenshots:update` rewrites the
 * references (SHOUYIN_UPDATE_SCREENSHOTS=1); look at them before committing.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import type { Browser } from 'playwright-core';
import { buildOnce, root } from '../built.js';
import { launchChromium } from '../chromium.js';
import { startStaticServer } from '../static-server.js';

const STATES = ['ready', 'card', 'card-errors', 'saved-cards', 'removal-dialog', 'pending', 'qr', 'redirect', 'fallback', 'failure', 'success', 'expired', 'offline'];
const SCHEMES = ['light', 'dark'] as const;
const REFERENCES = join(root, 'test/browser/preview/screenshots');
const UPDATE = process.env.SHOUYIN_UPDATE_SCREENSHOTS === '1';
/** Share of a screen's pixels allowed to differ (pixelmatch's per-pixel threshold 0.1). */
const MAX_DIFFERENT = 0.002;

let browser: Browser;
let server: Awaited<ReturnType<typeof startStaticServer>>;

before(async () => {
  buildOnce();
  server = await startStaticServer(join(root, 'dist'));
  browser = await launchChromium();
  mkdirSync(REFERENCES, { recursive: true });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * The screen as a 360 px wide phone shows it, made as tall as the page so the whole screen is in
 * one picture with the sticky pay bar and a dialog's backdrop where a payer sees them. Time is
 * pinned (maintenance windows and the countdown are read from the clock), in China's zone.
 */
async function screenshot(state: string, scheme: (typeof SCHEMES)[number]): Promise<Buffer> {
  const context = await browser.newContext({ viewport: { width: 360, height: 640 }, colorScheme: scheme, timezoneId: 'Asia/Shanghai', locale: 'zh-CN' });
  const page = await context.newPage();
  await page.clock.setFixedTime(new Date('2026-03-02T02:00:00Z'));
  await page.route(`${server.origin}/screen.html`, (route) =>
    route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body: `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<style>:root { color-scheme: ${scheme}; } body { margin: 0; background: Canvas; }</style>
<script defer src="/shouyin.min.js"></script></head>
<body><shouyin-checkout preview preview-state="${state}" color-scheme="${scheme}"></shouyin-checkout></body></html>`,
    }),
  );
  await page.addInitScript(() => {
    document.addEventListener('shouyin-ready', () => ((globalThis as { ready?: boolean }).ready = true));
  });
  await page.goto(`${server.origin}/screen.html`);
  await page.waitForFunction(() => (globalThis as { ready?: boolean }).ready === true);
  await page.waitForLoadState('networkidle');
  // Lazy chunks render on their next frames; the dialog opens after its chunk.
  await page.waitForTimeout(400);
  await page.setViewportSize({ width: 360, height: Math.max(640, await page.evaluate(() => document.documentElement.scrollHeight)) });
  await page.waitForTimeout(100);
  const png = await page.screenshot({
    animations: 'disabled',
    caret: 'hide',
    // The order's countdown moves with the clock.
    mask: [page.locator('shouyin-countdown')],
  });
  await context.close();
  return png;
}

describe('preview screens against their references (360 px, light and dark)', () => {
  for (const scheme of SCHEMES) {
    for (const state of STATES) {
      it(`${state}, ${scheme}`, async () => {
        const file = join(REFERENCES, `${state}-${scheme}.png`);
        const diffFile = file.replace(/\.png$/, '.diff.png');
        const actual = await screenshot(state, scheme);
        if (UPDATE || !existsSync(file)) {
          assert.ok(UPDATE, `no reference ${file}: run npm run screenshots:update`);
          writeFileSync(file, actual);
          rmSync(diffFile, { force: true });
          return;
        }
        const want = PNG.sync.read(readFileSync(file));
        const got = PNG.sync.read(actual);
        assert.deepEqual([got.width, got.height], [want.width, want.height], `${state} ${scheme}: size`);
        const diff = new PNG({ width: want.width, height: want.height });
        const different = pixelmatch(want.data, got.data, diff.data, want.width, want.height, { threshold: 0.1 });
        const share = different / (want.width * want.height);
        if (share > MAX_DIFFERENT) writeFileSync(diffFile, PNG.sync.write(diff));
        else rmSync(diffFile, { force: true });
        assert.ok(share <= MAX_DIFFERENT, `${state} ${scheme}: ${different} pixels differ (${(share * 100).toFixed(2)} %), see ${diffFile}`);
      });
    }
  }
});
