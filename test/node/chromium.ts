import { chromium, type Browser } from 'playwright-core';
// @ts-expect-error: plain ES module without types, shared with the test runner's config.
import { CHROMIUM_ARGS, findBrowsers } from '../../scripts/browsers.mjs';

/**
 * Headless Chromium for the node tests that drive a page: the one the test runner found
 * (Debian's, or Playwright's own on a laptop), with the flags that keep it off the network.
 */
export function launchChromium(): Promise<Browser> {
  const { chromium: found } = findBrowsers({ engines: ['chromium'], quiet: true }) as {
    chromium: { executablePath?: string };
  };
  return chromium.launch({
    headless: true,
    args: CHROMIUM_ARGS,
    ...(found.executablePath ? { executablePath: found.executablePath } : {}),
  });
}
