/**
 * Card numbers as a payer reads them: in the brand's groups, and masked for saved cards. Apart
 * from digits.ts because only the saved card list (a lazy chunk) and the tests use it: in the
 * script-tag bundle it would be dead weight.
 */
import { detectBrand, groupsFor, type Brand } from './brands.js';
import { normalizeDigits } from './digits.js';

/** What stands for a hidden digit in a masked number. */
export const BULLET = '\u2022';

/**
 * `chars` split into the given group sizes and joined by single spaces, with no space before
 * the first or after the last character. Characters beyond the groups join the last group.
 */
function group(chars: string, groups: readonly number[]): string {
  const parts: string[] = [];
  let at = 0;
  for (const size of groups) {
    if (at >= chars.length) break;
    parts.push(chars.slice(at, at + size));
    at += size;
  }
  if (at < chars.length) parts[parts.length - 1] += chars.slice(at);
  return parts.join(' ');
}

/**
 * A card number, or the beginning of one, as the payer reads it on the card: groups of digits
 * separated by single spaces, per the brand (`groupsFor`): 4-4-4-4, 4-4-4-4-3 at 19 digits,
 * Amex 4-6-5, Diners 4-6-4 at 14. Unknown brand: 4-4-4-4-3. Never ends with a space, so
 * Backspace at the end always removes a digit. The input is normalized first, so formatting a
 * formatted number gives it back unchanged.
 */
export function formatPan(digits: string, brand: Brand | undefined): string {
  const clean = normalizeDigits(digits);
  return group(clean, groupsFor(brand, clean.length));
}

/** What a saved card tells about its number (the session's `savedCards[]`). */
export interface PanHint {
  first6?: string;
  last4: string;
}

/**
 * A saved card's number for display: its first 6 digits when known, bullets, its last 4, in
 * the brand's grouping: `6222 02•• •••• 1234`, or `•••• •••• •••• 1234` without `first6`.
 * The real length is not known; the display uses 16 digits, or the brand's only length when
 * 16 is not one of them (Amex: `3782 82•••• •0005`), as payers recognise their cards by those.
 * The brand, when not given, is detected from `first6`. Never shows more than the first 6 and
 * the last 4 digits, whatever it is given.
 */
export function maskPan({ first6, last4 }: PanHint, brand?: Brand): string {
  const head = normalizeDigits(first6 ?? '').slice(0, 6);
  const tail = normalizeDigits(last4).slice(-4);
  const resolved = brand ?? (head.length > 0 ? detectBrand(head) : undefined);
  const length = resolved && !resolved.lengths.includes(16) ? (resolved.lengths[0] ?? 16) : 16;
  const hidden = BULLET.repeat(Math.max(0, length - head.length - tail.length));
  return group(head + hidden + tail, groupsFor(resolved, length));
}

/** The fewest digits a card number of any brand has (Maestro's 12). */
const SHORTEST_PAN = 12;

/**
 * A typed number masked like a saved card: first 6 and last 4 shown, with its true length and
 * its brand's grouping (`6222 02•• •••• 1234`). Below 12 digits it is no card number yet, and
 * its last four may be middle digits of the real one, so every digit is hidden.
 */
export function maskPanFromDigits(digits: string): string {
  const clean = normalizeDigits(digits);
  const brand = detectBrand(clean);
  const chars =
    clean.length < SHORTEST_PAN
      ? BULLET.repeat(clean.length)
      : clean.slice(0, 6) + BULLET.repeat(clean.length - 10) + clean.slice(-4);
  return group(chars, groupsFor(brand, clean.length));
}
