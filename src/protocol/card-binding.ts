/**
 * What binds a card JWE to its one use. The number, expiry and CVV alone would pay any order
 * that came with them, so a JWE captured once (a log, a proxy, a ledger) could be posted again
 * in another order's correctly signed intent. Every card JWE therefore names, in its protected
 * header, the session, order, amount and currency it was sealed for, when it was sealed, and an
 * id of its own; the backend decrypts it for that order only, within a few minutes, once.
 *
 * The protected header is AES-GCM's additional data: nobody can change a claim without the tag
 * failing, and nobody without the backend's private key can read the card to seal it anew.
 */
import { randomToken } from './base64url.js';
import type { Session } from './schemas.js';

/** The order a card JWE may pay: the session's own values. */
export interface CardBinding {
  sessionId: string;
  orderId: string;
  /** Integer minor units, as the session states it. */
  amount: number;
  currency: string;
}

/** What a session's card JWEs are bound to: its own order, as the session states it. */
export function bindingOf({ id, order }: Pick<Session, 'id' | 'order'>): CardBinding {
  return { sessionId: id, orderId: order.id, amount: order.amount, currency: order.currency };
}

/**
 * The binding as protected header members, short as JOSE names are: `sid`, `oid`, `amt`,
 * `cur`, `iat` (unix seconds, RFC 7519 §4.1.6) and `jti` (RFC 7519 §4.1.7).
 */
export type CardClaims = {
  sid: string;
  oid: string;
  amt: number;
  cur: string;
  iat: number;
  jti: string;
};

/** Random bytes in a `jti`: 128 bits, so two seals never share one by chance. */
export const JTI_BYTES = 16;

/**
 * The claims for one seal. `now` is the backend's clock as the cashier knows it (milliseconds),
 * since the backend judges `iat` by its own; `random` makes the `jti`.
 */
export function cardClaims(
  { sessionId, orderId, amount, currency }: CardBinding,
  now: number,
  random: Pick<Crypto, 'getRandomValues'> = globalThis.crypto,
): CardClaims {
  return { sid: sessionId, oid: orderId, amt: amount, cur: currency, iat: Math.floor(now / 1000), jti: randomToken(JTI_BYTES, random) };
}
