/**
 * The mobile number the payer registered with their bank (银行预留手机号): a mainland number of
 * 11 digits starting 13–19, as China's numbering plan assigns them. The payer may type it with
 * spaces or dashes (138 0013 8000, 138-0013-8000) or with the country code (+86, 0086, 86).
 */
import { asciiDigits } from '../card/digits.js';

export const MobileProblem = { Empty: 'empty', Incomplete: 'incomplete', Format: 'format' } as const;
export type MobileProblem = (typeof MobileProblem)[keyof typeof MobileProblem];

export type MobileCheck = { ok: true; mobile: string } | { ok: false; problem: MobileProblem };

/** The 11 national digits of what the payer typed: separators and a +86 / 0086 / 86 prefix gone. */
export function normalizeMobile(text: string): string {
  const digits = asciiDigits(text).replace(/[\s\u3000()（）.-]/g, '');
  const national = digits.replace(/^(\+86|0086|86)(?=1\d{10}$)/, '');
  return national;
}

export function checkMobile(text: string): MobileCheck {
  const mobile = normalizeMobile(text);
  if (mobile === '') return { ok: false, problem: MobileProblem.Empty };
  if (!/^\d+$/.test(mobile) || mobile[0] !== '1' || (mobile.length > 1 && !/[3-9]/.test(mobile[1]!)) || mobile.length > 11) {
    return { ok: false, problem: MobileProblem.Format };
  }
  if (mobile.length < 11) return { ok: false, problem: MobileProblem.Incomplete };
  return { ok: true, mobile };
}

/** A mobile number as it may be shown: 138****8000. */
export function maskMobile(mobile: string): string {
  return mobile.length === 11 ? `${mobile.slice(0, 3)}****${mobile.slice(7)}` : '*'.repeat(mobile.length);
}
