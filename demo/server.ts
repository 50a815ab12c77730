/**
 * `npm start`: the demo page, the built element and the reference backend on one origin,
 * http://localhost:5173/ (PORT overrides; listens on 127.0.0.1 only).
 */
import { createDemoServer } from './demo-server.js';

const server = createDemoServer();
const port = Number(process.env.PORT ?? 5173);
server.listen(port, '127.0.0.1', () => {
  const address = server.address();
  const actual = typeof address === 'object' && address ? address.port : port;
  console.log(`Shouyin demo and reference backend: http://localhost:${actual}/`);
});
