import { couldBeKnownBrand, detectBrand, type Brand } from './brands.js';
import { asciiDigits, normalizeDigits } from './digits.js';
import { luhnValid } from './luhn.js';

/**
 * Validation of what the payer typed into the card form. Each check returns a discriminated
 * result whose `reason` the form turns into a message from the catalogs; none throws. The
 * results never carry the card number or the CVV, so logging one cannot leak them.
 */

export const NumberProblem = {
  Empty: 'empty',
  /** Too few digits for the brand, or a prefix that several brands could still become. */
  Incomplete: 'incomplete',
  TooLong: 'too-long',
  /** The check digit is wrong: almost always a typo. */
  Luhn: 'luhn',
  /** No brand this cashier accepts starts this way. */
  UnknownBrand: 'unknown-brand',
} as const;
export type NumberProblem = (typeof NumberProblem)[keyof typeof NumberProblem];

export type NumberResult = { ok: true; brand: Brand } | { ok: false; reason: NumberProblem };

/**
 * Whether a card number can be sent. Separators and full-width digits are accepted (the input
 * goes through `normalizeDigits`).
 *
 * A number no brand in the table can become is refused as `unknown-brand`, even with 12–19
 * digits and a valid check digit, as soon as its prefix rules every brand out (so the payer
 * learns it early, not after typing 16 digits). The card platform routes by brand; a number it
 * cannot route would only come back as a decline the payer cannot act on, and a typo in the
 * first digit looks just like an unknown brand. A network the platform adds belongs in the
 * brand table, with its own lengths and Luhn rule.
 *
 * Order of checks: length before Luhn, since a check digit means nothing until the number is
 * whole. A length between two allowed ones (a 14-digit Visa) is `incomplete`; only past the
 * longest allowed one is it `too-long`.
 */
export function validateNumber(text: string): NumberResult {
  const digits = normalizeDigits(text);
  if (digits.length === 0) return { ok: false, reason: NumberProblem.Empty };
  const brand = detectBrand(digits);
  if (!brand) {
    return { ok: false, reason: couldBeKnownBrand(digits) ? NumberProblem.Incomplete : NumberProblem.UnknownBrand };
  }
  if (!brand.lengths.includes(digits.length)) {
    const longer = brand.lengths.some((length) => length > digits.length);
    return { ok: false, reason: longer ? NumberProblem.Incomplete : NumberProblem.TooLong };
  }
  if (brand.luhn && !luhnValid(digits)) return { ok: false, reason: NumberProblem.Luhn };
  return { ok: true, brand };
}

export const ExpiryProblem = {
  Empty: 'empty',
  /** Not a whole MM/YY yet, or not a date at all; the message asks for MM/YY. */
  Incomplete: 'incomplete',
  /** The month is not 01–12. */
  Month: 'month',
  Past: 'past',
  /** More than 20 years ahead: a typo, no card is issued for that long. */
  TooFar: 'too-far',
} as const;
export type ExpiryProblem = (typeof ExpiryProblem)[keyof typeof ExpiryProblem];

export type ExpiryResult = { ok: true; month: number; year: number } | { ok: false; reason: ExpiryProblem };

/** Today, as the calendar month in the payer's time zone; `month` is 1–12. */
export interface YearMonth {
  year: number;
  month: number;
}

const MAX_YEARS_AHEAD = 20;

/**
 * Full-width digits as ASCII, the separators a Chinese IME types (／ － ． 。) as '/', and no
 * whitespace of any kind.
 */
function compact(text: string): string {
  return asciiDigits(text)
    .replace(/[\uFF0F\uFF0D\uFF0E\u3002]/g, '/')
    .replace(/\s+/g, '');
}

/** A two-digit year in the century that puts it nearest to `now` (2000 + YY until 2050). */
function fullYear(twoDigits: number, now: YearMonth): number {
  const year = Math.floor(now.year / 100) * 100 + twoDigits;
  if (year < now.year - 50) return year + 100;
  if (year > now.year + 50) return year - 100;
  return year;
}

/**
 * Splits the text into month and year digits: `MM/YY`, `M/YY`, `MM/YYYY` (the slash may be a
 * dash or a dot, with spaces anywhere), or digits alone, `MMYY` and `MMYYYY`. Without a
 * separator the month takes two digits, so `125` is December of a year not yet typed.
 * `undefined` means the text is no expiry date at all.
 */
function splitExpiry(text: string): { month: string; year: string; monthDone: boolean } | undefined {
  const separated = /^(\d{1,2})[/.-](\d{0,4})$/.exec(text);
  if (separated) return { month: separated[1] ?? '', year: separated[2] ?? '', monthDone: true };
  if (!/^\d{1,6}$/.test(text)) return undefined;
  return { month: text.slice(0, 2), year: text.slice(2), monthDone: text.length >= 2 };
}

/**
 * The card's expiry from what the payer typed, checked against `now` (injected, so tests and
 * a server-corrected clock agree). A card is valid through the last day of its expiry month,
 * so the current month is still good and the month before is `past`. A month is judged as
 * soon as it is complete (`13` fails before a year is typed).
 */
export function validateExpiry(text: string, now: YearMonth): ExpiryResult {
  const compacted = compact(text);
  if (compacted.length === 0) return { ok: false, reason: ExpiryProblem.Empty };
  const parts = splitExpiry(compacted);
  if (!parts) return { ok: false, reason: ExpiryProblem.Incomplete };
  const month = Number(parts.month);
  if (parts.monthDone && (month < 1 || month > 12)) return { ok: false, reason: ExpiryProblem.Month };
  if (!parts.monthDone || (parts.year.length !== 2 && parts.year.length !== 4)) {
    return { ok: false, reason: ExpiryProblem.Incomplete };
  }
  const year = parts.year.length === 2 ? fullYear(Number(parts.year), now) : Number(parts.year);
  const ahead = (year - now.year) * 12 + (month - now.month);
  if (ahead < 0) return { ok: false, reason: ExpiryProblem.Past };
  if (ahead > MAX_YEARS_AHEAD * 12) return { ok: false, reason: ExpiryProblem.TooFar };
  return { ok: true, month, year };
}

export const CvvProblem = {
  Empty: 'empty',
  Incomplete: 'incomplete',
  TooLong: 'too-long',
  NotDigits: 'not-digits',
} as const;
export type CvvProblem = (typeof CvvProblem)[keyof typeof CvvProblem];

export type CvvResult = { ok: true } | { ok: false; reason: CvvProblem };

/**
 * The security code against the brand's length (Amex 4, others 3). With the brand unknown,
 * 3 or 4 digits pass; the number's own check reports the brand. Full-width digits and spaces
 * are accepted; any other character is `not-digits` rather than silently dropped, since a
 * CVV is short enough that a stray letter is a real mistake. On success the CVV to encrypt is
 * `normalizeDigits(text)`; the result does not carry it.
 */
export function validateCvv(text: string, brand: Brand | undefined): CvvResult {
  const cvv = compact(text);
  if (cvv.length === 0) return { ok: false, reason: CvvProblem.Empty };
  if (!/^\d+$/.test(cvv)) return { ok: false, reason: CvvProblem.NotDigits };
  const min = brand?.cvvLength ?? 3;
  const max = brand?.cvvLength ?? 4;
  if (cvv.length < min) return { ok: false, reason: CvvProblem.Incomplete };
  if (cvv.length > max) return { ok: false, reason: CvvProblem.TooLong };
  return { ok: true };
}

export const NameProblem = {
  Empty: 'empty',
  TooLong: 'too-long',
  /** A character no name is written with (digits, symbols), or no letter at all. */
  Characters: 'characters',
} as const;
export type NameProblem = (typeof NameProblem)[keyof typeof NameProblem];

export type NameResult = { ok: true; name: string } | { ok: false; reason: NameProblem };

const MAX_NAME_LENGTH = 64;

/**
 * Letters of any script (CJK included) with their combining marks, and between them spaces,
 * dots (`.`, the middle dot `·` of transliterated names like 阿沛·阿旺晋美, and the katakana
 * and full-width forms IMEs type for it), hyphens and apostrophes (including `’`, which iOS
 * types for `'`).
 */
const NAME = /^[\p{L}\p{M} .\u00B7\u30FB\uFF65\uFF0E\-\u2010\uFF0D'\u2019]+$/u;

/**
 * The cardholder's name, trimmed, with runs of whitespace (U+3000 included) as one space and
 * in NFC, at most 64 characters (code points). The returned `name` is what to send.
 */
export function validateHolderName(text: string): NameResult {
  const name = text.normalize('NFC').replace(/\s+/gu, ' ').trim();
  if (name.length === 0) return { ok: false, reason: NameProblem.Empty };
  if ([...name].length > MAX_NAME_LENGTH) return { ok: false, reason: NameProblem.TooLong };
  if (!NAME.test(name) || !/\p{L}/u.test(name)) return { ok: false, reason: NameProblem.Characters };
  return { ok: true, name };
}
