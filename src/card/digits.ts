const FULLWIDTH_ZERO = 0xff10;
const FULLWIDTH_NINE = 0xff19;

/**
 * The ASCII digits of what a payer typed or pasted, in order. Full-width digits (U+FF10–U+FF19,
 * which Chinese IMEs produce in full-width mode) become ASCII; everything else is dropped:
 * spaces of every kind (ASCII, NBSP, U+3000), dashes (- – — －), dots (. 。 ．), slashes and
 * whatever else a card number is printed or pasted with. Digits of other scripts are dropped
 * too rather than guessed at; the number then reads as incomplete, which the payer can see.
 */
export function normalizeDigits(text: string): string {
  let digits = '';
  for (const char of text) {
    const code = char.charCodeAt(0);
    if (code >= 48 && code <= 57) digits += char;
    else if (code >= FULLWIDTH_ZERO && code <= FULLWIDTH_NINE) digits += String.fromCharCode(code - FULLWIDTH_ZERO + 48);
  }
  return digits;
}
