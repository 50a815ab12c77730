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
 * module only a chunk needs is not named here; it goes into the chunk. The card modules are not
 * here either: they are the card chunk (`./card.ts`), which the saved cards chunk imports.
 */
export { LitElement, css, html, nothing, svg } from 'lit';
// The zod/mini builders the bundle has anyway, for a chunk's own schemas (the binding's answers,
// the card frame's messages).
export {
  array,
  boolean,
  gte,
  int,
  literal,
  looseObject,
  lte,
  maxLength,
  minLength,
  nullable,
  number,
  object,
  optional,
  refine,
  regex,
  strictObject,
  string,
  union,
} from 'zod/mini';
export { amountOf, channelName } from '../checkout/checkout-views.js';
export { clockOffset } from '../checkout/core/intent.js';
export { bestEffort } from '../checkout/effects/best-effort-storage.js';
export { SealUnavailable } from '../checkout/effects/instruments.js';
export { emit } from '../events/events.js';
export { CatalogController } from '../i18n/catalog-controller.js';
export { messagesFor, resolveLocale } from '../i18n/locale.js';
export { CardRemovalCode, ErrorCode, FailureCode } from '../protocol/codes.js';
export { ApiErrorSchema, CardRemovedSchema } from '../protocol/schemas.js';
export { base, tokens } from '../theme/tokens.js';
export { statusUrl } from '../transport/intent-client.js';
export { sendSigned } from '../transport/signed-request.js';
export { parseSession } from '../transport/session-client.js';
