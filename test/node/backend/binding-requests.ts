/** A cashier's binding requests, signed and sealed as the binding chunk makes them, to any backend instance. */
import { randomToken } from '../../../src/protocol/base64url.js';
import type { BindingDetails } from '../../../src/protocol/binding.js';
import { cardClaims } from '../../../src/protocol/card-binding.js';
import { encryptJwe } from '../../../src/protocol/jwe-encrypt.js';
import { IDEMPOTENCY_HEADER, SIGNATURE_HEADER, signBody } from '../../../src/protocol/signature.js';
import type { Intent, Session } from '../../../src/protocol/schemas.js';
import { bindingOf, intentFor } from '../helpers.js';

export const DEBIT = '6217990000000000006';
export const ID = '110101199003074477';
export const MOBILE = '13800138000';

/** POSTs `body` to `base` signed with the session's key, as the cashier does. */
export async function signedPost(base: string, session: Session, path: string, body: unknown, headers: Record<string, string> = {}, now = Date.now()) {
  const signed = await signBody({ body, key: session.signing.key, kid: session.signing.kid, now });
  const response = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', [SIGNATURE_HEADER]: signed.header, ...headers },
    body: signed.canonicalBody,
  });
  return { status: response.status, body: (await response.json()) as any };
}

/** `value` sealed to the session's key and bound to its order. */
export function seal(session: Session, value: object, now = Date.now()): Promise<string> {
  return encryptJwe(new TextEncoder().encode(JSON.stringify(value)), session.encryption!, { claims: cardClaims(bindingOf(session), now) });
}

/** `POST /api/bindings`: a debit card's details (and `extra` members of the request, such as `save`). */
export async function requestCode(base: string, session: Session, details: Partial<BindingDetails> = {}, extra: object = {}) {
  const identity = session.payer ? {} : { holderName: '张三', idNumber: ID, mobile: MOBILE };
  const encrypted = await seal(session, { number: DEBIT, ...identity, ...details });
  const createdAt = new Date().toISOString();
  return signedPost(base, session, '/api/bindings', { v: 1, sessionId: session.id, orderId: session.order.id, encrypted, agreed: true, createdAt, ...extra });
}

/** The demo-only route's code. */
export async function smsCode(base: string, bindingId: string): Promise<string> {
  return ((await (await fetch(`${base}/api/bindings/${bindingId}/code`)).json()) as { code: string }).code;
}

/** The confirming intent, its code sealed. */
export async function confirm(base: string, session: Session, bindingId: string, code: string, idempotencyKey = randomToken(18), overrides: Partial<Intent> = {}) {
  const encrypted = await seal(session, { code });
  const intent = intentFor(session, { channel: 'card', instrument: { type: 'binding', bindingId, encrypted }, createdAt: new Date().toISOString(), ...overrides });
  return signedPost(base, session, `/api/bindings/${bindingId}/confirm`, intent, { [IDEMPOTENCY_HEADER]: idempotencyKey });
}
