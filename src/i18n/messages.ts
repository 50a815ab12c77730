import type { CardField } from '../card/card-fields.js';
import type { PasskeyMessages } from '../passkey/messages.js';
import type { CvvProblem, ExpiryProblem, NameProblem, NumberProblem } from '../card/validate.js';
import type { CardRemovalCode, ErrorCode, FailureCode } from '../protocol/codes.js';
import type { CardProblem } from '../saved-cards/status.js';
import type { HintMessages } from '../assistant/hint-messages.js';

/** Why a channel cannot take this payment right now; each has words in every catalog. */
export type UnavailableReason =
  | 'down'
  | 'maintenance'
  | 'over-per-transaction'
  | 'over-daily'
  | 'under-minimum'
  | 'environment';

/**
 * Every string the cashier shows or announces. Each catalog satisfies this interface, so a
 * missing key is a type error. Amounts arrive already formatted (money goes through Intl).
 */
export interface Messages {
  checkoutLabel: string;
  /** The switch that turns care mode (large text, simpler screens) on and off. */
  careMode: string;
  loading: string;
  amountDue: string;
  merchant: (name: string) => string;
  channelsLabel: string;
  channelName: (kind: string) => string;
  settlement: (kind: string) => string;
  perTransaction: (amount: string) => string;
  remainingToday: (amount: string) => string;
  minimum: (amount: string) => string;
  feeRate: (percent: string) => string;
  newBadge: string;
  degraded: string;
  unavailable: (reason: UnavailableReason, until?: string) => string;
  pay: (amount: string) => string;
  paying: string;
  /** While the backend has not said how a payment ended. */
  pendingStatus: string;
  /** The payer says they finished in the wallet app: check now. */
  checkPayment: string;
  /** Shown while the device has no network; a payment waits for it. */
  offline: string;
  /** The card form's chunk could not load (the network): the card channel cannot take a card now. */
  cardFormUnavailable: string;
  selectChannel: string;
  successTitle: string;
  successDetail: (amount: string, channel: string) => string;
  successReference: (id: string) => string;
  failureTitle: string;
  retry: string;
  reload: string;
  errors: Record<ErrorCode, string>;
  failures: Record<FailureCode, string>;
  /** A wallet's decline, naming the wallet (`failures.declined` speaks of a card's bank). */
  declinedBy: (channel: string) => string;
  /** The pay button after a failure that would repeat as it is: what to change. */
  payBlocked: { card: string; channel: string };
  card: CardMessages;
  channels: ChannelMessages;
  fallback: FallbackMessages;
}

/** Why a payment may move to another channel, as the payer is told it. */
export type FallbackReason = 'unavailable' | 'limit' | 'abandoned';

/** Words for moving a payment to another channel; channel names arrive already localized. */
export interface FallbackMessages {
  /** While a payment is pending: stop waiting and choose another way to pay. */
  useAnother: string;
  /** No channel can take this payment now. */
  noneAvailable: string;
}

/** The card form's words. */
export interface CardMessages {
  legend: string;
  label: Record<CardField, string>;
  expiryHint: string;
  cvvHint: (digits: number) => string;
  /** A brand's local name (银联), given its id; unknown ids fall back to the network's name. */
  brandName: (id: string, fallback: string) => string;
  /** The text alternative of the brand icon while typing. */
  brand: (name: string) => string;
  /** What the pay button says while a field still needs the payer. */
  missing: Record<CardField, string>;
  numberError: Record<NumberProblem, string>;
  expiryError: Record<ExpiryProblem, string>;
  cvvError: Record<CvvProblem, string>;
  nameError: Record<NameProblem, string>;
}

/**
 * Words for channel details, super-app environments, the order countdown and host notices
 * (the backend's actions are the payment chunk's: `PaymentMessages`).
 */
export interface ChannelMessages {
  /** The super-app the page is open in, by name (微信). */
  appName: (app: 'wechat' | 'alipay' | 'unionpay') => string;
  /** Why a wallet cannot pay inside this app, and what to do instead. */
  openInBrowser: (app: string) => string;
  /** The same inside a WeChat mini-program, whose `···` menu cannot open a browser. */
  copyToBrowser: string;
  /** The button in such a wallet's row that opens the guide to the system browser. */
  guide: string;
  /** A maintenance window ahead, e.g. `23:30–00:30`. */
  maintenanceWindow: (from: string, to: string) => string;
  /** A fixed fee per payment. */
  feeFixed: (amount: string) => string;
  /** The countdown's label. */
  countdownLabel: string;
  /** What a screen reader hears at 60, 30 and 10 seconds left, and at 0. */
  countdownAnnounce: (secondsLeft: number) => string;
  /** The notices banner's label. */
  noticesLabel: string;
  /** The accessible name of a notice's close button. */
  dismissNotice: (text: string) => string;
}

/**
 * The payment chunk's strings: what the payer is told of a fallback and of the backend's
 * actions (QR code, wallet opened). Each catalog file exports them apart from its `Messages`
 * (`zhCNPayment`, …), so that only the chunk (`dist/lazy/payment.js`) carries them, as the
 * saved cards' strings; a host overrides them through `strings.payment`.
 */
export interface PaymentCatalog {
  payment: PaymentMessages;
}

export interface PaymentMessages {
  /** Prompt mode's question, e.g. "WeChat Pay is unavailable right now. Pay ¥128.00 with Alipay instead?" */
  offer: (reason: FallbackReason, from: string, to: string, amount: string) => string;
  /** The offer's one action; `immediate` when accepting pays at once (a wallet). */
  accept: (to: string, immediate: boolean) => string;
  /** Auto mode moved the payment; `byCard` when the payer must now type a card. */
  moved: (reason: FallbackReason, from: string, to: string, byCard: boolean) => string;
  /** Goes back from an automatic move. */
  back: (from: string) => string;
  /** At load the host's first channel could not pay, so another one is selected. */
  preselected: (reason: FallbackReason, from: string, to: string) => string;
  /** The QR code's text alternative. */
  qrLabel: (channel: string) => string;
  /** Under the QR code: which app scans it. */
  scanWith: (channelKind: string, channel: string) => string;
  /** The amount under the QR code. */
  qrAmount: (amount: string) => string;
  /** While the QR encoder loads. */
  qrLoading: string;
  /** While a super-app's payment sheet or a wallet page is open. */
  walletOpen: (channel: string) => string;
}

/**
 * The guide chunk's strings: how to open the page in the system browser when the super-app
 * blocks a wallet. Apart from `Messages`, as the payment chunk's; a host overrides them through
 * `strings.guide`.
 */
export interface GuideCatalog {
  guide: GuideMessages;
}

export interface GuideMessages {
  /** The dialog's title, with the wallet's name. */
  title: (channel: string) => string;
  /** Why: the app the page is open in will not open that wallet. */
  why: (app: string, channel: string) => string;
  /** The steps, in order, through the app's `···` menu. */
  steps: (app: string, channel: string) => string[];
  /** The steps inside a mini-program, which has no "open in browser": copy, then paste in a browser. */
  miniProgramSteps: (channel: string) => string[];
  /** The menu entry's words, as the app shows them (drawn in the picture). */
  menuEntry: string;
  /** The picture's text alternative. */
  pictureLabel: string;
  /** The page's link, shown and copied. */
  linkLabel: string;
  copy: string;
  copied: string;
  /** The Clipboard API refused: the link is selected for the payer to copy. */
  selected: string;
  close: string;
}

/**
 * The saved cards chunk's strings. Each catalog file exports them apart from its `Messages`
 * (`zhCNSavedCards`, …), so that only the chunk carries them; a missing key is still a type
 * error, and a host still overrides them through `strings.savedCards`.
 */
export interface SavedCardsCatalog {
  savedCards: SavedCardsMessages;
}

/** The saved card list's words. `name` is a card's name as built by `cardName`. */
export interface SavedCardsMessages {
  legend: string;
  /** Heading of the cards that cannot pay (expired, abnormal). */
  unusableLegend: string;
  /** The toggle that hides or shows the cards that cannot pay. */
  showUnusable: (count: number) => string;
  hideUnusable: string;
  newCard: string;
  /** A card by brand and last 4 digits: "银联 尾号 1234". */
  cardName: (brand: string, last4: string) => string;
  expiry: (mmYY: string) => string;
  /** A bound card's bank and type, in place of its brand in its name and of its expiry: "中国邮政储蓄银行 储蓄卡". */
  bankCard: (bank: string, type: 'debit' | 'credit') => string;
  /** Status badges; `expiring` gets the expiry (`expires 12/26`). */
  active: string;
  expiring: (mmYY: string) => string;
  expired: string;
  problem: Record<CardProblem, string>;
  /** What the payer can do about a card that cannot pay. */
  expiredAdvice: string;
  problemAdvice: Record<CardProblem, string>;
  /** Shown once no saved card is left (all removed, or none can pay). */
  empty: string;
  noUsable: string;
  cvvLabel: (name: string) => string;
  remove: string;
  removeLabel: (name: string) => string;
  confirmTitle: string;
  confirmText: (name: string) => string;
  confirm: string;
  cancel: string;
  removing: string;
  removed: (name: string) => string;
  /** The host's check (`beforeCardRemove`) said no. */
  removeVetoed: string;
  removeErrors: Record<CardRemovalCode, string>;
}

/** Host overrides: any top-level string or function, or single error/failure texts. */
export type MessageOverrides = Partial<Omit<Messages, 'errors' | 'failures' | 'card' | 'channels' | 'fallback'>> & {
  channels?: Partial<ChannelMessages>;
  card?: Partial<CardMessages>;
  fallback?: Partial<FallbackMessages>;
  savedCards?: Partial<SavedCardsMessages>;
  /** The assistant's hints (its chunk's words, src/assistant/hint-messages.ts). */
  assistant?: Partial<HintMessages>;
  payment?: Partial<PaymentMessages>;
  guide?: Partial<GuideMessages>;
  /** Passkey confirmation of saved cards (its chunk's words, src/passkey/messages.ts). */
  passkey?: Partial<PasskeyMessages>;
  errors?: Partial<Messages['errors']>;
  failures?: Partial<Messages['failures']>;
};
