// Finds (and on Debian, as root, installs) the browsers the test suite runs in.
//
// For each engine Playwright's own build is preferred when it is installed
// (`npx playwright install`), else the Debian one:
//   chromium  /usr/bin/chromium          driven by Playwright (executablePath)
//   firefox   /usr/bin/firefox-esr       driven by Puppeteer over WebDriver BiDi
//   webkit    WebKitGTK MiniBrowser      driven by webdriverio via /usr/bin/WebKitWebDriver (needs X)
//
// Used by scripts/test.mjs (which may install) and by web-test-runner.config.mjs
// (which only looks).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export const ENGINES = /** @type {const} */ (['chromium', 'firefox', 'webkit']);
export const GROUPS = /** @type {const} */ (['chromium', 'firefox', 'webkit', 'chromium-phone']);

/** Which engine each wtr group needs. */
export const GROUP_ENGINE = {
  chromium: 'chromium',
  firefox: 'firefox',
  webkit: 'webkit',
  'chromium-phone': 'chromium',
};

export const DEBIAN_PATHS = {
  chromium: '/usr/bin/chromium',
  firefox: '/usr/bin/firefox-esr',
  webkitDriver: '/usr/bin/WebKitWebDriver',
  xvfb: '/usr/bin/Xvfb',
};

/** Chromium flags that keep it off the closed network (tests and e2e share them). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--no-default-browser-check',
  '--no-pings',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-domain-reliability',
  '--disable-client-side-phishing-detection',
  '--disable-default-apps',
  '--disable-extensions',
  '--disable-breakpad',
  '--metrics-recording-only',
  // (No --disable-features here: it would replace Playwright's own --disable-features list.)
  // Every host name fails to resolve without asking DNS, except the test server.
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1',
];

/** Debian packages that provide each engine (plus what it needs to run here). */
const DEBIAN_PACKAGES = {
  chromium: ['chromium'],
  firefox: ['firefox-esr'],
  webkit: ['webkit2gtk-driver', 'xvfb'],
};
/** Chinese text must render in every engine. */
const FONT_PACKAGES = ['fonts-noto-cjk'];

/**
 * Groups selected by SHOUYIN_BROWSERS (comma list), default all four.
 * @param {string | undefined} [value]
 * @returns {string[]}
 */
export function selectedGroups(value = process.env.SHOUYIN_BROWSERS) {
  if (!value || !value.trim()) return [...GROUPS];
  const groups = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = groups.filter((g) => !GROUPS.includes(/** @type {any} */ (g)));
  if (unknown.length) {
    throw new Error(
      `SHOUYIN_BROWSERS: unknown group(s) ${unknown.join(', ')}; known: ${GROUPS.join(', ')}`,
    );
  }
  return [...new Set(groups)];
}

/** @param {string[]} groups */
export function enginesFor(groups) {
  return ENGINES.filter((e) => groups.some((g) => GROUP_ENGINE[g] === e));
}

/** MiniBrowser lives in the multiarch lib dir, e.g. /usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/. */
function findMiniBrowser() {
  const candidates = [];
  try {
    for (const dir of readdirSync('/usr/lib')) {
      candidates.push(path.join('/usr/lib', dir, 'webkit2gtk-4.1', 'MiniBrowser'));
    }
  } catch {
    // no /usr/lib: not Linux
  }
  candidates.push('/usr/libexec/webkit2gtk-4.1/MiniBrowser');
  return candidates.find((p) => existsSync(p));
}

/** Upstream version of an installed Debian package, or undefined. */
function debianVersion(pkg) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}\t${Version}', pkg], { encoding: 'utf8' });
  if (r.status !== 0 || !r.stdout.includes('install ok installed')) return undefined;
  const full = r.stdout.split('\t')[1] ?? '';
  return full.replace(/^\d+:/, '').replace(/-[^-]*$/, '');
}

function debianInstalled(pkg) {
  return debianVersion(pkg) !== undefined;
}

/** Playwright's own browser builds, if `npx playwright install` was run. */
function playwrightBuilds() {
  /** @type {Record<string, string | undefined>} */
  const found = {};
  try {
    // playwright is a dependency of @web/test-runner-playwright; resolve it from there.
    const require = createRequire(import.meta.url);
    const fromLauncher = createRequire(require.resolve('@web/test-runner-playwright'));
    const playwright = fromLauncher('playwright');
    for (const engine of ENGINES) {
      try {
        const p = playwright[engine].executablePath();
        if (p && existsSync(p)) found[engine] = p;
      } catch {
        // not installed for this engine
      }
    }
  } catch {
    // playwright not resolvable
  }
  return found;
}

/**
 * @typedef {object} EngineInfo
 * @property {'chromium'|'firefox'|'webkit'} engine
 * @property {boolean} available
 * @property {'playwright'|'debian'} [source]
 * @property {string} [executablePath]  browser binary (chromium, firefox; MiniBrowser for webkit)
 * @property {string} [driverPath]      WebKitWebDriver (Debian webkit only)
 * @property {boolean} [needsDisplay]   needs an X display (Debian webkit only)
 * @property {string} [version]
 * @property {string} label             human description, for the "engines:" line
 */

/** @returns {Record<'chromium'|'firefox'|'webkit', EngineInfo>} */
function detect() {
  const pw = playwrightBuilds();
  /** @type {Record<string, EngineInfo>} */
  const info = {};

  if (pw.chromium) {
    info.chromium = {
      engine: 'chromium',
      available: true,
      source: 'playwright',
      executablePath: pw.chromium,
      label: `Playwright ${pw.chromium}`,
    };
  } else {
    const ok = existsSync(DEBIAN_PATHS.chromium);
    const version = ok ? debianVersion('chromium') : undefined;
    info.chromium = {
      engine: 'chromium',
      available: ok,
      source: 'debian',
      executablePath: DEBIAN_PATHS.chromium,
      version,
      label: `Debian ${DEBIAN_PATHS.chromium}${version ? ` ${version}` : ''}`,
    };
  }

  if (pw.firefox) {
    info.firefox = {
      engine: 'firefox',
      available: true,
      source: 'playwright',
      executablePath: pw.firefox,
      label: `Playwright ${pw.firefox}`,
    };
  } else {
    const ok = existsSync(DEBIAN_PATHS.firefox);
    const version = ok ? debianVersion('firefox-esr') : undefined;
    info.firefox = {
      engine: 'firefox',
      available: ok,
      source: 'debian',
      executablePath: DEBIAN_PATHS.firefox,
      version,
      label: `Debian firefox-esr${version ? ` ${version}` : ''}, Puppeteer/WebDriver BiDi`,
    };
  }

  if (pw.webkit) {
    info.webkit = {
      engine: 'webkit',
      available: true,
      source: 'playwright',
      executablePath: pw.webkit,
      label: `Playwright ${pw.webkit}`,
    };
  } else {
    const mini = findMiniBrowser();
    const ok = Boolean(mini) && existsSync(DEBIAN_PATHS.webkitDriver);
    const version = ok ? debianVersion('webkit2gtk-driver') : undefined;
    info.webkit = {
      engine: 'webkit',
      available: ok,
      source: 'debian',
      executablePath: mini,
      driverPath: DEBIAN_PATHS.webkitDriver,
      needsDisplay: true,
      version,
      label: `WebKitGTK MiniBrowser${version ? ` ${version}` : ''}, WebKitWebDriver`,
    };
  }
  return /** @type {any} */ (info);
}

/** @param {string[]} args */
function run(cmd, args) {
  console.log(`[browsers] $ ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (r.error) throw r.error;
  return r.status === 0;
}

/**
 * Finds the browser for each requested engine. With `install`, when a Debian engine (or the
 * CJK font) is missing, the process is root and this is Debian, installs the missing
 * packages with one `apt-get update` + one `apt-get install`.
 *
 * @param {{ engines?: readonly string[], install?: boolean, fonts?: boolean, quiet?: boolean }} [options]
 * @returns {Record<'chromium'|'firefox'|'webkit', EngineInfo>}
 */
export function findBrowsers({ engines = ENGINES, install = false, fonts = true, quiet = false } = {}) {
  const log = quiet ? () => {} : (/** @type {string} */ msg) => console.log(`[browsers] ${msg}`);
  let info = detect();
  if (!install) return info;

  const wanted = new Set();
  for (const engine of engines) {
    const e = info[/** @type {'chromium'} */ (engine)];
    if (e.source === 'debian') {
      for (const pkg of DEBIAN_PACKAGES[/** @type {'chromium'} */ (engine)]) {
        if (!debianInstalled(pkg)) wanted.add(pkg);
      }
    }
  }
  if (fonts) for (const pkg of FONT_PACKAGES) if (!debianInstalled(pkg)) wanted.add(pkg);
  if (wanted.size === 0) return info;

  const pkgs = [...wanted];
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !existsSync('/etc/debian_version')) {
    log(
      `missing Debian package(s): ${pkgs.join(' ')}; not installing (${isRoot ? 'not Debian' : 'not root'}). ` +
        `Install them, or run \`npx playwright install\` for Playwright's own builds.`,
    );
    return info;
  }
  log(`installing missing Debian package(s): ${pkgs.join(' ')}`);
  const t0 = Date.now();
  const ok =
    run('apt-get', ['-q', '-o', 'DPkg::Lock::Timeout=180', 'update']) &&
    run('apt-get', [
      '-q',
      '-y',
      '--no-install-recommends',
      '-o',
      'DPkg::Lock::Timeout=180',
      'install',
      ...pkgs,
    ]);
  log(`${ok ? 'installed' : 'apt-get FAILED for'} ${pkgs.join(' ')} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  info = detect();
  return info;
}

/**
 * Starts `Xvfb -displayfd` on a free display and resolves with its DISPLAY value.
 * The caller kills it with `stop()`; it is also killed when this process exits.
 * @returns {Promise<{ display: string, pid: number | undefined, stop: () => Promise<unknown> }>}
 */
export function startXvfb() {
  return new Promise((resolve, reject) => {
    const child = spawn(
      DEBIAN_PATHS.xvfb,
      ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'],
      { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    let out = '';
    let settled = false;
    /** Kills Xvfb; resolves once it has exited (or after 3 s). */
    const stop = () => {
      if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
      const exited = new Promise((res) => {
        const t = setTimeout(res, 3_000);
        child.once('exit', () => {
          clearTimeout(t);
          res(undefined);
        });
      });
      child.kill('SIGTERM');
      return exited;
    };
    process.once('exit', stop);
    const timer = setTimeout(() => {
      if (settled) return;
      settled = true;
      stop();
      reject(new Error(`Xvfb did not report a display within 15 s\n${stderr}`));
    }, 15_000);
    child.stderr?.on('data', (d) => (stderr += d));
    child.on('error', (err) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      reject(err);
    });
    child.on('exit', (code, signal) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      reject(new Error(`Xvfb exited (${code ?? signal}) before it was ready\n${stderr}`));
    });
    const fd3 = /** @type {import('node:stream').Readable} */ (child.stdio[3]);
    fd3.on('data', (d) => {
      out += d;
      const m = /^(\d+)\n/.exec(out);
      if (m && !settled) {
        settled = true;
        clearTimeout(timer);
        // Don't let the pipes keep the event loop alive.
        fd3.destroy();
        child.stderr?.destroy();
        child.unref();
        resolve({ display: `:${m[1]}`, pid: child.pid, stop });
      }
    });
  });
}
