import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { build } from 'esbuild';
// @ts-expect-error: a plain .mjs of the bench, typed by its JSDoc only
import { attributeBytes, decodeMappings } from '../../../bench/attribution.mjs';

type Share = { group: string; raw: number; gzip: number };

describe('bench: where the bytes of the bundle go', () => {
  it('decodes source map segments to their line, column and source', () => {
    // "AAAA": column 0 of source 0; "EAAC": column +2, same source; ";ACAA": next line, source +1.
    assert.deepEqual(decodeMappings('AAAA,EAAC;ACAA,E'), [
      [0, 0, 0],
      [0, 2, 0],
      [1, 0, 1],
      [1, 2, -1],
    ]);
    assert.throws(() => decodeMappings('AA!A'), /not base64 VLQ/);
  });

  it('gives a part that cannot be compressed about its own size, and a part absent from the bundle nothing', async () => {
    // Random text does not compress, so its share of the gzip must be close to its length.
    const noise = randomBytes(3000).toString('base64');
    const out = await build({
      stdin: {
        contents: `import { noise } from './node_modules/imask/noise.js'; console.log(noise, 'shouyin');`,
        resolveDir: process.cwd(),
        sourcefile: 'src/entry.ts',
      },
      plugins: [
        {
          name: 'noise',
          setup(b) {
            b.onResolve({ filter: /noise\.js$/ }, () => ({ path: '/virtual/node_modules/imask/noise.js', namespace: 'v' }));
            b.onLoad({ filter: /.*/, namespace: 'v' }, () => ({ contents: `export const noise = ${JSON.stringify(noise)};`, loader: 'js' }));
          },
        },
      ],
      bundle: true,
      minify: true,
      sourcemap: 'external',
      write: false,
      outfile: 'out.js',
      format: 'iife',
    });
    const code = out.outputFiles.find((f) => f.path.endsWith('.js'))!.text;
    const map = JSON.parse(out.outputFiles.find((f) => f.path.endsWith('.map'))!.text) as { sources: string[]; mappings: string };
    const { gzip, shares } = attributeBytes(code, map) as { gzip: number; shares: Share[] };
    const share = (group: string): Share => shares.find((s) => s.group === group)!;
    assert.ok(share('imask').raw >= noise.length, `imask raw ${share('imask').raw}`);
    assert.ok(share('imask').gzip > noise.length * 0.7 && share('imask').gzip < gzip, `imask gzip ${share('imask').gzip} of ${gzip}`);
    assert.equal(share('Lit').raw, 0);
    assert.equal(share('Lit').gzip, 0);
  });
});
