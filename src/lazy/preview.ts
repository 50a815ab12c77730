/**
 * The preview chunk: `<shouyin-checkout preview>`'s sample session, its screens' scripts and the
 * runner that carries out effects with no backend. Only a cashier in preview mode loads it;
 * payers never do.
 */
export { attachPreview } from '../preview/preview-controller.js';
