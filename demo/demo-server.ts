/**
 * The demo page, the built element (dist/) and the reference backend on one origin, with
 * the strict CSP a careful host would send. `npm start` runs it; the e2e tests start it too.
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createBackend, type Backend } from './backend/app.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.map': 'application/json; charset=utf-8',
};

/** The policy a strict host runs: no inline script or style, Trusted Types enforced. */
export const DEMO_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html shouyin',
].join('; ');

export function createDemoServer(backend: Backend = createBackend()): Server {
  return createServer((req, res) => {
    void (async () => {
      if (await backend.handle(req, res)) return;
      const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
      if (req.method !== 'GET' && req.method !== 'HEAD') return void res.writeHead(405).end();
      if (path === '/' || path === '/index.html') return serveFile(res, join(root, 'demo', 'index.html'));
      if (path.startsWith('/dist/')) return serveFile(res, safeJoin(join(root, 'dist'), path.slice('/dist/'.length)));
      if (path.startsWith('/demo/')) return serveFile(res, safeJoin(join(root, 'demo'), path.slice('/demo/'.length)));
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
    })();
  });
}

function safeJoin(base: string, relative: string): string | undefined {
  const full = normalize(join(base, decodeURIComponent(relative)));
  return full.startsWith(base + sep) ? full : undefined;
}

async function serveFile(res: ServerResponse, file: string | undefined): Promise<void> {
  const type = file ? TYPES[extname(file)] : undefined;
  if (!file || !type || file.endsWith('.ts')) return void res.writeHead(404).end();
  try {
    const body = await readFile(file);
    res.writeHead(200, {
      'Content-Type': type,
      'Cache-Control': 'no-cache',
      'X-Content-Type-Options': 'nosniff',
      ...(type.startsWith('text/html') ? { 'Content-Security-Policy': DEMO_CSP } : {}),
    });
    res.end(body);
  } catch {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found (run npm run build?)');
  }
}

