import vue from '@vitejs/plugin-vue';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const dist = (file: string) => fileURLToPath(new URL(`../../dist/${file}`, import.meta.url));

/**
 * The Vue demo, built as a host builds its app. `isCustomElement` keeps Vue from resolving
 * `<shouyin-checkout>` as a Vue component (and from warning that it cannot). `shouyin` is this
 * repository's own build (dist/), as `npm install shouyin` would give it.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  // Served from /demo/vue/dist/ by demo/demo-server.ts.
  base: './',
  logLevel: 'warn',
  plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('shouyin-') } } })],
  resolve: { alias: [{ find: /^shouyin$/, replacement: dist('shouyin.js') }] },
  // Vue, Lit, zod and imask in one chunk, as this demo has no routes to split.
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1024 },
});
