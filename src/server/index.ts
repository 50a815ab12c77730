/**
 * Host-side helpers: verify the cashier's signed intents on Node 20+, Deno, Bun or an edge
 * runtime (anything with WebCrypto). Built to `dist/server.js`; import from `shouyin/server`.
 */
export { DEFAULT_MAX_BODY_BYTES, verifyIntent, verifySigned, readHeader } from './verify-intent.js';
export type {
  BodySchema,
  HeaderBag,
  IntentRequest,
  RejectStatus,
  VerifyIntentOptions,
  VerifyIntentResult,
  VerifySignedResult,
} from './verify-intent.js';
export type { RawBody } from './signed-body.js';
export { verifyCardRemoval } from './verify-card-removal.js';
export type { VerifyCardRemovalResult } from './verify-card-removal.js';
export { signIntent } from './sign-intent.js';
export type { SignIntentOptions } from './sign-intent.js';
export { decryptCard, decryptSavedCardCvv, DecryptCardCode } from './decrypt-card.js';
export type { DecryptCardOptions, DecryptCardResult, DecryptSavedCardCvvResult } from './decrypt-card.js';
export { MemoryJweIdStore } from './jwe-id-store.js';
export type { JweIdStore } from './jwe-id-store.js';
export { StoreUnavailableError } from './stores.js';
export type { IdempotencyClaim, IdempotencyStore, NonceStore } from './stores.js';
export { MemoryIdempotencyStore, MemoryNonceStore } from './memory-stores.js';
export { RedisIdempotencyStore, RedisJweIdStore, RedisNonceStore, RedisScript } from './redis-stores.js';
export type { RedisCommand, RedisStoreOptions } from './redis-stores.js';
export { CardPayloadSchema, SavedCardCvvSchema, encryptCard, encryptSavedCardCvv } from '../protocol/card-payload.js';
export type { CardPayload, SavedCardCvv } from '../protocol/card-payload.js';
export type { SealOptions } from '../protocol/card-seal.js';
export { bindingOf, cardClaims } from '../protocol/card-binding.js';
export type { CardBinding, CardClaims } from '../protocol/card-binding.js';
export { JWE_ALG, JWE_ENC, JweProblem, decryptJwe, encryptJwe, readJweHeader } from '../protocol/jwe.js';
export type { DecryptJweResult, EncryptJweOptions, JweClaims, JweHeader, JweRecipient, ReadJweHeaderResult } from '../protocol/jwe.js';
export { canonicalize } from '../protocol/canonical-json.js';
export { IDEMPOTENCY_HEADER, SIGNATURE_HEADER, parseSignatureHeader, hmacSha256 } from '../protocol/signature.js';
export { toBase64Url, fromBase64Url, randomToken } from '../protocol/base64url.js';
export { CardRemovalCode, ErrorCode, FailureCode, RejectCode } from '../protocol/codes.js';
export * from '../protocol/schemas.js';
export { createSession } from './create-session.js';
export type { ChannelInput, CreateSessionInput, CreateSessionOptions, CreateSessionResult } from './create-session.js';
export { generateCardKeyPair, generateSigningKey, sessionJwk } from './keys.js';
export type { CardKeyPair, KeyOptions, SessionEncryption, SigningKey } from './keys.js';
export type { Rejection } from './verify-intent.js';
