/**
 * imask options for the card number: one pattern per digit layout any brand uses, and a
 * dispatch that picks the layout for the brand and length the number has after this change.
 * The chosen pattern holds exactly the brand's longest number, so the field stops there.
 */
import { brands, detectBrand, groupsFor, maxLength, type Brand } from './brands.js';
import { normalizeDigits } from './digits.js';

export function patternFor(groups: readonly number[]): string {
  return groups.map((size) => '0'.repeat(size)).join(' ');
}

/**
 * The groups for a number of `digits` digits, holding as many digits as the brand allows.
 * A shorter length gets its own pattern only where its groups differ (Diners at 14: 4-6-4),
 * because imask re-lays a number from its head when an edit changes the pattern, and a
 * pattern sized to the head alone would cut off the tail of an edit in the middle.
 */
function layoutGroups(brand: Brand | undefined, digits: number): number[] {
  const special = brand?.lengths.find((length) => length >= digits && brand.groups?.[length]);
  const target = special ?? maxLength(brand);
  const groups: number[] = [];
  let left = target;
  for (const size of groupsFor(brand, target)) {
    if (left <= 0) break;
    groups.push(Math.min(size, left));
    left -= size;
  }
  return groups;
}

const layouts = new Map<string, readonly number[]>();
for (const groups of [layoutGroups(undefined, 1), ...brands.flatMap((b) => b.lengths.map((l) => layoutGroups(b, l)))]) {
  layouts.set(groups.join('-'), groups);
}

/** Full-width digits from a Chinese IME become ASCII; pasted separators disappear. */
const digitsOnly = (chars: string): string => normalizeDigits(chars);

/** The layout for the digits a change would leave in the field. */
export function layoutFor(digits: string): string {
  return layoutGroups(detectBrand(digits), Math.max(digits.length, 1)).join('-');
}

interface LayoutMask {
  layout?: string;
}

export const numberMask = {
  mask: [...layouts].map(([layout, groups]) => ({ mask: patternFor(groups), layout, lazy: true, prepareChar: digitsOnly })),
  prepareChar: digitsOnly,
  // imask asks with the head of the value, the appended text and, for an edit in the middle,
  // the tail after it: the layout must fit all three.
  dispatch: (
    appended: string,
    dynamic: { value: string; compiledMasks: readonly LayoutMask[] },
    _flags: unknown,
    tail?: string | { value?: string },
  ) => {
    const rest = typeof tail === 'string' ? tail : (tail?.value ?? '');
    const layout = layoutFor(normalizeDigits(dynamic.value + appended + rest));
    return dynamic.compiledMasks.find((mask) => mask.layout === layout) ?? dynamic.compiledMasks[0];
  },
};

/** Expiry as MM/YY; the slash, dash or dot a payer or an IME types lands on the fixed slash. */
export const expiryMask = {
  mask: '00/00',
  lazy: true,
  prepareChar: (chars: string): string => chars.replace(/[／－.．。-]/g, '/').replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/[^\d/]/g, ''),
};

export function cvvMask(length: number): { mask: string; lazy: true; prepareChar: (chars: string) => string } {
  return { mask: '0'.repeat(length), lazy: true, prepareChar: digitsOnly };
}
