import { CardRemovalCode } from '../protocol/codes.js';
import { parseWith } from '../protocol/parse.js';
import { ApiErrorSchema, CardRemovedSchema, type CardRemoval, type Session } from '../protocol/schemas.js';
import type { HttpResult } from './http.js';
import { statusUrl, type TransportOptions } from './intent-client.js';
import { sendSigned } from './signed-request.js';

export type CardRemovalResult = { ok: true } | { ok: false; code: CardRemovalCode };

export interface RemoveCardOptions extends TransportOptions {
  session: Session;
  cardId: string;
  /** Absolute URL `endpoints.cards` is resolved against. */
  base: string;
  /** Milliseconds since the epoch (server-corrected), for `createdAt` and the signature. */
  now: number;
}

/**
 * `DELETE {endpoints.cards}/{cardId}` with a signed `CardRemoval` body, signed like an intent.
 * A removal is idempotent on the backend (removing a removed card answers as the first time
 * did), so network faults, 502/503/504 and 429 are retried like an intent's.
 */
export async function removeCard(options: RemoveCardOptions): Promise<CardRemovalResult> {
  const { session, cardId, base, now, ...request } = options;
  if (!session.endpoints.cards) return { ok: false, code: CardRemovalCode.Unavailable };
  const removal: CardRemoval = { v: 1, sessionId: session.id, cardId, createdAt: new Date(now).toISOString() };
  const url = statusUrl(session.endpoints.cards, cardId, base);
  return interpretRemoval(await sendSigned({ ...request, session, url, method: 'DELETE', body: removal, now }), cardId);
}

/** Maps the backend's answer to a removal result. Pure. */
export function interpretRemoval(result: HttpResult, cardId: string): CardRemovalResult {
  if (!result.ok) return { ok: false, code: result.reason === 'timeout' ? CardRemovalCode.Timeout : CardRemovalCode.NetworkError };
  const { status, json } = result;
  if (status >= 200 && status <= 299) {
    return parseWith(CardRemovedSchema, json)?.cardId === cardId ? { ok: true } : { ok: false, code: CardRemovalCode.ServerError };
  }
  const code = parseWith(ApiErrorSchema, json)?.error.code;
  if (status === 401) return { ok: false, code: CardRemovalCode.SignatureRejected };
  if (status === 410) return { ok: false, code: CardRemovalCode.SessionExpired };
  if (status === 404 && code === CardRemovalCode.NotFound) return { ok: false, code: CardRemovalCode.NotFound };
  if (status === 409 && code === CardRemovalCode.InUse) return { ok: false, code: CardRemovalCode.InUse };
  if (status >= 500 || status === 429 || status === 408) return { ok: false, code: CardRemovalCode.ServerError };
  return { ok: false, code: CardRemovalCode.RequestRejected };
}
