import { defineConfig, type UserConfig } from 'vite';

/**
 * Four library builds, chosen by `--mode` (scripts/build.mjs runs them all):
 * - `module`: dist/shouyin.js, ES module for bundlers; lit, zod and imask stay imports.
 * - `script`: dist/shouyin.min.js, one self-contained minified file that works from a
 *   classic `<script>` or a `<script type="module">` (an IIFE is valid in both).
 * - `lazy`: dist/lazy/<name>.js, ES modules the script-tag bundle imports by URL when it
 *   first needs them (the QR encoder); an IIFE cannot split, so they are built apart.
 * - `server`: dist/server.js, the host-side helpers (verifyIntent, signIntent) for Node 20+
 *   and edge runtimes.
 */
const DEPENDENCIES = /^(lit|lit-html|lit-element|@lit\/reactive-element|zod|imask|uqr)(\/|$)/;

export default defineConfig(({ mode }): UserConfig => {
  const common: UserConfig = {
    publicDir: false,
    build: { outDir: 'dist', emptyOutDir: false, target: 'es2022', reportCompressedSize: false, sourcemap: true },
  };
  switch (mode) {
    case 'script':
      return {
        ...common,
        // Turns src/lazy/load.ts to loading by URL, and drops its module-path imports from the IIFE.
        define: { __SHOUYIN_SCRIPT__: 'true' },
        build: {
          ...common.build,
          minify: true,
          lib: { entry: 'src/index.ts', formats: ['iife'], name: 'Shouyin', fileName: () => 'shouyin.min.js' },
        },
      };
    case 'lazy':
      return {
        ...common,
        build: {
          ...common.build,
          minify: true,
          lib: { entry: { qr: 'src/lazy/qr-encoder.ts' }, formats: ['es'], fileName: (_format, name) => `lazy/${name}.js` },
        },
      };
    case 'server':
      return {
        ...common,
        build: {
          ...common.build,
          minify: false,
          target: 'node20',
          lib: { entry: 'src/server/index.ts', formats: ['es'], fileName: () => 'server.js' },
          rolldownOptions: { external: DEPENDENCIES },
        },
      };
    default:
      return {
        ...common,
        build: {
          ...common.build,
          minify: false,
          lib: { entry: 'src/index.ts', formats: ['es'], fileName: () => 'shouyin.js' },
          rolldownOptions: { external: DEPENDENCIES },
        },
      };
  }
});
