/**
 * The card binding requests (`src/protocol/binding.ts`), signed like an intent with the
 * session's key and sent with the same retries. Each answer is a result: the binding chunk
 * shows a message per code and never a raw backend string.
 */
import { BindingFailure, BindingSchema, CardInfoSchema, type Binding, type CardInfo } from '../protocol/binding.js';
import { parseWith } from '../protocol/parse.js';
import { ApiErrorSchema, type Session } from '../protocol/schemas.js';
import { requestJson, type HttpResult } from './http.js';
import { statusUrl, type TransportOptions } from './intent-client.js';
import { sendSigned } from './signed-request.js';

/** Why a binding request got no binding: one of the bank's refusals, or the way there. */
export type BindingProblem = BindingFailure | 'network_error' | 'session_expired' | 'request_rejected';

export type BindingResult = { ok: true; binding: Binding } | { ok: false; code: BindingProblem; binding?: Binding };

export interface BindingRequestOptions extends TransportOptions {
  session: Session;
  /** The URL the session's relative endpoints resolve against. */
  base: string;
  /** Milliseconds since the epoch (server-corrected): `createdAt` and the signature. */
  now: number;
}

/**
 * `POST endpoints.cardInfo` with the issuer prefix only. Anything but a clear answer (no
 * endpoint, the network, a refusal) is "unknown": the form then asks for every field.
 */
export async function lookupCardInfo(options: BindingRequestOptions & { iin: string }): Promise<CardInfo> {
  const { session, base, now, iin, ...transport } = options;
  const endpoint = session.endpoints.cardInfo;
  if (!endpoint) return { known: false };
  const body = { v: 1, sessionId: session.id, iin, createdAt: new Date(now).toISOString() };
  const result = await sendSigned({ ...transport, session, url: new URL(endpoint, base).href, method: 'POST', body, now });
  return (result.ok && result.status === 200 && parseWith(CardInfoSchema, result.json)) || { known: false };
}

/** What a code is asked for: a new card's sealed details (and whether to save it), or a saved bound card. */
export type CodeFor = { encrypted: string; save: boolean } | { cardId: string };

/** `POST endpoints.bindings`: the sealed details, or a saved bound card's id; the bank sends a code. */
export async function requestBinding(options: BindingRequestOptions & { for: CodeFor }): Promise<BindingResult> {
  const { session, base, now, for: what, ...transport } = options;
  const card = 'cardId' in what ? { cardId: what.cardId } : { encrypted: what.encrypted, agreed: true, ...(what.save ? { save: true } : {}) };
  const body = { v: 1, sessionId: session.id, orderId: session.order.id, ...card, createdAt: new Date(now).toISOString() };
  return interpretBinding(await sendSigned({ ...transport, session, url: new URL(session.endpoints.bindings ?? '', base).href, method: 'POST', body, now }));
}

/** `POST {bindings}/{id}/resend`: another code, once the countdown is over. */
export async function resendCode(options: BindingRequestOptions & { bindingId: string }): Promise<BindingResult> {
  const { session, base, now, bindingId, ...transport } = options;
  const body = { v: 1, sessionId: session.id, bindingId, createdAt: new Date(now).toISOString() };
  const url = bindingUrl(session, bindingId, base, 'resend');
  return interpretBinding(await sendSigned({ ...transport, session, url, method: 'POST', body, now }));
}

/** `GET {bindings}/{id}`: where the binding stands (after a confirm that failed). */
export async function fetchBinding(session: Session, bindingId: string, base: string, transport: TransportOptions = {}): Promise<BindingResult> {
  const { retry: _retry, ...request } = transport;
  return interpretBinding(await requestJson(bindingUrl(session, bindingId, base), request));
}

/** `{endpoints.bindings}/{id}` and its sub-paths. */
export function bindingUrl(session: Session, bindingId: string, base: string, tail?: 'confirm' | 'resend'): string {
  const url = statusUrl(session.endpoints.bindings ?? '', bindingId, base);
  return tail ? `${url}/${tail}` : url;
}

const REFUSALS = new Set<string>(Object.values(BindingFailure));

/** Maps a binding answer to a result. Pure. */
export function interpretBinding(result: HttpResult): BindingResult {
  if (!result.ok) return { ok: false, code: 'network_error' };
  const { status, json } = result;
  const binding = parseWith(BindingSchema, json) ?? parseWith(BindingSchema, (json as { binding?: unknown } | null)?.binding);
  if (status === 200 && binding) return { ok: true, binding };
  const code = parseWith(ApiErrorSchema, json)?.error.code ?? '';
  const problem: BindingProblem = REFUSALS.has(code)
    ? (code as BindingFailure)
    : status === 410
      ? 'session_expired'
      : status >= 500 || status === 429 || status === 408
        ? 'network_error'
        : 'request_rejected';
  return binding ? { ok: false, code: problem, binding } : { ok: false, code: problem };
}
