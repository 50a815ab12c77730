/**
 * What `npm publish` would ship: the tarball `npm pack` makes from this tree, and the version
 * ranges a host's install resolves.
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildOnce, root } from '../built.js';

interface Packed {
  size: number;
  files: Array<{ path: string; size: number }>;
}

const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  license: string;
  exports: Record<string, string | Record<string, string>>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
let packed: Packed;

before(() => {
  buildOnce();
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  [packed] = JSON.parse(execFileSync(npm, ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' })) as [Packed];
});

describe('the published package', () => {
  it('carries the MIT license package.json names, for the Shouyin authors', () => {
    assert.equal(manifest.license, 'MIT');
    assert.ok(packed.files.some((file) => file.path === 'LICENSE'));
    const license = readFileSync(path.join(root, 'LICENSE'), 'utf8');
    assert.match(license, /^MIT License\n\nCopyright \(c\) \d{4} Shouyin authors\n/);
  });

  it('leaves the source maps out, and no file it ships points to one', () => {
    assert.deepEqual(packed.files.filter((file) => file.path.endsWith('.map')).map((file) => file.path), []);
    for (const file of packed.files.filter((f) => f.path.endsWith('.js'))) {
      assert.doesNotMatch(readFileSync(path.join(root, file.path), 'utf8'), /sourceMappingURL/, file.path);
    }
    // 582 kB when the maps (1.34 MB of them) were in. Since then, measured: the card frame page
    // (dist/card-frame.js, with its own Lit, imask and zod: it runs on the card platform's origin)
    // about 28 kB; card binding, preview mode, the assistant, care mode, the super-apps' guide and
    // the static playground about 150 kB together (each in the ES build's split files, in the
    // script tag's lazy chunks and inline in dist/shouyin.node.js): 492 kB. The limit is what
    // catches maps or a stray directory shipping again, with room for a feature, not for that.
    assert.ok(packed.size < 560_000, `tarball ${packed.size} B`);
  });

  it('ships every file its exports name', () => {
    const shipped = new Set(packed.files.map((file) => file.path));
    const targets = Object.values(manifest.exports).flatMap((entry) => (typeof entry === 'string' ? [entry] : Object.values(entry)));
    for (const target of targets) assert.ok(shipped.has(target.replace(/^\.\//, '')), target);
  });

  it('asks for ranges of its runtime packages, so a host dedupes them with its own, and pins its tools', () => {
    for (const name of ['lit', 'zod', 'imask']) assert.match(manifest.dependencies[name]!, /^\^\d+\.\d+\.\d+$/, name);
    for (const [name, version] of Object.entries(manifest.devDependencies)) assert.match(version, /^\d+\.\d+\.\d+$/, name);
  });
});
