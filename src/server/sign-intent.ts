import { IDEMPOTENCY_HEADER, SIGNATURE_HEADER, signBody, type KeyMaterial } from '../protocol/signature.js';
import type { ReceivedIntent } from '../protocol/schemas.js';

export interface SignIntentOptions {
  key: KeyMaterial | CryptoKey;
  kid: string;
  /** Milliseconds since the epoch. Default `Date.now()`. */
  now?: number;
  idempotencyKey?: string;
  subtle?: SubtleCrypto;
}

/**
 * Signs an intent exactly as the cashier does: for tests, tools and server-to-server calls.
 * Anything `verifyIntent` takes may be signed (`previousAttempt: null` included).
 * Returns the body to send (canonical JSON) and the headers that go with it.
 */
export async function signIntent(
  intent: ReceivedIntent,
  { key, kid, now = Date.now(), idempotencyKey, subtle }: SignIntentOptions,
): Promise<{ body: string; headers: Record<string, string> }> {
  const { canonicalBody, header } = await signBody({ body: intent, key, kid, now, ...(subtle ? { subtle } : {}) });
  const headers: Record<string, string> = { 'Content-Type': 'application/json', [SIGNATURE_HEADER]: header };
  if (idempotencyKey) headers[IDEMPOTENCY_HEADER] = idempotencyKey;
  return { body: canonicalBody, headers };
}
