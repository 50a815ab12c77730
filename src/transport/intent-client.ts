import { FailureCode, toFailureCode } from '../protocol/codes.js';
import { parseWith } from '../protocol/parse.js';
import { ApiErrorSchema, IntentResponseSchema, type Intent, type IntentResponse, type Session } from '../protocol/schemas.js';
import { IDEMPOTENCY_HEADER } from '../protocol/signature.js';
import { requestJson, type FetchLike, type HttpResult } from './http.js';
import { withRetries, type RetryOptions } from './retry.js';
import { sendSigned } from './signed-request.js';

/** What became of one request about an attempt, as the checkout flow needs to know it. */
export type AttemptOutcome =
  | { kind: 'answered'; response: IntentResponse }
  /** The order was paid already (by this attempt's twin or an earlier one): show success. */
  | { kind: 'already-paid'; response: IntentResponse }
  | { kind: 'failed'; code: FailureCode; retryable: boolean; status?: number };

export interface TransportOptions {
  fetch?: FetchLike;
  signal?: AbortSignal;
  timeoutMs?: number;
  /** Retries of network faults, time-outs, 502/503/504 and 429; default `DEFAULT_RETRY_POLICY`. */
  retry?: RetryOptions;
}

export interface SubmitIntentOptions extends TransportOptions {
  session: Session;
  intent: Intent;
  /** One per attempt, reused on that attempt's retries. */
  idempotencyKey: string;
  /** Absolute URL the endpoint is resolved against. */
  endpoint: string;
  /** Milliseconds since the epoch, for the signature's timestamp. */
  now: number;
}

/** Signs the intent (canonical JSON, HMAC-SHA256) and posts it with its idempotency key, on every try. */
export async function submitIntent(options: SubmitIntentOptions): Promise<AttemptOutcome> {
  const { intent, idempotencyKey, endpoint, ...request } = options;
  return interpretAnswer(await sendSigned({ ...request, url: endpoint, method: 'POST', body: intent, headers: { [IDEMPOTENCY_HEADER]: idempotencyKey } }));
}

/** Asks the status endpoint where an attempt stands. */
export async function fetchAttempt(statusTemplate: string, id: string, base: string, transport: TransportOptions = {}) {
  const { retry, ...request } = transport;
  const url = statusUrl(statusTemplate, id, base);
  return interpretAnswer(await withRetries(() => requestJson(url, request), { ...retry, ...(request.signal ? { signal: request.signal } : {}) }));
}

/** `endpoints.status` is a template with `{id}`, or a base that the id is appended to. */
export function statusUrl(template: string, id: string, base: string): string {
  const encoded = encodeURIComponent(id);
  const path = template.includes('{id}') ? template.replace('{id}', encoded) : `${template.replace(/\/$/, '')}/${encoded}`;
  return new URL(path, base).href;
}

/** Maps an HTTP result to an outcome. Pure: every status and body shape has one answer. */
export function interpretAnswer(result: HttpResult): AttemptOutcome {
  if (!result.ok) {
    return { kind: 'failed', code: result.reason === 'timeout' ? FailureCode.Timeout : FailureCode.NetworkError, retryable: true };
  }
  const { status, json } = result;
  if (status >= 200 && status <= 299) {
    const response = parseWith(IntentResponseSchema, json);
    if (!response) return { kind: 'failed', code: FailureCode.ResponseMalformed, retryable: true, status };
    return { kind: 'answered', response };
  }
  const error = parseWith(ApiErrorSchema, json);
  const code = error?.error.code;
  if (status === 409 && code === 'order_already_paid' && error?.paidAttempt) {
    return { kind: 'already-paid', response: error.paidAttempt };
  }
  if (status === 401) return { kind: 'failed', code: FailureCode.SignatureRejected, retryable: false, status };
  if (status === 410) return { kind: 'failed', code: FailureCode.Expired, retryable: false, status };
  if (status >= 500 || status === 429 || status === 408) {
    return { kind: 'failed', code: FailureCode.ServerError, retryable: true, status };
  }
  const known = code ? toFailureCode(code) : FailureCode.Unknown;
  return {
    kind: 'failed',
    code: known === FailureCode.Unknown ? FailureCode.RequestRejected : known,
    retryable: false,
    status,
  };
}
