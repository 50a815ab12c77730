/**
 * What pays, prepared once `shouyin-submit` was not vetoed. Card data is encrypted to the
 * session's key, so only the backend can read it; a session without one cannot take card data
 * (the preparation throws and the attempt fails as `channel_unavailable`).
 */
import { encryptCard, encryptSavedCardCvv, type CardPayload } from '../protocol/card-payload.js';
import type { Instrument, Session } from '../protocol/schemas.js';
import type { SavedCardChoice } from '../saved-cards/saved-cards.js';

/** The session's card encryption key. */
function keyOf(session: Session): NonNullable<Session['encryption']> {
  if (!session.encryption) throw new Error('the session has no card encryption key');
  return session.encryption;
}

/** A new card. */
export function newCard(card: CardPayload): (session: Session) => Promise<Instrument> {
  return async (session) => ({ type: 'card', encrypted: await encryptCard(card, keyOf(session)) });
}

/** A saved card; when the session asks for its CVV again, the CVV is encrypted like a new card's. */
export function savedCard({ cardId, cvv }: SavedCardChoice): (session: Session) => Promise<Instrument> {
  return async (session) =>
    cvv === undefined ? { type: 'saved-card', cardId } : { type: 'saved-card', cardId, encryptedCvv: await encryptSavedCardCvv({ cvv }, keyOf(session)) };
}
