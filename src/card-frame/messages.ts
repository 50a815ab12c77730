/**
 * The card frame's message protocol: every message that crosses between the cashier (the host
 * page's origin) and the card frame (the card platform's origin), as zod/mini schemas. Both
 * sides parse every message they receive and drop what does not parse.
 *
 * One `MessageChannel` per frame: the cashier posts `init` once to the frame's window with the
 * frame's exact origin as `targetOrigin` and transfers one port; from then on both sides talk
 * only over that port. What crosses from the frame is what the checkout shows (complete, what
 * is missing, the brand, the frame's height) and the sealed JWE: never a digit of the card, its
 * length or its groups. The one exception is the binding form's issuer prefix (`iin`, the first
 * 6–8 digits), which the cashier sends in the clear to `endpoints.cardInfo` anyway: the cashier
 * asks the bank and tells the frame which fields that card needs (docs/card-frame.md).
 */
import * as z from 'zod/mini';
import { TOKEN_NAMES } from './tokens.js';

/** Integers that a payer's screen can hold: heights in CSS pixels. */
const HEIGHT_MAX = 4000;

// `z.literal` of a list and `z.union`, not `z.enum` and `z.discriminatedUnion`: the cashier's chunk
// borrows zod from the main bundle (src/lazy/shared.ts), which has these and not those.
const LOCALES = ['zh-CN', 'zh-TW', 'en'] as const;
const SCHEMES = ['light', 'dark'] as const;
const FIELDS = ['number', 'expiry', 'cvv', 'name', 'idNumber', 'mobile'] as const;
/** The binding form's fields after the number (src/binding/layout.ts), as the cashier lays them out from the card info. */
const BINDING_FIELDS = ['name', 'idNumber', 'mobile', 'expiry', 'cvv'] as const;
/** An issuer prefix: what `endpoints.cardInfo` is asked about. */
const IIN = z.string().check(z.regex(/^\d{6,8}$/));

/**
 * A token value as the cashier computed it: one CSS value (a color, a length, a font stack),
 * never a declaration or a rule, and nothing that would fetch (the frame page has no network
 * anyway: its CSP); the frame sets it with `style.setProperty` on its own root.
 */
export const TokenValueSchema = z.string().check(z.maxLength(200), z.regex(/^[^;{}<>\\@]*$/), z.refine((v) => !/(url|src|image|image-set|cross-fade|element|expression)\s*\(/i.test(v)));

/** How the frame looks and speaks: the cashier's locale, color scheme and token values. */
export const LookSchema = z.object({
  locale: z.literal(LOCALES),
  scheme: z.literal(SCHEMES),
  tokens: z.array(z.object({ name: z.literal(TOKEN_NAMES), value: TokenValueSchema })).check(z.maxLength(TOKEN_NAMES.length)),
});
export type Look = z.infer<typeof LookSchema>;

const BRAND = z.string().check(z.regex(/^[a-z]{1,16}$/));

/**
 * What the form asks for, and whether it takes input (not while paying). `cvvFor`: the brand of
 * a saved card whose CVV is asked again, and the frame shows that CVV field alone. `binding`:
 * the 快捷支付 binding form's card and identity fields, the ones listed after the number (none
 * for a known payer's debit card); absent or `null`, the card form.
 */
const FormSchema = z.object({
  requireName: z.boolean(),
  disabled: z.boolean(),
  now: z.number(),
  cvvFor: z.nullable(BRAND),
  binding: z.optional(z.nullable(z.array(z.literal(BINDING_FIELDS)).check(z.maxLength(BINDING_FIELDS.length)))),
});

export type Form = z.infer<typeof FormSchema>;

/** The order a seal is bound to and the key it is sealed to: the session's own. */
const SealRequestSchema = z.object({
  t: z.literal('seal'),
  id: z.int(),
  /**
   * A new card (`instrument.encrypted`), a saved card's CVV (`instrument.encryptedCvv`) or a
   * binding's details (the binding request's `encrypted`): what the frame shows.
   */
  what: z.literal(['card', 'cvv', 'binding']),
  now: z.number(),
  binding: z.object({ sessionId: z.string(), orderId: z.string(), amount: z.int(), currency: z.string() }),
  key: z.object({ kid: z.string(), jwk: z.looseObject({ kty: z.literal('RSA'), n: z.string(), e: z.string() }) }),
});

/** The one message to the frame's window; it carries the channel's port. */
export const InitSchema = z.object({ t: z.literal('init'), v: z.literal(1), look: LookSchema, form: FormSchema });
export type Init = z.infer<typeof InitSchema>;

/** What the cashier says over the port. */
export const ToFrameSchema = z.union([
  z.object({ t: z.literal('look'), look: LookSchema }),
  z.object({ t: z.literal('form'), form: FormSchema }),
  // The payer pressed pay with something missing: the frame shows every error and focuses the first field that needs the payer.
  z.object({ t: z.literal('show-errors') }),
  // After a decline the CVV goes; after success or expiry everything does.
  z.object({ t: z.literal('clear'), reset: z.boolean() }),
  SealRequestSchema,
]);
export type ToFrame = z.infer<typeof ToFrameSchema>;
export type SealRequest = z.infer<typeof SealRequestSchema>;

/** What the frame says over the port. */
export const FromFrameSchema = z.union([
  z.object({ t: z.literal('ready') }),
  z.object({ t: z.literal('size'), height: z.int().check(z.gte(0), z.lte(HEIGHT_MAX)) }),
  z.object({
    t: z.literal('change'),
    complete: z.boolean(),
    missing: z.nullable(z.literal(FIELDS)),
    // The kind of problem (`luhn`, `past`…) the pay button names: a word, never a value.
    problem: z.nullable(z.string().check(z.maxLength(24), z.regex(/^[a-z-]+$/))),
    brand: z.nullable(BRAND),
    field: z.nullable(z.literal(FIELDS)),
    // The binding form only: the number's first 6 to 8 digits, once there are 6, for the cashier's card info request.
    iin: z.optional(IIN),
  }),
  // A compact JWE (five base64url parts), or why there is none.
  z.object({ t: z.literal('sealed'), id: z.int(), jwe: z.string().check(z.regex(/^[\w-]+\.[\w-]+\.[\w-]+\.[\w-]+\.[\w-]+$/)) }),
  z.object({ t: z.literal('not-sealed'), id: z.int(), reason: z.literal(['incomplete', 'key']) }),
]);
export type FromFrame = z.infer<typeof FromFrameSchema>;
/** What the frame says as the payer types (a `change` without its tag). */
export type FrameChange = Omit<Extract<FromFrame, { t: 'change' }>, 't'>;
export type BindingFrameField = (typeof BINDING_FIELDS)[number];
