/**
 * The passkey chunk (issue 17): WebAuthn confirmation of saved cards and the offer to register
 * a passkey after a saved-card payment. Only sessions with `endpoints.passkeys` and saved cards
 * load it; the main bundle keeps a hook of a few lines.
 */
export { passkeysFor } from '../passkey/passkeys.js';
