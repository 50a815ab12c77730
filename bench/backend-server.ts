/**
 * The reference backend alone in its own process, for the load figure of `npm run bench`:
 * bench/run.mjs starts it with `node --import tsx`, reads `{"port":N}` from its first line
 * of output and drives it over loopback, so the load generator and the server do not share
 * one event loop. It stops when its stdin closes (the parent ended it, or died).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createBackend } from '../demo/backend/app.js';

const backend = createBackend();
const server = createServer((req, res) => {
  void backend.handle(req, res).then((handled) => {
    if (!handled) res.writeHead(404).end();
  });
});

server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  process.stdout.write(`${JSON.stringify({ port })}\n`);
});

process.stdin.resume();
process.stdin.on('end', () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
