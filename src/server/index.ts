/**
 * Host-side helpers: verify the cashier's signed intents on Node 20+, Deno, Bun or an edge
 * runtime (anything with WebCrypto). Built to `dist/server.js`; import from `shouyin/server`.
 */
export { verifyIntent, readHeader } from './verify-intent.js';
export type { HeaderBag, IntentRequest, VerifyIntentOptions, VerifyIntentResult } from './verify-intent.js';
export { signIntent } from './sign-intent.js';
export type { SignIntentOptions } from './sign-intent.js';
export { canonicalize } from '../protocol/canonical-json.js';
export { IDEMPOTENCY_HEADER, SIGNATURE_HEADER, parseSignatureHeader, hmacSha256 } from '../protocol/signature.js';
export { toBase64Url, fromBase64Url, randomToken } from '../protocol/base64url.js';
export { ErrorCode, FailureCode, RejectCode } from '../protocol/codes.js';
export * from '../protocol/schemas.js';
