/**
 * `npm start` (build, then serve) and `npm run serve` (serve what is built): the demo page, the
 * built element and the reference backend on one origin, http://localhost:5173/ (PORT
 * overrides, 0 for any free port; listens on 127.0.0.1 only). With `SHOUYIN_REDIS_URL` the
 * backend keeps everything in Redis, so several instances can serve one set of orders.
 */
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { createCardFrameServer } from './card-frame-server.js';
import { createDemoServer } from './demo-server.js';
import { backendFromEnv } from './backend/from-env.js';

const { backend, store } = await backendFromEnv();
const port = Number(process.env.PORT ?? 5173);
const listen = (server: ReturnType<typeof createDemoServer>, at: number): Promise<number> =>
  new Promise((resolve) => server.listen(at, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));

// The card platform's origin (PORT+1): the card frame, as dist/ has it. With PORT=0, any free port.
const dist = (file: string): Promise<string> => readFile(new URL(`../dist/${file}`, import.meta.url), 'utf8');
const cardFrames = createCardFrameServer({
  files: async () => ({ html: await dist('card-frame.html'), css: await dist('card-frame.css'), js: await dist('card-frame.js') }),
  parents: port === 0 ? [] : [`http://localhost:${port}`, `http://127.0.0.1:${port}`],
  backend,
});
const framePort = await listen(cardFrames, port === 0 ? 0 : port + 1);
const server = createDemoServer(backend, { cardFrameOrigin: `http://127.0.0.1:${framePort}` });
const actual = await listen(server, port);
if (port === 0) console.log('The card frame needs a fixed PORT: its allow-list names the demo page\'s origin.');
console.log(`Shouyin demo and reference backend (${store}): http://localhost:${actual}/`);
console.log(`The card frame (the card platform's origin): http://127.0.0.1:${framePort}/card-frame.html`);
