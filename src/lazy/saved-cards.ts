/**
 * The saved cards chunk: the list element, its removal flow and the card removal request. Only
 * payers with saved cards need it; the checkout loads it as soon as such a session arrives.
 * Pure: `load.ts` registers the element. The status rules come with it: the checkout asks them
 * which card to preselect.
 */
export { ShouyinSavedCards } from '../saved-cards/saved-cards.js';
export { removeCard } from '../transport/card-client.js';
export { preselectCard } from '../saved-cards/status.js';
