/**
 * The demo page, the built element (dist/) and the reference backend on one origin, with
 * the strict CSP a careful host would send. `npm start` runs it; the e2e tests start it too.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createBackend, type Backend } from './backend/app.js';
import { decodeSegment, requestUrl, sendError } from './backend/http.js';

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

/**
 * The Vue demo's: Vue's runtime creates a Trusted Types policy named `vue` (for its static
 * content and `v-html`), which a Vue host under Trusted Types must allow.
 */
export const VUE_DEMO_CSP = DEMO_CSP.replace('trusted-types lit-html shouyin', 'trusted-types lit-html shouyin vue');

/**
 * `cardFrameOrigin`: the card platform's origin that serves the card frame (demo/card-frame-server.ts);
 * the pages may frame it (`frame-src`), and nothing else.
 */
export function createDemoServer(backend: Backend = createBackend(), { cardFrameOrigin }: { cardFrameOrigin?: string } = {}): Server {
  const frameSrc = cardFrameOrigin ? `; frame-src ${cardFrameOrigin}` : '';
  return createServer((req, res) => {
    // Whatever a request does, it ends in an answer (500 at worst), never in a rejection that
    // would end the process and the backend's ledger with it.
    serve(backend, req, res, frameSrc).catch((error: unknown) => {
      console.error('shouyin demo server: internal error on', req.method, (error as Error).name);
      if (!res.headersSent) sendError(res, 500, 'internal_error');
      else res.destroy();
    });
  });
}

async function serve(backend: Backend, req: IncomingMessage, res: ServerResponse, frameSrc: string): Promise<void> {
  if (await backend.handle(req, res)) return;
  const url = requestUrl(req);
  if (!url) return sendError(res, 400, 'path_malformed');
  const path = url.pathname;
  if (req.method !== 'GET' && req.method !== 'HEAD') return sendError(res, 405, 'method_not_allowed', undefined, {}, { Allow: 'GET, HEAD' });
  if (path === '/' || path === '/index.html') return serveFile(res, join(root, 'demo', 'index.html'), DEMO_CSP + frameSrc);
  const dir = /^\/(dist|demo)\/(.*)$/.exec(path);
  if (!dir) return sendError(res, 404, 'not_found');
  const relative = decodeSegment(dir[2]!);
  if (relative === undefined) return sendError(res, 400, 'path_malformed');
  return serveFile(res, safeJoin(join(root, dir[1]!), relative), (path.startsWith('/demo/vue/') ? VUE_DEMO_CSP : DEMO_CSP) + frameSrc);
}

/** The file under `base`, or `undefined` when `relative` leads out of it. */
function safeJoin(base: string, relative: string): string | undefined {
  const full = normalize(join(base, relative));
  return full.startsWith(base + sep) ? full : undefined;
}

async function serveFile(res: ServerResponse, file: string | undefined, csp = DEMO_CSP): Promise<void> {
  const type = file ? TYPES[extname(file)] : undefined;
  if (!file || !type || file.endsWith('.ts')) return sendError(res, 404, 'not_found');
  try {
    const body = await readFile(file);
    res.writeHead(200, {
      'Content-Type': type,
      'Cache-Control': 'no-cache',
      'X-Content-Type-Options': 'nosniff',
      ...(type.startsWith('text/html') ? { 'Content-Security-Policy': csp } : {}),
    });
    res.end(body);
  } catch {
    sendError(res, 404, 'not_found', 'not found (run npm run build?)');
  }
}

