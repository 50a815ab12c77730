import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const dist = (file: string) => fileURLToPath(new URL(`../../dist/${file}`, import.meta.url));

/**
 * The React demo, built as a host builds its app. `shouyin` is this repository's own build
 * (dist/), as `npm install shouyin` would give it.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  // Served from /demo/react/dist/ by demo/demo-server.ts.
  base: './',
  logLevel: 'warn',
  resolve: {
    alias: [
      { find: /^shouyin\/react$/, replacement: dist('react.js') },
      { find: /^shouyin$/, replacement: dist('shouyin.js') },
    ],
  },
  // React, Lit, zod and imask in one chunk, as this demo has no routes to split.
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1024 },
});
