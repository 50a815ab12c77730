// Finds (and on Debian, as root, installs) redis-server for the tests that run the reference
// backend on Redis. The tests start their own redis-server on a free loopback port with no
// persistence and stop it; nothing here starts one.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';

/** The redis-server binary, or undefined. */
export function findRedisServer() {
  if (existsSync('/usr/bin/redis-server')) return '/usr/bin/redis-server';
  const found = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim() || undefined : undefined;
}

/**
 * redis-server, installed with apt when it is missing, this is Debian and the process is root
 * (as the browsers are); undefined when it is still missing (the Redis tests then say so and
 * are skipped, or fail under CI).
 */
export function ensureRedisServer() {
  const found = findRedisServer();
  if (found) return found;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !existsSync('/etc/debian_version')) {
    console.warn(`[redis] redis-server is missing; not installing (${isRoot ? 'not Debian' : 'not root'}): apt-get install redis-server`);
    return undefined;
  }
  console.log('[redis] installing redis-server (Debian)');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const apt = (args) => spawnSync('apt-get', ['-q', '-o', 'DPkg::Lock::Timeout=180', ...args], { stdio: 'inherit', env }).status === 0;
  if (!apt(['update']) || !apt(['-y', '--no-install-recommends', 'install', 'redis-server'])) {
    console.warn('[redis] apt-get install redis-server FAILED');
  }
  return findRedisServer();
}

/**
 * A redis-server on 127.0.0.1 and a free port, with no persistence, under a shell that kills
 * it when this process's end closes its stdin (whatever ends this process). Resolves with its
 * URL and `stop()`.
 * @returns {Promise<{ url: string, stop: () => Promise<void> }>}
 */
export async function startRedisServer() {
  const binary = findRedisServer();
  if (!binary) throw new Error('redis-server is not installed');
  const port = await new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port: free } = /** @type {import('node:net').AddressInfo} */ (server.address());
      server.close(() => resolve(free));
    });
  });
  const args = `--port ${port} --bind 127.0.0.1 --save '' --appendonly no --loglevel warning`;
  const child = spawn('sh', ['-c', `${binary} ${args} & r=$!; trap 'kill -9 $r' EXIT; read _ || true`], {
    stdio: ['pipe', 'ignore', 'inherit'],
  });
  for (let i = 0; ; i++) {
    const answer = spawnSync('redis-cli', ['-p', String(port), 'PING'], { encoding: 'utf8' });
    if (answer.stdout?.trim() === 'PONG') break;
    if (i > 200) throw new Error(`redis-server did not answer on port ${port}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null) return resolve(undefined);
      child.once('exit', () => resolve(undefined));
      child.stdin.end();
    });
  return { url: `redis://127.0.0.1:${port}`, stop };
}
