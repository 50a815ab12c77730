/**
 * The notices chunk: `<shouyin-notices>`, the host's banner of session notices. Only sessions
 * that carry notices need it; the checkout loads it when such a session arrives. Pure:
 * `load.ts` registers the element.
 */
export { ShouyinNotices } from '../checkout/notices.js';
