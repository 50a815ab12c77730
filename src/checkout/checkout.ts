import { LitElement, html, nothing } from 'lit';
import { describeChannel, type ChannelView } from '../channels/describe.js';
import { ShouyinChannelList } from '../channels/channel-list.js';
import { detectEnvironment, probeBrowser } from '../env/detect.js';
import { loadNotices, loadPayment, loadPreview, loadQrCode } from '../lazy/load.js';
import { CatalogController } from '../i18n/catalog-controller.js';
import { messagesFor, resolveLocale, type SupportedLocale } from '../i18n/locale.js';
import { nearestLang } from '../i18n/nearest-lang.js';
import type { MessageOverrides, Messages } from '../i18n/messages.js';
import type { ShouyinEventDetails } from '../events/events.js';
import { ErrorCode } from '../protocol/codes.js';
import { ENVIRONMENTS, type Environment, type Session, type SessionInput } from '../protocol/schemas.js';
import type { BeforeCardRemove } from '../saved-cards/saved-cards.js';
import { base, tokens } from '../theme/tokens.js';
import { CheckoutController } from './effects/checkout-controller.js';
import { checkoutStyles } from './checkout.styles.js';
import { amountOf, sessionError, skeleton, success, summary } from './checkout-views.js';
import type * as Payment from '../lazy/payment.js';
import { payLabel } from './pay-label.js';
import { CardEntry } from './card-entry.js';
import { Phase } from './core/flow.js';
import { availability } from './core/reduce.js';

const COLOR_SCHEMES = ['auto', 'light', 'dark'] as const;
/** Where a wallet's payment sheet opens through the app's JS bridge (src/env/bridges.ts, in the payment chunk). */
const BRIDGE_ENVS = new Set<Environment>(['wechat', 'wechat-miniprogram', 'alipay']);
export type ColorScheme = (typeof COLOR_SCHEMES)[number];

/**
 * The cashier. Give it a session by URL or by property; it shows the order, offers the
 * channels, pays with a signed intent and reports every step as a DOM event.
 *
 * @tagname shouyin-checkout
 * @fires shouyin-ready - The session loaded and the cashier can take a payment.
 * @fires shouyin-channel-change - The selected channel changed (by the payer, the recommendation or a fallback).
 * @fires shouyin-submit - A payment is about to be sent. Cancelable: `preventDefault()` vetoes it.
 * @fires shouyin-pending - The backend accepted the attempt but has not finished it.
 * @fires shouyin-success - The backend reports the order paid.
 * @fires shouyin-failure - An attempt failed; `detail.code` says why.
 * @fires shouyin-fallback - The payment moved to another channel.
 * @fires shouyin-expire - The order's time ran out.
 * @fires shouyin-card-remove - A saved card was removed (`cardId`, `brand`, `last4`).
 * @fires shouyin-error - The cashier cannot work (session missing, unreachable, malformed, expired).
 *
 * In preview mode (`preview`) every event's detail also carries `preview: true`.
 *
 * @csspart base - The panel that holds everything.
 * @csspart summary - Merchant, description and amount.
 * @csspart amount - The amount due.
 * @csspart channels - The channel list.
 * @csspart card-form - The card form (when the card channel is selected).
 * @csspart saved-cards - The saved card list (card channel, when the session has saved cards).
 * @csspart message - An error or failure message.
 * @csspart pay-button - The pay button.
 * @csspart fallback-button - Accepts the offered fallback channel (prompt mode).
 * @csspart success - The success view.
 * @csspart qr-code - The QR code to scan (`<shouyin-qr-code>`), while a desktop payment waits for the wallet.
 *
 * @cssproperty [--shouyin-color-primary=light-dark(#c8102e, #f2555f)] - Brand color of the pay button and selection.
 * @cssproperty [--shouyin-color-on-primary=light-dark(#ffffff, #1c1c1f)] - Text on the primary color.
 * @cssproperty [--shouyin-color-surface=light-dark(#ffffff, #1c1c1f)] - Panel background.
 * @cssproperty [--shouyin-color-surface-muted=light-dark(#f6f6f7, #2a2a2f)] - Muted background (messages, unavailable channels).
 * @cssproperty [--shouyin-color-text=light-dark(#1f1f22, #ececf0)] - Text color.
 * @cssproperty [--shouyin-color-text-muted=light-dark(#5c5c66, #a9a9b3)] - Secondary text color.
 * @cssproperty [--shouyin-color-border=light-dark(#8c8c96, #74747e)] - Borders.
 * @cssproperty [--shouyin-color-focus=light-dark(#1a5fd0, #7aa7ff)] - Focus ring.
 * @cssproperty [--shouyin-color-success=light-dark(#137333, #4cc36d)] - Success title.
 * @cssproperty [--shouyin-color-danger=light-dark(#b3261e, #ff7b72)] - Errors and unavailable reasons.
 * @cssproperty [--shouyin-color-warning=light-dark(#8a5300, #e3a33b)] - Promotions and warnings.
 * @cssproperty [--shouyin-radius=12px] - Panel corner radius.
 * @cssproperty [--shouyin-radius-small=8px] - Corner radius of rows, messages and buttons.
 * @cssproperty [--shouyin-space=16px] - Main spacing.
 * @cssproperty [--shouyin-space-small=8px] - Small spacing.
 * @cssproperty [--shouyin-font-family=system-ui, -apple-system, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif] - Font stack.
 * @cssproperty [--shouyin-font-size=16px] - Base font size (16px keeps iOS from zooming inputs).
 * @cssproperty [--shouyin-font-size-small=14px] - Secondary text size.
 * @cssproperty [--shouyin-font-size-amount=32px] - Size of the amount due.
 * @cssproperty [--shouyin-target-size=48px] - Minimum height of touch targets (never below 44px).
 * @cssproperty [--shouyin-max-width=480px] - Maximum width of the cashier.
 * @cssproperty [--shouyin-qr-size=200px] - Width and height of the QR code a desktop payment shows.
 */
export class ShouyinCheckout extends LitElement {
  static override styles = [tokens, base, checkoutStyles];

  static override properties = {
    // Their accessors are below: setting either forgets the current session at once.
    sessionUrl: { attribute: 'session-url', noAccessor: true },
    session: { attribute: false, noAccessor: true },
    locale: {},
    strings: { attribute: false },
    env: {},
    colorScheme: { attribute: 'color-scheme', reflect: true },
    navigate: { attribute: false },
    beforeCardRemove: { attribute: false },
    preview: { type: Boolean },
    previewState: { attribute: 'preview-state' },
  };

  /**
   * Milliseconds to wait before each status check of a pending payment, the last one repeating
   * (default 2000, 3000, 5000, then every 8000). For tests and hosts that pace polling themselves.
   */
  pollDelays: readonly number[] | undefined;

  private source: { session?: SessionInput | undefined; sessionUrl: string | null } = { sessionUrl: null };

  /** Where to load the session from (GET, JSON). Relative endpoints in it resolve against this URL. */
  get sessionUrl(): string | null {
    return this.source.sessionUrl;
  }
  set sessionUrl(value: string | null) {
    this.setSource('sessionUrl', value);
  }
  /** The session itself, when the host already has it; takes precedence over `session-url`. Parsed whatever its type says. */
  get session(): SessionInput | undefined {
    return this.source.session;
  }
  set session(value: SessionInput | undefined) {
    this.setSource('session', value);
  }
  /** `zh-CN` (default), `zh-TW` or `en`; otherwise the nearest `lang` decides (the attribute also takes tags such as `zh-HK` or `en-GB`). */
  declare locale: SupportedLocale | null;
  /** Host overrides for single strings of the catalog. */
  declare strings: MessageOverrides | undefined;
  /** Where the cashier runs (`wechat`, `alipay`, `unionpay`, `mobile`, `desktop`…), when the host knows better than the user agent. */
  declare env: Environment | null;
  /** `auto` (default: the payer's system setting), `light` or `dark`. Reflected: the styles read the attribute. */
  declare colorScheme: ColorScheme;
  /** Opens a wallet's H5 page for a `redirect` action; replace it to navigate in your own way. */
  declare navigate: (url: string) => void;
  /** Optional hook before a saved card is removed: resolve `false` (or reject) to keep it. */
  declare beforeCardRemove: BeforeCardRemove | undefined;
  /** Renders from a built-in sample session with no backend (docs/preview.md); its code loads only then. */
  declare preview: boolean;
  /** The screen preview mode shows: `ready` (default), `card`, `card-errors`, `saved-cards`, `removal-dialog`, `pending`, `qr`, `redirect`, `fallback`, `failure`, `success`, `expired`, `offline`. */
  declare previewState: string | null;

  /** The catalog for the element's locale: zh-CN at once, another one once its chunk is here. */
  private readonly catalog = new CatalogController(this, () =>
    resolveLocale(this.locale, nearestLang(this), globalThis.document?.documentElement.lang),
  );
  private readonly checkout = new CheckoutController(this, {
    messages: () => messagesFor(this.resolvedLocale, this.strings),
    locale: () => this.resolvedLocale,
    catalog: () => this.catalog.want(),
    env: () => this.environment(),
    navigate: (url) => this.navigate(url),
    pollDelays: () => this.pollDelays,
    clearCard: (reset) => this.cards.clear(reset),
  });
  /** The card channel's inputs: the saved card list, the card form, and what each last said. */
  private readonly cards: CardEntry = new CardEntry(this, this.checkout);
  /** The views of a payment under way (its fallback notice, its action), once their chunk is here. */
  private views: typeof Payment | undefined;
  /** The channel views the last render gave the list, and their JSON. */
  private shownViews: { key: string; views: ChannelView[] } = { key: '', views: [] };

  constructor() {
    super();
    this.locale = null;
    this.env = null;
    this.colorScheme = 'auto';
    this.preview = false;
    this.navigate = (url) => globalThis.location.assign(url);
  }

  /** The locale in use after resolution and fallbacks (zh-CN when its catalog could not load). */
  get resolvedLocale(): SupportedLocale {
    return this.catalog.shown ?? resolveLocale(this.locale, nearestLang(this), globalThis.document?.documentElement.lang);
  }

  /**
   * The detail of `shouyin-ready` for the session now loaded, or null until it is ready (and again
   * while a new session loads). A listener added after the event (a framework's effect) reads it here.
   */
  get readyDetail(): ShouyinEventDetails['shouyin-ready'] | null {
    return this.checkout.state.ready;
  }

  /**
   * A new session or URL: the old session stops being payable now, not at the next render (the
   * new one loads in willUpdate). The same value set again, as a framework sets every prop on
   * each render, changes nothing (and schedules no reload).
   */
  private setSource<K extends 'session' | 'sessionUrl'>(name: K, value: (typeof this.source)[K]): void {
    const old = this.source[name];
    if (old === value) return;
    this.source = { ...this.source, [name]: value };
    if (this.hasUpdated) this.checkout.invalidate();
    this.requestUpdate(name, old);
  }

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    // A cosmetic mistake is reported, not fatal: the cashier still takes payments, shown as `auto`.
    if (changed.has('colorScheme') && !(COLOR_SCHEMES as readonly string[]).includes(this.colorScheme)) this.checkout.report(ErrorCode.AttributeInvalid);
    // Preview mode's chunk drives the checkout from here on (and stops when `preview` goes). A
    // chunk that cannot load leaves the skeleton, and the next update tries again: no error
    // view, whose "reload" would fetch the host's session, which preview never does.
    if (this.preview) {
      loadPreview().then((p) => p.attachPreview(this, this.checkout, this.catalog), () => undefined);
    } else if (!this.hasUpdated || changed.has('session') || changed.has('sessionUrl') || changed.has('preview')) {
      if (!this.loadSource()) this.checkout.fail(ErrorCode.SessionMissing);
    }
    // After the load: an inline session is there at once.
    const { session, flow, notice } = this.checkout.state;
    if (session?.savedCards.length) this.cards.require(session.id);
    // Notices to show: their chunk. Until it is defined, the banner is not there; a chunk that cannot load leaves it out.
    if (session?.notices?.length) loadNotices().catch(() => undefined);
    // A QR code to show: its chunk. Until it is defined, the element shows the light-DOM placeholder it is given.
    if (flow.phase === Phase.Pending && flow.action?.type === 'qr') loadQrCode().catch(() => undefined);
    // A fallback to tell of, or a pending attempt's action to show: their views' chunk. Until it
    // is here they are left out; so they are if it cannot load (a payment that simply succeeds
    // never needs it). Inside WeChat or Alipay the wallet's sheet is in it too: asked as soon as
    // the session is here, so that the sheet opens without waiting for it.
    const superApp = session !== undefined && BRIDGE_ENVS.has(this.environment());
    if (!this.views && (superApp || notice || (flow.phase === Phase.Pending && flow.action))) {
      loadPayment().then((views) => {
        this.views = views;
        this.requestUpdate();
      }, () => undefined);
    }
    // The card channel selected: the card encryption chunk, asked once (see `CardEntry.selected`).
    if (this.checkout.channel?.kind === 'card') this.cards.selected();
  }

  private onChannelChange(event: Event): void {
    const value = (event.target as ShouyinChannelList).value;
    if (value) this.checkout.select(value);
  }

  private onPay(): void {
    if (this.checkout.channel?.kind !== 'card') return this.checkout.pay();
    const instrument = this.cards.take();
    if (instrument) this.checkout.pay(instrument);
  }

  private onCheckPayment(): void {
    this.checkout.checkNow();
  }

  private onUseAnother(): void {
    this.checkout.abandon();
  }

  private onAcceptFallback(): void {
    this.checkout.acceptFallback();
  }

  private onUndoFallback(): void {
    this.checkout.undoFallback();
  }

  /** Loads the session, from the property or else the URL (at first render, on "reload"); false when there is neither. */
  private loadSource(): boolean {
    if (this.session !== undefined) void this.checkout.load({ input: this.session });
    else if (this.sessionUrl) void this.checkout.load({ url: this.sessionUrl });
    else return false;
    return true;
  }

  /** Pays with the selected channel, as the pay button does. Ignored unless the cashier is ready. */
  submit(): void {
    this.onPay();
  }

  override render() {
    // Resolved once a render: it looks up the nearest `lang` across shadow roots.
    const locale = this.resolvedLocale;
    // Until the locale's catalog is here, a skeleton without words: no zh-CN text flashes first.
    if (!this.catalog.shown) return html`<section part="base" class="panel" lang=${locale}>${skeleton(undefined, 4)}</section>`;
    const m = messagesFor(locale, this.strings);
    return html`<section part="base" class="panel" aria-label=${m.checkoutLabel} lang=${locale}>${this.renderBody(m, locale)}</section>`;
  }

  private renderBody(m: Messages, locale: SupportedLocale) {
    const { flow: state, session } = this.checkout.state;
    switch (state.phase) {
      case Phase.Idle:
      case Phase.Loading:
        return skeleton(m, 4);
      case Phase.Error:
        return sessionError(m, state.code, this.loadSource);
      case Phase.Succeeded:
        return session ? success(m, session, locale, state.earlier ? undefined : state.attempt.channel, state.attempt.paymentId) : nothing;
      case Phase.Expired:
        return html`
          ${session ? summary(m, session, amountOf(session, locale), this.serverNow) : nothing}
          <p class="message error" part="message" role="alert">${m.errors.session_expired}</p>
        `;
      default:
        return session ? this.renderPayment(m, session, locale) : nothing;
    }
  }

  private renderPayment(m: Messages, session: Session, locale: SupportedLocale) {
    const { flow: state, channelId, notice } = this.checkout.state;
    const paymentViews = this.views;
    const p = paymentViews?.paymentMessagesFor(locale, this.strings?.payment);
    const busy = state.phase === Phase.Paying || state.phase === Phase.Pending;
    const amount = amountOf(session, locale);
    const failure = state.phase === Phase.Ready ? state.failure : undefined;
    const byCard = this.checkout.channel?.kind === 'card';
    const saved = this.cards.view(session, byCard, this.checkout.serverNow());
    const { listed, ready, bySavedCard } = saved;
    const label = payLabel(m, amount, { busy, selected: !!channelId, byCard, saved, card: this.cards.card });
    const views = this.channelViews(m, session, locale);
    const pending = state.phase === Phase.Pending;
    const noneAvailable = !channelId && views.every((v) => !v.available);
    const offline = !this.checkout.waits.online;
    return html`
      ${summary(m, session, amount, this.serverNow)}
      ${session.notices?.length
        ? html`<shouyin-notices .notices=${session.notices} .messages=${m.channels}></shouyin-notices>`
        : nothing}
      <shouyin-channel-list
        part="channels"
        .channels=${views}
        .value=${channelId}
        .label=${m.channelsLabel}
        ?disabled=${busy}
        @shouyin-channel-select=${this.onChannelChange}
      ></shouyin-channel-list>
      ${listed && !ready ? skeleton(m, session.savedCards.length + 1, true) : nothing}
      ${listed && ready
        ? html`
            <shouyin-saved-cards
              part="saved-cards"
              .cards=${session.savedCards}
              .now=${this.checkout.serverNow()}
              .messages=${m}
              .locale=${locale}
              .strings=${this.strings?.savedCards}
              .remover=${this.checkout.removeCard}
              .beforeCardRemove=${this.beforeCardRemove}
              ?require-cvv=${session.card?.savedCardCvv ?? false}
              ?disabled=${busy}
              @shouyin-saved-card-change=${this.cards.onSavedCardChange}
            ></shouyin-saved-cards>
          `
        : nothing}
      ${byCard && !bySavedCard
        ? html`
            <shouyin-card-form
              part="card-form"
              .messages=${m.card}
              .now=${this.checkout.serverNow()}
              ?require-name=${session.card?.holderName ?? false}
              ?disabled=${busy}
              @shouyin-card-change=${this.cards.onCardChange}
            ></shouyin-card-form>
          `
        : nothing}
      ${failure ? html`<p class="message error" part="message" role="alert">${m.failures[failure.code]}</p>` : nothing}
      ${state.phase === Phase.Pending && paymentViews && p ? paymentViews.actionView(m, p, session, amount, state.action) : nothing}
      ${notice && paymentViews && p
        ? paymentViews.fallbackNotice(m, p, session, notice, amount, busy, { accept: this.onAcceptFallback, undo: this.onUndoFallback })
        : nothing}
      ${noneAvailable ? html`<p class="message error" part="message" role="alert">${m.fallback.noneAvailable}</p>` : nothing}
      ${pending ? html`<p class="message" part="message" role="status">${m.pendingStatus}</p>` : nothing}
      ${offline ? html`<p class="message error" part="message" role="status">${m.offline}</p>` : nothing}
      <div class="actions">
        ${pending
          ? html`
              <button type="button" class="check" @click=${this.onCheckPayment}>${m.checkPayment}</button>
              <button type="button" class="check" @click=${this.onUseAnother}>${m.fallback.useAnother}</button>
            `
          : nothing}
        <button
          type="button"
          class="primary"
          part="pay-button"
          aria-disabled=${busy || !channelId ? 'true' : 'false'}
          @click=${this.onPay}
          .textContent=${label}
        ></button>
      </div>
    `;
  }

  private readonly serverNow = (): number => this.checkout.serverNow();

  /** Where the cashier runs: the host's `env` when it names one, else what the browser says. */
  private environment(): Environment {
    return ENVIRONMENTS.find((env) => env === this.env) ?? (environment ??= detectEnvironment(probeBrowser()));
  }

  private channelViews(m: Messages, session: Session, locale: SupportedLocale): ChannelView[] {
    const context = {
      ...availability(session, this.checkout.serverNow(), this.environment()),
      currency: session.order.currency,
      locale,
      messages: m,
    };
    const views = session.channels.map((channel) => describeChannel(channel, context));
    // Views equal to the last render's stay the same array, so the channel list renders only
    // when what it shows changed (not on a card key that changes the pay button's words).
    const key = JSON.stringify(views);
    if (key !== this.shownViews.key) this.shownViews = { key, views };
    return this.shownViews.views;
  }
}

/** Where this page runs: the user agent and pointer do not change while it is open, so it is read once. */
let environment: Environment | undefined;

declare global {
  interface HTMLElementTagNameMap {
    'shouyin-checkout': ShouyinCheckout;
  }
}
