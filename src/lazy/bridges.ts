/**
 * The super-apps' JS bridges (WeChat's `WeixinJSBridge`, Alipay's `AlipayJSBridge`) and the
 * reading of their answers. Only payers inside those apps need them; the checkout loads this
 * chunk as soon as it runs in one, so the pay click normally finds it there.
 */
export { callBridge } from '../env/bridges.js';
