import type { ReactiveControllerHost } from 'lit';
import { loadSavedCards } from '../lazy/load.js';
import type * as SavedCardsChunk from '../lazy/saved-cards.js';
import type { Session } from '../protocol/schemas.js';
import type { SavedCardChangeDetail } from '../saved-cards/saved-cards.js';

/** How the card channel takes a card this render: the saved card list (or its placeholder), the card form, or both. */
export interface SavedCardsView {
  /** The saved card list stands above the card form. */
  listed: boolean;
  /** Its chunk is there; until then, a placeholder stands in its place. */
  ready: boolean;
  /** A saved card pays (not the card form); also while the placeholder stands where one would be chosen. */
  bySavedCard: boolean;
  /** The chosen saved card can pay as it is (its CVV, when asked for, is typed). */
  complete: boolean;
}

/**
 * Where the checkout's saved card list goes: its lazy chunk, loaded as soon as a session with
 * saved cards arrives (so it is there, or nearly, when the payer picks the card channel), and
 * what the list last said. If the chunk cannot load, the card form takes its place; the next
 * session tries again.
 */
export class SavedCardsSlot {
  /** What the list last said, for the session it said it about. */
  private said: (SavedCardChangeDetail & { sessionId: string }) | undefined;
  /** The session whose saved cards are listed: the list stays (empty) when its last card is removed. */
  private listFor: string | undefined;
  /** The chunk, and the session it was last asked for. */
  private chunk: { state: 'loading' | 'ready' | 'failed'; for: string; chunk?: typeof SavedCardsChunk } | undefined;

  constructor(private readonly host: ReactiveControllerHost) {}

  /** A session with saved cards arrived: its chunk starts loading. */
  require(sessionId: string): void {
    const chunk = this.chunk;
    if (chunk && (chunk.state !== 'failed' || chunk.for === sessionId)) return;
    const loading: NonNullable<typeof chunk> = (this.chunk = { state: 'loading', for: sessionId });
    void loadSavedCards().then(
      (chunk) => Object.assign(loading, { state: 'ready', chunk }),
      () => (loading.state = 'failed'),
    ).finally(() => this.host.requestUpdate());
  }

  /** The list said which card is chosen and whether it can pay. */
  changed(sessionId: string, detail: SavedCardChangeDetail): void {
    this.said = { ...detail, sessionId };
  }

  view(session: Session, byCard: boolean, now: number): SavedCardsView {
    if (session.savedCards.length > 0) this.listFor = session.id;
    const state = this.chunk?.state;
    const listed = byCard && this.listFor === session.id && state !== 'failed';
    const rules = this.chunk?.chunk;
    const said =
      this.said?.sessionId === session.id
        ? this.said
        : { cardId: rules ? rules.preselectCard(session.savedCards, now) : undefined, complete: !(session.card?.savedCardCvv ?? false) };
    // Until the chunk (and its status rules) is there, its placeholder stands where a saved card would be chosen.
    return { listed, ready: state === 'ready', bySavedCard: listed && said.cardId !== null, complete: said.complete };
  }
}
