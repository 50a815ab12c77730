/**
 * `npm start` (build, then serve) and `npm run serve` (serve what is built): the demo page, the
 * built element and the reference backend on one origin, http://localhost:5173/ (PORT
 * overrides, 0 for any free port; listens on 127.0.0.1 only). With `SHOUYIN_REDIS_URL` the
 * backend keeps everything in Redis, so several instances can serve one set of orders.
 */
import { createDemoServer } from './demo-server.js';
import { backendFromEnv } from './backend/from-env.js';

const { backend, store } = await backendFromEnv();
const server = createDemoServer(backend);
const port = Number(process.env.PORT ?? 5173);
server.listen(port, '127.0.0.1', () => {
  const address = server.address();
  const actual = typeof address === 'object' && address ? address.port : port;
  console.log(`Shouyin demo and reference backend (${store}): http://localhost:${actual}/`);
});
