/**
 * The card encryption chunk: a new card, or a saved card's CVV, sealed as a JWE to the
 * session's key. Only card payers need it; the checkout loads it as soon as the card channel is
 * selected, so the pay click normally finds it there. Card data reaches nothing else.
 */
export { encryptCard, encryptSavedCardCvv } from '../protocol/card-seal.js';
