/**
 * The QR chunk: `<shouyin-qr-code>` and its encoder (uqr). Only desktop payers of a wallet
 * need it; the checkout loads it when the backend asks for a QR code. Pure: `load.ts`
 * registers the element.
 */
export { ShouyinQrCode } from '../checkout/qr-code.js';
