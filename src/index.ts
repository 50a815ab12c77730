/**
 * Shouyin: the script-tag entry and the ES module for bundlers. Importing it registers
 * `<shouyin-checkout>` and its parts; the exports are for hosts that want types and helpers.
 */
import './define.js';

export { ShouyinCheckout } from './checkout/checkout.js';
export { ShouyinChannelList } from './channels/channel-list.js';
export { ShouyinCardForm } from './card/card-form.js';
export { ShouyinCountdown } from './checkout/countdown.js';
export { ShouyinNotices } from './checkout/notices.js';
export { rankChannels } from './channels/ranking.js';
// Lazy chunks: `loadQrCode()` and `loadSavedCards()` resolve to them (the classes included) once registered.
export type { ShouyinQrCode } from './checkout/qr-code.js';
export type { BeforeCardRemove, SavedCardChangeDetail, ShouyinSavedCards } from './saved-cards/saved-cards.js';
export { loadQrCode, loadSavedCards } from './lazy/load.js';
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
