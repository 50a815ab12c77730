/**
 * What pays, prepared once `shouyin-submit` was not vetoed. Card data is encrypted to the
 * session's key, so only the backend can read it, and bound to the session's order: sealed anew
 * for every attempt (its retries resend the same body), good for that order once. A session
 * without a key cannot take card data
 * (the preparation throws and the attempt fails as `channel_unavailable`). The encryption is a
 * lazy chunk: one that cannot load throws `SealUnavailable`, and the attempt fails as
 * `network_error` before anything is sent.
 */
import { loadSeal } from '../../lazy/load.js';
import type { CardPayload } from '../../protocol/card-payload.js';
import type { Instrument, Session } from '../../protocol/schemas.js';
import type { SavedCardChoice } from '../../saved-cards/saved-cards.js';

/**
 * Prepares what pays, once `shouyin-submit` was not vetoed (a card is encrypted then, bound to
 * the session's order and stamped with `now`, the backend's clock as the cashier knows it).
 */
export type PrepareInstrument = (session: Session, now: number) => Promise<Instrument>;

/** The card encryption chunk did not load (the network); the next try loads it again. */
export class SealUnavailable extends Error {}

/** The session's card encryption key, and the chunk that seals to it. */
async function sealFor(session: Session) {
  const key = session.encryption;
  if (!key) throw new Error('the session has no card encryption key');
  try {
    return { key, seal: await loadSeal() };
  } catch {
    throw new SealUnavailable();
  }
}

/** A new card. */
export function newCard(card: CardPayload): PrepareInstrument {
  return async (session, now) => {
    const { key, seal } = await sealFor(session);
    return { type: 'card', encrypted: await seal.sealCard(card, key, session, now) };
  };
}

/** A saved card; when the session asks for its CVV again, the CVV is encrypted like a new card's. */
export function savedCard({ cardId, cvv, sealCvv }: SavedCardChoice): PrepareInstrument {
  return async (session, now) => {
    // Typed in the card frame: sealed there.
    if (sealCvv) return { type: 'saved-card', cardId, encryptedCvv: await sealCvv(session, now) };
    if (cvv === undefined) return { type: 'saved-card', cardId };
    const { key, seal } = await sealFor(session);
    return { type: 'saved-card', cardId, encryptedCvv: await seal.sealSavedCardCvv({ cvv }, key, session, now) };
  };
}
