// web-test-runner config. Usually run through `npm test` (scripts/test.mjs), which installs
// missing browsers and starts Xvfb; `npx wtr --config web-test-runner.config.mjs` works too.
//
// Env:
//   SHOUYIN_BROWSERS     comma list of groups: chromium,firefox,webkit,chromium-phone (default all)
//   SHOUYIN_TEST_FILES   comma list of globs overriding test/browser/**/*.test.ts
//                        (files named *.chromium.test.ts run in the chromium group only)
//   SHOUYIN_COUNTS_FILE  where the count reporter writes {passed, failed, skipped, ...}
//   SHOUYIN_WTR_INSTANCES=2  the backend as two instances on one Redis (a redis-server of this
//                        run's own), requests alternating between them; the group is named
//                        chromium-two-instances (scripts/test.mjs runs the fault suite so)
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import net from 'node:net';
import { fileURLToPath } from 'node:url';

import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { playwrightLauncher, devices } from '@web/test-runner-playwright';
import { puppeteerLauncher } from '@web/test-runner-puppeteer';
import { WebdriverLauncher } from '@web/test-runner-webdriver';

import { CHROMIUM_ARGS, findBrowsers, selectedGroups, GROUP_ENGINE, startXvfb } from './scripts/browsers.mjs';
import { startRedisServer } from './scripts/redis.mjs';
import { countReporter } from './scripts/wtr-count-reporter.mjs';

const root = fileURLToPath(new URL('.', import.meta.url));
const HOST = '127.0.0.1';
const files = (process.env.SHOUYIN_TEST_FILES || 'test/browser/**/*.test.ts')
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);

// ---------------------------------------------------------------------------------------
// Browser flags that keep each engine off the (closed) network (Chromium's: scripts/browsers.mjs).

const FIREFOX_ENV = { MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' };
const FIREFOX_PREFS = {
  // Remote settings (blocklists, etc.): point at nothing.
  'services.settings.server': 'data:,#x/v1',
  // Updates, telemetry, studies, crash reports.
  'app.update.auto': false,
  'app.update.enabled': false,
  'app.update.checkInstallTime': false,
  'app.normandy.enabled': false,
  'app.normandy.api_url': '',
  'app.shield.optoutstudies.enabled': false,
  'toolkit.telemetry.enabled': false,
  'toolkit.telemetry.unified': false,
  'toolkit.telemetry.server': 'data:,',
  'datareporting.healthreport.uploadEnabled': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'browser.ping-centre.telemetry': false,
  'browser.crashReports.unsubmittedCheck.enabled': false,
  'breakpad.reportURL': '',
  // Connectivity / captive portal probes, DNS-over-HTTPS, speculative connections.
  'network.connectivity-service.enabled': false,
  'network.captive-portal-service.enabled': false,
  'captivedetect.canonicalURL': '',
  'network.trr.mode': 5,
  'network.dns.disablePrefetch': true,
  'network.prefetch-next': false,
  'network.predictor.enabled': false,
  'network.http.speculative-parallel-limit': 0,
  // Safe browsing, add-on and plugin (GMP) updates, search and region lookups.
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'browser.safebrowsing.downloads.enabled': false,
  'browser.safebrowsing.downloads.remote.enabled': false,
  'browser.safebrowsing.blockedURIs.enabled': false,
  'browser.safebrowsing.provider.mozilla.updateURL': '',
  'browser.safebrowsing.provider.google4.updateURL': '',
  'extensions.update.enabled': false,
  'extensions.getAddons.cache.enabled': false,
  'extensions.blocklist.enabled': false,
  'media.gmp-manager.url': '',
  'media.gmp-gmpopenh264.enabled': false,
  'browser.search.update': false,
  'browser.region.network.url': '',
  'browser.region.update.enabled': false,
  'geo.provider.network.url': '',
  'identity.fxaccounts.enabled': false,
  'dom.push.connection.enabled': false,
  'browser.newtabpage.enabled': false,
  'browser.startup.homepage': 'about:blank',
  'browser.aboutHomeSnippets.updateUrl': '',
  'security.OCSP.enabled': 0,
  'security.remote_settings.crlite_filters.enabled': false,
  'security.remote_settings.intermediates.enabled': false,
};

// ---------------------------------------------------------------------------------------
// Launchers

const PHONE = devices['Pixel 7'];

function chromiumLauncher(info, { phone = false } = {}) {
  const launchOptions = { executablePath: info.executablePath, headless: true, args: CHROMIUM_ARGS };
  if (!phone) return playwrightLauncher({ product: 'chromium', launchOptions, concurrency: 2 });
  return playwrightLauncher({
    product: 'chromium',
    launchOptions,
    concurrency: 2,
    // A Pixel 7: 412x839 CSS px viewport (screen 412x915), DPR 2.625, touch, mobile UA.
    createBrowserContext: ({ browser }) => {
      // Keep the device's Android/Pixel UA but with the Chrome version actually running.
      const version = browser.version();
      const userAgent = version
        ? PHONE.userAgent.replace(/Chrome\/[\d.]+/, `Chrome/${version}`)
        : PHONE.userAgent;
      return browser.newContext({ ...PHONE, userAgent });
    },
    // The Playwright launcher calls page.setViewportSize({ width: 800, height: 600 }) right
    // before it opens each test file; put the phone viewport back before that navigation.
    createPage: async ({ context }) => {
      const page = await context.newPage();
      const goto = page.goto.bind(page);
      page.goto = async (url, options) => {
        if (url !== 'about:blank') await page.setViewportSize(PHONE.viewport);
        return goto(url, options);
      };
      return page;
    },
  });
}

function firefoxLauncher(info) {
  if (info.source === 'playwright') {
    return playwrightLauncher({
      product: 'firefox',
      launchOptions: { headless: true, firefoxUserPrefs: FIREFOX_PREFS, env: { ...process.env, ...FIREFOX_ENV } },
      concurrency: 1,
    });
  }
  return puppeteerLauncher({
    launchOptions: {
      browser: 'firefox',
      executablePath: info.executablePath,
      headless: true,
      env: { ...process.env, ...FIREFOX_ENV },
      extraPrefsFirefox: FIREFOX_PREFS,
    },
    // One page at a time: Firefox pages in one window compete for focus.
    concurrency: 1,
  });
}

/** A free TCP port on 127.0.0.1. */
function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, HOST, () => {
      const { port } = /** @type {net.AddressInfo} */ (srv.address());
      srv.close(() => resolve(port));
    });
  });
}

async function waitForPort(port, child, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`WebKitWebDriver exited with ${child.exitCode}`);
    const ok = await new Promise((resolve) => {
      const sock = net.connect(port, HOST, () => {
        sock.end();
        resolve(true);
      });
      sock.on('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`WebKitWebDriver did not listen on ${HOST}:${port} within ${timeoutMs} ms`);
}

/**
 * WebKitGTK's MiniBrowser through WebKitWebDriver, which this launcher starts on a free port
 * when the run starts and stops at the end. One test file at a time, each in the top-level
 * window (the webdriver launcher's SessionManager), not in iframes.
 */
class WebKitGtkLauncher extends WebdriverLauncher {
  constructor(info) {
    super({
      hostname: HOST,
      port: 0,
      path: '/',
      logLevel: 'error',
      connectionRetryCount: 0,
      capabilities: {
        browserName: 'MiniBrowser',
        'webkitgtk:browserOptions': { binary: info.executablePath, args: ['--automation'] },
        'wdio:enforceWebDriverClassic': true,
      },
    });
    this.info = info;
    this.concurrency = 1;
  }

  async initialize(config, testFiles) {
    if (!process.env.DISPLAY) {
      // Standalone `wtr` run: scripts/test.mjs normally provides the display.
      const xvfb = await startXvfb();
      process.env.DISPLAY = xvfb.display;
      this.xvfb = xvfb;
    }
    const port = await freePort();
    this.driverProcess = spawn(this.info.driverPath, [`--port=${port}`, `--host=${HOST}`], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    process.once('exit', () => this.killDriver());
    await waitForPort(port, this.driverProcess);
    this.options.port = port;
    // concurrency 1 makes the webdriver launcher use its SessionManager (top-level window)
    return super.initialize({ ...config, concurrency: 1 }, testFiles);
  }

  /** Stops WebKitWebDriver (and our Xvfb, if any); resolves once it has exited. */
  killDriver() {
    const child = this.driverProcess;
    let exited = Promise.resolve();
    if (child && child.exitCode === null && child.signalCode === null) {
      exited = new Promise((resolve) => {
        const timer = setTimeout(resolve, 3_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
      });
      child.kill('SIGTERM');
    }
    this.xvfb?.stop();
    return exited;
  }

  async stop() {
    try {
      await super.stop();
    } finally {
      await this.killDriver();
    }
  }
}

function webkitLauncher(info) {
  if (info.source === 'playwright') {
    return playwrightLauncher({ product: 'webkit', launchOptions: { headless: true }, concurrency: 1 });
  }
  return new WebKitGtkLauncher(info);
}

// ---------------------------------------------------------------------------------------
// Groups

const TWO_INSTANCES = process.env.SHOUYIN_WTR_INSTANCES === '2';
/**
 * What the phone group leaves out: files whose subject does not change with a phone's screen,
 * touch and user agent (bytes and signatures, the backend's faults and resumes, a fake clock,
 * the designer's preview and its palettes), and the one that sizes its own 360×640 frames. The
 * rest (layout, touch targets, the sticky bar, forms, frames, hints, care mode) runs on a
 * Pixel 7 as well. It keeps the whole suite under ten minutes on two cores.
 */
const NOT_ON_PHONE = [
  'test/browser/protocol/**',
  'test/browser/checkout/resilience*.test.ts',
  'test/browser/checkout/where-focus-goes.test.ts',
  'test/browser/checkout/color-scheme-preview.test.ts',
  'test/browser/preview/**',
  'test/browser/channels/countdown-fake-clock.test.ts',
];
const engines = findBrowsers({ install: false, quiet: true });
const groups = [];
for (const name of selectedGroups()) {
  const info = engines[GROUP_ENGINE[name]];
  if (!info.available) {
    console.warn(`[wtr] skipping group ${name}: ${info.engine} is not installed (${info.label})`);
    continue;
  }
  let browser;
  if (name === 'chromium') browser = chromiumLauncher(info);
  else if (name === 'chromium-phone') browser = chromiumLauncher(info, { phone: true });
  else if (name === 'firefox') browser = firefoxLauncher(info);
  else browser = webkitLauncher(info);
  // Suites that measure the cashier against the backend rather than the engine (the fault suite) run once.
  const groupFiles = name === 'chromium' ? files : [...files, '!**/*.chromium.test.ts', ...(name === 'chromium-phone' ? NOT_ON_PHONE.map((glob) => `!${glob}`) : [])];
  groups.push({ name: TWO_INSTANCES ? `${name}-two-instances` : name, files: groupFiles, browsers: [browser] });
}
if (groups.length === 0) {
  throw new Error('[wtr] no browser available for the selected groups (SHOUYIN_BROWSERS)');
}

// ---------------------------------------------------------------------------------------
// The reference payment backend, same-origin under /api/.

const backendPath = new URL('./demo/backend/app.ts', import.meta.url);
const middleware = [];
// The test server's own port, chosen here: the card frame's origin must name it in its allow-list.
const port = await freePort();
/** The card frame pages' URLs (`card-frame` tests): one that serves this page's origin, one that refuses it. */
let cardFrames = null;
if (existsSync(backendPath)) {
  const { tsImport } = await import('tsx/esm/api');
  const { createBackend } = await tsImport(backendPath.href, import.meta.url);
  const backends = TWO_INSTANCES ? await twoInstances(tsImport) : [createBackend()];
  let next = 0;
  middleware.push(async (ctx, nextMiddleware) => {
    if (!ctx.path.startsWith('/api/')) return nextMiddleware();
    ctx.respond = false;
    // Round robin: with two instances, consecutive requests (a retry, a status poll, the
    // ledger) reach the other one, as behind a load balancer.
    const backend = backends[next++ % backends.length];
    const handled = await backend.handle(ctx.req, ctx.res);
    if (!handled && !ctx.res.headersSent) {
      ctx.res.statusCode = 404;
      ctx.res.setHeader('content-type', 'application/json; charset=utf-8');
      ctx.res.end(JSON.stringify({ error: 'not_found' }));
    }
  });
  cardFrames = await startCardFrames(tsImport, backends[0]);
} else {
  // TEMPORARY until demo/backend/app.ts exists.
  console.warn('[wtr] demo/backend/app.ts not found: the payment backend is NOT mounted under /api/');
}

/**
 * The card frame on a second origin (another port of 127.0.0.1), as a card platform serves it,
 * bundled from src/ with esbuild; and the same page on a third origin whose allow-list names
 * some other merchant, to be refused. Both stop with the test run (unref'd).
 */
async function startCardFrames(tsImport, backend) {
  const { createCardFrameServer } = await tsImport(new URL('./demo/card-frame-server.ts', import.meta.url).href, import.meta.url);
  const { build } = await import('esbuild');
  const bundled = await build({
    entryPoints: [fileURLToPath(new URL('./src/card-frame/frame-page.ts', import.meta.url))],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)),
  });
  const source = (file) => readFileSync(new URL(`./src/card-frame/${file}`, import.meta.url), 'utf8');
  const files = { html: source('card-frame.html'), css: source('card-frame.css'), js: bundled.outputFiles[0].text };
  const listen = async (parents) => {
    const server = createCardFrameServer({ files: async () => files, parents, backend });
    const framePort = await freePort();
    await new Promise((resolve) => server.listen(framePort, HOST, resolve));
    server.unref();
    return `http://${HOST}:${framePort}/card-frame.html`;
  };
  return { allowed: await listen([`http://${HOST}:${port}`]), refusing: await listen(['https://merchant.example']) };
}

/**
 * Two reference backend instances that share nothing but a Redis of this run's own: each has
 * its own connection, its own in-flight requests and its own session cache.
 */
async function twoInstances(tsImport) {
  const redis = await startRedisServer();
  process.once('exit', () => void redis.stop());
  const load = (file) => tsImport(new URL(file, import.meta.url).href, import.meta.url);
  const [{ createBackend }, { connectRedis }, { RedisBackendStore }] = await Promise.all([
    load('./demo/backend/app.ts'),
    load('./demo/backend/redis-client.ts'),
    load('./demo/backend/redis-store.ts'),
  ]);
  console.log(`[wtr] the backend: two instances on ${redis.url}, requests alternating`);
  return Promise.all(
    [0, 1].map(async () => createBackend({ store: new RedisBackendStore((await connectRedis(redis.url)).command) })),
  );
}

// ---------------------------------------------------------------------------------------

/**
 * `executeServerCommand('ime-compose', { steps })`: drives Chromium's real IME path over CDP
 * (`Input.imeSetComposition`, then `Input.insertText` to commit), as an Android keyboard that
 * sends digits as compositions does. Other engines answer `{ supported: false }`.
 */
function imeCompositionPlugin() {
  return {
    name: 'shouyin-ime-compose',
    async executeCommand({ command, payload, session }) {
      if (command !== 'ime-compose') return undefined;
      const page = typeof session.browser.getPage === 'function' ? session.browser.getPage(session.id) : undefined;
      if (!page || session.browser.type !== 'playwright' || !page.context().newCDPSession) return { supported: false };
      const cdp = await page.context().newCDPSession(page);
      for (const step of payload.steps) {
        if ('compose' in step) {
          const end = step.compose.length;
          await cdp.send('Input.imeSetComposition', { text: step.compose, selectionStart: end, selectionEnd: end });
        } else if ('commit' in step) {
          await cdp.send('Input.insertText', { text: step.commit });
        }
      }
      await cdp.detach();
      return { supported: true };
    },
  };
}

/**
 * `executeServerCommand('network-drop', { ms })`: the connection drops for `ms` and comes back,
 * as a phone's does: Playwright's `setOffline` on the test page's context, which makes
 * `navigator.onLine` false, fires the window's `offline` event (and `online` after) and fails
 * every request meanwhile. The answer comes once the page is back online (offline, the test
 * runner's own connection to the page is cut too). Other drivers answer `{ supported: false }`.
 */
function networkPlugin() {
  return {
    name: 'shouyin-network',
    async executeCommand({ command, payload, session }) {
      if (command !== 'network-drop') return undefined;
      const page = typeof session.browser.getPage === 'function' ? session.browser.getPage(session.id) : undefined;
      if (!page || session.browser.type !== 'playwright') return { supported: false };
      await page.context().setOffline(true);
      await new Promise((resolve) => setTimeout(resolve, payload.ms));
      await page.context().setOffline(false);
      return { supported: true };
    },
  };
}

/** What the card frame page shows, read in the frame's page (where these globals are the browser's). */
/* global document, getComputedStyle, innerHeight */
const LOOK = () => {
  const root = document.documentElement;
  const form = document.querySelector('shouyin-card-form, shouyin-cvv-field, shouyin-binding-fields');
  const labels = [...(form?.shadowRoot?.querySelectorAll('label') ?? [])].map((l) => l.textContent.trim());
  const number = form?.shadowRoot?.querySelector('#number');
  return {
    lang: root.lang,
    labels,
    scheme: getComputedStyle(root).colorScheme,
    primary: getComputedStyle(root).getPropertyValue('--shouyin-color-primary').trim(),
    radius: getComputedStyle(root).getPropertyValue('--shouyin-radius-small').trim(),
    numberBorderRadius: number ? getComputedStyle(number).borderTopLeftRadius : '',
    scrolls: root.scrollHeight > innerHeight + 1,
    autocomplete: [...(form?.shadowRoot?.querySelectorAll('input') ?? [])].map((i) => i.getAttribute('autocomplete')),
    // What the payer reads in the frame: the form's own error lines, the fields as they show (the ID masked once left), which is focused.
    errors: [...(form?.shadowRoot?.querySelectorAll('.error') ?? [])].map((e) => e.textContent.trim()),
    values: Object.fromEntries([...(form?.shadowRoot?.querySelectorAll('input') ?? [])].map((i) => [i.id, i.value])),
    focused: form?.shadowRoot?.activeElement?.id ?? null,
    tall: [...(form?.shadowRoot?.querySelectorAll('input') ?? [])].map((i) => Math.round(i.getBoundingClientRect().height)),
  };
};

/**
 * `executeServerCommand('card-frames')`: the card frame pages' URLs (see `startCardFrames`).
 * `executeServerCommand('card-frame-look')`: what the card frame page shows, read in the frame
 * by the driver (a cross-origin frame is closed to the test page, as to any host script):
 * its language, labels, color scheme, token values, whether it scrolls, its error lines and what its
 * fields show. Playwright and
 * Puppeteer only; elsewhere `{ supported: false }`.
 */
function cardFramesPlugin() {
  return {
    name: 'shouyin-card-frames',
    async executeCommand({ command, session }) {
      if (command === 'card-frames') return cardFrames;
      if (command !== 'card-frame-look') return undefined;
      const page = typeof session.browser.getPage === 'function' ? session.browser.getPage(session.id) : undefined;
      // The newest frame that is still in the page (an earlier test's may linger, detached, in
      // Firefox's list); a frame just added may not have navigated yet: waited for a little.
      const newest = () => page?.frames().filter((f) => f.url().includes('/card-frame.html') && !f.isDetached()).at(-1);
      const until = Date.now() + 5000;
      const pause = () => new Promise((resolve) => setTimeout(resolve, 50));
      for (;;) {
        while (page && !newest() && Date.now() < until) await pause();
        const frame = newest();
        if (!frame) return { supported: !!page, found: false };
        try {
          // And its form may not have rendered yet (Playwright's and Puppeteer's frames both evaluate).
          const rendered = () => frame.evaluate(() => !!document.querySelector('shouyin-card-form, shouyin-cvv-field, shouyin-binding-fields')?.shadowRoot?.querySelector('input')).catch(() => false);
          while (!frame.isDetached() && !(await rendered()) && Date.now() < until) await pause();
          const look = await frame.evaluate(LOOK);
          return { supported: true, found: true, ...look };
        } catch (error) {
          // The frame went between finding and reading it (replaced, or navigating): read the newest again.
          if (Date.now() >= until) throw error;
          await pause();
        }
      }
    },
  };
}

/**
 * `executeServerCommand('webauthn-authenticator', { isUserVerified })`: a virtual platform
 * authenticator (internal, user-verifying, resident keys) on the test's page, through CDP
 * (`WebAuthn.addVirtualAuthenticator`), as a phone's fingerprint reader. It lives as long as
 * its CDP session, kept here per test page; `webauthn-authenticator` with `{ remove: true }`
 * takes it away. Playwright's Chromium only; elsewhere `{ supported: false }`. (The page is on
 * 127.0.0.1, which no engine takes as a relying party id: a ceremony there fails with a
 * SecurityError, which is a refusal to the cashier. The whole passkey path runs on localhost
 * in test/node/e2e/passkey.test.ts.)
 */
function webauthnPlugin() {
  const sessions = new Map();
  return {
    name: 'shouyin-webauthn',
    async executeCommand({ command, payload, session }) {
      if (command !== 'webauthn-authenticator') return undefined;
      const page = typeof session.browser.getPage === 'function' ? session.browser.getPage(session.id) : undefined;
      if (!page || session.browser.type !== 'playwright' || !page.context().newCDPSession) return { supported: false };
      const held = sessions.get(session.id);
      if (payload?.remove) {
        if (held) await held.cdp.send('WebAuthn.removeVirtualAuthenticator', { authenticatorId: held.id });
        await held?.cdp.detach().catch(() => undefined);
        sessions.delete(session.id);
        return { supported: true };
      }
      const cdp = held?.cdp ?? (await page.context().newCDPSession(page));
      await cdp.send('WebAuthn.enable');
      const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
        options: {
          protocol: 'ctap2',
          transport: 'internal',
          hasUserVerification: true,
          isUserVerified: payload?.isUserVerified ?? true,
          hasResidentKey: true,
          automaticPresenceSimulation: true,
        },
      });
      sessions.set(session.id, { cdp, id: authenticatorId });
      return { supported: true, id: authenticatorId };
    },
  };
}

export default {
  rootDir: root,
  hostname: HOST,
  port,
  nodeResolve: true,
  // 2 cores: two browsers at a time, up to two test files each (Firefox, WebKit: one).
  concurrentBrowsers: 2,
  concurrency: 2,
  browserStartTimeout: 60_000,
  testsStartTimeout: 60_000,
  testsFinishTimeout: 120_000,
  testFramework: {
    config: { timeout: 10_000 },
  },
  plugins: [
    imeCompositionPlugin(),
    cardFramesPlugin(),
    webauthnPlugin(),
    networkPlugin(),
    esbuildPlugin({
      ts: true,
      target: 'es2022',
      tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)),
    }),
  ],
  middleware,
  // Only used for files given on the wtr command line; normally the groups below run.
  browsers: groups.flatMap((g) => g.browsers),
  groups,
  testRunnerHtml: (testFramework) => `<!doctype html>
<html>
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
  </head>
  <body>
    <script>
      // Keep Lit's other dev-mode warnings but not the "Lit is in dev mode" notice on every page.
      (globalThis.litIssuedWarnings ??= new Set()).add('dev-mode');
    </script>
    <script type="module" src="/test/support/lit-warnings.ts"></script>
    <script type="module" src="${testFramework}"></script>
  </body>
</html>`,
  reporters: [defaultReporter(), countReporter()],
};
