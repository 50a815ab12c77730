import { build as esbuild } from 'esbuild';
import { minifyHTMLLiterals } from 'minify-literals';
import { fileURLToPath } from 'node:url';
import { VERSION } from './src/version.js';
import { defineConfig, type Plugin, type UserConfig } from 'vite';

/**
 * Four library builds, chosen by `--mode` (scripts/build.mjs runs them all):
 * - `module`: dist/shouyin.js, ES module for bundlers; lit, zod and imask stay imports.
 * - `script`: dist/shouyin.min.js, one self-contained minified file that works from a
 *   classic `<script>` or a `<script type="module">` (an IIFE is valid in both).
 * - `lazy-<name>`: dist/lazy/<name>.js, one ES module each (LAZY_CHUNKS) that the script-tag
 *   bundle imports by URL when it first needs it; an IIFE cannot split, so they are built
 *   apart, one build each so that no two share a file. They read Lit and the other modules of
 *   src/lazy/shared.ts from the bundle (`sharedRuntime`).
 * - `server`: dist/server.js, the host-side helpers (verifyIntent, signIntent) for Node 20+
 *   and edge runtimes.
 * - `react`: dist/react.js, `shouyin/react` (src/react/); the elements it wraps come from
 *   `shouyin` itself (`packageEntry`), React and @lit/react are the host's imports.
 * - `card-frame`: dist/card-frame.js, the card frame page's script (src/card-frame/frame-page.ts):
 *   one ES module on the card platform's origin, with its own Lit, imask and zod (it shares no
 *   page with the bundle), next to dist/card-frame.html and .css (scripts/build.mjs copies them).
 * - `node`: dist/shouyin.node.js, what `import 'shouyin'` gives Node, Deno and workers (server
 *   rendering): the module build with Lit's Node build inside (see NODE_CONDITIONS).
 */
/** The lazy chunks of the script-tag bundle (src/lazy/load.ts imports them). */
const LAZY_CHUNKS: Record<string, string> = {
  assistant: 'src/lazy/assistant.ts',
  care: 'src/lazy/care.ts',
  binding: 'src/lazy/binding.ts',
  card: 'src/lazy/card.ts',
  'card-frame-host': 'src/lazy/card-frame-host.ts',
  'i18n-en': 'src/lazy/i18n-en.ts',
  'i18n-zh-TW': 'src/lazy/i18n-zh-TW.ts',
  guide: 'src/lazy/guide.ts',
  notices: 'src/lazy/notices.ts',
  payment: 'src/lazy/payment.ts',
  preview: 'src/lazy/preview.ts',
  qr: 'src/lazy/qr.ts',
  'saved-cards': 'src/lazy/saved-cards.ts',
  seal: 'src/lazy/seal.ts',
  passkey: 'src/lazy/passkey.ts',
};

/** Packages a lazy chunk may carry itself (the QR encoder; imask, lent by the card chunk); any other (Lit, zod) would be a second copy. */
const CHUNK_OWN_PACKAGES: Record<string, RegExp> = { qr: /\/node_modules\/uqr\//, card: /\/node_modules\/imask\// };

const DEPENDENCIES = /^(lit|lit-html|lit-element|@lit\/reactive-element|zod|imask|uqr)(\/|$)/;

/**
 * Lit's browser build extends `HTMLElement` and reads `document` as it loads, so a server that
 * resolves `lit` with the `browser` condition (`node --conditions=browser`, a worker bundler)
 * throws on import. The Node entry carries Lit's Node build instead, which falls back to
 * @lit-labs/ssr-dom-shim where there is no DOM; zod, imask and uqr load anywhere and stay imports.
 */
const NODE_CONDITIONS = ['node', 'module', 'import', 'production', 'default'];
const NODE_EXTERNAL = /^(zod|imask|uqr)(\/|$)/;

/**
 * Minifies the text of our Lit `html`, `svg` and `css` templates with minify-literals
 * (html-minifier-next for markup, Lightning CSS for styles): the JS minifier keeps template
 * text as written, so the source keeps its indentation and the bundle carries none of it.
 */
function minifyTemplates(): Plugin {
  return {
    name: 'shouyin:minify-template-literals',
    async transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || !/\b(html|svg|css)`/.test(code)) return null;
      const minified = await minifyHTMLLiterals(code, { fileName: id });
      return minified && { code: minified.code, map: minified.map ?? null };
    },
  };
}

const PACKAGE_ENTRY = fileURLToPath(new URL('src/index.ts', import.meta.url));

/**
 * Builds a subpath on top of the package's main entry: an import that resolves to src/index.ts
 * becomes an import of `shouyin`, so a page that uses both gets one copy of each element class
 * (and the host's Node, bundler or worker picks that entry by its conditions).
 */
function packageEntry(): Plugin {
  return {
    name: 'shouyin:package-entry',
    enforce: 'pre',
    async resolveId(source, importer) {
      if (!importer) return null;
      const resolved = await this.resolve(source, importer, { skipSelf: true });
      return resolved?.id === PACKAGE_ENTRY ? { id: 'shouyin', external: true } : null;
    },
  };
}

const SHARED = fileURLToPath(new URL('src/lazy/shared.ts', import.meta.url));
const RUNTIME_KEY = fileURLToPath(new URL('src/lazy/runtime-key.ts', import.meta.url));
const RUNTIME_ID = '\0shouyin:runtime';

/**
 * Lazy chunks take the modules of src/lazy/shared.ts from the script-tag bundle: every import
 * that resolves to one of them resolves to one virtual module instead, which reads the names
 * shared.ts exports from the namespace the bundle published under `RUNTIME_KEY`. A chunk that
 * imports a name shared.ts does not export fails to build (missing export); a chunk that
 * carries a package other than its own (a second Lit) fails too.
 */
function sharedRuntime(chunk: string): Plugin {
  let names: string[] = [];
  const sharedIds = new Set<string>();
  return {
    name: 'shouyin:shared-runtime',
    // Before Vite's own resolver, which would otherwise answer first.
    enforce: 'pre',
    async buildStart() {
      // esbuild, unbundled, reads shared.ts's export names and import specifiers as written.
      const { metafile } = await esbuild({ entryPoints: [SHARED], bundle: false, write: false, metafile: true, format: 'esm', outdir: 'out', logLevel: 'silent' });
      const [output] = Object.values(metafile.outputs);
      names = output!.exports;
      sharedIds.clear();
      for (const { path } of output!.imports) {
        const resolved = await this.resolve(path, SHARED);
        if (!resolved) this.error(`shared.ts: cannot resolve ${path}`);
        sharedIds.add(resolved.id);
      }
    },
    async resolveId(source, importer) {
      if (source === RUNTIME_ID) return RUNTIME_ID;
      if (!importer || importer === RUNTIME_ID) return null;
      const resolved = await this.resolve(source, importer, { skipSelf: true });
      return resolved && sharedIds.has(resolved.id) ? RUNTIME_ID : null;
    },
    load(id) {
      if (id !== RUNTIME_ID) return null;
      return [
        `import { RUNTIME_KEY } from ${JSON.stringify(RUNTIME_KEY)};`,
        'const runtime = globalThis[RUNTIME_KEY];',
        "if (!runtime) throw new Error('shouyin: dist/lazy/ chunks are loaded by shouyin.min.js, not on their own');",
        `export const { ${names.join(', ')} } = runtime;`,
      ].join('\n');
    },
    generateBundle(_options, bundle) {
      for (const file of Object.values(bundle)) {
        if (file.type !== 'chunk') continue;
        const copies = file.moduleIds.filter((id) => id.includes('/node_modules/') && !CHUNK_OWN_PACKAGES[chunk]?.test(id));
        if (copies.length > 0) this.error(`${file.fileName} carries its own copy of ${copies.join(', ')}: share it through src/lazy/shared.ts`);
      }
    },
  };
}

/** Chunks that lend modules to other chunks, which import them by URL next to themselves. */
const LENDING_CHUNKS = ['card'];

/**
 * A chunk that imports a module a lending chunk re-exports (the saved cards chunk and the card
 * rules of the card chunk) imports it from that chunk's file, `./card.js`, instead of carrying a
 * copy: a payer who needs both downloads those modules, imask among them, once. Only the
 * modules the lending chunk's entry names are lent; a name it does not export fails at load.
 */
function siblingChunks(self: string): Plugin {
  const lent = new Map<string, string>();
  return {
    name: 'shouyin:sibling-chunks',
    enforce: 'pre',
    async buildStart() {
      lent.clear();
      for (const name of LENDING_CHUNKS.filter((n) => n !== self)) {
        const entry = fileURLToPath(new URL(LAZY_CHUNKS[name]!, import.meta.url));
        const { metafile } = await esbuild({ entryPoints: [entry], bundle: false, write: false, metafile: true, format: 'esm', outdir: 'out', logLevel: 'silent' });
        for (const { path } of Object.values(metafile.outputs)[0]!.imports) {
          const resolved = await this.resolve(path, entry);
          if (!resolved) this.error(`${name}: cannot resolve ${path}`);
          lent.set(resolved.id, `./${name}.js`);
        }
      }
    },
    async resolveId(source, importer) {
      if (!importer || lent.size === 0) return null;
      const resolved = await this.resolve(source, importer, { skipSelf: true });
      const lender = resolved && lent.get(resolved.id);
      return lender ? { id: lender, external: true } : null;
    },
  };
}

/**
 * The first statements of the script-tag bundle. Where there is no page (Node, a worker) it
 * does nothing: Lit's browser build, inside, would throw there. A page that loads it a second time (or another
 * version) gets one warning and the first copy's API, before any module of this copy runs: its
 * Lit never starts, so under Trusted Types it never asks for a second `lit-html` policy, which a
 * CSP without 'allow-duplicates' refuses with an exception.
 */
const SECOND_COPY_GUARD = `if (!globalThis.document) return;
const shouyinFirst = globalThis[Symbol.for('shouyin.version')];
if (shouyinFirst && globalThis.customElements?.get('shouyin-checkout')) {
  console.warn('shouyin ${VERSION}: shouyin ' + shouyinFirst + ' is already on this page; this copy does nothing.');
  return globalThis.Shouyin;
}`;

export default defineConfig(({ mode }): UserConfig => {
  const common: UserConfig = {
    publicDir: false,
    // Maps for the bench's byte attribution and for debugging from dist/; `hidden` names them in
    // no file, as the published package leaves them out (package.json "files").
    build: { outDir: 'dist', emptyOutDir: false, target: 'es2022', reportCompressedSize: false, sourcemap: 'hidden' },
  };
  if (mode.startsWith('lazy-')) {
    const name = mode.slice('lazy-'.length);
    const entry = LAZY_CHUNKS[name];
    if (!entry) throw new Error(`vite.config.ts: no lazy chunk named ${name}`);
    return {
      ...common,
      plugins: [siblingChunks(name), sharedRuntime(name), minifyTemplates()],
      build: {
        ...common.build,
        minify: true,
        lib: { entry: { [name]: entry }, formats: ['es'], fileName: (_format, chunk) => `lazy/${chunk}.js` },
      },
    };
  }
  switch (mode) {
    case 'script':
      return {
        ...common,
        // Turns src/lazy/load.ts to loading by URL, and drops its module-path imports from the IIFE.
        define: { __SHOUYIN_SCRIPT__: 'true' },
        plugins: [minifyTemplates()],
        build: {
          ...common.build,
          minify: true,
          lib: { entry: 'src/index.ts', formats: ['iife'], name: 'Shouyin', fileName: () => 'shouyin.min.js' },
          // No Symbol.toStringTag on the `Shouyin` global: nothing reads it.
          rolldownOptions: { output: { intro: SECOND_COPY_GUARD, generatedCode: { symbols: false } } },
        },
      };
    case 'card-frame':
      return {
        ...common,
        plugins: [minifyTemplates()],
        build: {
          ...common.build,
          minify: true,
          lib: { entry: 'src/card-frame/frame-page.ts', formats: ['es'], fileName: () => 'card-frame.js' },
        },
      };
    case 'react':
      return {
        ...common,
        plugins: [packageEntry()],
        build: {
          ...common.build,
          minify: false,
          lib: { entry: 'src/react/index.ts', formats: ['es'], fileName: () => 'react.js' },
          rolldownOptions: { external: /^(react|@lit\/react)(\/|$)/ },
        },
      };
    case 'node':
      return {
        ...common,
        define: { __SHOUYIN_SCRIPT__: 'false' },
        resolve: { conditions: NODE_CONDITIONS },
        build: {
          ...common.build,
          minify: false,
          lib: { entry: 'src/index.ts', formats: ['es'], fileName: () => 'shouyin.node.js' },
          // One file: a server never loads the lazy chunks, and they would be a second set of files.
          rolldownOptions: { external: NODE_EXTERNAL, output: { codeSplitting: false } },
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
        // Lazy chunks by module path only (src/lazy/load.ts): the bundler using dist/shouyin.js splits them.
        define: { __SHOUYIN_SCRIPT__: 'false' },
        // A host's bundler minifies our JS but not the text inside template literals: it ships squeezed.
        plugins: [minifyTemplates()],
        build: {
          ...common.build,
          minify: false,
          lib: { entry: 'src/index.ts', formats: ['es'], fileName: () => 'shouyin.js' },
          // The modules the lazy chunks share with the entry stay in shouyin.js (which may then
          // export a few internal names for them) instead of moving to a common chunk of their own.
          rolldownOptions: { external: DEPENDENCIES, preserveEntrySignatures: 'allow-extension' },
        },
      };
  }
});
