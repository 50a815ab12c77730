import type { CardField } from '../card/card-fields.js';
import type { Messages } from '../i18n/messages.js';
import type { SavedCardsView } from './card-entry.js';

/**
 * The pay button's words: what the payer still has to do, else the amount it pays. `busy`:
 * an attempt is being sent or awaited; `saved`: whether a saved card pays, and can as it is;
 * `card`: what the card form last said, which counts only when the card channel (`byCard`)
 * takes a new card.
 */
export function payLabel(
  m: Messages,
  amount: string,
  busy: boolean,
  selected: boolean,
  byCard: boolean,
  saved: Pick<SavedCardsView, 'bySavedCard' | 'complete'>,
  card: { complete: boolean; missing: CardField | null },
): string {
  if (busy) return m.paying;
  if (!selected) return m.selectChannel;
  if (saved.bySavedCard) return saved.complete ? m.pay(amount) : m.card.missing.cvv;
  if (byCard && !card.complete && card.missing) return m.card.missing[card.missing];
  return m.pay(amount);
}
