/**
 * `text` with its full-width digits (U+FF10–U+FF19, which Chinese IMEs produce in full-width
 * mode) as ASCII ones and everything else as it was.
 */
export function asciiDigits(text: string): string {
  return text.replace(/[\uFF10-\uFF19]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xff10 + 48));
}

/**
 * The ASCII digits of what a payer typed or pasted, in order. Full-width digits (U+FF10–U+FF19,
 * which Chinese IMEs produce in full-width mode) become ASCII; everything else is dropped:
 * spaces of every kind (ASCII, NBSP, U+3000), dashes (- – — －), dots (. 。 ．), slashes and
 * whatever else a card number is printed or pasted with. Digits of other scripts are dropped
 * too rather than guessed at; the number then reads as incomplete, which the payer can see.
 */
export function normalizeDigits(text: string): string {
  // \D, without the `u` flag: anything but ASCII 0-9, astral characters included.
  return asciiDigits(text).replace(/\D/g, '');
}
