import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { Redis } from 'ioredis';
import type { RedisCommand } from '../../src/server/index.js';

const CI = process.env.CI === 'true' || process.env.CI === '1';

/** The redis-server binary, or undefined when it is not installed. */
export function redisServerPath(): string | undefined {
  if (existsSync('/usr/bin/redis-server')) return '/usr/bin/redis-server';
  const found = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim() || undefined : undefined;
}

/**
 * Why the Redis tests cannot run here, for `{ skip }`; under CI a missing redis-server is a
 * failure, never a skip (scripts/test.mjs installs it with apt when it can).
 */
export function redisSkip(): string | false {
  if (redisServerPath()) return false;
  if (CI) throw new Error('redis-server is not installed (CI requires it: apt-get install redis-server)');
  const message = 'redis-server is not installed: the Redis tests are SKIPPED (apt-get install redis-server)';
  console.warn(`[test] WARNING: ${message}`);
  return message;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface RunningRedis {
  url: string;
  port: number;
  /** Stops it (no persistence: everything it held is gone). */
  stop(): Promise<void>;
  /** Starts it again on the same port, empty. */
  start(): Promise<void>;
}

/**
 * A redis-server of the test's own on 127.0.0.1 and a free port, with no persistence (unless
 * `persistDir`: an append-only file there, synced on every write). It runs
 * under a shell that kills it when its stdin closes, so it dies with the test process however
 * that ends (a SIGKILL included).
 */
export async function startRedis({ persistDir }: { persistDir?: string } = {}): Promise<RunningRedis> {
  const binary = redisServerPath();
  if (!binary) throw new Error('redis-server is not installed');
  const port = await freePort();
  let child: ChildProcess | undefined;
  const start = async (): Promise<void> => {
    // No persistence, unless a test restarts Redis and needs its data back (`persistDir`).
    const persistence = persistDir ? `--appendonly yes --appendfsync always --dir ${persistDir}` : '--appendonly no';
    const args = `--port ${port} --bind 127.0.0.1 --save '' ${persistence} --protected-mode yes --loglevel warning`;
    child = spawn('sh', ['-c', `${binary} ${args} & r=$!; trap 'kill -9 $r' EXIT; read _ || true`], {
      stdio: ['pipe', 'ignore', 'inherit'],
    });
    await waitForPing(port);
  };
  const stop = async (): Promise<void> => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => running.once('exit', () => resolve()));
    running.stdin?.end();
    await exited;
    await waitForClosed(port);
  };
  await start();
  return { url: `redis://127.0.0.1:${port}`, port, stop, start };
}

async function waitForPing(port: number): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const answer = spawnSync('redis-cli', ['-p', String(port), 'PING'], { encoding: 'utf8' });
    if (answer.stdout?.trim() === 'PONG') return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`redis-server did not answer on port ${port}`);
}

async function waitForClosed(port: number): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const answer = spawnSync('redis-cli', ['-p', String(port), 'PING'], { encoding: 'utf8' });
    if (answer.stdout?.trim() !== 'PONG') return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** An ioredis client, connected, and the `RedisCommand` the stores take. */
export async function redisClient(url: string): Promise<{ client: Redis; command: RedisCommand }> {
  const client = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, retryStrategy: () => 50 });
  client.on('error', () => undefined);
  await new Promise((resolve) => client.once('ready', resolve));
  return { client, command: (args) => client.call(args[0]!, ...args.slice(1)) };
}
