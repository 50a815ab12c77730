// The reference backend in a process of its own, for the bench's backend figures.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * bench/backend-server.ts in its own Node process on 127.0.0.1; resolves with its URL,
 * `memory()` (its RSS and heap, after a full GC when started with `exposeGc`) and `stop()`.
 * The server stops when this process closes its stdin, so it never outlives the bench (or the
 * test). `env` adds to its environment (`SHOUYIN_REDIS_URL`: its store in Redis); `kill()`
 * ends it at once with SIGKILL, as a crashed instance ends.
 * @param {{ exposeGc?: boolean, env?: Record<string, string> }} [options]
 */
export function startBackendProcess({ exposeGc = false, env = {} } = {}) {
  const flags = exposeGc ? ['--expose-gc'] : [];
  const child = spawn(process.execPath, [...flags, '--import', 'tsx', path.join(ROOT, 'bench/backend-server.ts')], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  /** @type {((line: string) => void)[]} */
  const waiting = [];
  let out = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (data) => {
    out += data;
    for (let newline = out.indexOf('\n'); newline >= 0; newline = out.indexOf('\n')) {
      const line = out.slice(0, newline);
      out = out.slice(newline + 1);
      waiting.shift()?.(line);
    }
  });
  const nextLine = () => new Promise((resolve) => waiting.push(resolve));
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve(undefined);
      const timer = setTimeout(() => child.kill('SIGKILL'), 3_000);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve(undefined);
      });
      child.stdin.end();
    });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error('the reference backend did not start within 20 s'));
    }, 20_000);
    child.once('error', reject);
    void nextLine().then((line) => {
      clearTimeout(timer);
      const { port } = JSON.parse(/** @type {string} */ (line));
      resolve({
        url: `http://127.0.0.1:${port}`,
        /** @returns {Promise<{ rss: number, heapUsed: number }>} */
        memory: async () => {
          const answer = nextLine();
          child.stdin.write('mem\n');
          return JSON.parse(/** @type {string} */ (await answer));
        },
        stop,
        kill: () =>
          new Promise((done) => {
            if (child.exitCode !== null || child.signalCode !== null) return done(undefined);
            child.once('exit', () => done(undefined));
            child.kill('SIGKILL');
          }),
      });
    });
  });
}
