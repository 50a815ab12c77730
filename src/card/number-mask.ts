/**
 * The card fields' masks: what each field's imask model accepts (`MaskedRegExp` options: digits
 * only, as many as the field holds) and how the accepted value is shown (`format`: the digits
 * in groups). The card number's groups follow its brand: `fitNumber` re-lays it after each
 * accepted change, and the field holds at most the brand's longest number.
 */
import { detectBrand, groupsFor, maxLength } from './brands.js';
import { asciiDigits, normalizeDigits } from './digits.js';

/**
 * What a field's imask model is given: which values it accepts, and what each typed character
 * counts as. Our own type, not imask's `MaskedRegExpOptions`: the card form's public .d.ts
 * reaches this file, and imask's declarations do not compile under `moduleResolution: nodenext`
 * (extensionless relative imports); masked-input-controller.ts checks it fits imask's options.
 */
export interface MaskOptions {
  mask: RegExp;
  prepareChar: (chars: string) => string;
}

/**
 * `value` as shown: its digits in `groups` joined by `separator` (the groups hold every digit
 * the mask accepts). A separator the value ends with, which only the expiry's mask accepts
 * and only after its month, stays: the payer typed it.
 */
function grouped(value: string, groups: readonly number[], separator: string): string {
  const digits = value.replace(/\D/g, '');
  let shown = '';
  for (let i = 0, at = 0; i < groups.length && at < digits.length; i++) {
    shown += (at > 0 ? separator : '') + digits.slice(at, (at += groups[i]!));
  }
  return /\D$/.test(value) ? shown + separator : shown;
}

/**
 * The groups of a number of `digits`, holding as many digits as its brand allows. A shorter
 * length gets its own groups only where they differ (Diners at 14: 4-6-4), so the layout
 * stays put while the payer types or edits in the middle.
 */
export function layoutFor(digits: string): number[] {
  const brand = detectBrand(digits);
  const special = brand?.lengths.find((length) => length >= Math.max(digits.length, 1) && brand.groups?.[length]);
  let left = special ?? maxLength(brand);
  const groups: number[] = [];
  for (const size of groupsFor(brand, left)) {
    if (left <= 0) break;
    groups.push(Math.min(size, left));
    left -= size;
  }
  return groups;
}

/** The card number as shown, in its brand's groups. */
export const formatNumber = (digits: string): string => grouped(digits, layoutFor(digits), ' ');

/** Expiry as shown: MM/YY. */
export const formatExpiry = (value: string): string => grouped(value, [2, 2], '/');

/** What the number field holds after `fitNumber`: its digits and the caret (as a digit index). */
export interface NumberFit {
  digits: string;
  caret: number;
}

/**
 * The number field after a change from `previous` to `next` digits, with the caret `caret`
 * digits in. Past the brand's longest number, the digits typed or pasted are cut to what fits
 * and the digits after the caret are kept; when even those do not fit (a new first digit
 * makes a shorter brand of a long number) the change is refused.
 */
export function fitNumber(previous: string, next: string, caret: number): NumberFit {
  const most = maxLength(detectBrand(next));
  if (next.length <= most) return { digits: next, caret };
  const tail = next.length - caret;
  let head = 0;
  while (head < caret && head < previous.length && previous[head] === next[head]) head++;
  const room = most - head - tail;
  if (room < 0) return { digits: previous, caret: head };
  const at = head + Math.min(room, caret - head);
  return { digits: next.slice(0, at) + next.slice(caret), caret: at };
}

/** Full-width digits from a Chinese IME become ASCII; pasted separators disappear. */
const digitsOnly = (chars: string): string => normalizeDigits(chars);

/**
 * Up to 19 digits, the longest number of any brand: no change loses digits before `fitNumber`
 * sees it, so a paste of a longer brand's number over a shorter one arrives whole.
 */
export const numberMask: MaskOptions = { mask: /^\d{0,19}$/, prepareChar: digitsOnly };

/**
 * Expiry as MMYY, or MM/ and what follows when the payer typed the slash; the slash, dash or
 * dot a payer or an IME types counts as the slash, which is accepted only after the month.
 */
export const expiryMask: MaskOptions = {
  mask: /^(\d{0,4}|\d\d\/\d{0,2})$/,
  prepareChar: (chars) => asciiDigits(chars.replace(/[／－.．。-]/g, '/')).replace(/[^\d/]/g, ''),
};

export function cvvMask(length: number): MaskOptions {
  return { mask: new RegExp(`^\\d{0,${length}}$`), prepareChar: digitsOnly };
}
