/**
 * Whether a passkey confirms a saved card now, and whether to offer one after a payment: pure,
 * so the rule is one table (test/node/passkey/usable.test.ts). The checkout joins the answer
 * with the card's usual confirmation (the CVV when the session asks for it; an SMS code for a
 * saved bound card): a passkey replaces it only when `passkeyUse` says `confirm`.
 */

/** What the device and the session say, as the passkey chunk knows it. */
export interface PasskeyContext {
  /** The host enabled passkeys (`endpoints.passkeys`). */
  enabled: boolean;
  /** The payer has a passkey (`passkey.registered`, or one registered in this page). */
  registered: boolean;
  /** A user-verifying platform authenticator: `undefined` while the browser is still asked. */
  available: boolean | undefined;
}

export type PasskeyUse =
  | { use: 'confirm' }
  /**
   * The card's usual confirmation. `told`: the payer has a passkey and expected it, so the
   * saved card area says why not this time (this device has none, or it failed just now).
   */
  | { use: 'usual'; told: 'no-authenticator' | 'failed' | null };

/**
 * A passkey confirms the chosen saved card when the host enabled it, the payer has one, the
 * device can check a fingerprint or face, and it did not fail for this card in this session
 * (refused, cancelled, timed out, turned down by the backend): then the card's usual
 * confirmation is asked, never the passkey again, so a payer is not looped through it.
 */
export function passkeyUse(context: PasskeyContext, card: { selectable: boolean; failed: boolean }): PasskeyUse {
  const { enabled, registered, available } = context;
  if (!enabled || !registered || !card.selectable) return { use: 'usual', told: null };
  if (card.failed) return { use: 'usual', told: 'failed' };
  if (available === false) return { use: 'usual', told: 'no-authenticator' };
  // Not known yet: the usual confirmation stands until the browser says (a few milliseconds).
  if (available === undefined) return { use: 'usual', told: null };
  return { use: 'confirm' };
}

/**
 * The success view offers a passkey after a payment with a saved card (or a binding that saved
 * the card) when the host enabled passkeys, the device can, the payer has none yet, and has not
 * said "不用了" in this page.
 */
export function offersPasskey(context: PasskeyContext, paid: { bySavedCard: boolean; dismissed: boolean }): boolean {
  return context.enabled && !context.registered && context.available === true && paid.bySavedCard && !paid.dismissed;
}
