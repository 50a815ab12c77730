/**
 * The card binding chunk (快捷支付, issue 17): `<shouyin-card-binding>`, its reducer, its
 * requests and its words in the three catalogs. Only sessions whose card channel binds Chinese
 * bank cards (`endpoints.bindings`) need it; the checkout loads it when such a session's card
 * channel is selected. The sealing itself stays in the seal chunk. Pure: `load.ts` registers
 * the element.
 */
export { ShouyinCardBinding } from '../binding/card-binding.js';
export { ShouyinFrameBinding } from '../binding/frame-binding.js';
