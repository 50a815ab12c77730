// `npm run build`: the four library builds, the .d.ts types and the SRI value of the
// script-tag bundle. Each step fails the build when it fails.
import { createHash } from 'node:crypto';
import { readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { build } from 'vite';

import { fileURLToPath } from 'node:url';
const root = fileURLToPath(new URL('..', import.meta.url));
process.chdir(root);

await rm('dist', { recursive: true, force: true });
for (const mode of ['module', 'script', 'lazy', 'server']) {
  await build({ mode, logLevel: 'warn', configFile: 'vite.config.ts' });
}
execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });

const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
const bundle = await readFile('dist/shouyin.min.js');
const integrity = sri(bundle);
// The lazy modules too: a host can pin them with an import map's "integrity" section.
const lazy = Object.fromEntries(
  await Promise.all((await readdir('dist/lazy')).filter((f) => f.endsWith('.js')).map(async (f) => [`lazy/${f}`, sri(await readFile(`dist/lazy/${f}`))])),
);
await writeFile('dist/integrity.json', `${JSON.stringify({ 'shouyin.min.js': integrity, ...lazy }, null, 2)}\n`);
console.log(`dist/shouyin.min.js ${bundle.length} bytes, ${integrity}`);
