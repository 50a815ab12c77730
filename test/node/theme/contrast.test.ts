/**
 * WCAG AA for the default palette in both schemes, measured on the token table the elements
 * ship (tokens.ts's CSS), and the channel marks against the surface they sit on.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { tokens } from '../../../src/theme/tokens.js';
import { contrast } from '../../support/contrast.js';

type Scheme = 'light' | 'dark';
type Palette = Record<string, string>;

/** `--_color-x: var(--shouyin-color-x, light-dark(#light, #dark))` → one table per scheme. */
function palettes(cssText: string): Record<Scheme, Palette> {
  const light: Palette = {};
  const dark: Palette = {};
  for (const [, name, l, d] of cssText.matchAll(/--_color-([a-z-]+): var\(--shouyin-color-\1, light-dark\((#[0-9a-f]+), (#[0-9a-f]+)\)\)/g)) {
    light[name!] = l!;
    dark[name!] = d!;
  }
  return { light, dark };
}

const BODY = 4.5;
const UI = 3;

/** Foreground, background, the minimum WCAG asks, and where the pair is drawn. */
const PAIRS: ReadonlyArray<readonly [string, string, number, string]> = [
  ['text', 'surface', BODY, 'text'],
  ['text', 'surface-muted', BODY, 'messages, saved-card empty state'],
  ['text-muted', 'surface', BODY, 'secondary text'],
  ['text-muted', 'surface-muted', BODY, 'unavailable channel rows'],
  ['danger', 'surface', BODY, 'field errors, unavailable reasons'],
  ['danger', 'surface-muted', BODY, 'error messages'],
  ['success', 'surface', BODY, 'success title'],
  ['success', 'surface-muted', BODY, 'saved-card badge'],
  ['warning', 'surface', BODY, 'promotions'],
  ['warning', 'surface-muted', BODY, 'saved-card "expiring" badge'],
  ['focus', 'surface', BODY, 'show/hide unusable cards (text in the focus color)'],
  ['on-primary', 'primary', BODY, 'pay button, recommended badge'],
  ['on-primary', 'danger', BODY, 'remove-card confirmation button'],
  ['border', 'surface', UI, 'field and radio outlines'],
  ['border', 'surface-muted', UI, 'outlines of unavailable rows'],
  ['primary', 'surface', UI, 'selected channel and card'],
  ['focus', 'surface', UI, 'focus ring'],
  ['focus', 'surface-muted', UI, 'focus ring on a muted row'],
  ['danger', 'surface', UI, 'invalid field outline'],
];

const table = palettes(tokens.cssText);

describe('default palette contrast (WCAG AA)', () => {
  it('has a light and a dark value for every color token', () => {
    assert.deepEqual(Object.keys(table.dark).sort(), Object.keys(table.light).sort());
    assert.equal(Object.keys(table.light).length, 11);
  });

  for (const scheme of ['light', 'dark'] as const) {
    for (const [fg, bg, min, where] of PAIRS) {
      it(`${scheme}: ${fg} on ${bg} ≥ ${min}:1 (${where})`, () => {
        const ratio = contrast(table[scheme][fg]!, table[scheme][bg]!);
        assert.ok(ratio >= min, `${table[scheme][fg]} on ${table[scheme][bg]}: ${ratio.toFixed(2)}:1`);
      });
    }
  }
});

describe('engines without light-dark()', () => {
  it('get every color token with its light default', () => {
    const fallback = /@supports not \(color: light-dark\([^)]*\)\) \{([^}]*)\}/.exec(tokens.cssText)?.[1] ?? '';
    const declared = Object.fromEntries(
      [...fallback.matchAll(/--_color-([a-z-]+): var\(--shouyin-color-\1, (#[0-9a-f]+)\);/g)].map((m) => [m[1]!, m[2]!]),
    );
    assert.deepEqual(declared, table.light);
  });
});

describe("docs/theming.md's token table", () => {
  it('gives each color the light and dark defaults tokens.ts has', () => {
    const doc = readFileSync(new URL('../../../docs/theming.md', import.meta.url), 'utf8');
    for (const name of Object.keys(table.light)) {
      const row = new RegExp(`^\\| \`--shouyin-color-${name}\` \\| \`light-dark\\((#[0-9a-f]+), (#[0-9a-f]+)\\)\` \\|`, 'm').exec(doc);
      assert.deepEqual(row?.slice(1), [table.light[name], table.dark[name]], name);
    }
  });
});

describe('channel marks', () => {
  // Each mark is a tile in the channel's color under a white glyph (channel-icon.ts).
  const source = readFileSync(new URL('../../../src/channels/channel-icon.ts', import.meta.url), 'utf8');
  const tiles = [...source.matchAll(/<rect width="24" height="24" rx="6" fill="(#[0-9a-f]{6})"/g)].map((m) => m[1]!);

  it('finds every mark', () => {
    assert.equal(tiles.length, 6);
  });

  it('stands out from the dark surface: every tile ≥ 3:1 against it', () => {
    for (const tile of tiles) {
      const ratio = contrast(tile, table.dark.surface!);
      assert.ok(ratio >= UI, `${tile} on ${table.dark.surface}: ${ratio.toFixed(2)}:1`);
    }
  });
});
