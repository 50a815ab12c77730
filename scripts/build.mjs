// `npm run build`: the four library builds, the .d.ts types and the SRI value of the
// script-tag bundle. Each step fails the build when it fails.
import { createHash } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
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

const bundle = await readFile('dist/shouyin.min.js');
const integrity = `sha384-${createHash('sha384').update(bundle).digest('base64')}`;
await writeFile('dist/integrity.json', `${JSON.stringify({ 'shouyin.min.js': integrity }, null, 2)}\n`);
console.log(`dist/shouyin.min.js ${bundle.length} bytes, ${integrity}`);
