import { ErrorCode } from '../protocol/codes.js';
import { parseWith } from '../protocol/parse.js';
import { SessionSchema, type Session } from '../protocol/schemas.js';
import { NOT_JSON, requestJson, type FetchLike } from './http.js';

export type SessionResult =
  | { ok: true; session: Session }
  | { ok: false; code: ErrorCode; status?: number; aborted?: boolean };

/** Parses what a host handed in (or a backend answered) against the session schema. */
export function parseSession(input: unknown): SessionResult {
  const session = parseWith(SessionSchema, input);
  return session ? { ok: true, session } : { ok: false, code: ErrorCode.SessionMalformed };
}

/** Loads a session from the host's `session-url`. */
export async function fetchSession(
  url: string,
  options: { signal?: AbortSignal; fetch?: FetchLike; timeoutMs?: number } = {},
): Promise<SessionResult> {
  const result = await requestJson(url, options);
  if (!result.ok) {
    return result.reason === 'aborted'
      ? { ok: false, code: ErrorCode.SessionUnreachable, aborted: true }
      : { ok: false, code: ErrorCode.SessionUnreachable };
  }
  if (result.status < 200 || result.status > 299) {
    return { ok: false, code: ErrorCode.SessionHttpError, status: result.status };
  }
  if (result.json === NOT_JSON) return { ok: false, code: ErrorCode.SessionMalformed, status: result.status };
  return parseSession(result.json);
}
