/**
 * imask options for the card fields, and the card number's layout rule. The number field is
 * one imask pattern that `fitNumber` re-lays after each accepted change: the groups follow
 * the brand, and the field holds at most the brand's longest number. (imask's dynamic masks
 * would do the same from a list of patterns, at 1.5 KB gzip more in the script bundle.)
 */
import { detectBrand, groupsFor, maxLength, type Brand } from './brands.js';
import { asciiDigits, normalizeDigits } from './digits.js';

/** The longest number of any brand: every pattern holds this many, so no change loses digits before `fitNumber` sees it. */
const MOST_DIGITS = 19;

export function patternFor(groups: readonly number[]): string {
  return groups.map((size) => '0'.repeat(size)).join(' ');
}

/**
 * The groups for a number of `digits` digits, holding as many digits as the brand allows.
 * A shorter length gets its own groups only where they differ (Diners at 14: 4-6-4), so
 * the layout stays put while the payer types or edits in the middle.
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

/**
 * The pattern for `digits`: the brand's groups, then spare places up to MOST_DIGITS. The spare
 * places only ever hold a digit until `fitNumber` takes it out again, within the same input
 * event; they let a paste of a longer brand's number over a shorter one arrive whole.
 */
export function layoutFor(digits: string): string {
  const groups = layoutGroups(detectBrand(digits), Math.max(digits.length, 1));
  const spare = MOST_DIGITS - groups.reduce((sum, size) => sum + size, 0);
  return patternFor(spare > 0 ? [...groups, spare] : groups);
}

/** What the number field holds after `fitNumber`: its digits, the caret (as a digit index) and its pattern. */
export interface NumberFit {
  digits: string;
  caret: number;
  mask: string;
}

/**
 * The number field after a change from `previous` to `next` digits, with the caret `caret`
 * digits in. Past the brand's longest number, the digits typed or pasted are cut to what fits
 * and the digits after the caret are kept; when even those do not fit (a new first digit
 * makes a shorter brand of a long number) the change is refused.
 */
export function fitNumber(previous: string, next: string, caret: number): NumberFit {
  const most = maxLength(detectBrand(next));
  let digits = next;
  let at = caret;
  if (next.length > most) {
    const tail = next.length - caret;
    let head = 0;
    while (head < caret && head < previous.length && previous[head] === next[head]) head++;
    const room = most - head - tail;
    if (room < 0) {
      digits = previous;
      at = head;
    } else {
      at = head + Math.min(room, caret - head);
      digits = next.slice(0, at) + next.slice(caret);
    }
  }
  return { digits, caret: at, mask: layoutFor(digits) };
}

/** Full-width digits from a Chinese IME become ASCII; pasted separators disappear. */
const digitsOnly = (chars: string): string => normalizeDigits(chars);

export const numberMask = { mask: layoutFor(''), lazy: true, prepareChar: digitsOnly };

/** Expiry as MM/YY; the slash, dash or dot a payer or an IME types lands on the fixed slash. */
export const expiryMask = {
  mask: '00/00',
  lazy: true,
  prepareChar: (chars: string): string => asciiDigits(chars.replace(/[／－.．。-]/g, '/')).replace(/[^\d/]/g, ''),
};

export function cvvMask(length: number): { mask: string; lazy: true; prepareChar: (chars: string) => string } {
  return { mask: '0'.repeat(length), lazy: true, prepareChar: digitsOnly };
}
