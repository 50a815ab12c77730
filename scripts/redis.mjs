// Finds (and on Debian, as root, installs) redis-server for the tests that run the reference
// backend on Redis. The tests start their own redis-server on a free loopback port with no
// persistence and stop it; nothing here starts one.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

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
