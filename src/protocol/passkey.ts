/**
 * Passkey confirmation of saved cards (WebAuthn, issue 17). Three exchanges under
 * `endpoints.passkeys`, each signed with the session's key like an intent:
 *
 * - `POST {passkeys}/challenge` with a `PasskeyChallengeRequest`: a challenge bound to this
 *   session's order, amount and saved card, good for one assertion within a short time; the
 *   answer's `options` are what `navigator.credentials.get` takes (binary members base64url).
 *   The assertion then rides in the intent's saved-card instrument (`passkey`), so paying with a
 *   passkey is an ordinary attempt (idempotency key, `shouyin-submit` first, resume by ids).
 * - `POST {passkeys}/registration` with a `PasskeyRegistrationRequest`: creation options for a
 *   new passkey of the session's payer, offered only once the order was paid with a saved card.
 * - `POST {passkeys}` with a `PasskeyRegistration`: the new credential, which the backend
 *   verifies and keeps (its id and public key, never anything biometric).
 */
import * as z from 'zod/mini';

const id = z.string().check(z.minLength(1), z.maxLength(128));
const datetime = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/));
/** base64url without padding, at most `max` characters (the backend's answers, the registration). */
const b64u = (max: number) => z.string().check(z.regex(/^[A-Za-z0-9_-]*$/), z.maxLength(max));

export type { PasskeyAssertion, PasskeyProof } from './schemas.js';

export const PasskeyChallengeRequestSchema = /* @__PURE__ */ z.strictObject({
  v: z.literal(1),
  sessionId: id,
  orderId: id,
  amount: z.int().check(z.gte(1)),
  currency: z.string().check(z.regex(/^[A-Z]{3}$/)),
  cardId: id,
  createdAt: datetime,
});
export type PasskeyChallengeRequest = z.infer<typeof PasskeyChallengeRequestSchema>;

const descriptor = /* @__PURE__ */ z.object({ id: b64u(1024), type: z.literal('public-key'), transports: z.optional(z.array(z.string())) });

/** The answer to a challenge request: `options` for `navigator.credentials.get`. */
export const PasskeyChallengeSchema = /* @__PURE__ */ z.object({
  challengeId: id,
  expiresAt: datetime,
  options: z.object({
    challenge: b64u(512),
    rpId: z.string().check(z.minLength(1), z.maxLength(253)),
    allowCredentials: z.array(descriptor),
    timeout: z.optional(z.int().check(z.gte(1))),
    userVerification: z.literal('required'),
  }),
});
export type PasskeyChallenge = z.infer<typeof PasskeyChallengeSchema>;

export const PasskeyRegistrationRequestSchema = /* @__PURE__ */ z.strictObject({
  v: z.literal(1),
  sessionId: id,
  createdAt: datetime,
});

/** The answer to a registration request: `options` for `navigator.credentials.create`. */
export const PasskeyCreationSchema = /* @__PURE__ */ z.object({
  registrationId: id,
  options: z.object({
    challenge: b64u(512),
    rp: z.object({ id: z.string().check(z.minLength(1), z.maxLength(253)), name: z.string().check(z.maxLength(100)) }),
    user: z.object({ id: b64u(128), name: z.string().check(z.maxLength(100)), displayName: z.string().check(z.maxLength(100)) }),
    pubKeyCredParams: z.array(z.object({ type: z.literal('public-key'), alg: z.int() })),
    timeout: z.optional(z.int().check(z.gte(1))),
    excludeCredentials: z.optional(z.array(descriptor)),
    authenticatorSelection: z.optional(
      z.object({
        authenticatorAttachment: z.optional(z.string()),
        residentKey: z.optional(z.string()),
        userVerification: z.optional(z.string()),
      }),
    ),
    attestation: z.optional(z.string()),
  }),
});
export type PasskeyCreation = z.infer<typeof PasskeyCreationSchema>;

/** A new credential as `navigator.credentials.create` made it, in WebAuthn's JSON form. */
export const PasskeyAttestationSchema = /* @__PURE__ */ z.strictObject({
  id: b64u(1024),
  rawId: b64u(1024),
  type: z.literal('public-key'),
  response: z.strictObject({
    clientDataJSON: b64u(4096),
    attestationObject: b64u(16384),
    transports: z.optional(z.array(z.string().check(z.maxLength(32)))),
  }),
  clientExtensionResults: z.strictObject({}),
  authenticatorAttachment: z.optional(z.literal(['platform', 'cross-platform'])),
});
export type PasskeyAttestation = z.infer<typeof PasskeyAttestationSchema>;

export const PasskeyRegistrationSchema = /* @__PURE__ */ z.strictObject({
  v: z.literal(1),
  sessionId: id,
  registrationId: id,
  credential: PasskeyAttestationSchema,
  createdAt: datetime,
});
export type PasskeyRegistration = z.infer<typeof PasskeyRegistrationSchema>;

/** Why the backend turned a passkey down. */
export const PasskeyFailure = {
  /** The assertion or the registration did not verify (signature, origin, rpID, challenge, user verification, counter). */
  Rejected: 'passkey_rejected',
  /** A registration for a session whose order was not paid with a saved card. */
  NotEligible: 'passkey_not_eligible',
} as const;
