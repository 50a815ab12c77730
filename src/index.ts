/**
 * Shouyin: the script-tag entry and the ES module for bundlers. Importing it registers
 * `<shouyin-checkout>` and its parts; the exports are for hosts that want types and helpers.
 */
// Module order, for size only: Rolldown lays the bundle out in import order, and gzip (with
// its 32 KB window) finds more to share when like sits with like: zod and the schemas, the
// stylesheets side by side, then the intent client and the checkout's controller. None of these
// modules has side effects that depend on order; define.ts still registers the elements.
import './protocol/schemas.js';
import './theme/tokens.js';
import './channels/channel-list.styles.js';
import './checkout/checkout.styles.js';
import './transport/intent-client.js';
import './checkout/effects/checkout-controller.js';
import './define.js';

// The elements documented to work alone. <shouyin-channel-list> and <shouyin-countdown> are the
// checkout's own parts: registered (the checkout renders them), not public API.
export { ShouyinCheckout } from './checkout/checkout.js';
export { rankChannels } from './channels/ranking.js';
// Lazy chunks: `loadCardForm()`, `loadNotices()`, `loadQrCode()` and `loadSavedCards()` resolve to them (the classes included) once registered.
export type { ShouyinCardForm } from './card/card-form.js';
export type { ShouyinNotices } from './checkout/notices.js';
export type { ShouyinQrCode } from './checkout/qr-code.js';
export type { BeforeCardRemove, SavedCardChangeDetail, ShouyinSavedCards } from './saved-cards/saved-cards.js';
export { loadCardForm, loadNotices, loadQrCode, loadSavedCards } from './lazy/load.js';
export { defineElements } from './define.js';
export { VERSION } from './version.js';
export { EVENT_NAMES } from './events/events.js';
export type {
  ShouyinEventDetails,
  ShouyinEventName,
  ShouyinEvent,
  ChannelChangeReason,
  OrderDetail,
} from './events/events.js';
export type { Messages, MessageOverrides, UnavailableReason, ChannelMessages } from './i18n/messages.js';
export { SUPPORTED_LOCALES, type SupportedLocale } from './i18n/locale.js';
export { CardRemovalCode, ErrorCode, FailureCode } from './protocol/codes.js';
export type {
  Session,
  SessionInput,
  Channel,
  SavedCard,
  Intent,
  IntentResponse,
  Action,
  Failure,
  Environment,
} from './protocol/schemas.js';
