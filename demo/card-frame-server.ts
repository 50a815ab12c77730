/**
 * The card platform's side of `card-frame`: serves the card frame page (`card-frame.html`, its
 * script and styles) from an origin of its own, as a card platform would, with the headers that
 * make the isolation hold: a strict CSP whose `frame-ancestors` names the pages allowed to embed
 * the frame, and the page's two lists filled in (the parents it answers, the card keys it seals
 * to). `npm start` runs it on PORT+1; the browser tests start it on a port of their own.
 */
import { createServer, type Server } from 'node:http';
import { rsaThumbprint } from '../src/card-frame/key-pin.js';
import type { Backend } from './backend/app.js';
import { requestUrl, sendError } from './backend/http.js';

/** The frame's three files, as built (dist/) or bundled on the fly (the tests). */
export interface CardFrameFiles {
  html: string;
  css: string;
  js: string;
}

export interface CardFrameServerOptions {
  files: () => Promise<CardFrameFiles>;
  /** The exact origins allowed to embed the frame (the merchants' cashier pages). */
  parents: readonly string[];
  /** The card key the frame seals to: the backend's, whose public half every session carries. */
  backend: Backend;
}

/** The frame page's policy: its own script and styles only, no network, embedded only by `parents`. */
export function cardFrameCsp(parents: readonly string[]): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "connect-src 'none'",
    "img-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    `frame-ancestors ${parents.length > 0 ? parents.join(' ') : "'none'"}`,
    "require-trusted-types-for 'script'",
    'trusted-types lit-html',
  ].join('; ');
}

const escapeAttribute = (text: string): string => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The page with its lists filled: the same parents as `frame-ancestors`, and the card key's thumbprint. */
export function fillFramePage(html: string, parents: readonly string[], keys: readonly string[]): string {
  return html
    .replace('<meta name="shouyin-parent-origins" content="">', `<meta name="shouyin-parent-origins" content="${escapeAttribute(parents.join(' '))}">`)
    .replace('<meta name="shouyin-card-keys" content="">', `<meta name="shouyin-card-keys" content="${escapeAttribute(keys.join(' '))}">`);
}

export function createCardFrameServer({ files, parents, backend }: CardFrameServerOptions): Server {
  const csp = cardFrameCsp(parents);
  return createServer((req, res) => {
    const path = requestUrl(req)?.pathname;
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendError(res, 405, 'method_not_allowed');
    // Made to be framed by other origins (CORP), and embeds nothing of others (COEP): it works in a cross-origin isolated cashier page too.
    const common = {
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cross-Origin-Resource-Policy': 'cross-origin',
      'Cross-Origin-Embedder-Policy': 'require-corp',
    };
    void (async (): Promise<void> => {
      const { html, css, js } = await files();
      if (path === '/card-frame.html') {
        const { encryption } = await backend.store.cardKey();
        const page = fillFramePage(html, parents, [await rsaThumbprint(encryption.jwk)]);
        res.writeHead(200, { ...common, 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': csp });
        res.end(page);
        return;
      }
      if (path === '/card-frame.js') {
        res.writeHead(200, { ...common, 'Content-Type': 'text/javascript; charset=utf-8' });
        res.end(js);
        return;
      }
      if (path === '/card-frame.css') {
        res.writeHead(200, { ...common, 'Content-Type': 'text/css; charset=utf-8' });
        res.end(css);
        return;
      }
      sendError(res, 404, 'not_found');
    })().catch(() => {
      if (!res.headersSent) sendError(res, 500, 'internal_error');
      else res.destroy();
    });
  });
}
