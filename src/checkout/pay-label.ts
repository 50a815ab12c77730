import type { CardField } from '../card/card-fields.js';
import type { Messages } from '../i18n/messages.js';
import type { SavedCardsView } from './card-entry.js';

/** What decides the pay button's words. */
export interface PayLabelState {
  /** An attempt is being sent or awaited. */
  busy: boolean;
  /** A channel is selected. */
  selected: boolean;
  /** The selected channel is the card channel. */
  byCard: boolean;
  /** Whether a saved card pays, and can as it is. */
  saved: Pick<SavedCardsView, 'bySavedCard' | 'complete' | 'bySms'>;
  /** What the card form last said; it counts only when the card channel takes a new card (`ask`: a saved bound card's code step). */
  card: { complete: boolean; missing: CardField | null; problem?: string | null; ask?: string | null | undefined };
  /** The last attempt failed in a way that would repeat as it is (`FailureInfo.repeats`). */
  blocked?: boolean;
}

/** The pay button's words: what the payer still has to do, else the amount it pays. */
export function payLabel(m: Messages, amount: string, { busy, selected, byCard, saved, card, blocked }: PayLabelState): string {
  if (busy) return m.paying;
  if (!selected) return m.selectChannel;
  if (blocked) return byCard ? m.payBlocked.card : m.payBlocked.channel;
  if (saved.bySms && card.ask) return card.ask;
  if (saved.bySavedCard) return saved.complete ? m.pay(amount) : m.card.missing.cvv;
  if (byCard && !card.complete && card.missing) {
    const { missing, problem } = card;
    // Typed but wrong (a number that fails its check digit, a past month) is not "missing":
    // the button says what is wrong, as the field's own error does.
    const wrong = problem && problem !== 'empty' && problem !== 'incomplete';
    return wrong ? ((m.card[`${missing}Error`] as Record<string, string>)[problem] ?? m.card.missing[missing]) : m.card.missing[missing];
  }
  return m.pay(amount);
}
