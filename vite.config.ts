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

interface Quasi {
  start: number;
  end: number;
  value: { raw: string };
}

/** The text parts of every `html`/`svg` tagged template in an ESTree program. */
function templateQuasis(node: unknown, found: Quasi[] = []): Quasi[] {
  if (Array.isArray(node)) {
    for (const child of node) templateQuasis(child, found);
  } else if (node && typeof node === 'object') {
    const { type, tag, quasi } = node as { type?: string; tag?: { type?: string; name?: string }; quasi?: { quasis: Quasi[] } };
    if (type === 'TaggedTemplateExpression' && tag?.type === 'Identifier' && (tag.name === 'html' || tag.name === 'svg')) {
      found.push(...(quasi?.quasis ?? []));
    }
    for (const value of Object.values(node)) if (value && typeof value === 'object') templateQuasis(value, found);
  }
  return found;
}

/**
 * Collapses the indentation in the text of Lit `html` and `svg` templates: each run of white
 * space that holds a line break becomes one space, or nothing before a tag's closing `>`.
 * HTML renders a run of spaces as one space, so the page looks the same (no template here
 * has a `<pre>` or `white-space: pre`); the bundle carries no indentation. The templates are
 * found by parsing, so code and strings around them are never touched.
 */
function collapseTemplateWhitespace(): Plugin {
  return {
    name: 'shouyin:collapse-template-whitespace',
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || !/\b(html|svg)`/.test(code)) return null;
      const quasis = templateQuasis(this.parse(code)).sort((x, y) => x.start - y.start);
      let out = '';
      let at = 0;
      for (const { start, end, value } of quasis) {
        if (code.slice(start, end) !== value.raw) throw new Error(`${id}: template text not where the parser put it`);
        out += code.slice(at, start) + value.raw.replace(/\s*\n\s*(\/?>)?/g, (_run, close?: string) => close ?? ' ');
        at = end;
      }
      return { code: out + code.slice(at), map: null };
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
        plugins: [minifyLitCss(), collapseTemplateWhitespace(), compactImaskLetters()],
        build: {
          ...common.build,
          minify: true,
          lib: { entry: 'src/index.ts', formats: ['iife'], name: 'Shouyin', fileName: () => 'shouyin.min.js' },
          // No Symbol.toStringTag on the `Shouyin` global: nothing reads it.
          rolldownOptions: { output: { generatedCode: { symbols: false } } },
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
