import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { SavedCard } from '../../../src/protocol/schemas.js';
import { cardStatus, expiryText, partitionCards, preselectCard } from '../../../src/saved-cards/status.js';

const card = (overrides: Partial<SavedCard> = {}): SavedCard => ({
  id: 'c1',
  brand: 'unionpay',
  last4: '1234',
  expMonth: 12,
  expYear: 2026,
  status: 'active',
  ...overrides,
});

/** Server times, in China (UTC+8). */
const NOV_30 = Date.parse('2026-11-30T10:00:00+08:00');
const DEC_1 = Date.parse('2026-12-01T00:30:00+08:00');

describe('cardStatus', () => {
  const cases: Array<{ name: string; now: number; card: Partial<SavedCard>; state: string; selectable: boolean; daysLeft?: number; problem?: string }> = [
    { name: 'expiring today (the last day of its month)', now: NOV_30, card: { expMonth: 11, expYear: 2026 }, state: 'expiring', selectable: true, daysLeft: 0 },
    { name: 'expiring in 30 days', now: DEC_1, card: { expMonth: 12, expYear: 2026 }, state: 'expiring', selectable: true, daysLeft: 30 },
    { name: 'active with 31 days left', now: NOV_30, card: { expMonth: 12, expYear: 2026 }, state: 'active', selectable: true, daysLeft: 31 },
    { name: 'expired last month', now: DEC_1, card: { expMonth: 11, expYear: 2026 }, state: 'expired', selectable: false, daysLeft: -1 },
    { name: 'expired years ago', now: NOV_30, card: { expMonth: 1, expYear: 2020 }, state: 'expired', selectable: false },
    { name: 'active for years', now: NOV_30, card: { expMonth: 8, expYear: 2030 }, state: 'active', selectable: true },
    // 2026-11-30T16:30Z is already 1 December in China: the card's month is over there.
    { name: 'judged on China\'s calendar, not UTC', now: Date.parse('2026-11-30T16:30:00Z'), card: { expMonth: 11, expYear: 2026 }, state: 'expired', selectable: false, daysLeft: -1 },
    { name: 'the last minute of its month in China', now: Date.parse('2026-11-30T15:59:00Z'), card: { expMonth: 11, expYear: 2026 }, state: 'expiring', selectable: true, daysLeft: 0 },
    { name: 'February of a leap year', now: Date.parse('2028-01-30T12:00:00+08:00'), card: { expMonth: 2, expYear: 2028 }, state: 'expiring', selectable: true, daysLeft: 30 },
    { name: 'reported lost', now: NOV_30, card: { status: 'abnormal', reason: 'reported_lost', expYear: 2029 }, state: 'abnormal', selectable: false, problem: 'reported_lost' },
    { name: 'repeatedly declined', now: NOV_30, card: { status: 'abnormal', reason: 'repeatedly_declined', expYear: 2029 }, state: 'abnormal', selectable: false, problem: 'repeatedly_declined' },
    { name: 'abnormal with a reason the cashier does not know', now: NOV_30, card: { status: 'abnormal', reason: 'kyc_pending', expYear: 2029 }, state: 'abnormal', selectable: false, problem: 'other' },
    { name: 'abnormal without a reason', now: NOV_30, card: { status: 'abnormal', expYear: 2029 }, state: 'abnormal', selectable: false, problem: 'other' },
    { name: 'frozen', now: NOV_30, card: { status: 'frozen', expYear: 2029 }, state: 'frozen', selectable: false, problem: 'frozen' },
    { name: 'frozen and expired: the backend\'s status comes first', now: NOV_30, card: { status: 'frozen', expYear: 2020 }, state: 'frozen', selectable: false, problem: 'frozen' },
    { name: 'a bound debit card without an expiry never expires', now: NOV_30, card: { expMonth: undefined, expYear: undefined }, state: 'active', selectable: true, daysLeft: Infinity },
    { name: 'a bound debit card without an expiry, frozen by its bank', now: NOV_30, card: { expMonth: undefined, expYear: undefined, status: 'frozen' }, state: 'frozen', selectable: false, problem: 'frozen' },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const status = cardStatus(card(c.card), c.now);
      assert.equal(status.state, c.state);
      assert.equal(status.selectable, c.selectable);
      if (c.daysLeft !== undefined) assert.equal(status.daysLeft, c.daysLeft);
      assert.equal(status.problem, c.problem);
    });
  }
});

describe('preselectCard', () => {
  const active = card({ id: 'active', expYear: 2029 });
  const activeToo = card({ id: 'active-too', expYear: 2030 });
  const expiring = card({ id: 'expiring', expMonth: 11, expYear: 2026 });
  const expired = card({ id: 'expired', expMonth: 10, expYear: 2026 });
  const lost = card({ id: 'lost', status: 'abnormal', reason: 'reported_lost', expYear: 2029 });
  const frozen = card({ id: 'frozen', status: 'frozen', expYear: 2029 });
  const cases: Array<{ name: string; cards: SavedCard[]; expected: string | null }> = [
    { name: 'the first active card, in session order', cards: [active, activeToo], expected: 'active' },
    { name: 'an active card before an expiring one listed first', cards: [expiring, activeToo], expected: 'active-too' },
    { name: 'an expiring card when no other can pay', cards: [expired, expiring, lost], expected: 'expiring' },
    { name: 'never an expired or abnormal card', cards: [expired, lost, frozen], expected: null },
    { name: 'none without cards', cards: [], expected: null },
  ];
  for (const c of cases) {
    it(c.name, () => assert.equal(preselectCard(c.cards, NOV_30), c.expected));
  }

  it('partitions into usable and unusable cards, each in session order', () => {
    const { usable, unusable } = partitionCards([lost, active, expired, expiring, frozen], NOV_30);
    assert.deepEqual(usable.map((r) => r.card.id), ['active', 'expiring']);
    assert.deepEqual(unusable.map((r) => r.card.id), ['lost', 'expired', 'frozen']);
  });
});

describe('expiryText', () => {
  for (const [month, year, text] of [[12, 2026, '12/26'], [1, 2030, '01/30'], [7, 2105 - 100, '07/05']] as const) {
    it(`${month}/${year} is ${text}`, () => assert.equal(expiryText({ expMonth: month, expYear: year }), text));
  }
  it('no expiry is no text', () => assert.equal(expiryText({}), ''));
});
