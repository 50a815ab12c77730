/**
 * What a card payment carries inside its JWE (`instrument.encrypted`): the card as the payer
 * typed it, after the form's checks. It exists as plaintext only in the browser, between the
 * card form and `encryptCard` (`card-seal.ts`), and on the backend after `decryptCard`; never
 * in an event, a log, storage or an unencrypted request body.
 *
 * The schema is the wire contract (types, sizes, ASCII digits), not the card rules: whether a
 * number passes Luhn for its brand or the card has expired is `src/card/validate.ts`'s
 * business, which the backend runs again after decrypting.
 */
import * as z from 'zod/mini';

export { encryptCard, encryptSavedCardCvv } from './card-seal.js';

// The schemas are for the backend (decryptCard): marked `@__PURE__` down to each `.check()`
// call, so the browser bundle, which only encrypts, can drop them and the checks they use.
const cvv = /* @__PURE__ */ z.string().check(z.regex(/^[0-9]{3,4}$/));

/** Counted in code points, as the card form counts: a rare CJK character is one, not two. */
const MAX_HOLDER_NAME = 64;

export const CardPayloadSchema = /* @__PURE__ */ z.object({
  /** ASCII digits only, no separators: `normalizeDigits` has run. */
  number: /* @__PURE__ */ z.string().check(z.regex(/^[0-9]{12,19}$/)),
  expMonth: /* @__PURE__ */ z.int().check(z.gte(1), z.lte(12)),
  /** Four digits: the form has already resolved a two-digit year. */
  expYear: /* @__PURE__ */ z.int().check(z.gte(2000), z.lte(2100)),
  cvv: z.optional(cvv),
  /** Left out, not empty, when the form does not ask for it. */
  holderName: z.optional(
    /* @__PURE__ */ z.string().check(
      z.minLength(1),
      z.refine((name) => [...name].length <= MAX_HOLDER_NAME),
    ),
  ),
});
export type CardPayload = z.infer<typeof CardPayloadSchema>;

/** What a saved card that needs its CVV again carries in `instrument.encryptedCvv`. */
export const SavedCardCvvSchema = /* @__PURE__ */ z.object({ cvv });
export type SavedCardCvv = z.infer<typeof SavedCardCvvSchema>;
