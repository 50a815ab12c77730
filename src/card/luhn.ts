/**
 * The Luhn (mod 10) check digit test, ISO/IEC 7812-1 annex B. It catches every single-digit
 * typo and most swaps of adjacent digits, which is why a failed check is worth telling the
 * payer before anything is sent.
 *
 * Takes ASCII digits only: an empty string or one with any other character is not valid,
 * rather than being cleaned here (cleaning is `normalizeDigits`'s job).
 */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  // From the rightmost (check) digit leftwards, every second digit is doubled.
  for (let i = digits.length - 1, double = false; i >= 0; i--, double = !double) {
    let digit = digits.charCodeAt(i) - 48;
    if (double) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}
