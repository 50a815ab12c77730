/**
 * The README's `npm install` must work on a machine where no browser can be downloaded, with
 * no environment variable set: the project's own files have to stop every download. These run
 * the install scripts that would download, with the download-skipping variables removed.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '..', '..', '..');

/** The environment as a fresh shell has it: no variable that would skip a download. */
function cleanEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of Object.keys(env)) {
    if (/^(PUPPETEER_|PLAYWRIGHT_|npm_config_puppeteer)/i.test(name)) delete env[name];
  }
  return env;
}

describe('a fresh npm install', () => {
  it("skips puppeteer's browser download through the project's own config", () => {
    const dir = path.dirname(require.resolve('puppeteer/package.json'));
    const script = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')).scripts.postinstall as string;
    assert.match(script, /^node install\.mjs$/, 'puppeteer changed its postinstall; look at this test again');
    // npm runs a postinstall in the package's own folder: the config is found from there.
    const run = spawnSync(process.execPath, ['install.mjs'], { cwd: dir, env: cleanEnv(), encoding: 'utf8', timeout: 60_000 });
    assert.equal(run.status, 0, run.stderr);
    assert.match(`${run.stdout}${run.stderr}`, /Skipping downloading browsers/);
    assert.doesNotMatch(`${run.stdout}${run.stderr}`, /ERROR|ENOTFOUND|Downloading/);
  });

  it('is what CI runs: .ci/run exports no download-skipping variable', () => {
    const ci = readFileSync(path.join(root, '.ci', 'run'), 'utf8');
    assert.doesNotMatch(ci, /PUPPETEER_SKIP|PLAYWRIGHT_SKIP/);
    assert.match(ci, /^npm test$/m);
  });
});
