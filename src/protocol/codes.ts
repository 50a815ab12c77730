/**
 * The closed sets of codes that cross the cashier's boundaries. Payer-facing text is looked up
 * from these codes in the i18n catalogs; a raw backend string is never shown.
 */

/** What `shouyin-error` reports: the cashier could not load or use its session. */
export const ErrorCode = {
  /** Neither `session-url` nor `session` was given. */
  SessionMissing: 'session_missing',
  /** `session-url` could not be fetched (network fault, refused, CORS). */
  SessionUnreachable: 'session_unreachable',
  /** `session-url` answered with a non-2xx status. */
  SessionHttpError: 'session_http_error',
  /** The session is not valid JSON or does not match the session schema. */
  SessionMalformed: 'session_malformed',
  /** The session's `expiresAt` has passed. */
  SessionExpired: 'session_expired',
  /** An attribute or property the host set has a value the cashier cannot use. */
  AttributeInvalid: 'attribute_invalid',
  /** The page is not a secure context, so WebCrypto is missing and nothing can be signed. */
  CryptoUnavailable: 'crypto_unavailable',
  /**
   * A `miniprogram` action came, but the page has no `wx.miniProgram` (the host page did not load
   * WeChat's JSSDK) or it could not open the mini-program's payment page.
   */
  MiniprogramUnavailable: 'miniprogram_unavailable',
  /** The `card-frame` page did not load (network, CSP, wrong URL) or stopped answering: the card channel cannot take a card. */
  CardFrameUnavailable: 'card_frame_unavailable',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** What `shouyin-failure` reports: one payment attempt did not succeed. */
export const FailureCode = {
  Declined: 'declined',
  InsufficientFunds: 'insufficient_funds',
  /** The backend found the card details invalid (number, expiry or CVV) after decrypting them. */
  CardInvalid: 'card_invalid',
  ChannelUnavailable: 'channel_unavailable',
  LimitExceeded: 'limit_exceeded',
  Canceled: 'canceled',
  Expired: 'expired',
  /** The request did not reach the backend, or its answer did not come back. */
  NetworkError: 'network_error',
  /** No answer within the request's time limit. */
  Timeout: 'timeout',
  /** The backend answered something that is not the response contract. */
  ResponseMalformed: 'response_malformed',
  /** The backend refused the intent's signature (HTTP 401). */
  SignatureRejected: 'signature_rejected',
  /** The backend refused the intent as malformed or not matching the session (HTTP 4xx). */
  RequestRejected: 'request_rejected',
  /** The order was paid already, by this attempt or another one (HTTP 409). */
  OrderAlreadyPaid: 'order_already_paid',
  /** The backend failed (HTTP 5xx). */
  ServerError: 'server_error',
  /** The mini-program's payment page could not be opened (see `ErrorCode.MiniprogramUnavailable`). */
  MiniprogramUnavailable: 'miniprogram_unavailable',
  /** A binding's SMS code was wrong (issue 17); the binding form says how many tries are left. */
  SmsCodeInvalid: 'sms_code_invalid',
  /** A binding's SMS code is past its time: another may be asked for. */
  SmsCodeExpired: 'sms_code_expired',
  /** Too many wrong codes: the binding is over, a new one may be started. */
  BindingLocked: 'binding_locked',
  /** The payer did not finish the passkey's fingerprint or face check (refused, cancelled, timed out, no authenticator): nothing was sent. */
  PasskeyDeclined: 'passkey_declined',
  /** The backend did not accept the passkey's assertion; the card's usual confirmation is asked instead. */
  PasskeyRejected: 'passkey_rejected',
  /** A failure code this cashier does not know; the payer sees a generic message. */
  Unknown: 'payment_failed',
} as const;
export type FailureCode = (typeof FailureCode)[keyof typeof FailureCode];

/** Why a host-side verification refused an intent request. */
export const RejectCode = {
  SignatureMissing: 'signature_missing',
  SignatureMalformed: 'signature_malformed',
  SignatureExpired: 'signature_expired',
  SignatureMismatch: 'signature_mismatch',
  UnknownKid: 'unknown_kid',
  /** The body is not UTF-8 JSON. */
  BodyMalformed: 'body_malformed',
  /**
   * The body is JSON but not byte for byte its own canonical form (RFC 8785): duplicate members,
   * another spelling of a number or string, whitespace, member order, a BOM. The MAC covers the
   * canonical form only, so other bytes could carry what it never covered.
   */
  BodyNotCanonical: 'body_not_canonical',
  /** The body is larger than `maxBodyBytes` (HTTP 413). */
  BodyTooLarge: 'body_too_large',
  IntentMalformed: 'intent_malformed',
  /** A signed card removal whose body is not a `CardRemoval`. */
  RemovalMalformed: 'removal_malformed',
  /** A signed card info, binding or resend request whose body is not one (issue 17). */
  BindingMalformed: 'binding_malformed',
  /** A signed passkey challenge or registration request whose body is not one (issue 17). */
  PasskeyMalformed: 'passkey_malformed',
} as const;
export type RejectCode = (typeof RejectCode)[keyof typeof RejectCode];

const knownFailureCodes = new Set<string>(Object.values(FailureCode));

/** Maps any code a backend sends to one the cashier has words for. */
export function toFailureCode(code: string): FailureCode {
  return knownFailureCodes.has(code) ? (code as FailureCode) : FailureCode.Unknown;
}

/** Why a saved card was not removed; the payer sees the catalog's text for it. */
export const CardRemovalCode = {
  /** The backend has no such card for this payer. */
  NotFound: 'card_not_found',
  /** A payment with the card is still open; it can be removed once that ends. */
  InUse: 'card_in_use',
  /** The session has no `endpoints.cards`, or is gone. */
  Unavailable: 'removal_unavailable',
  SessionExpired: 'session_expired',
  NetworkError: 'network_error',
  Timeout: 'timeout',
  SignatureRejected: 'signature_rejected',
  RequestRejected: 'request_rejected',
  ServerError: 'server_error',
} as const;
export type CardRemovalCode = (typeof CardRemovalCode)[keyof typeof CardRemovalCode];
