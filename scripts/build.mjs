// `npm run build`: the four library builds, the .d.ts types, the custom elements manifest, the SRI value of the
// script-tag bundle and the static playground (dist/playground/). Each step fails the build when it fails.
import { createHash } from 'node:crypto';
import { copyFile, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { minify } from 'terser';
import { build } from 'vite';
import { buildPlayground } from './playground.mjs';

import { fileURLToPath } from 'node:url';
const root = fileURLToPath(new URL('..', import.meta.url));
process.chdir(root);

await rm('dist', { recursive: true, force: true });
// One build per lazy chunk (vite.config.ts LAZY_CHUNKS names them), so no two share a file.
const LAZY = ['assistant', 'binding', 'card', 'card-frame-host', 'care', 'guide', 'i18n-en', 'i18n-zh-TW', 'notices', 'payment', 'preview', 'qr', 'saved-cards', 'seal', 'passkey'].map((name) => `lazy-${name}`);
for (const mode of ['module', 'script', ...LAZY, 'card-frame', 'server', 'node', 'react']) {
  await build({ mode, logLevel: 'warn', configFile: 'vite.config.ts' });
}
execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
// dist/custom-elements.json, from the elements' JSDoc (custom-elements-manifest.config.mjs).
execFileSync(process.execPath, ['node_modules/@custom-elements-manifest/analyzer/cem.js', 'analyze', '--quiet'], { stdio: 'inherit' });
await buildPlayground();

// A second pass over the script-tag bundle and the lazy chunks: terser's compressor, run
// three times over Rolldown's minified output, finds about 0.6 KB gzip more (sequences,
// inlined constants, dead branches). Default, safe options only: no `unsafe*`, no property
// mangling, and top-level names (the `Shouyin` global) kept. The source map is carried through
// (and, as vite.config.ts makes them, not named in the file).
async function squeeze(file, options) {
  const squeezed = await minify(await readFile(file, 'utf8'), {
    ecma: 2020,
    compress: { passes: 3 },
    mangle: true,
    ...options,
    sourceMap: { content: await readFile(`${file}.map`, 'utf8') },
  });
  if (!squeezed.code || typeof squeezed.map !== 'string') throw new Error(`terser gave no code or map for ${file}`);
  await writeFile(file, squeezed.code);
  await writeFile(`${file}.map`, squeezed.map);
}
await squeeze('dist/shouyin.min.js');
await squeeze('dist/card-frame.js', { module: true });
// The card frame page and its styles, as the card platform serves them (it fills the page's two lists: docs/card-frame.md).
await copyFile('src/card-frame/card-frame.html', 'dist/card-frame.html');
await copyFile('src/card-frame/card-frame.css', 'dist/card-frame.css');
// Vite leaves an ES library's white space (and comments) as written; the lazy chunks are
// ES modules, so terser may rename their top-level names too.
for (const file of (await readdir('dist/lazy')).filter((f) => f.endsWith('.js'))) {
  await squeeze(`dist/lazy/${file}`, { module: true });
}

const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
const bundle = await readFile('dist/shouyin.min.js');
const integrity = sri(bundle);
// The lazy modules too: a host can pin them with an import map's "integrity" section.
const lazy = Object.fromEntries(
  await Promise.all((await readdir('dist/lazy')).filter((f) => f.endsWith('.js')).map(async (f) => [`lazy/${f}`, sri(await readFile(`dist/lazy/${f}`))])),
);
await writeFile('dist/integrity.json', `${JSON.stringify({ 'shouyin.min.js': integrity, ...lazy }, null, 2)}\n`);
console.log(`dist/shouyin.min.js ${bundle.length} bytes, ${integrity}`);
