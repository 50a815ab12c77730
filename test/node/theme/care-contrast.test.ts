/**
 * Care mode's palette (the `:host([care])` tokens in checkout.styles.ts) against the surfaces it
 * sits on, in both schemes: every color text is drawn in reaches 7:1 (WCAG AAA), and the sizes
 * are the ones care mode promises.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkoutStyles } from '../../../src/checkout/checkout.styles.js';
import { tokens } from '../../../src/theme/tokens.js';
import { contrast } from '../../support/contrast.js';

type Scheme = 'light' | 'dark';

/** The default palette: `--_color-x: var(--shouyin-color-x, light-dark(#light, #dark))`. */
function defaults(): Record<Scheme, Record<string, string>> {
  const light: Record<string, string> = {};
  const dark: Record<string, string> = {};
  for (const [, name, l, d] of tokens.cssText.matchAll(/--_color-([a-z-]+): var\(--shouyin-color-\1, light-dark\((#[0-9a-f]+), (#[0-9a-f]+)\)\)/g)) {
    light[name!] = l!;
    dark[name!] = d!;
  }
  return { light, dark };
}

/** The first `:host([care])` block: what care mode sets. */
const careBlock = /:host\(\[care\]\)\s*\{([^}]*)\}/.exec(checkoutStyles.cssText)![1]!;

function care(): Record<Scheme, Record<string, string>> {
  const base = defaults();
  const light = { ...base.light };
  const dark = { ...base.dark };
  for (const [, name, l, d] of careBlock.matchAll(/--shouyin-color-([a-z-]+): light-dark\((#[0-9a-f]+), (#[0-9a-f]+)\)/g)) {
    light[name!] = l!;
    dark[name!] = d!;
  }
  return { light, dark };
}

const AAA = 7;
/** Text colors and the surfaces they are drawn on. */
const PAIRS: ReadonlyArray<readonly [string, string, string]> = [
  ['text', 'surface', 'text'],
  ['text', 'surface-muted', 'messages, hints'],
  ['text-muted', 'surface', 'secondary text, limits'],
  ['text-muted', 'surface-muted', 'unavailable channel rows'],
  ['danger', 'surface', 'field errors, unavailable reasons'],
  ['danger', 'surface-muted', 'error messages'],
  ['success', 'surface', 'success title'],
  ['success', 'surface-muted', 'saved-card badge'],
  ['warning', 'surface', 'promotions'],
  ['warning', 'surface-muted', '"expiring" badge'],
  ['focus', 'surface', 'text in the focus color'],
  ['primary', 'surface', 'selected channel'],
  ['on-primary', 'primary', 'pay button, recommended badge'],
];

describe('care mode palette (7:1)', () => {
  const table = care();
  for (const scheme of ['light', 'dark'] as const) {
    for (const [fg, bg, where] of PAIRS) {
      it(`${scheme}: ${fg} on ${bg} (${where})`, () => {
        const ratio = contrast(table[scheme][fg]!, table[scheme][bg]!);
        assert.ok(ratio >= AAA, `${table[scheme][fg]} on ${table[scheme][bg]}: ${ratio.toFixed(2)} < ${AAA}`);
      });
    }
  }

  it('sets text to 20px, the amount to 40px and targets to 56px', () => {
    const sizes = Object.fromEntries([...careBlock.matchAll(/--shouyin-([a-z-]+): (\d+)px/g)].map(([, name, px]) => [name!, Number(px)]));
    assert.deepEqual(sizes, { 'font-size': 20, 'font-size-small': 20, 'font-size-amount': 40, 'font-size-badge': 20, 'target-size': 56 });
  });
});
