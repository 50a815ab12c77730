/**
 * Caret arithmetic for a formatted card number ('4111 1111 1111 1111'). The input controller
 * reformats the value on every edit, which moves characters under the caret; it keeps the
 * caret in digit terms instead (how many digits lie before it), which survives reformatting,
 * and maps back with these functions. Every character that is not an ASCII digit counts as a
 * separator; the value is expected to come from `formatPan`.
 *
 * Carets are UTF-16 offsets, as `selectionStart` reports them, and are clamped into the text.
 */

/** A number after an edit, with the caret given as the count of digits before it. */
export interface DigitEdit {
  digits: string;
  digitIndex: number;
}

function isDigit(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  return code >= 48 && code <= 57;
}

function clamp(caret: number, text: string): number {
  return Math.max(0, Math.min(Math.trunc(caret) || 0, text.length));
}

function digitsOf(formatted: string): string {
  let digits = '';
  for (let i = 0; i < formatted.length; i++) if (isDigit(formatted, i)) digits += formatted[i];
  return digits;
}

/** How many digits lie before `caret` in `formatted`. */
export function digitIndexAt(formatted: string, caret: number): number {
  const end = clamp(caret, formatted);
  let count = 0;
  for (let i = 0; i < end; i++) if (isDigit(formatted, i)) count++;
  return count;
}

/**
 * Where the caret goes so that `digitIndex` digits lie before it: right after that digit, or,
 * when the digit ends a group and more digits follow, after the separator. That is where the
 * next typed digit appears, so the caret sits next to it: typing the 4th digit of a group in
 * the middle of a number leaves the caret after the space, as on a card's printed number, and
 * after Backspace removes the first digit of a group the caret stays where the browser would
 * have left it. A digit index past the last digit puts the caret at the end.
 */
export function caretForDigitIndex(formatted: string, digitIndex: number): number {
  let position = 0;
  for (let seen = 0; seen < digitIndex && position < formatted.length; position++) {
    if (isDigit(formatted, position)) seen++;
  }
  let next = position;
  while (next < formatted.length && !isDigit(formatted, next)) next++;
  // Skip the separators only up to a following digit, never into trailing ones.
  return next < formatted.length ? next : position;
}

/**
 * Backspace with the caret at `caret` and no selection. The browser would delete the character
 * before the caret; when that is a separator the formatter puts it straight back and the key
 * seems dead. So the digit before the caret is removed, whatever separators lie between. At the
 * start nothing changes.
 */
export function deleteBackward(formatted: string, caret: number): DigitEdit {
  const digits = digitsOf(formatted);
  const index = digitIndexAt(formatted, caret);
  if (index === 0) return { digits, digitIndex: 0 };
  return { digits: digits.slice(0, index - 1) + digits.slice(index), digitIndex: index - 1 };
}

/**
 * Delete (forward) with the caret at `caret` and no selection, for the same reason: the digit
 * after the caret is removed, across a separator if need be. At the end nothing changes.
 */
export function deleteForward(formatted: string, caret: number): DigitEdit {
  const digits = digitsOf(formatted);
  const index = digitIndexAt(formatted, caret);
  return { digits: digits.slice(0, index) + digits.slice(index + 1), digitIndex: index };
}
