/**
 * The published .d.ts as a host's strict TypeScript project sees them: test/types/ holds a
 * host's files (each `@ts-expect-error` line is a mistake the types must catch) and the
 * tsconfig such a project may have (`moduleResolution: nodenext`, `skipLibCheck: false`).
 * They are checked in a project of their own that has the package installed, by name.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildOnce, root } from '../built.js';

let host = '';

before(() => {
  buildOnce();
  host = mkdtempSync(path.join(os.tmpdir(), 'shouyin-types-'));
  cpSync(path.join(root, 'test', 'types'), host, { recursive: true });
  writeFileSync(path.join(host, 'package.json'), '{ "type": "module" }');
  mkdirSync(path.join(host, 'node_modules', '@types'), { recursive: true });
  // The package as `npm link` installs it, and what a React host has beside it.
  symlinkSync(root, path.join(host, 'node_modules', 'shouyin'), 'dir');
  for (const name of ['react', '@types/react']) {
    symlinkSync(path.join(root, 'node_modules', name), path.join(host, 'node_modules', name), 'dir');
  }
});

after(() => rmSync(host, { recursive: true, force: true }));

describe("the package's types in a strict host project", () => {
  it('type-check under nodenext with skipLibCheck off, and reject the wrong assignments', () => {
    const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
    const run = spawnSync(process.execPath, [tsc, '-p', host, '--pretty', 'false'], { encoding: 'utf8' });
    assert.equal(run.stdout + run.stderr, '');
    assert.equal(run.status, 0);
  });
});
