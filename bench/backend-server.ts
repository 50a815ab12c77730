/**
 * The reference backend alone in its own process, for the load figure of `npm run bench`:
 * bench/run.mjs starts it with `node --import tsx`, reads `{"port":N}` from its first line
 * of output and drives it over loopback, so the load generator and the server do not share
 * one event loop. It stops when its stdin closes (the parent ended it, or died). Each line
 * `mem` on stdin is answered with a line `{"rss":…,"heapUsed":…}` (bytes; after a full GC
 * when Node runs with `--expose-gc`), for the memory figure (bench/backend-memory.mjs).
 * With `SHOUYIN_REDIS_URL` its store is Redis: the multi-instance tests and bench start
 * several of these on one Redis.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { backendFromEnv } from '../demo/backend/from-env.js';

// In memory, or in Redis with `SHOUYIN_REDIS_URL` (the multi-instance tests and bench).
const { backend } = await backendFromEnv();
const server = createServer((req, res) => {
  void backend.handle(req, res).then((handled) => {
    if (!handled) res.writeHead(404).end();
  });
});

server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  process.stdout.write(`${JSON.stringify({ port })}\n`);
});

let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk: string) => {
  input += chunk;
  for (let newline = input.indexOf('\n'); newline >= 0; newline = input.indexOf('\n')) {
    const command = input.slice(0, newline).trim();
    input = input.slice(newline + 1);
    if (command !== 'mem') continue;
    (globalThis as { gc?: () => void }).gc?.();
    const { rss, heapUsed } = process.memoryUsage();
    process.stdout.write(`${JSON.stringify({ rss, heapUsed })}\n`);
  }
});
process.stdin.on('end', () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
