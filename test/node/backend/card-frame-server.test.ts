import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { createCardFrameServer } from '../../../demo/card-frame-server.js';
import { rsaThumbprint } from '../../../src/card-frame/key-pin.js';
import { newSession, startBackend, type RunningBackend } from '../helpers.js';

const source = (file: string) => readFileSync(new URL(`../../../src/card-frame/${file}`, import.meta.url), 'utf8');

describe('the card frame server (the card platform\'s origin)', () => {
  let running: RunningBackend;
  let server: Server;
  let base: string;
  before(async () => {
    running = await startBackend();
    server = createCardFrameServer({
      files: async () => ({ html: source('card-frame.html'), css: source('card-frame.css'), js: 'export {};' }),
      parents: ['http://127.0.0.1:5173', 'http://localhost:5173'],
      backend: running.backend,
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await running.close();
  });

  it('serves the page with a strict CSP: only the allowed parents may frame it, no network, no inline code', async () => {
    const response = await fetch(`${base}/card-frame.html`);
    assert.equal(response.status, 200);
    const csp = response.headers.get('content-security-policy') ?? '';
    assert.match(csp, /frame-ancestors http:\/\/127\.0\.0\.1:5173 http:\/\/localhost:5173(;|$)/);
    for (const directive of ["default-src 'none'", "script-src 'self'", "connect-src 'none'", "require-trusted-types-for 'script'"]) assert.ok(csp.includes(directive), directive);
    assert.doesNotMatch(csp, /unsafe|\*/);
    assert.equal(response.headers.get('referrer-policy'), 'no-referrer');
  });

  it('fills the page\'s lists: the same parents, and the thumbprint of the key sessions carry', async () => {
    const html = await (await fetch(`${base}/card-frame.html`)).text();
    const session = await newSession(running.url);
    const thumbprint = await rsaThumbprint(session.encryption!.jwk);
    assert.ok(html.includes('<meta name="shouyin-parent-origins" content="http://127.0.0.1:5173 http://localhost:5173">'));
    assert.ok(html.includes(`<meta name="shouyin-card-keys" content="${thumbprint}">`));
  });

  it('serves the script and styles, and nothing else', async () => {
    assert.match((await fetch(`${base}/card-frame.js`)).headers.get('content-type') ?? '', /^text\/javascript/);
    assert.match((await fetch(`${base}/card-frame.css`)).headers.get('content-type') ?? '', /^text\/css/);
    assert.equal((await fetch(`${base}/index.html`)).status, 404);
    assert.equal((await fetch(`${base}/card-frame.html`, { method: 'POST' })).status, 405);
  });
});
