/**
 * The custom elements manifest is generated from the elements' JSDoc (custom-elements-manifest.
 * config.mjs, run by `npm run build`); docs/element.md's attribute and event tables, docs/theming.md's
 * token table (defaults included) and parts, and the tokens' fallbacks in src/theme/tokens.ts must
 * say what it says, so docs and code cannot drift apart.
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..', '..', '..');
const readme = readFileSync(path.join(root, 'docs', 'element.md'), 'utf8');
const theming = readFileSync(path.join(root, 'docs', 'theming.md'), 'utf8');

interface Named {
  name: string;
}
interface Declaration {
  tagName?: string;
  attributes?: Named[];
  members?: Array<Named & { kind: string; privacy?: string; static?: boolean }>;
  events?: Named[];
  cssParts?: Named[];
  cssProperties?: Array<Named & { default?: string }>;
}
let elements: Map<string, Declaration>;

before(() => {
  // The analyzer as the build runs it, into a directory of our own (its --outdir is relative to the cwd).
  const out = mkdtempSync(path.join(tmpdir(), 'shouyin-cem-'));
  try {
    const cli = path.join(root, 'node_modules/@custom-elements-manifest/analyzer/cem.js');
    execFileSync(process.execPath, [cli, 'analyze', '--quiet', '--outdir', path.relative(root, out)], { cwd: root, stdio: 'pipe' });
    const manifest = JSON.parse(readFileSync(path.join(out, 'custom-elements.json'), 'utf8')) as { modules: Array<{ declarations?: Declaration[] }> };
    elements = new Map(manifest.modules.flatMap((m) => m.declarations ?? []).flatMap((d) => (d.tagName ? [[d.tagName, d] as const] : [])));
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

const names = (list: Named[] | undefined): string[] => (list ?? []).map((x) => x.name).sort();

/** The rows of the table in `doc` that starts with this header line, as arrays of cells. */
function tableAfter(header: string, doc = readme): string[][] {
  const start = doc.indexOf(header);
  assert.ok(start >= 0, `no table headed ${header}`);
  const rows = [];
  for (const line of doc.slice(start).split('\n').slice(2)) {
    if (!line.startsWith('|')) break;
    rows.push(line.split(/(?<!\\)\|/).slice(1, -1).map((cell) => cell.trim()));
  }
  return rows;
}

/** `code` spans of a cell, without backticks. */
const codes = (cell: string): string[] => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);

describe('custom-elements.json, docs/element.md and docs/theming.md', () => {
  it('names every element the package registers, with its tag', () => {
    assert.deepEqual(
      [...elements.keys()].sort(),
      ['shouyin-card-form', 'shouyin-channel-list', 'shouyin-checkout', 'shouyin-countdown', 'shouyin-hint', 'shouyin-notices', 'shouyin-qr-code', 'shouyin-saved-cards'],
    );
  });

  it('is what package.json ships and names', () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { customElements: string; files: string[] };
    assert.equal(pkg.customElements, 'dist/custom-elements.json');
    assert.ok(pkg.files.includes('dist'));
  });

  it('documents the same tokens as the theming table, with the same defaults', () => {
    const rows = tableAfter('| token | default | used for |', theming);
    const documented = rows.map((row) => [codes(row[0]!)[0]!, codes(row[1]!)[0]] as const).sort(([a], [b]) => a.localeCompare(b));
    const manifest = (elements.get('shouyin-checkout')!.cssProperties ?? []).map((p) => [p.name, p.default] as const).sort(([a], [b]) => a.localeCompare(b));
    assert.deepEqual(documented, manifest);
    // Another element's custom properties are the checkout's too (they reach it through inheritance), with the same default.
    for (const [tag, element] of elements) {
      for (const property of element.cssProperties ?? []) {
        assert.deepEqual(documented.find(([name]) => name === property.name), [property.name, property.default], `${tag}: ${property.name}`);
      }
    }
  });

  it('gives each token the default its element falls back to', () => {
    // `var(--shouyin-x, <default>)` in tokens.ts (every token but the QR code's, which its element reads itself).
    const source = readFileSync(path.join(root, 'src', 'theme', 'tokens.ts'), 'utf8');
    const lightDark = source.slice(0, source.indexOf('@supports'));
    const fallbacks = new Map([...lightDark.matchAll(/var\(\s*(--shouyin-[a-z-]+),\s*([^;]+?)\s*\);/g)].map((m) => [m[1]!, m[2]!.replace(/\s+/g, ' ')]));
    fallbacks.set('--shouyin-qr-size', /var\(--shouyin-qr-size, ([^)]+)\)/.exec(readFileSync(path.join(root, 'src', 'checkout', 'qr-code.ts'), 'utf8'))![1]!);
    const manifest = new Map((elements.get('shouyin-checkout')!.cssProperties ?? []).map((p) => [p.name, p.default]));
    assert.deepEqual(manifest, fallbacks);
  });

  it('lists the same parts as docs/theming.md, element by element', () => {
    const listed = new Map(
      [...theming.matchAll(/Parts of `<([a-z-]+)>`: ((?:`[a-z-]+`,?\s*)+)/g)].map((m) => [m[1]!, codes(m[2]!).sort()] as const),
    );
    for (const [tag, element] of elements) assert.deepEqual(listed.get(tag), names(element.cssParts), tag);
    assert.deepEqual([...listed.keys()].sort(), [...elements.keys()].sort());
  });

  it("has the checkout's attributes and properties in docs/element.md's table", () => {
    const rows = tableAfter('| attribute | property |');
    const checkout = elements.get('shouyin-checkout')!;
    assert.deepEqual(rows.flatMap((row) => codes(row[0]!)).sort(), names(checkout.attributes));
    const properties = (checkout.members ?? []).filter((m) => m.kind === 'field' && !m.static && (m.privacy ?? 'public') === 'public');
    assert.deepEqual(rows.flatMap((row) => codes(row[1]!)).sort(), names(properties));
  });

  it("lists every event the checkout fires in docs/element.md's event table", () => {
    const documented = tableAfter('| event | detail | when |').flatMap((row) => codes(row[0]!));
    for (const event of names(elements.get('shouyin-checkout')!.events)) assert.ok(documented.includes(event), event);
  });
});
