/**
 * The contract, version 1. Every byte that crosses a boundary is parsed by one of these
 * schemas, and the types everywhere else are inferred from them. The browser bundle and the
 * host-side helpers import this same module (zod/mini, imported as a namespace, which
 * bundlers shake). `z.union` rather than `z.discriminatedUnion`: the literal `type` already
 * keeps the options apart, and the union alone is ~0.5 KB gzip less.
 */
import * as z from 'zod/mini';

const id = z.string().check(z.minLength(1), z.maxLength(128));
const minorUnits = z.int().check(z.nonnegative());
/** RFC 3339 date-time with `Z` or an offset (a regex keeps zod's ISO module out of the bundle). */
const datetime = z.string().check(
  z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/),
  z.refine((text) => !Number.isNaN(Date.parse(text))),
);
const currency = z.string().check(z.regex(/^[A-Z]{3}$/));
/** An attempt id, as the cashier makes them and intents, retries and the resume record name them. */
const attemptId = z.string().check(z.regex(/^[A-Za-z0-9_-]{8,64}$/));

/** Channel kinds the cashier has names, icons and environment rules for; hosts may add others. */
export const KNOWN_CHANNEL_KINDS = ['wechat', 'alipay', 'unionpay', 'ecny', 'card'] as const;
export type KnownChannelKind = (typeof KNOWN_CHANNEL_KINDS)[number];

export const ChannelStatus = { Up: 'up', Degraded: 'degraded', Down: 'down' } as const;
export type ChannelStatus = (typeof ChannelStatus)[keyof typeof ChannelStatus];

export const ChannelSchema = z.object({
  id,
  kind: z.string().check(z.minLength(1), z.maxLength(32)),
  label: z.optional(z.string().check(z.maxLength(64))),
  status: z.enum([ChannelStatus.Up, ChannelStatus.Degraded, ChannelStatus.Down]),
  limits: z.object({
    perTransaction: z.optional(minorUnits),
    perDay: z.optional(minorUnits),
    usedToday: z.optional(minorUnits),
    min: z.optional(minorUnits),
  }),
  settlement: z.object({
    kind: z.string().check(z.minLength(1), z.maxLength(16)),
    note: z.optional(z.string().check(z.maxLength(200))),
  }),
  maintenance: z.optional(z.array(z.object({ from: datetime, to: datetime }))),
  fee: z.optional(z.object({ rate: z.optional(z.number().check(z.gte(0), z.lte(1))), fixed: z.optional(minorUnits) })),
  promo: z.optional(z.string().check(z.maxLength(200))),
  fallbacks: z.optional(z.array(id)),
  isNew: z.optional(z.boolean()),
});
export type Channel = z.infer<typeof ChannelSchema>;

export const SavedCardStatus = { Active: 'active', Abnormal: 'abnormal', Frozen: 'frozen' } as const;

export const SavedCardSchema = z.object({
  id,
  brand: z.string().check(z.minLength(1), z.maxLength(32)),
  first6: z.optional(z.string().check(z.regex(/^\d{6}$/))),
  last4: z.string().check(z.regex(/^\d{4}$/)),
  // Absent for a debit card bound by 快捷支付: none is printed for online use, and it never expires here.
  expMonth: z.optional(z.int().check(z.gte(1), z.lte(12))),
  expYear: z.optional(z.int().check(z.gte(2000), z.lte(2100))),
  status: z.enum([SavedCardStatus.Active, SavedCardStatus.Abnormal, SavedCardStatus.Frozen]),
  reason: z.optional(z.string().check(z.maxLength(64))),
  /**
   * A card bound by 快捷支付 (issue 17), saved with the payer's consent: its bank and card type
   * ("中国邮政储蓄银行 储蓄卡 尾号0006"). It pays once the payer confirms an SMS code the bank sends
   * to the phone it has for the card (`src/saved-cards/confirmation.ts`).
   */
  bound: z.optional(
    z.object({
      bank: z.object({ id: z.string().check(z.regex(/^[A-Z0-9]{2,16}$/)), name: z.string().check(z.minLength(1), z.maxLength(40)) }),
      type: z.literal(['debit', 'credit']),
    }),
  ),
});
export type SavedCard = z.infer<typeof SavedCardSchema>;

export const FallbackMode = { Auto: 'auto', Prompt: 'prompt', Off: 'off' } as const;
export type FallbackMode = (typeof FallbackMode)[keyof typeof FallbackMode];

export const NoticeSchema = z.object({
  id,
  level: z._default(z.enum(['info', 'warning']), 'info'),
  text: z.string().check(z.minLength(1), z.maxLength(300)),
  channel: z.optional(id),
});
export type Notice = z.infer<typeof NoticeSchema>;

export const SessionSchema = z.object({
  v: z.literal(1),
  id,
  expiresAt: datetime,
  /** The backend's clock when it issued the session, so a wrong client clock can be corrected. */
  serverTime: z.optional(datetime),
  order: z.object({
    id,
    amount: z.int().check(z.positive()),
    currency,
    description: z.optional(z.string().check(z.maxLength(200))),
    merchant: z.object({ id, name: z.string().check(z.minLength(1), z.maxLength(100)) }),
  }),
  channels: z.array(ChannelSchema).check(z.minLength(1)),
  savedCards: z._default(z.array(SavedCardSchema), []),
  fallback: z._default(z.object({ mode: z.enum([FallbackMode.Auto, FallbackMode.Prompt, FallbackMode.Off]) }), {
    mode: FallbackMode.Prompt,
  }),
  signing: z.object({
    alg: z.literal('HS256'),
    kid: id,
    key: z.string().check(z.regex(/^[A-Za-z0-9_-]{43,}$/)),
  }),
  encryption: z.optional(
    z.object({
      alg: z.literal('RSA-OAEP-256'),
      kid: id,
      jwk: z.looseObject({ kty: z.literal('RSA'), n: z.string(), e: z.string() }),
    }),
  ),
  endpoints: z.object({
    intents: z.string().check(z.minLength(1)),
    status: z.string().check(z.minLength(1)),
    cards: z.optional(z.string().check(z.minLength(1))),
    cardInfo: z.optional(z.string().check(z.minLength(1))),
    bindings: z.optional(z.string().check(z.minLength(1))),
    /** Passkey confirmation of saved cards (`src/protocol/passkey.ts`): the host offers it. */
    passkeys: z.optional(z.string().check(z.minLength(1))),
  }),
  notices: z.optional(z.array(NoticeSchema)),
  /**
   * What the card form asks for beyond number, expiry and CVV; `savedCardCvv` asks for a saved
   * card's CVV again (sent encrypted as `instrument.encryptedCvv`); `canSave`: the host keeps
   * cards for this session's payer, so the binding form offers "保存此卡" (off until ticked).
   */
  card: z.optional(z.object({ holderName: z.optional(z.boolean()), savedCardCvv: z.optional(z.boolean()), canSave: z.optional(z.boolean()) })),
  /**
   * The payer as the host has verified them (real-name), for one-click card binding: the binding
   * form shows them masked (张*三, 1101**********1234) instead of asking (issue 17).
   */
  payer: z.optional(z.object({ name: z.string().check(z.minLength(1), z.maxLength(64)), idNumber: z.string().check(z.regex(/^\d{17}[\dX]$/)) })),
  /** With `endpoints.passkeys`: whether this payer has a passkey already (confirm with it) or not (offer one after paying). */
  passkey: z.optional(z.object({ registered: z.boolean() })),
  /** The order is already paid (another tab, another device, a payment that went through): show it, offer nothing. */
  paid: z.optional(z.object({ paymentId: id })),
});
export type Session = z.infer<typeof SessionSchema>;
/** What a host may hand in: defaults not yet applied. */
export type SessionInput = z.input<typeof SessionSchema>;

export const ENVIRONMENTS = ['desktop', 'mobile', 'wechat', 'wechat-miniprogram', 'alipay', 'unionpay'] as const;
export type Environment = (typeof ENVIRONMENTS)[number];

/**
 * Bytes as WebAuthn's JSON forms spell them (base64url, no padding): one schema for every member
 * of a passkey's assertion; the intent's body limit bounds them all.
 */
const webauthnBytes = /* @__PURE__ */ z.string().check(z.regex(/^[A-Za-z0-9_-]*$/), z.maxLength(8192));

/**
 * A passkey's assertion as `navigator.credentials.get` made it, in WebAuthn's JSON form (what
 * `PublicKeyCredential.toJSON()` gives); see `src/protocol/passkey.ts`. Strict, as the intent.
 */
export const PasskeyAssertionSchema = /* @__PURE__ */ z.strictObject({
  id: webauthnBytes,
  rawId: webauthnBytes,
  type: z.literal('public-key'),
  response: z.strictObject({ clientDataJSON: webauthnBytes, authenticatorData: webauthnBytes, signature: webauthnBytes, userHandle: z.optional(webauthnBytes) }),
  clientExtensionResults: z.strictObject({}),
  authenticatorAttachment: z.optional(z.literal(['platform', 'cross-platform'])),
});
export type PasskeyAssertion = z.infer<typeof PasskeyAssertionSchema>;

/** What a saved-card instrument carries when a passkey confirms it instead of the CVV: the challenge it answers, and the assertion. */
export const PasskeyProofSchema = /* @__PURE__ */ z.strictObject({ challengeId: id, assertion: PasskeyAssertionSchema });
export type PasskeyProof = z.infer<typeof PasskeyProofSchema>;

// Strict, as the intent: a signed body is refused, not trimmed, when it carries a member the
// contract does not name (the backend would otherwise keep and serve back what it never checked).
export const InstrumentSchema = /* @__PURE__ */ z.union([
  z.strictObject({ type: z.literal('card'), encrypted: z.string().check(z.minLength(1)) }),
  /** `passkey`: confirmed with the payer's passkey instead of the CVV. */
  z.strictObject({ type: z.literal('saved-card'), cardId: id, encryptedCvv: z.optional(z.string()), passkey: z.optional(PasskeyProofSchema) }),
  z.strictObject({ type: z.literal('wallet') }),
  /** A 快捷支付 binding's confirm (`src/protocol/binding.ts`): its SMS code sealed like a card. */
  z.strictObject({ type: z.literal('binding'), bindingId: id, encrypted: z.string().check(z.minLength(1)) }),
]);
export type Instrument = z.infer<typeof InstrumentSchema>;

/** An intent's members but its instrument: shared by the intent and the resume record's wallet intent. */
const intentMembers = /* @__PURE__ */ (() => ({
  v: z.literal(1),
  sessionId: id,
  orderId: id,
  amount: z.int().check(z.positive()),
  currency,
  channel: id,
  attempt: attemptId,
  previousAttempt: z.optional(attemptId),
  env: z.enum(ENVIRONMENTS),
  locale: z.string().check(z.minLength(2), z.maxLength(35)),
  nonce: z.string().check(z.regex(/^[A-Za-z0-9_-]{16,64}$/)),
  createdAt: datetime,
}))();

// Built in a pure call: only the backend parses intents, so the browser bundle can drop it.
// Strict: an unknown member is refused (see InstrumentSchema).
export const IntentSchema = /* @__PURE__ */ (() => z.strictObject({ ...intentMembers, instrument: InstrumentSchema }))();
export type Intent = z.infer<typeof IntentSchema>;

/**
 * An intent as a backend takes it (`verifyIntent`): `previousAttempt` may also be `null`, as the
 * `shouyin-submit` and `shouyin-fallback` events spell "none" (the cashier leaves it out). Only
 * the backend parses this, so the browser bundle drops it.
 */
export const ReceivedIntentSchema = /* @__PURE__ */ (() =>
  z.extend(IntentSchema, { previousAttempt: z.optional(z.nullable(attemptId)) }))();
export type ReceivedIntent = z.infer<typeof ReceivedIntentSchema>;

export const AttemptStatus = {
  Succeeded: 'succeeded',
  Pending: 'pending',
  RequiresAction: 'requires_action',
  Failed: 'failed',
  Canceled: 'canceled',
} as const;
export type AttemptStatus = (typeof AttemptStatus)[keyof typeof AttemptStatus];

export const ActionSchema = z.union([
  z.object({ type: z.literal('qr'), content: z.string().check(z.minLength(1), z.maxLength(2048)) }),
  z.object({
    type: z.literal('redirect'),
    url: z.string().check(z.regex(/^https?:\/\/[^\s/?#]+/), z.maxLength(2048)),
  }),
  z.object({
    type: z.literal('bridge'),
    bridge: z.enum(['wechat', 'alipay']),
    params: z.looseObject({}),
  }),
  // QuickPass's JS SDK (`upsdk.pay`) takes the transaction number alone.
  z.object({
    type: z.literal('bridge'),
    bridge: z.literal('unionpay'),
    params: z.object({ tn: z.string().check(z.minLength(1), z.maxLength(64)) }),
  }),
  // Inside a WeChat mini-program's web-view, the mini-program pays (`wx.requestPayment`): the
  // cashier opens the host's payment page of it, `path` (absolute, no query) with `params` (a
  // query string) as its `onLoad` options.
  z.object({
    type: z.literal('miniprogram'),
    path: z.string().check(z.regex(/^\/[^\s?#]+$/), z.maxLength(512)),
    params: z.string().check(z.regex(/^[^\s#]*$/), z.maxLength(2048)),
  }),
]);
export type Action = z.infer<typeof ActionSchema>;

export const FailureSchema = z.object({
  code: z.string().check(z.minLength(1), z.maxLength(64)),
  message: z.optional(z.string()),
  retryable: z.boolean(),
  fallback: z.optional(id),
});
export type Failure = z.infer<typeof FailureSchema>;

export const IntentResponseSchema = z.object({
  id,
  status: z.enum([
    AttemptStatus.Succeeded,
    AttemptStatus.Pending,
    AttemptStatus.RequiresAction,
    AttemptStatus.Failed,
    AttemptStatus.Canceled,
  ]),
  action: z.optional(ActionSchema),
  failure: z.optional(FailureSchema),
});
export type IntentResponse = z.infer<typeof IntentResponseSchema>;

/** The body of any non-2xx answer from a Shouyin backend. */
export const ApiErrorSchema = z.object({
  error: z.object({ code: z.string(), message: z.optional(z.string()) }),
  /** With `order_already_paid`: the attempt that paid the order. */
  paidAttempt: z.optional(IntentResponseSchema),
});
export type ApiError = z.infer<typeof ApiErrorSchema>;

/**
 * What the cashier keeps in sessionStorage while an attempt is open, so a reload resumes it
 * instead of paying again: ids only, never card data. `intent` is kept for wallet payments
 * alone (it holds no instrument data), so a reload before any answer can resend it under its key;
 * its schema takes a wallet's instrument only, so a record holding any other is not resumed.
 */
export const ResumeRecordSchema = z.object({
  v: z.literal(1),
  orderId: id,
  sessionId: id,
  channel: id,
  attempt: attemptId,
  idempotencyKey: z.string().check(z.regex(/^[A-Za-z0-9_-]{8,128}$/)),
  paymentId: z.optional(id),
  intent: z.optional(z.strictObject({ ...intentMembers, instrument: z.strictObject({ type: z.literal('wallet') }) })),
});
export type ResumeRecord = z.infer<typeof ResumeRecordSchema>;

/**
 * The signed body of `DELETE {endpoints.cards}/{cardId}`: which card, for which session, when.
 * Signed like an intent (`Shouyin-Signature` over its canonical JSON); the card id in the body
 * must match the one in the path. Strict, as the intent: an unknown member is refused.
 */
export const CardRemovalSchema = z.strictObject({
  v: z.literal(1),
  sessionId: id,
  cardId: id,
  createdAt: datetime,
});
export type CardRemoval = z.infer<typeof CardRemovalSchema>;

/** The answer to a removal that succeeded (also to a repeat of one). */
export const CardRemovedSchema = z.object({ cardId: id, removed: z.boolean().check(z.refine((removed) => removed)) });
export type CardRemoved = z.infer<typeof CardRemovedSchema>;
