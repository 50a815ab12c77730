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

/** Where a template literal's text parts lie: [from, to) offsets in `code`, and the offset after its closing backtick. */
function templateParts(code: string, start: number, parts: Array<[number, number]> | null): number {
  let i = start;
  let from = i;
  while (i < code.length) {
    const char = code[i];
    if (char === '\\') i += 2;
    else if (char === '`') {
      parts?.push([from, i]);
      return i + 1;
    } else if (char === '$' && code[i + 1] === '{') {
      parts?.push([from, i]);
      i = skipExpression(code, i + 2);
      from = i;
    } else i++;
  }
  throw new Error('unterminated template literal');
}

/** The offset after the `}` that closes the `${` expression starting at `start`. */
function skipExpression(code: string, start: number): number {
  let depth = 1;
  let i = start;
  while (i < code.length) {
    const char = code[i]!;
    if (char === '`') i = templateParts(code, i + 1, null);
    else if (char === "'" || char === '"') {
      for (i++; i < code.length && code[i] !== char; i++) if (code[i] === '\\') i++;
      i++;
    } else {
      if (char === '{') depth++;
      else if (char === '}' && --depth === 0) return i + 1;
      i++;
    }
  }
  throw new Error('unterminated template expression');
}

/**
 * Collapses the indentation in the text of Lit `html` and `svg` templates: each run of white
 * space that holds a line break becomes one space, or nothing before a tag's closing `>`.
 * HTML renders a run of spaces as one space, so the page looks the same (no template here
 * has a `<pre>` or `white-space: pre`); the bundle carries no indentation.
 */
function collapseTemplateWhitespace(): Plugin {
  return {
    name: 'shouyin:collapse-template-whitespace',
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || !/\b(html|svg)`/.test(code)) return null;
      const parts: Array<[number, number]> = [];
      for (const match of code.matchAll(/\b(?:html|svg)`/g)) templateParts(code, match.index + match[0].length, parts);
      let out = '';
      let at = 0;
      for (const [from, to] of parts.sort((a, b) => a[0] - b[0])) {
        if (from < at) continue; // a part of a template nested in one already collapsed
        out += code.slice(at, from) + code.slice(from, to).replace(/\s*\n\s*(\/?>)?/g, (_run, close?: string) => close ?? ' ');
        at = to;
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
