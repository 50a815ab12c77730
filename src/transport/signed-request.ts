import type { Session } from '../protocol/schemas.js';
import { SIGNATURE_HEADER, signBody } from '../protocol/signature.js';
import { requestJson, type HttpResult } from './http.js';
import type { TransportOptions } from './intent-client.js';
import { withRetries } from './retry.js';

export interface SignedRequest extends TransportOptions {
  session: Session;
  url: string;
  method: 'POST' | 'DELETE';
  /** Signed as its RFC 8785 canonical JSON, which is also what is sent. */
  body: unknown;
  /** Milliseconds since the epoch (server-corrected) at the first try. */
  now: number;
  /** Sent with every try (the intent's `Idempotency-Key`). */
  headers?: Record<string, string>;
}

/**
 * Sends a body signed with the session's key (`Shouyin-Signature`), retrying network faults,
 * time-outs, 502/503/504 and 429. Each try is signed anew over the same body, so a long backoff
 * never ages the signature past the backend's tolerance; the body and headers stay the same.
 */
export function sendSigned(request: SignedRequest): Promise<HttpResult> {
  const { session, url, method, body, now, headers, retry, ...transport } = request;
  const clock = retry?.now ?? Date.now;
  const started = clock();
  const send = async (): Promise<HttpResult> => {
    const signed = await signBody({ body, key: session.signing.key, kid: session.signing.kid, now: now + (clock() - started) });
    return requestJson(url, {
      ...transport,
      method,
      headers: { 'Content-Type': 'application/json', ...headers, [SIGNATURE_HEADER]: signed.header },
      body: signed.canonicalBody,
    });
  };
  return withRetries(send, { ...retry, ...(transport.signal ? { signal: transport.signal } : {}) });
}
