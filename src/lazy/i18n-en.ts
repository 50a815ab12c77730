/**
 * The English catalog. The bundle carries zh-CN only; an English payer's cashier fetches this
 * chunk as soon as it knows the locale, alongside the session. Pure: `load.ts` adds it.
 */
export { en as messages } from '../i18n/en.js';
