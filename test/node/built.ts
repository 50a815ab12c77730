import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, rmdirSync, statSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../../', import.meta.url));

const LOCK = `${root}node_modules/.cache/shouyin-build.lock`;
const STAMP = `${root}node_modules/.cache/shouyin-build.run`;

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Runs `npm run build` once per test run. `node --test` runs each file in a child process of
 * one runner, and several at a time: the first file to get here builds dist/ (under a lock, as
 * the build empties dist/ first), the others wait for it and then use what it made. The run is
 * the runner's process id.
 */
export function buildOnce(): void {
  mkdirSync(`${root}node_modules/.cache`, { recursive: true });
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      // A lock left by a killed run is older than any build takes.
      const since = statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs;
      if (since !== undefined && Date.now() - since > 300_000) rmSync(LOCK, { recursive: true, force: true });
      sleep(200);
    }
  }
  try {
    const run = String(process.ppid);
    let last = '';
    try {
      last = readFileSync(STAMP, 'utf8');
    } catch {
      // No build yet.
    }
    if (last === run) return;
    execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'ignore' });
    writeFileSync(STAMP, run);
  } finally {
    rmdirSync(LOCK);
  }
}
