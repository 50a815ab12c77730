/**
 * The mainland resident identity card number (居民身份证号码, GB 11643-1999): 17 digits (6 of
 * region, 8 of birth date YYYYMMDD, 3 of order) and a check character computed over them with
 * ISO 7064 MOD 11-2, written `X` when it is 10. The check catches every single wrong digit and
 * every swap of two adjacent ones, so the payer hears of a typo before a bank does.
 *
 * Pure: the binding form checks as the payer types, the reference backend again after
 * decrypting.
 */
import { asciiDigits } from '../card/digits.js';

export const RESIDENT_ID_LENGTH = 18;

/** Weights of positions 1–17: 2^(18−i) mod 11. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
/** The check character for each remainder of the weighted sum mod 11. */
const CHECK = '10X98765432';

export const IdProblem = {
  Empty: 'empty',
  Incomplete: 'incomplete',
  /** Not 17 digits and a digit or `X`, or a birth date that is no day. */
  Format: 'format',
  CheckDigit: 'check-digit',
} as const;
export type IdProblem = (typeof IdProblem)[keyof typeof IdProblem];

export type IdCheck = { ok: true; id: string } | { ok: false; problem: IdProblem };

/** What the payer typed as an ID number: spaces gone, full-width digits ASCII, `x` as `X`. */
export function normalizeResidentId(text: string): string {
  return asciiDigits(text).replace(/[\s\u3000-]/g, '').toUpperCase().replace(/Ｘ/g, 'X');
}

/** The check character of the first 17 digits (ASCII digits only). */
export function residentIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i]!;
  return CHECK[sum % 11]!;
}

/** Whether YYYYMMDD is a real calendar day, from 1800 on (the standard's own example was born in 1880). */
function realDay(yyyymmdd: string): boolean {
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  if (year < 1800 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Checks an ID number as the payer typed it. A correct beginning is `incomplete`, which the form
 * shows only once the field is left; a wrong birth date or check character shows at once.
 */
export function checkResidentId(text: string): IdCheck {
  const id = normalizeResidentId(text);
  if (id === '') return { ok: false, problem: IdProblem.Empty };
  if (!/^\d{0,17}[\dX]?$/.test(id) || id.length > RESIDENT_ID_LENGTH || (id.includes('X') && id.length < RESIDENT_ID_LENGTH)) {
    return { ok: false, problem: IdProblem.Format };
  }
  if (id.length >= 14 && !realDay(id.slice(6, 14))) return { ok: false, problem: IdProblem.Format };
  if (id.length < RESIDENT_ID_LENGTH) return { ok: false, problem: IdProblem.Incomplete };
  if (residentIdCheckChar(id) !== id[17]) return { ok: false, problem: IdProblem.CheckDigit };
  return { ok: true, id };
}

/**
 * An ID number as it may be shown: the first `head` and last 4 characters, the rest as `*`
 * (`110***********1234` with the default 3; a host's verified payer shows 4: `1101**********1234`).
 */
export function maskResidentId(id: string, head = 3): string {
  if (id.length <= head + 4) return '*'.repeat(id.length);
  return id.slice(0, head) + '*'.repeat(id.length - head - 4) + id.slice(-4);
}

/**
 * A person's name as it may be shown: the first and last character, the ones between as `*`
 * (张*三, 欧阳**锋); a two-character name keeps its first (张*). Counted in code points, so a
 * rare character outside the BMP is one character.
 */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return chars.join('');
  if (chars.length === 2) return `${chars[0]}*`;
  return chars[0] + '*'.repeat(chars.length - 2) + chars[chars.length - 1];
}
