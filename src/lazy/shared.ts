/**
 * What the script-tag bundle lends its lazy chunks (`dist/lazy/*.js`) instead of each chunk
 * carrying its own copy: Lit above all (a second copy is ~6 KB gzip, and its elements would not
 * share the page's styles and template cache), and the Shouyin modules a chunk shares with the
 * main bundle. `load.ts` publishes this namespace under `RUNTIME_KEY` before it imports a chunk;
 * the lazy build (vite.config.ts, `sharedRuntime`) turns each chunk's import of one of these
 * modules into a read of that namespace.
 *
 * Every module named here is shared whole: a chunk that imports from one of them a name this
 * file does not export fails the lazy build, rather than carrying a copy of that module. A
 * module only a chunk needs is not named here; it goes into the chunk.
 */
export { LitElement, css, html, nothing, svg } from 'lit';
export { brandById, detectBrand, groupsFor } from '../card/brands.js';
export { brandStyles } from '../card/card-form.styles.js';
export { normalizeDigits } from '../card/digits.js';
export { MaskedInputController } from '../card/masked-input-controller.js';
export { cvvMask } from '../card/number-mask.js';
export { channelName } from '../checkout/checkout-views.js';
export { clockOffset } from '../checkout/core/intent.js';
export { SealUnavailable } from '../checkout/effects/instruments.js';
export { validateCvv } from '../card/validate.js';
export { emit } from '../events/events.js';
export { CatalogController } from '../i18n/catalog-controller.js';
export { messagesFor, resolveLocale } from '../i18n/locale.js';
export { CardRemovalCode, ErrorCode, FailureCode } from '../protocol/codes.js';
export { ApiErrorSchema, CardRemovedSchema } from '../protocol/schemas.js';
export { base, tokens } from '../theme/tokens.js';
export { statusUrl } from '../transport/intent-client.js';
export { sendSigned } from '../transport/signed-request.js';
export { parseSession } from '../transport/session-client.js';
// The zod/mini the card frame's host side parses the frame's messages with (src/card-frame/messages.ts).
export { array, boolean, gte, int, literal, looseObject, lte, maxLength, nullable, number, object, refine, regex, string, union } from 'zod/mini';
