/**
 * Server rendering (Next.js, Nuxt, Astro) imports the package in Node, and edge renderers in a
 * worker: every entry must load there, export what it exports in a browser, and register
 * nothing. These import what `npm run build` makes, by package name, as a host would.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build as esbuild } from 'esbuild';
import { build as vite } from 'vite';
import { buildOnce, root } from '../built.js';
import { launchChromium } from '../chromium.js';

/** What a host imports, and one name each must export. */
const ENTRIES: ReadonlyArray<readonly [string, string]> = [
  ['shouyin', 'ShouyinCheckout'],
  ['shouyin/server', 'verifyIntent'],
  ['shouyin/react', 'ShouyinCheckout'],
];

/** Imports `specifier` in a fresh Node (with `flags`) and says what it exported and registered. */
function importInNode(specifier: string, flags: string[], cwd = root): { exports: string[]; registered: boolean } {
  const script = `
    const m = await import(${JSON.stringify(specifier)});
    const registered = ['shouyin-checkout', 'shouyin-card-form'].some((tag) => globalThis.customElements?.get(tag));
    console.log(JSON.stringify({ exports: Object.keys(m), registered }));`;
  const run = spawnSync(process.execPath, [...flags, '--input-type=module', '-e', script], { cwd, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  return JSON.parse(run.stdout) as { exports: string[]; registered: boolean };
}

let host = '';

before(() => {
  buildOnce();
  // A host project with the package installed (a link to this tree, as `npm link` makes).
  host = mkdtempSync(path.join(os.tmpdir(), 'shouyin-ssr-'));
  mkdirSync(path.join(host, 'node_modules'));
  symlinkSync(root, path.join(host, 'node_modules', 'shouyin'), 'dir');
  writeFileSync(path.join(host, 'package.json'), '{ "type": "module" }');
});

after(() => rmSync(host, { recursive: true, force: true }));

describe('importing shouyin where there is no page', () => {
  for (const flags of [[], ['--conditions=browser']]) {
    for (const [specifier, name] of ENTRIES) {
      it(`node ${flags.join(' ')} imports ${specifier}: it loads and registers nothing`, () => {
        const { exports, registered } = importInNode(specifier, flags, host);
        assert.ok(exports.includes(name), exports.join(', '));
        assert.equal(registered, false);
      });
    }

    it(`node ${flags.join(' ')} loads the script-tag bundle as a module, which does nothing there`, () => {
      const { registered } = importInNode('shouyin/shouyin.min.js', flags, host);
      assert.equal(registered, false);
    });
  }

  it('a Vite SSR build that bundles shouyin renders on Node', async () => {
    writeFileSync(
      path.join(host, 'entry.js'),
      `import { ShouyinCheckout, VERSION } from 'shouyin';
       export const render = () => \`<shouyin-checkout data-version="\${VERSION}"></shouyin-checkout>\${typeof ShouyinCheckout}\`;`,
    );
    await vite({
      root: host,
      configFile: false,
      logLevel: 'silent',
      ssr: { noExternal: true },
      build: { ssr: 'entry.js', outDir: 'out', rolldownOptions: { output: { entryFileNames: 'entry.mjs' } } },
    });
    const { render } = (await import(pathToFileURL(path.join(host, 'out', 'entry.mjs')).href)) as { render: () => string };
    assert.match(render(), /^<shouyin-checkout data-version="\d+\.\d+\.\d+"><\/shouyin-checkout>function$/);
    assert.equal(globalThis.customElements?.get('shouyin-checkout'), undefined);
  });

  it('a module worker bundled as edge runtimes bundle (conditions worker, browser) loads it', async () => {
    const out = await esbuild({
      stdin: {
        contents: `import { ShouyinCheckout } from 'shouyin';
          postMessage({ element: typeof ShouyinCheckout, registered: Boolean(globalThis.customElements?.get('shouyin-checkout')) });`,
        resolveDir: host,
      },
      bundle: true,
      format: 'esm',
      platform: 'browser',
      conditions: ['worker', 'browser'],
      write: false,
      logLevel: 'silent',
    });
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      // A page with an origin, as a blob worker needs (about:blank has none).
      await page.route('http://shouyin.test/', (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>worker</title>' }));
      await page.goto('http://shouyin.test/');
      const answer = await page.evaluate((code) => {
        const url = URL.createObjectURL(new Blob([code], { type: 'text/javascript' }));
        return new Promise((resolve, reject) => {
          const worker = new Worker(url, { type: 'module' });
          worker.onmessage = (event) => resolve(event.data);
          worker.onerror = (event) => reject(new Error(event.message));
        });
      }, out.outputFiles[0]!.text);
      assert.deepEqual(answer, { element: 'function', registered: false });
    } finally {
      await browser.close();
    }
  });
});
