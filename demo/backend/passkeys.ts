/**
 * Passkey confirmation of saved cards (issue 17; `src/protocol/passkey.ts`), verified with
 * `@simplewebauthn/server`. A challenge is bound to one session, order, amount, currency and
 * saved card, good for 2 minutes and taken once; an assertion must come from this rpID and
 * origin, with user verification, from a passkey of the session's payer, and move its signature
 * counter on. Registration is offered only to a session whose order was paid with a saved card
 * (or a binding): the payer has just confirmed the card the usual way.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { fromBase64Url, randomToken, toBase64Url } from '../../src/protocol/base64url.js';
import { RejectCode } from '../../src/protocol/codes.js';
import {
  PasskeyChallengeRequestSchema,
  PasskeyFailure,
  PasskeyRegistrationRequestSchema,
  PasskeyRegistrationSchema,
  type PasskeyProof,
} from '../../src/protocol/passkey.js';
import type { Session } from '../../src/protocol/schemas.js';
import { verifySigned, type BodySchema } from '../../src/server/verify-intent.js';
import type { BackendStore } from './backend-store.js';
import { readBody, refuseBody, sendError, sendJson, sendRejection } from './http.js';
import type { StoredChallenge } from './passkey-store.js';
import type { SessionRecord } from './store.js';

/** The relying party: its id (a registrable domain of the page) and the page origins a ceremony may happen on. */
export interface PasskeyRp {
  id: string;
  origins: readonly string[];
}

/** A challenge is good this long: long enough for a fingerprint, short enough not to wait around. */
export const CHALLENGE_MS = 2 * 60 * 1000;
/** A registration (the payer reads the prompt, then touches the sensor) a little longer. */
const REGISTRATION_MS = 5 * 60 * 1000;
/** What the browser waits for the authenticator. */
const CEREMONY_TIMEOUT_MS = 60_000;
/** A registration body carries an attestation object; a few KB. */
const MAX_PASSKEY_BYTES = 24 * 1024;

export interface PasskeyDeps {
  store: BackendStore;
  now: () => number;
  toleranceSeconds: number;
  /** The configured relying party; without one, the request's own `localhost` origin (the demo and the tests). */
  rp?: PasskeyRp;
}

export type PasskeyCheck = { ok: true; passkeyId: string } | { ok: false };

export class Passkeys {
  constructor(private readonly deps: PasskeyDeps) {}

  /** `?passkeys=1`: the session offers passkeys (`endpoints.passkeys`) and says whether this payer has one. */
  async decorate(session: Session, payer: string, url: URL): Promise<void> {
    if (url.searchParams.get('passkeys') !== '1') return;
    session.endpoints = { ...session.endpoints, passkeys: '/api/passkeys' };
    session.passkey = { registered: (await this.deps.store.passkeys.credentials(payer)).length > 0 };
  }

  /** `POST /api/passkeys/challenge`: options for `navigator.credentials.get`, bound to the order, amount and card. */
  async challenge(req: IncomingMessage, res: ServerResponse, cardOwned: (payer: string, cardId: string) => Promise<boolean>): Promise<void> {
    const verified = await this.verify(req, res, PasskeyChallengeRequestSchema);
    if (!verified) return;
    const { body, record } = verified;
    const { session, payer } = record;
    const rp = this.rpFor(req);
    if (!rp) return sendError(res, 404, 'passkeys_unavailable');
    if (body.orderId !== session.order.id) return sendError(res, 400, 'session_mismatch');
    if (body.amount !== session.order.amount || body.currency !== session.order.currency) return sendError(res, 400, 'amount_mismatch');
    if (Date.parse(session.expiresAt) <= this.deps.now()) return sendError(res, 410, 'session_expired');
    if (!(await cardOwned(payer, body.cardId))) return sendError(res, 400, 'card_unknown');
    const passkeys = await this.deps.store.passkeys.credentials(payer);
    if (passkeys.length === 0) return sendError(res, 404, 'passkey_not_found');
    const options = await generateAuthenticationOptions({
      rpID: rp.id,
      allowCredentials: passkeys.map((p) => ({ id: p.id, ...(Array.isArray(p.transports) ? { transports: p.transports } : {}) })),
      userVerification: 'required',
      timeout: CEREMONY_TIMEOUT_MS,
    });
    const challengeId = `pkc_${randomToken(12)}`;
    const expiresAt = this.deps.now() + CHALLENGE_MS;
    await this.deps.store.passkeys.put(challengeId, {
      kind: 'get',
      challenge: options.challenge,
      payer,
      sessionId: session.id,
      orderId: session.order.id,
      amount: session.order.amount,
      currency: session.order.currency,
      cardId: body.cardId,
      rpId: rp.id,
      origin: rp.origins[0]!,
      expiresAt,
    });
    sendJson(res, 200, {
      challengeId,
      expiresAt: new Date(expiresAt).toISOString(),
      options: { challenge: options.challenge, rpId: rp.id, allowCredentials: options.allowCredentials ?? [], timeout: CEREMONY_TIMEOUT_MS, userVerification: 'required' },
    });
  }

  /**
   * The passkey of a saved-card intent: its challenge (taken now, once) must be this session's,
   * for this order, amount, currency and card; the assertion must verify against one of the
   * payer's passkeys with user verification, and its counter move on.
   */
  async confirm(proof: PasskeyProof, record: SessionRecord, cardId: string): Promise<PasskeyCheck> {
    const { store } = this.deps;
    const { session, payer } = record;
    const challenge = await store.passkeys.take(proof.challengeId);
    const bound =
      challenge?.kind === 'get' &&
      challenge.payer === payer &&
      challenge.sessionId === session.id &&
      challenge.orderId === session.order.id &&
      challenge.amount === session.order.amount &&
      challenge.currency === session.order.currency &&
      challenge.cardId === cardId;
    if (!challenge || !bound) return { ok: false };
    const passkey = (await store.passkeys.credentials(payer)).find((p) => p.id === proof.assertion.id);
    const publicKey = passkey && fromBase64Url(passkey.publicKey);
    if (!passkey || !publicKey) return { ok: false };
    try {
      const { verified, authenticationInfo } = await verifyAuthenticationResponse({
        response: proof.assertion as AuthenticationResponseJSON,
        expectedChallenge: challenge.challenge,
        expectedOrigin: challenge.origin,
        expectedRPID: challenge.rpId,
        credential: { id: passkey.id, publicKey: new Uint8Array(publicKey), counter: passkey.counter },
        requireUserVerification: true,
      });
      if (!verified || !authenticationInfo.userVerified) return { ok: false };
      // From the counter this check read: two uses of one passkey racing cannot both pass.
      if (!(await store.passkeys.advance(payer, passkey.id, passkey.counter, authenticationInfo.newCounter))) return { ok: false };
      return { ok: true, passkeyId: passkey.id };
    } catch {
      // The library throws for every check that fails (origin, rpID, signature, counter...).
      return { ok: false };
    }
  }

  /** `POST /api/passkeys/registration`: options for `navigator.credentials.create`, once the order was paid with a saved card. */
  async registration(req: IncomingMessage, res: ServerResponse, paidBySavedCard: (orderId: string) => Promise<boolean>): Promise<void> {
    const verified = await this.verify(req, res, PasskeyRegistrationRequestSchema);
    if (!verified) return;
    const { session, payer } = verified.record;
    const rp = this.rpFor(req);
    if (!rp) return sendError(res, 404, 'passkeys_unavailable');
    if (!(await paidBySavedCard(session.order.id))) return sendError(res, 409, PasskeyFailure.NotEligible);
    const existing = await this.deps.store.passkeys.credentials(payer);
    const options = await generateRegistrationOptions({
      rpName: session.order.merchant.name,
      rpID: rp.id,
      // Stable per payer and meaningless outside this backend: no name, phone or ID in the authenticator.
      userID: new Uint8Array(createHash('sha256').update(`shouyin-payer:${payer}`).digest().subarray(0, 16)),
      userName: session.order.merchant.name,
      userDisplayName: session.order.merchant.name,
      attestationType: 'none',
      excludeCredentials: existing.map((p) => ({ id: p.id })),
      authenticatorSelection: { authenticatorAttachment: 'platform', residentKey: 'preferred', userVerification: 'required' },
      timeout: CEREMONY_TIMEOUT_MS,
    });
    const registrationId = `pkr_${randomToken(12)}`;
    await this.deps.store.passkeys.put(registrationId, {
      kind: 'create',
      challenge: options.challenge,
      payer,
      sessionId: session.id,
      orderId: session.order.id,
      rpId: rp.id,
      origin: rp.origins[0]!,
      expiresAt: this.deps.now() + REGISTRATION_MS,
    });
    sendJson(res, 200, { registrationId, options });
  }

  /** `POST /api/passkeys`: verifies the new credential and keeps it for the session's payer. */
  async register(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const verified = await this.verify(req, res, PasskeyRegistrationSchema);
    if (!verified) return;
    const { body, record } = verified;
    const challenge: StoredChallenge | undefined = await this.deps.store.passkeys.take(body.registrationId);
    if (!challenge || challenge.kind !== 'create' || challenge.sessionId !== record.session.id || challenge.payer !== record.payer) {
      return sendError(res, 422, PasskeyFailure.Rejected);
    }
    try {
      const { verified: ok, registrationInfo } = await verifyRegistrationResponse({
        response: body.credential as RegistrationResponseJSON,
        expectedChallenge: challenge.challenge,
        expectedOrigin: challenge.origin,
        expectedRPID: challenge.rpId,
        requireUserVerification: true,
      });
      if (!ok || !registrationInfo.userVerified) return sendError(res, 422, PasskeyFailure.Rejected);
      const { credential } = registrationInfo;
      await this.deps.store.passkeys.add(record.payer, {
        id: credential.id,
        publicKey: toBase64Url(credential.publicKey),
        counter: credential.counter,
        ...(credential.transports ? { transports: credential.transports } : {}),
        createdAt: this.deps.now(),
      });
      sendJson(res, 200, { registered: true });
    } catch {
      sendError(res, 422, PasskeyFailure.Rejected);
    }
  }

  /**
   * The configured relying party, or (none configured: the demo and the tests) the request's
   * own origin when it is `localhost`, the one plain-http host browsers allow WebAuthn on.
   */
  private rpFor(req: IncomingMessage): PasskeyRp | undefined {
    if (this.deps.rp) return this.deps.rp;
    const host = req.headers.host ?? '';
    return /^localhost(:\d{1,5})?$/.test(host) ? { id: 'localhost', origins: [`http://${host}`] } : undefined;
  }

  private async verify<T>(req: IncomingMessage, res: ServerResponse, schema: BodySchema<T>): Promise<{ body: T; record: SessionRecord } | undefined> {
    const read = await readBody(req, MAX_PASSKEY_BYTES);
    if (!read.ok) return void refuseBody(req, res, read.code);
    const { store, now, toleranceSeconds } = this.deps;
    const verified = await verifySigned(
      { headers: req.headers, body: read.body },
      { keyFor: async (kid) => (await store.sessionForKid(kid))?.verifyKey, now, toleranceSeconds, maxBodyBytes: MAX_PASSKEY_BYTES },
      schema,
      RejectCode.PasskeyMalformed,
    );
    if (!verified.ok) return void sendRejection(res, verified);
    const record = await store.sessionForKid(verified.kid);
    if (!record) return void sendError(res, 401, 'unknown_kid');
    if ((verified.body as { sessionId: string }).sessionId !== record.session.id) return void sendError(res, 400, 'session_mismatch');
    return { body: verified.body, record };
  }
}
