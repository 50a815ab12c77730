/**
 * What a saved card can do today: its state from its expiry and the backend's status, whether
 * the payer may select it, and which card the cashier preselects. Pure: the time is the
 * session's server time, passed in.
 *
 * Days are China's calendar days (UTC+8; China has kept no daylight saving time since 1991, so
 * a fixed offset is exact), as card expiry dates are issued and read there. A card is valid
 * through the last day of its expiry month.
 */
import type { SavedCard } from '../protocol/schemas.js';

export const CardState = {
  Active: 'active',
  /** Valid for 30 more days at most (today counts: a card in its last day is expiring). */
  Expiring: 'expiring',
  Expired: 'expired',
  /** The backend reports the card unusable: reported lost, repeatedly declined, … */
  Abnormal: 'abnormal',
  Frozen: 'frozen',
} as const;
export type CardState = (typeof CardState)[keyof typeof CardState];

/** Why the backend holds a card unusable, in words the catalogs have. */
export const CardProblem = {
  ReportedLost: 'reported_lost',
  Frozen: 'frozen',
  RepeatedlyDeclined: 'repeatedly_declined',
  /** A reason code the cashier does not know, or none. */
  Other: 'other',
} as const;
export type CardProblem = (typeof CardProblem)[keyof typeof CardProblem];

export interface CardStatus {
  state: CardState;
  selectable: boolean;
  /** Days from today to the card's last valid day: 0 on that day, negative once expired; `Infinity` for a card without an expiry. */
  daysLeft: number;
  /** For abnormal and frozen cards. */
  problem?: CardProblem;
}

/** How close to its end a card is "expiring soon". */
export const EXPIRING_WITHIN_DAYS = 30;

const DAY_MS = 24 * 60 * 60 * 1000;
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

const KNOWN_PROBLEMS = new Set<string>([CardProblem.ReportedLost, CardProblem.Frozen, CardProblem.RepeatedlyDeclined]);

/** The day number (days since 1970-01-01) of an instant, on China's calendar. */
function chinaDay(ms: number): number {
  return Math.floor((ms + CHINA_OFFSET_MS) / DAY_MS);
}

/** The day number of the last day of a month (1–12): the day before the next month's first. */
function lastDayOf(year: number, month: number): number {
  return Date.UTC(year, month, 1) / DAY_MS - 1;
}

/**
 * A card's status at `now` (ms, server time). The backend's status comes first: a frozen card
 * that has also expired says "frozen", the reason the payer can act on with the bank. A card
 * without an expiry (a bound debit card) never expires: only the bank's status stops it.
 */
export function cardStatus(card: SavedCard, now: number): CardStatus {
  const { expYear, expMonth } = card;
  const daysLeft = expYear === undefined || expMonth === undefined ? Infinity : lastDayOf(expYear, expMonth) - chinaDay(now);
  if (card.status !== 'active') {
    const code = card.reason ?? (card.status === 'frozen' ? CardProblem.Frozen : CardProblem.Other);
    const problem = KNOWN_PROBLEMS.has(code) ? (code as CardProblem) : CardProblem.Other;
    return { state: card.status === 'frozen' ? CardState.Frozen : CardState.Abnormal, selectable: false, daysLeft, problem };
  }
  if (daysLeft < 0) return { state: CardState.Expired, selectable: false, daysLeft };
  const state = daysLeft <= EXPIRING_WITHIN_DAYS ? CardState.Expiring : CardState.Active;
  return { state, selectable: true, daysLeft };
}

export interface RatedCard {
  card: SavedCard;
  status: CardStatus;
}

/** The cards the payer may pay with and the ones they may not, each in session order. */
export function partitionCards(cards: readonly SavedCard[], now: number): { usable: RatedCard[]; unusable: RatedCard[] } {
  const usable: RatedCard[] = [];
  const unusable: RatedCard[] = [];
  for (const card of cards) {
    const status = cardStatus(card, now);
    (status.selectable ? usable : unusable).push({ card, status });
  }
  return { usable, unusable };
}

/**
 * The card to preselect: the first active card in session order (the backend lists the
 * payer's preferred card first), else the first expiring one; `null` when none can pay, and
 * the new-card form opens instead. Never an expired or abnormal card.
 */
export function preselectCard(cards: readonly SavedCard[], now: number): string | null {
  const { usable } = partitionCards(cards, now);
  return (usable.find((rated) => rated.status.state === CardState.Active) ?? usable[0])?.card.id ?? null;
}

/** `MM/YY`, as the expiry is printed on the card; empty for a card without one. */
export function expiryText({ expMonth, expYear }: Pick<SavedCard, 'expMonth' | 'expYear'>): string {
  return expMonth === undefined || expYear === undefined ? '' : `${String(expMonth).padStart(2, '0')}/${String(expYear % 100).padStart(2, '0')}`;
}
