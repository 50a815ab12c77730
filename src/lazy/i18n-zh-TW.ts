/**
 * The Traditional Chinese catalog. The bundle carries zh-CN only; a zh-TW payer's cashier
 * fetches this chunk as soon as it knows the locale, alongside the session. Pure: `load.ts`
 * adds it.
 */
export { zhTW as messages } from '../i18n/zh-TW.js';
