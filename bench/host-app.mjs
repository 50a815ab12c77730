// What `import 'shouyin'` costs a host that bundles it: a tiny Vite app built twice in a
// temporary directory, once without Shouyin and once with it, both with Vite's production
// defaults. `shouyin` resolves to this package (a symlink in the app's node_modules), so the
// app gets dist/shouyin.js, the ES module build, with its real dependencies (lit, zod, imask)
// from this package's node_modules, tree-shaken as a host's bundler would.
import { mkdtemp, mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

import { build } from 'vite';

const INDEX_HTML = `<!doctype html>
<html lang="zh-CN">
  <head><meta charset="utf-8"><title>Host</title></head>
  <body>
    <main id="app"></main>
    <script type="module" src="/main.js"></script>
  </body>
</html>
`;

/** The host's own code; the second app is the same with Shouyin imported. */
const HOST_CODE = `const app = document.querySelector('#app');
const heading = document.createElement('h1');
heading.textContent = 'Checkout';
app.append(heading, document.createElement('shouyin-checkout'));
`;

/**
 * Builds one app; returns the gzip -9 size of the JS a page load fetches (the entry chunk
 * and what it imports statically) and of the chunks it may import later, each file gzipped
 * on its own as a server sends it.
 * @param {string} dir @param {string} main
 */
async function buildApp(dir, main) {
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'index.html'), INDEX_HTML);
  await writeFile(path.join(dir, 'main.js'), main);
  await build({ root: dir, configFile: false, logLevel: 'silent', build: { outDir: 'dist', manifest: true, reportCompressedSize: false } });
  const out = path.join(dir, 'dist');
  /** @type {Record<string, { file: string, isEntry?: boolean, imports?: string[], dynamicImports?: string[] }>} */
  const manifest = JSON.parse(await readFile(path.join(out, '.vite/manifest.json'), 'utf8'));
  const initial = new Set();
  const visit = (/** @type {string} */ key) => {
    if (initial.has(key)) return;
    initial.add(key);
    for (const next of manifest[key]?.imports ?? []) visit(next);
  };
  for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) visit(key);
  let initialGzip = 0;
  let lazyGzip = 0;
  for (const [key, chunk] of Object.entries(manifest)) {
    if (!chunk.file.endsWith('.js')) continue;
    const gzip = gzipSync(await readFile(path.join(out, chunk.file)), { level: 9 }).length;
    if (initial.has(key)) initialGzip += gzip;
    else lazyGzip += gzip;
  }
  return { initialGzip, lazyGzip };
}

/**
 * Builds the host app without and with `import 'shouyin'`.
 * @param {string} root  this package's directory
 * @returns {Promise<{ without: { initialGzip: number, lazyGzip: number }, with: { initialGzip: number, lazyGzip: number }, viteVersion: string }>}
 */
export async function measureHostApp(root) {
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'shouyin-host-app-'));
  try {
    const without = await buildApp(path.join(tmp, 'plain'), HOST_CODE);
    const withDir = path.join(tmp, 'with-shouyin');
    await mkdir(path.join(withDir, 'node_modules'), { recursive: true });
    await symlink(root, path.join(withDir, 'node_modules/shouyin'), 'dir');
    const withShouyin = await buildApp(withDir, `import 'shouyin';\n${HOST_CODE}`);
    const viteVersion = JSON.parse(await readFile(path.join(root, 'node_modules/vite/package.json'), 'utf8')).version;
    return { without, with: withShouyin, viteVersion };
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}
