/**
 * What is wrong with the binding form as typed, field by field: pure, so the form and the Node
 * tests share it. Card number: 16–19 digits, passing Luhn unless a UnionPay (62) number, which
 * the network takes without it. The element turns each problem into the catalog's words.
 */
import { normalizeDigits } from '../card/digits.js';
import { luhnValid } from '../card/luhn.js';
import type { BindingField } from './layout.js';
import { checkMobile, type MobileProblem } from './mobile.js';
import { checkResidentId, type IdProblem } from './resident-id.js';

/** Every field the form checks. */
export type FormField = 'number' | BindingField | 'agree' | 'code';

/** What the payer typed, as the inputs hold it. */
export interface FormValues {
  number: string;
  name: string;
  idNumber: string;
  mobile: string;
  expiry: string;
  cvv: string;
  agreed: boolean;
  code: string;
}

export type FormProblems = {
  number?: 'invalid';
  name?: 'empty';
  idNumber?: IdProblem;
  mobile?: MobileProblem;
  expiry?: 'invalid';
  cvv?: 'invalid';
  agree?: 'unchecked';
  code?: 'invalid';
};

/** The expiry as month and four-digit year (`MM/YY`, `MMYY`), when it has not passed at `now` (UTC month). */
export function parseExpiry(text: string, now: number): { expMonth: number; expYear: number } | undefined {
  const match = /^\s*(\d{1,2})\s*\/?\s*(\d{2})\s*$/.exec(text);
  if (!match) return undefined;
  const expMonth = Number(match[1]);
  const expYear = 2000 + Number(match[2]);
  const today = new Date(now);
  const past = expYear * 12 + expMonth < today.getUTCFullYear() * 12 + today.getUTCMonth() + 1;
  return expMonth >= 1 && expMonth <= 12 && !past ? { expMonth, expYear } : undefined;
}

/** Each of `fields` (and the number, agreement and code) with its problem, if it has one. */
export function checkForm(values: FormValues, fields: readonly BindingField[], now: number): FormProblems {
  const problems: FormProblems = {};
  const digits = normalizeDigits(values.number);
  if (digits.length < 16 || digits.length > 19 || (!digits.startsWith('62') && !luhnValid(digits))) problems.number = 'invalid';
  if (fields.includes('name') && !values.name.trim()) problems.name = 'empty';
  if (fields.includes('idNumber')) {
    const id = checkResidentId(values.idNumber);
    if (!id.ok) problems.idNumber = id.problem;
  }
  if (fields.includes('mobile')) {
    const mobile = checkMobile(values.mobile);
    if (!mobile.ok) problems.mobile = mobile.problem;
  }
  if (fields.includes('expiry') && !parseExpiry(values.expiry, now)) problems.expiry = 'invalid';
  if (fields.includes('cvv') && !/^\d{3}$/.test(normalizeDigits(values.cvv))) problems.cvv = 'invalid';
  if (!values.agreed) problems.agree = 'unchecked';
  if (!/^\d{6}$/.test(normalizeDigits(values.code))) problems.code = 'invalid';
  return problems;
}
