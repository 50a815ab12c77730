import { randomToken } from '../protocol/base64url.js';
import { SessionSchema, type Channel, type FallbackMode, type Notice, type SavedCard, type Session } from '../protocol/schemas.js';
import { fieldOf } from './issue-field.js';
import { PRIVATE_JWK_MEMBERS, sessionJwk, type SigningKey } from './keys.js';

/** A channel as the host describes it: no limits and realtime settlement unless it says. */
export type ChannelInput = Omit<Channel, 'limits' | 'settlement'> & Partial<Pick<Channel, 'limits' | 'settlement'>>;

export interface CreateSessionInput {
  /** The host's own order: its id is what intents name and one success is allowed for. */
  order: Session['order'];
  channels: readonly ChannelInput[];
  /** Seconds from now until the session takes no more intents; default 900 (15 minutes), at most a day. */
  ttlSeconds?: number;
  /** Instead of `ttlSeconds`: when the session ends. */
  expiresAt?: Date | string;
  /** From `generateSigningKey()`: keep it server-side with the session, to verify its intents. */
  signing: SigningKey;
  /**
   * The public half of the card key (`generateCardKeyPair().encryption`), or a public JWK as
   * WebCrypto exports it with its kid. Without it the session takes no new card.
   */
  encryption?: { kid: string; jwk: JsonWebKey; alg?: 'RSA-OAEP-256' };
  /** Where the cashier sends intents, polls attempts (with `{id}`) and removes saved cards. */
  endpoints: Session['endpoints'];
  savedCards?: readonly SavedCard[];
  /** What the cashier does when a channel fails; default `prompt`. */
  fallback?: FallbackMode;
  notices?: readonly Notice[];
  card?: Session['card'];
  /** The order is already paid: the cashier shows it and offers nothing. */
  paid?: Session['paid'];
  /** The session's id; default `cs_` and 16 random characters. */
  id?: string;
}

export interface CreateSessionOptions {
  /** Milliseconds since the epoch. Default `Date.now`. */
  now?: () => number;
  random?: Pick<Crypto, 'getRandomValues'>;
}

/**
 * `session_invalid`: the input makes no session the cashier would take; `field` is the path of
 * the first member at fault, in the session's terms (`order.amount`, `channels.0.limits.perDay`,
 * `expiresAt`, `encryption.jwk`).
 */
export type CreateSessionResult = { ok: true; session: Session } | { ok: false; code: 'session_invalid'; field: string };

const DEFAULT_TTL_SECONDS = 15 * 60;
const MAX_TTL_SECONDS = 24 * 60 * 60;

const invalid = (field: string) => ({ ok: false, code: 'session_invalid', field }) as const;

/**
 * A session for one order, checked by the same schema the cashier parses it with, so a session
 * this returns is one the cashier takes. The host keeps it (or at least its id, order, expiry and
 * signing key) to verify the intents it will receive; sending it to the browser is the host's
 * `GET` of its session URL.
 */
export function createSession(input: CreateSessionInput, { now = Date.now, random = globalThis.crypto }: CreateSessionOptions = {}): CreateSessionResult {
  const issuedAt = now();
  const expiry = expiryOf(input, issuedAt);
  if (typeof expiry === 'string') return invalid(expiry);
  let encryption: Session['encryption'];
  if (input.encryption) {
    const { jwk, kid } = input.encryption;
    // A private member is named, not trimmed: whoever passed the private key has it in the wrong place.
    const leaked = PRIVATE_JWK_MEMBERS.find((member) => member in jwk);
    if (leaked) return invalid(`encryption.jwk.${leaked}`);
    const publicJwk = sessionJwk(jwk);
    if (!publicJwk) return invalid('encryption.jwk');
    encryption = { alg: 'RSA-OAEP-256', kid, jwk: publicJwk };
  }
  const candidate = {
    v: 1,
    id: input.id ?? `cs_${randomToken(12, random)}`,
    expiresAt: new Date(expiry).toISOString(),
    serverTime: new Date(issuedAt).toISOString(),
    order: input.order,
    channels: input.channels.map(({ limits = {}, settlement = { kind: 'realtime' }, ...channel }) => ({ ...channel, limits, settlement })),
    savedCards: input.savedCards ?? [],
    fallback: { mode: input.fallback ?? 'prompt' },
    signing: { alg: 'HS256', kid: input.signing.kid, key: input.signing.key },
    ...(encryption ? { encryption } : {}),
    endpoints: input.endpoints,
    ...(input.notices ? { notices: input.notices } : {}),
    ...(input.card ? { card: input.card } : {}),
    ...(input.paid ? { paid: input.paid } : {}),
  };
  const parsed = SessionSchema.safeParse(candidate);
  if (!parsed.success) return invalid(fieldOf(parsed.error.issues));
  // A copy the host's later changes to its own objects cannot reach.
  return { ok: true, session: structuredClone(parsed.data) };
}

/** When the session ends (ms), or the field at fault. */
function expiryOf({ ttlSeconds, expiresAt }: CreateSessionInput, issuedAt: number): number | string {
  if (ttlSeconds !== undefined && expiresAt !== undefined) return 'expiresAt';
  if (expiresAt !== undefined) {
    const at = expiresAt instanceof Date ? expiresAt.getTime() : Date.parse(expiresAt);
    return Number.isFinite(at) && at > issuedAt && at - issuedAt <= MAX_TTL_SECONDS * 1000 ? at : 'expiresAt';
  }
  const ttl = ttlSeconds ?? DEFAULT_TTL_SECONDS;
  return Number.isSafeInteger(ttl) && ttl > 0 && ttl <= MAX_TTL_SECONDS ? issuedAt + ttl * 1000 : 'ttlSeconds';
}
