/**
 * The card binding contract (快捷支付 signing, issue 17). Four exchanges, each signed with the
 * session's key like an intent (`Shouyin-Signature` over the body's canonical JSON):
 *
 * - `POST endpoints.cardInfo` with a `CardInfoRequest`: which bank and card type an issuer
 *   prefix (IIN, the first 6–8 digits) belongs to. Only the prefix is sent, never the number:
 *   6–8 digits name an issuer and a card product, not a card.
 * - `POST endpoints.bindings` with a `BindingRequest`: the holder's name, resident ID, bank
 *   phone and card, sealed to the session's key as a JWE bound to the order (`BindingDetails`
 *   inside). The bank sends an SMS code; the answer is a `Binding` (its id and clocks).
 * - `POST {endpoints.bindings}/{id}/resend` with a `BindingResend`: another code, once the
 *   binding's `resendAt` has passed.
 * - `POST {endpoints.bindings}/{id}/confirm` with an intent whose instrument is
 *   `{ type: 'binding', bindingId, encrypted }` (`BindingCode` inside): binds the card and pays
 *   the order in one step, as any attempt (idempotency key, the intent's answer).
 *
 * `GET {endpoints.bindings}/{id}` answers the binding's state (no personal data), which the
 * cashier asks after a confirm that failed: how many tries are left, whether the code expired.
 */
import * as z from 'zod/mini';

const id = z.string().check(z.minLength(1), z.maxLength(128));
const datetime = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/));

/** The prefix asked about: 6 to 8 ASCII digits. */
export const IIN = /^\d{6,8}$/;

export const CardInfoRequestSchema = /* @__PURE__ */ z.strictObject({
  v: z.literal(1),
  sessionId: id,
  iin: z.string().check(z.regex(IIN)),
  createdAt: datetime,
});
export type CardInfoRequest = z.infer<typeof CardInfoRequestSchema>;

export const CardType = { Debit: 'debit', Credit: 'credit' } as const;
export type CardType = (typeof CardType)[keyof typeof CardType];

export const CardInfoSchema = z.union([
  z.object({
    known: z.literal(true),
    /** The issuer, by its short code (`PSBC`) and its name in the payer's script. */
    bank: z.object({ id: z.string().check(z.regex(/^[A-Z0-9]{2,16}$/)), name: z.string().check(z.minLength(1), z.maxLength(40)) }),
    // `z.literal` of several values, not `z.enum`: a chunk takes its zod from the bundle, and
    // `enum` cannot be a binding's name there (src/lazy/shared.ts).
    type: z.literal([CardType.Debit, CardType.Credit]),
    brand: z.string().check(z.minLength(1), z.maxLength(32)),
    /** The bank's quick-pay agreement the payer accepts, as the host links it (https, or a path of the host's). */
    agreementUrl: z.optional(z.string().check(z.regex(/^(https:\/\/|\/)[^\s]*$/), z.maxLength(512))),
  }),
  z.object({ known: z.literal(false) }),
]);
export type CardInfo = z.infer<typeof CardInfoSchema>;

/** Sealed inside the binding request's JWE; plaintext only in the binding form and on the backend. */
export const BindingDetailsSchema = /* @__PURE__ */ z.object({
  number: /* @__PURE__ */ z.string().check(z.regex(/^[0-9]{12,19}$/)),
  // The holder's name, ID and phone are left out for a payer the host has verified (the
  // session's `payer`): the backend takes the payer's identity from its own session, and the
  // bank sends the code to the phone it has for the card.
  holderName: z.optional(/* @__PURE__ */ z.string().check(z.minLength(1), z.maxLength(64))),
  idNumber: z.optional(/* @__PURE__ */ z.string().check(z.regex(/^\d{17}[\dX]$/))),
  mobile: z.optional(/* @__PURE__ */ z.string().check(z.regex(/^1[3-9]\d{9}$/))),
  expMonth: z.optional(/* @__PURE__ */ z.int().check(z.gte(1), z.lte(12))),
  expYear: z.optional(/* @__PURE__ */ z.int().check(z.gte(2000), z.lte(2100))),
  cvv: z.optional(/* @__PURE__ */ z.string().check(z.regex(/^[0-9]{3,4}$/))),
});
export type BindingDetails = z.infer<typeof BindingDetailsSchema>;

export const BindingRequestSchema = /* @__PURE__ */ z.strictObject({
  v: z.literal(1),
  sessionId: id,
  orderId: id,
  /** `BindingDetails` as a compact JWE to the session's key, bound to its order. */
  encrypted: z.string().check(z.minLength(1), z.maxLength(8192)),
  /** The payer ticked the bank's quick-pay agreement; a request without it is refused. */
  agreed: z.literal(true),
  /**
   * The payer ticked "保存此卡": once the confirm pays, the bound card joins the payer's saved
   * cards. Only in a session with `card.canSave`; absent means not saved.
   */
  save: z.optional(z.literal(true)),
  createdAt: datetime,
});
export type BindingRequest = z.infer<typeof BindingRequestSchema>;

/**
 * A code for paying with a saved bound card (`SavedCard.bound`), to `POST endpoints.bindings`
 * too: the bank sends it to the phone it has for the card. Nothing to seal (the backend has the
 * card) and no agreement to accept again. The answer, resend, status and confirm are a binding's.
 */
export const CardCodeRequestSchema = /* @__PURE__ */ z.strictObject({
  v: z.literal(1),
  sessionId: id,
  orderId: id,
  cardId: id,
  createdAt: datetime,
});
export type CardCodeRequest = z.infer<typeof CardCodeRequestSchema>;

export const BindingResendSchema = /* @__PURE__ */ z.strictObject({
  v: z.literal(1),
  sessionId: id,
  bindingId: id,
  createdAt: datetime,
});
export type BindingResend = z.infer<typeof BindingResendSchema>;

/** Sealed inside the confirming intent's `instrument.encrypted`. */
export const BindingCodeSchema = /* @__PURE__ */ z.object({ code: /* @__PURE__ */ z.string().check(z.regex(/^\d{6}$/)) });
export type BindingCode = z.infer<typeof BindingCodeSchema>;

export const BindingStatus = {
  /** A code was sent and may be entered. */
  CodeSent: 'code_sent',
  /** The card is bound (and the order paid with it). */
  Bound: 'bound',
  /** Too many wrong codes: this binding is over, a new one may be started. */
  Locked: 'locked',
  /** The code's time ran out: ask for a new one. */
  Expired: 'expired',
} as const;
export type BindingStatus = (typeof BindingStatus)[keyof typeof BindingStatus];

/** A binding as the backend answers it: never the phone, ID or code, only its state and clocks. */
export const BindingSchema = z.object({
  id,
  status: z.literal([BindingStatus.CodeSent, BindingStatus.Bound, BindingStatus.Locked, BindingStatus.Expired]),
  /** Wrong codes still allowed before the binding locks. */
  attemptsLeft: z.int().check(z.gte(0), z.lte(10)),
  /** When another code may be asked for (the resend countdown ends). */
  resendAt: datetime,
  /** When the code sent stops being accepted. */
  expiresAt: datetime,
  /** Where the bank sent the code, masked (138****8000): told when the payer did not type the phone. */
  sentTo: z.optional(z.string().check(z.regex(/^[0-9*]{11}$/))),
});
export type Binding = z.infer<typeof BindingSchema>;

/** The failure codes of a confirm, and of a binding request the bank refused. */
export const BindingFailure = {
  CodeInvalid: 'sms_code_invalid',
  CodeExpired: 'sms_code_expired',
  Locked: 'binding_locked',
  /** The phone number is not the one the bank has for this card. */
  MobileMismatch: 'mobile_mismatch',
  /** The bank does not take this card for quick pay (unknown issuer, or the details do not match it). */
  CardRefused: 'card_refused',
  /** Asked for another code before `resendAt`. */
  TooSoon: 'sms_too_soon',
} as const;
export type BindingFailure = (typeof BindingFailure)[keyof typeof BindingFailure];
