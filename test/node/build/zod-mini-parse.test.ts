import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { build } from 'esbuild';
import { newSession, startBackend } from '../helpers.js';
import { withoutParseMethods, ZOD_MINI_SCHEMAS } from '../../../scripts/zod-mini-parse.js';

const require = createRequire(import.meta.url);
const schemasFile = path.join(path.dirname(require.resolve('zod/mini')), '..', 'v4', 'mini', 'schemas.js');
const zodMini = readFileSync(schemasFile, 'utf8');

/** Bundles `entry` with zod/mini cut as the script-tag build cuts it, and runs it on `input`: what it exports. */
async function runCut(entry: string, input: unknown): Promise<unknown> {
  const out = await build({
    stdin: { contents: entry, resolveDir: process.cwd(), sourcefile: 'entry.ts', loader: 'ts' },
    plugins: [
      {
        name: 'cut',
        setup(b) {
          b.onLoad({ filter: /zod[\\/]v4[\\/]mini[\\/]schemas\.js$/ }, (args) => ({
            contents: withoutParseMethods(readFileSync(args.path, 'utf8')),
            loader: 'js',
          }));
        },
      },
    ],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: 'result',
  });
  return new Function('input', `${out.outputFiles[0]!.text}; return result;`)(input) as unknown;
}

describe('build: zod/mini without its parse methods (script-tag bundle)', () => {
  it('cuts parse, safeParse and the rest out of the installed zod/mini, and the schemas still parse through parseWith', async () => {
    assert.ok(zodMini.includes('safeParse('), `${ZOD_MINI_SCHEMAS} as installed has safeParse`);
    const server = await startBackend();
    const session = await newSession(server.url).finally(() => server.close());
    const result = (await runCut(`
      import { SessionSchema } from './src/protocol/schemas.ts';
      import { parseWith } from './src/protocol/parse.ts';
      declare const input: any;
      const good = input;
      export default {
        methods: ['parse', 'safeParse', 'parseAsync', 'safeParseAsync', 'brand', 'register', 'apply', 'with', 'check', 'clone']
          .filter((name) => name in SessionSchema),
        good: parseWith(SessionSchema, good)?.id === good.id,
        defaults: parseWith(SessionSchema, { ...good, savedCards: undefined })?.savedCards,
        bad: parseWith(SessionSchema, { ...good, order: { ...good.order, amount: 0 } }),
      };
    `, session)) as { default: { methods: string[]; good: boolean; defaults: unknown; bad: unknown } };
    assert.deepEqual(result.default.methods, ['check', 'clone']);
    assert.equal(result.default.good, true);
    assert.deepEqual(result.default.defaults, []);
    assert.equal(result.default.bad, undefined);
  });

  it('fails, instead of cutting blindly, when zod/mini has changed', () => {
    assert.throws(() => withoutParseMethods(zodMini.replace('    brand() {', '    brandNew() {')), /brandNew this build does not know/);
    assert.throws(() => withoutParseMethods(zodMini.replace(/ {4}apply\(fn, \.\.\.args\) \{[^}]*\},/, '')), /has no apply/);
    assert.throws(() => withoutParseMethods(zodMini.replace(/"ZodMiniType"/g, '"ZodMiniBase"')), /no \$constructor\("ZodMiniType"/);
  });

  it('leaves no browser code calling a schema parse method the bundle no longer has', () => {
    const calls: string[] = [];
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) {
          if (file !== path.join('src', 'server')) walk(file);
        } else if (file.endsWith('.ts')) {
          // Code only: comments may name the methods.
          const code = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
          if (/\.(safeParse|safeParseAsync|parseAsync)\(|Schema\.parse\(/.test(code)) calls.push(file);
        }
      }
    };
    walk('src');
    assert.deepEqual(calls, []);
  });
});
