/**
 * The payment chunk: what only a payment under way needs. The checkout's views of it (the
 * fallback notice, the action view: QR code, wallet opened) with their words in the three
 * catalogs, and the super-apps' payment sheets (WeChat's and Alipay's JS bridges, QuickPass's
 * `upsdk`, the WeChat
 * mini-program's payment page). The checkout loads it when one is needed: a fallback to tell
 * of, or a pending attempt with an action (QR code, redirect, sheet, mini-program page); inside
 * WeChat, Alipay or QuickPass as soon as the session is there.
 */
export { actionView, fallbackNotice } from '../checkout/payment-views.js';
export { paymentMessagesFor } from '../checkout/payment-messages.js';
export { callBridge, openMiniProgram } from '../env/bridges.js';
