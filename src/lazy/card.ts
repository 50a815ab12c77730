/**
 * The card chunk: `<shouyin-card-form>` with its input controller (and imask), the card rules
 * (brands, Luhn, expiry, CVV) and the card number's display. Only card payers need it: the
 * checkout loads it when the card channel is selected, and a page that creates the form itself
 * awaits `loadCardForm()` first (or puts the tag in its markup). Pure: `load.ts` registers the
 * element. The saved cards chunk takes its card rules from here (it imports `./card.js`), so a
 * payer with saved cards downloads them once.
 */
export { ShouyinCardForm } from '../card/card-form.js';
export { brandById } from '../card/brands.js';
export { brandStyles } from '../card/card-form.styles.js';
export { maskPan } from '../card/pan-display.js';
export { MaskedInputController } from '../card/masked-input-controller.js';
export { cvvMask } from '../card/number-mask.js';
export { validateCvv } from '../card/validate.js';
