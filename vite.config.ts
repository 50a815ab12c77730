import { transform as transformCss } from 'lightningcss';
import { defineConfig, type Plugin, type UserConfig } from 'vite';

/**
 * Three library builds, chosen by `--mode` (scripts/build.mjs runs all three):
 * - `module`: dist/shouyin.js, ES module for bundlers; lit, zod and imask stay imports.
 * - `script`: dist/shouyin.min.js, one self-contained minified file that works from a
 *   classic `<script>` or a `<script type="module">` (an IIFE is valid in both).
 * - `server`: dist/server.js, the host-side helpers (verifyIntent, signIntent) for Node 20+
 *   and edge runtimes.
 */
const DEPENDENCIES = /^(lit|lit-html|lit-element|@lit\/reactive-element|zod|imask)(\/|$)/;

/**
 * Minifies the text of Lit `css` templates in our own styles: the JS minifier keeps template
 * text as written (indentation, comments). The templates have no `${}` parts.
 */
function minifyLitCss(): Plugin {
  return {
    name: 'shouyin:minify-lit-css',
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || !code.includes('css`')) return null;
      const out = code.replace(/\bcss`([^`$\\]*)`/g, (_all, text: string) => {
        const { code: min } = transformCss({ filename: id, code: new TextEncoder().encode(text), minify: true });
        return `css\`${new TextDecoder().decode(min)}\``;
      });
      return { code: out, map: null };
    },
  };
}

/**
 * imask's pattern module defines the `a` placeholder (any letter) with a 6 KB character class
 * of Unicode letters; the card masks use only `0`. `\p{L}` is the same class, in 8 bytes.
 */
function compactImaskLetters(): Plugin {
  return {
    name: 'shouyin:compact-imask-letters',
    transform(code, id) {
      if (!id.replace(/\\/g, '/').endsWith('imask/esm/masked/pattern/input-definition.js')) return null;
      const out = code.replace(/'a': \/\[\\u0041-[^\]]*\]\//, "'a': /\\p{L}/u");
      if (out === code) this.warn('imask letter class not found: left as is');
      return { code: out, map: null };
    },
  };
}

export default defineConfig(({ mode }): UserConfig => {
  const common: UserConfig = {
    publicDir: false,
    build: { outDir: 'dist', emptyOutDir: false, target: 'es2022', reportCompressedSize: false, sourcemap: true },
  };
  switch (mode) {
    case 'script':
      return {
        ...common,
        plugins: [minifyLitCss(), compactImaskLetters()],
        build: {
          ...common.build,
          minify: true,
          lib: { entry: 'src/index.ts', formats: ['iife'], name: 'Shouyin', fileName: () => 'shouyin.min.js' },
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
