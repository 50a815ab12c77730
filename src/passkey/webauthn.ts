/**
 * The browser's side of passkeys (WebAuthn): whether the device can check a fingerprint or
 * face, the assertion that confirms a saved card, and the registration of a new passkey. Each
 * request to the backend is signed with the session's key like an intent; each outcome is a
 * result, never a throw, and the payer is told by code.
 */
import { fromBase64Url, toBase64Url } from '../protocol/base64url.js';
import { parseWith } from '../protocol/parse.js';
import { PasskeyChallengeSchema, PasskeyCreationSchema, type PasskeyAssertion, type PasskeyProof } from '../protocol/passkey.js';
import type { Session } from '../protocol/schemas.js';
import type { HttpResult } from '../transport/http.js';
import { sendSigned } from '../transport/signed-request.js';

/**
 * Whether this device has a user-verifying platform authenticator (Touch ID, Face ID, Windows
 * Hello, an Android phone's fingerprint). Asked once per page; no WebAuthn at all is `false`.
 */
export const authenticatorAvailable = (() => {
  let asked: Promise<boolean> | undefined;
  return (): Promise<boolean> =>
    (asked ??= Promise.resolve()
      .then(() => globalThis.PublicKeyCredential?.isUserVerifyingPlatformAuthenticatorAvailable?.() ?? false)
      .then((available) => available === true, () => false));
})();

export interface PasskeyRequest {
  session: Session;
  /** The URL the session's relative endpoints resolve against. */
  base: string;
  /** Milliseconds since the epoch (server-corrected). */
  now: number;
}

/**
 * Why no passkey came: the payer refused, cancelled or let it time out, or the device could
 * not (`passkey_declined`); the backend had no challenge for it (`passkey_rejected`); the
 * network (`network_error`, worth another press).
 */
export type PasskeyProblem = 'passkey_declined' | 'passkey_rejected' | 'network_error';

const bytes = (text: string): Uint8Array<ArrayBuffer> => new Uint8Array(fromBase64Url(text) ?? []);
const text = (buffer: ArrayBuffer): string => toBase64Url(new Uint8Array(buffer));

function endpoint({ session, base }: PasskeyRequest, tail: string): string {
  return new URL(`${session.endpoints.passkeys ?? ''}${tail}`, base).href;
}

function post(request: PasskeyRequest, tail: string, body: object): Promise<HttpResult> {
  const { session, now } = request;
  return sendSigned({ session, url: endpoint(request, tail), method: 'POST', body: { v: 1, sessionId: session.id, ...body, createdAt: new Date(now).toISOString() }, now });
}

/** A refusal of ours is the payer's to know about; the network's, to try again. */
function problemOf(result: HttpResult): PasskeyProblem {
  return !result.ok || result.status >= 500 || result.status === 429 || result.status === 408 ? 'network_error' : 'passkey_rejected';
}

/**
 * Confirms paying with the saved card `cardId`: a challenge bound to this order, amount and
 * card, then the fingerprint or face (user verification required). The proof rides in the
 * intent's saved-card instrument.
 */
export async function confirmWithPasskey(request: PasskeyRequest & { cardId: string }): Promise<{ ok: true; proof: PasskeyProof } | { ok: false; code: PasskeyProblem }> {
  const { order } = request.session;
  const answer = await post(request, '/challenge', { orderId: order.id, amount: order.amount, currency: order.currency, cardId: request.cardId });
  const challenge = answer.ok && answer.status === 200 ? parseWith(PasskeyChallengeSchema, answer.json) : undefined;
  if (!challenge) return { ok: false, code: problemOf(answer) };
  const { options } = challenge;
  let credential: PublicKeyCredential | null;
  try {
    credential = (await navigator.credentials.get({
      publicKey: {
        challenge: bytes(options.challenge),
        rpId: options.rpId,
        allowCredentials: options.allowCredentials.map((c) => ({ type: c.type, id: bytes(c.id), ...(c.transports ? { transports: c.transports as AuthenticatorTransport[] } : {}) })),
        userVerification: options.userVerification,
        ...(options.timeout ? { timeout: options.timeout } : {}),
      },
    })) as PublicKeyCredential | null;
  } catch {
    // NotAllowedError (refused, cancelled, timed out), SecurityError, AbortError: all the payer's "not now".
    return { ok: false, code: 'passkey_declined' };
  }
  const response = credential?.response as AuthenticatorAssertionResponse | undefined;
  if (!credential || !response?.signature) return { ok: false, code: 'passkey_declined' };
  const assertion: PasskeyAssertion = {
    id: credential.id,
    rawId: text(credential.rawId),
    type: 'public-key',
    response: {
      clientDataJSON: text(response.clientDataJSON),
      authenticatorData: text(response.authenticatorData),
      signature: text(response.signature),
      ...(response.userHandle ? { userHandle: text(response.userHandle) } : {}),
    },
    clientExtensionResults: {},
    ...(attachment(credential) ? { authenticatorAttachment: attachment(credential)! } : {}),
  };
  return { ok: true, proof: { challengeId: challenge.challengeId, assertion } };
}

function attachment(credential: PublicKeyCredential): 'platform' | 'cross-platform' | undefined {
  const value = credential.authenticatorAttachment;
  return value === 'platform' || value === 'cross-platform' ? value : undefined;
}

/** Registers a passkey for the session's payer on this device, with the options the backend gives. */
export async function registerPasskey(request: PasskeyRequest): Promise<{ ok: true } | { ok: false; code: PasskeyProblem }> {
  const answer = await post(request, '/registration', {});
  const creation = answer.ok && answer.status === 200 ? parseWith(PasskeyCreationSchema, answer.json) : undefined;
  if (!creation) return { ok: false, code: problemOf(answer) };
  const { options } = creation;
  let credential: PublicKeyCredential | null;
  try {
    credential = (await navigator.credentials.create({
      publicKey: {
        ...options,
        challenge: bytes(options.challenge),
        user: { ...options.user, id: bytes(options.user.id) },
        excludeCredentials: (options.excludeCredentials ?? []).map((c) => ({ type: c.type, id: bytes(c.id) })),
        authenticatorSelection: options.authenticatorSelection as AuthenticatorSelectionCriteria,
        attestation: 'none',
      },
    })) as PublicKeyCredential | null;
  } catch {
    return { ok: false, code: 'passkey_declined' };
  }
  const response = credential?.response as AuthenticatorAttestationResponse | undefined;
  if (!credential || !response?.attestationObject) return { ok: false, code: 'passkey_declined' };
  const transports = response.getTransports?.();
  const kept = await post({ ...request, now: request.now }, '', {
    registrationId: creation.registrationId,
    credential: {
      id: credential.id,
      rawId: text(credential.rawId),
      type: 'public-key',
      response: { clientDataJSON: text(response.clientDataJSON), attestationObject: text(response.attestationObject), ...(transports ? { transports } : {}) },
      clientExtensionResults: {},
      ...(attachment(credential) ? { authenticatorAttachment: attachment(credential)! } : {}),
    },
  });
  return kept.ok && kept.status === 200 ? { ok: true } : { ok: false, code: problemOf(kept) };
}
