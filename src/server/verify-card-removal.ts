import { RejectCode } from '../protocol/codes.js';
import { CardRemovalSchema, type CardRemoval } from '../protocol/schemas.js';
import { verifySigned, type IntentRequest, type Rejection, type VerifyIntentOptions } from './verify-intent.js';

export type VerifyCardRemovalResult =
  | { ok: true; removal: CardRemoval; kid: string; timestamp: number }
  | Rejection;

/**
 * Verifies the signed body of a saved card's `DELETE`, exactly as `verifyIntent` verifies an
 * intent (same header, tolerance, size limit, canonical body, constant-time MAC), then parses it
 * as a `CardRemoval` (strict: an unknown member is refused).
 * Whether the card is the session's payer's, and matches the path, is the caller's business.
 */
export async function verifyCardRemoval(request: IntentRequest, options: VerifyIntentOptions): Promise<VerifyCardRemovalResult> {
  const verified = await verifySigned(request, options, CardRemovalSchema, RejectCode.RemovalMalformed);
  if (!verified.ok) return verified;
  return { ok: true, removal: verified.body, kid: verified.kid, timestamp: verified.timestamp };
}
