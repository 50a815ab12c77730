import type { CardPayload } from '../protocol/card-payload.js';
import { detectBrand, type Brand } from './brands.js';
import { normalizeDigits } from './digits.js';
import {
  validateCvv,
  validateExpiry,
  validateHolderName,
  validateNumber,
  type CvvProblem,
  type ExpiryProblem,
  type NameProblem,
  type NumberProblem,
  type YearMonth,
} from './validate.js';

/** The card form's fields, in the order the payer fills them. */
export const CARD_FIELDS = ['number', 'expiry', 'cvv', 'name'] as const;
export type CardField = (typeof CARD_FIELDS)[number];

export interface CardFieldProblems {
  number?: NumberProblem;
  expiry?: ExpiryProblem;
  cvv?: CvvProblem;
  name?: NameProblem;
}

export type CardEntry = Record<CardField, string>;

export type CardCheck =
  | { ok: true; brand: Brand; payload: CardPayload }
  | { ok: false; brand: Brand | undefined; problems: CardFieldProblems; firstMissing: CardField };

/**
 * Checks everything the payer typed at once: what the pay button says is missing, which
 * errors to show on submit, and the payload to encrypt when all is well. The payload holds
 * the number and CVV: it goes straight to encryption and nowhere else.
 */
export function checkCard(entry: CardEntry, { now, requireName }: { now: YearMonth; requireName: boolean }): CardCheck {
  const number = validateNumber(entry.number);
  const brand = number.ok ? number.brand : detectBrand(normalizeDigits(entry.number));
  const expiry = validateExpiry(entry.expiry, now);
  const cvv = validateCvv(entry.cvv, brand);
  const name = requireName ? validateHolderName(entry.name) : undefined;
  const problems: CardFieldProblems = {
    ...(number.ok ? {} : { number: number.reason }),
    ...(expiry.ok ? {} : { expiry: expiry.reason }),
    ...(cvv.ok ? {} : { cvv: cvv.reason }),
    ...(name && !name.ok ? { name: name.reason } : {}),
  };
  const firstMissing = CARD_FIELDS.find((field) => problems[field] !== undefined);
  if (firstMissing || !number.ok || !expiry.ok) return { ok: false, brand, problems, firstMissing: firstMissing ?? 'number' };
  return {
    ok: true,
    brand: number.brand,
    payload: {
      number: normalizeDigits(entry.number),
      expMonth: expiry.month,
      expYear: expiry.year,
      cvv: normalizeDigits(entry.cvv),
      ...(name?.ok ? { holderName: name.name } : {}),
    },
  };
}

/**
 * The problems of `check` a form shows: those of the fields `shown` names (the payer has
 * left them, or tried to pay). While a field is being typed into, its problem stays unsaid.
 */
export function shownProblems(check: CardCheck | undefined, shown: (field: CardField) => boolean): CardFieldProblems {
  const problems: Record<string, string> = {};
  if (check && !check.ok) for (const field of CARD_FIELDS) if (check.problems[field] && shown(field)) problems[field] = check.problems[field];
  return problems as CardFieldProblems;
}

let monthFormat: Intl.DateTimeFormat | undefined;
let lastMonth: { now: number; yearMonth: YearMonth } = { now: NaN, yearMonth: { year: 0, month: 0 } };

/** Today's calendar month in China, where cards and their expiry dates are issued and read. */
export function yearMonthAt(now: number): YearMonth {
  // The form asks on every keystroke, mostly with the same `now`: the formatter (~0.5 ms to
  // build) and the last answer are kept.
  if (now === lastMonth.now) return lastMonth.yearMonth;
  monthFormat ??= new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'numeric' });
  const parts = monthFormat.formatToParts(now);
  const part = (type: string): number => Number(parts.find((p) => p.type === type)?.value);
  lastMonth = { now, yearMonth: { year: part('year'), month: part('month') } };
  return lastMonth.yearMonth;
}
