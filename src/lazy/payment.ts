/**
 * The payment chunk: what only a payment under way needs. The checkout's views of it (the
 * fallback notice, the action view: QR code, wallet opened) and the super-apps' payment sheets
 * (WeChat's and Alipay's JS bridges). The checkout loads it at the pay click (and at load, when
 * the payment starts on a fallback), so it is there when the backend answers.
 */
export { actionView, fallbackNotice } from '../checkout/payment-views.js';
export { callBridge } from '../env/bridges.js';
