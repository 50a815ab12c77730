import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { build } from 'esbuild';
import { newSession, startBackend } from '../helpers.js';
import { cutCore, cutMiniParse, cutZod, LAZY_READERS, ZOD_CORE_SCHEMAS, ZOD_MINI_SCHEMAS } from '../../../scripts/zod-cuts.js';

const require = createRequire(import.meta.url);
const zodRoot = path.dirname(require.resolve('zod/package.json'));
const zodMini = readFileSync(path.join(zodRoot, '..', ZOD_MINI_SCHEMAS), 'utf8');
const zodCore = readFileSync(path.join(zodRoot, '..', ZOD_CORE_SCHEMAS), 'utf8');

/** Bundles `entry` with zod/mini cut as the script-tag build cuts it, and runs it on `input`: what it exports. */
async function runCut(entry: string, input: unknown): Promise<unknown> {
  const out = await build({
    stdin: { contents: entry, resolveDir: process.cwd(), sourcefile: 'entry.ts', loader: 'ts' },
    plugins: [
      {
        name: 'cut',
        setup(b) {
          b.onLoad({ filter: /zod[\\/]v4[\\/](mini|core)[\\/]schemas\.js$/ }, (args) => {
            const code = readFileSync(args.path, 'utf8');
            return { contents: /[\\/]mini[\\/]/.test(args.path) ? cutMiniParse(code) : cutCore(code), loader: 'js' };
          });
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

describe('build: zod without what the script-tag bundle never calls', () => {
  it('cuts parse, safeParse, ~standard and union issue formatting out of the installed zod, and the schemas still parse through parseWith', async () => {
    assert.ok(zodMini.includes('safeParse('), `${ZOD_MINI_SCHEMAS} as installed has safeParse`);
    assert.ok(zodCore.includes('"~standard"'), `${ZOD_CORE_SCHEMAS} as installed has ~standard`);
    const server = await startBackend();
    const session = await newSession(server.url).finally(() => server.close());
    const result = (await runCut(`
      import { SessionSchema } from './src/protocol/schemas.ts';
      import { ActionSchema } from './src/protocol/schemas.ts';
      import { parseWith } from './src/protocol/parse.ts';
      declare const input: any;
      const good = input;
      export default {
        methods: ['parse', 'safeParse', 'parseAsync', 'safeParseAsync', 'brand', 'register', 'apply', 'with', '~standard', 'check', 'clone']
          .filter((name) => name in SessionSchema),
        good: parseWith(SessionSchema, good)?.id === good.id,
        defaults: parseWith(SessionSchema, { ...good, savedCards: undefined })?.savedCards,
        bad: parseWith(SessionSchema, { ...good, order: { ...good.order, amount: 0 } }),
        union: [
          parseWith(ActionSchema, { type: 'qr', content: 'weixin://x' }),
          parseWith(ActionSchema, { type: 'bridge', bridge: 'alipay', params: { a: 1 } }),
          parseWith(ActionSchema, { type: 'redirect', url: 'ftp://x' }),
          parseWith(ActionSchema, { type: 'nope' }),
        ],
      };
    `, session)) as { default: { methods: string[]; good: boolean; defaults: unknown; bad: unknown; union: unknown[] } };
    assert.deepEqual(result.default.methods, ['check', 'clone']);
    assert.equal(result.default.good, true);
    assert.deepEqual(result.default.defaults, []);
    assert.equal(result.default.bad, undefined);
    assert.deepEqual(result.default.union, [{ type: 'qr', content: 'weixin://x' }, { type: 'bridge', bridge: 'alipay', params: { a: 1 } }, undefined, undefined]);
  });

  it('fails, instead of cutting blindly, when zod/mini has changed', () => {
    assert.throws(() => cutMiniParse(zodMini.replace('    brand() {', '    brandNew() {')), /brandNew, which this build does not know/);
    assert.throws(() => cutMiniParse(zodMini.replace(/ {4}apply\(fn, \.\.\.args\) \{[^}]*\},/, '')), /has no apply/);
    assert.throws(() => cutMiniParse(zodMini.replace(/"ZodMiniType"/g, '"ZodMiniBase"')), /no \$constructor\("ZodMiniType"/);
    assert.throws(() => cutCore(zodCore.replace('    set "~standard"(value) {', '    toJSON() { return {}; },\n    set "~standard"(value) {')), /not just ~standard/);
    assert.throws(() => cutCore(zodCore.replace('function handleUnionResults(', 'function unionResults(')), /handleUnionResults does not format/);
    assert.throws(() => cutCore(zodCore.replaceAll('core.config()))),', 'core.config(ctx)))),')), /handleUnionResults does not format/);
    assert.throws(() => cutCore(zodCore.replaceAll('util.defineLazyInternal(inst, "', 'util.defineLazy(inst, "')), /no lazy pattern, values or propValues/);
  });

  it('fails the build when the bundle has a kind that reads the lazy members it cut', () => {
    const renderChunk = cutZod().renderChunk as unknown as (this: { error(message: string): never }, code: string) => null;
    const context = { error: (message: string): never => { throw new Error(message); } };
    assert.equal(renderChunk.call(context, 'X("$ZodObject",(e,t)=>{})'), null);
    for (const name of LAZY_READERS) assert.throws(() => renderChunk.call(context, `X("${name}",(e,t)=>{})`), new RegExp(`\\${name} in the script bundle`));
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
