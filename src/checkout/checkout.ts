import { LitElement, html, nothing } from 'lit';
import { AssistantController } from '../assistant/assistant-controller.js';
import { DEFAULT_HINT_DELAY, SLOW_AFTER } from '../assistant/rules.js';
import { CareController } from '../care/care-controller.js';
import { describeChannel, type ChannelView } from '../channels/describe.js';
import { ShouyinChannelList } from '../channels/channel-list.js';
import { detectEnvironment, probeBrowser } from '../env/detect.js';
import { loadGuide, loadPreview, loadSeal } from '../lazy/load.js';
import { CatalogController } from '../i18n/catalog-controller.js';
import { messagesFor, resolveLocale, type SupportedLocale } from '../i18n/locale.js';
import { nearestLang } from '../i18n/nearest-lang.js';
import type { MessageOverrides, Messages } from '../i18n/messages.js';
import { emit, type ShouyinEventDetails } from '../events/events.js';
import { ErrorCode } from '../protocol/codes.js';
import { ENVIRONMENTS, type Environment, type SavedCard, type Session, type SessionInput } from '../protocol/schemas.js';
import type { BeforeCardRemove } from '../saved-cards/saved-cards.js';
import { base, tokens } from '../theme/tokens.js';
import { CheckoutController } from './effects/checkout-controller.js';
import { checkoutStyles } from './checkout.styles.js';
import { amountOf, channelName, sessionError, skeleton, success, successText, summary } from './checkout-views.js';
import { failureText } from './failure-text.js';
import { toldByBindingForm } from '../binding/told-by-form.js';
import { payLabel } from './pay-label.js';
import { CardEntry } from './card-entry.js';
import { Phase } from './core/flow.js';
import { availability } from './core/reduce.js';
import { RevealController } from './reveal-controller.js';

const COLOR_SCHEMES = ['auto', 'light', 'dark'] as const;
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
 * @fires shouyin-hint - The assistant offered a hint (`hint`: its code, `message`: its words); a host may offer human help.
 * @fires shouyin-error - The cashier cannot work (session missing, unreachable, malformed, expired).
 * @fires shouyin-guide - The payer asked how to pay with a wallet this super-app blocks (`channel`, `env`). Cancelable: `preventDefault()` and show your own guide.
 *
 * In preview mode (`preview`) every event's detail also carries `preview: true`.
 *
 * @csspart base - The panel that holds everything.
 * @csspart summary - Merchant, description and amount.
 * @csspart amount - The amount due.
 * @csspart channels - The channel list.
 * @csspart card-form - The card form (when the card channel is selected).
 * @csspart card-binding - The 快捷支付 binding form, instead of the card form when the session has `endpoints.bindings`.
 * @csspart saved-cards - The saved card list (card channel, when the session has saved cards).
 * @csspart passkey-note - Under the saved cards: a fingerprint or face confirms the chosen card, or why not this time (docs/passkeys.md).
 * @csspart passkey-offer - Under 支付成功: the offer to pay with a fingerprint or face next time, then how it went.
 * @csspart message - An error or failure message.
 * @csspart pay-button - The pay button.
 * @csspart fallback-button - Accepts the offered fallback channel (prompt mode).
 * @csspart success - The success view.
 * @csspart guide - The guide to opening the page in the system browser (`<shouyin-open-guide>`), for a wallet the super-app blocks.
 * @csspart hint - The assistant's hint (`<shouyin-hint>`, its own parts `text` and `dismiss`), once it has one to give.
 * @csspart care-switch - The "大字模式" switch (`aria-pressed`) that turns care mode on and off.
 * @csspart other-channels - Care mode's "其他支付方式" button, which shows the channels other than the chosen one.
 * @csspart read-aloud - Care mode's "朗读" button (where the device can speak).
 * @csspart care-step - Care mode's step the payer is on ("第 2 步（共 5 步）：输入银行卡号"), a polite live region.
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
 * @cssproperty [--shouyin-font-size-badge=12px] - Size of badges ("新", card brands, card status).
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
    guideUrl: { attribute: 'guide-url' },
    preview: { type: Boolean },
    previewState: { attribute: 'preview-state' },
    assistant: {},
    hintDelay: { attribute: 'hint-delay', type: Number },
    care: { type: Boolean, reflect: true },
    cardFrame: { attribute: 'card-frame' },
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
  /** Your page on opening this one outside the super-app; "how to open" on a blocked wallet goes there (through `navigate`) instead of the built-in guide. */
  declare guideUrl: string | null;
  /** Renders from a built-in sample session with no backend (docs/preview.md); its code loads only then. */
  declare preview: boolean;
  /** The screen preview mode shows: `ready` (default), `card`, `card-errors`, `saved-cards`, `removal-dialog`, `pending`, `qr`, `redirect`, `fallback`, `failure`, `success`, `expired`, `offline`. */
  declare previewState: string | null;
  /** `off` turns the assistant's hints off (docs/assistant.md); on otherwise. */
  declare assistant: string | null;
  /** Milliseconds an unfinished step may sit untouched before the assistant says what is missing (default 20000). */
  declare hintDelay: number | undefined;
  /** Care mode for older payers (docs/care-mode.md): larger text and targets, higher contrast, plain words, read-aloud. The payer's own switch, remembered on the device, wins. Reflected. */
  declare care: boolean;
  /** The card platform's card frame page (docs/card-frame.md): when set, card data is typed in that iframe, never in this page. */
  declare cardFrame: string | null;

  /** The catalog for the element's locale: zh-CN at once, another one once its chunk is here. */
  private readonly catalog = new CatalogController(this, () =>
    resolveLocale(this.locale, nearestLang(this), globalThis.document?.documentElement.lang),
  );
  private readonly checkout = new CheckoutController(this, {
    messages: () => messagesFor(this.resolvedLocale, this.overrides),
    locale: () => this.resolvedLocale,
    catalog: () => this.catalog.want(),
    env: () => this.environment(),
    navigate: (url) => this.navigate(url),
    pollDelays: () => this.pollDelays,
    clearCard: (reset) => this.cards.clear(reset),
    cardFrame: () => !!this.cardFrame,
  });
  /** The card channel's inputs: the saved card list, the card form, and what each last said. */
  private readonly cards: CardEntry = new CardEntry(this, this.checkout);
  /** Focus and view after a change of state, and clear of the sticky bar. */
  private readonly reveals = new RevealController(this, () => ({ ...this.checkout.state, paymentViews: !!this.checkout.chunks.module('payment') }));
  /** The blocked wallet whose guide is open. */
  private guideFor: string | undefined;
  /** The assistant: it watches the payer's path; its rules and hint come in their chunk at the first sign of trouble. */
  private readonly hints = new AssistantController(this, {
    enabled: () => this.assistant !== 'off',
    now: () => Date.now(),
    // Care mode: hints come in half the time.
    options: () => ({ hintDelay: (this.hintDelay ?? DEFAULT_HINT_DELAY) / (this.care ? 2 : 1), slowAfter: SLOW_AFTER }),
    missing: () => this.missingStep(),
    channelName: (id) => {
      const { session } = this.checkout.state;
      return session ? channelName(messagesFor(this.resolvedLocale, this.overrides), session, id) : id;
    },
    offline: () => messagesFor(this.resolvedLocale, this.overrides).offline,
  });
  /** Care mode: the payer's switch, its chunk's words and views (the step the payer is on among them). */
  private readonly careMode = new CareController(this, {
    checkout: this.checkout,
    cards: this.cards,
    missing: () => this.missingStep(),
  });
  /** The channel views the last render gave the list, and their JSON. */
  private shownViews: { key: string; views: ChannelView[] } = { key: '', views: [] };

  constructor() {
    super();
    this.locale = null;
    this.env = null;
    this.colorScheme = 'auto';
    this.guideUrl = null;
    this.preview = false;
    this.care = false;
    this.cardFrame = null;
    this.navigate = (url) => globalThis.location.assign(url);
  }

  /** The host's strings, over care mode's plain words while it is on. */
  private get overrides(): MessageOverrides | undefined {
    return this.careMode.overrides(this.strings);
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
  }

  private onChannelChange(event: Event): void {
    const value = (event.target as ShouyinChannelList).value;
    if (!value) return;
    this.checkout.select(value);
    this.reveals.chose(this.checkout.channel?.kind === 'card');
  }

  private onPay(): void {
    const { flow } = this.checkout.state;
    // Held after a failure that would repeat as it is: the press goes back to what says why,
    // and offers what else there is, instead of sending the same payment again.
    const held = flow.phase === Phase.Ready && flow.failure?.repeats && this.renderRoot.querySelector<HTMLElement>('[data-reveal="f"]');
    if (held) return this.reveals.reveal(held);
    if (this.checkout.channel?.kind !== 'card') return this.checkout.pay();
    const instrument = this.cards.take(this.passkeys);
    if (instrument) this.checkout.pay(instrument);
  }

  /** Passkey confirmation of saved cards (docs/passkeys.md), once its chunk is here. */
  private get passkeys() {
    return this.checkout.chunks.module('passkey')?.passkeysFor(this, this.checkout);
  }

  /** "How to open" on a wallet the super-app blocks: the host's page or guide, else ours (a lazy chunk). */
  private onGuide(event: CustomEvent<string>): void {
    const channel = event.detail;
    if (!emit(this, 'shouyin-guide', { channel, env: this.environment() })) return;
    if (this.guideUrl) return this.navigate(this.guideUrl);
    loadGuide().then(() => {
      this.guideFor = channel;
      this.requestUpdate();
    }, () => undefined);
  }

  private onGuideClose(): void {
    this.guideFor = undefined;
    this.requestUpdate();
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
    const m = messagesFor(locale, this.overrides);
    const said = this.said(m, locale);
    // The live regions are there, empty, before anything is said in them (a region inserted
    // with its text is not announced by every screen reader); they stay from paying to paid.
    return html`<section part="base" class="panel" aria-label=${m.checkoutLabel} lang=${locale} @focusin=${this.reveals.onFocusIn}>
      ${this.renderBody(m, locale)}
      ${said
        ? html`<p class="visually-hidden" role="status">${said[0]}</p>
            <p class="visually-hidden" role="alert">${said[1]}</p>`
        : nothing}
    </section>`;
  }

  /** What the live regions say (polite, assertive), in the phases that have them. */
  private said(m: Messages, locale: SupportedLocale): [string, string] | undefined {
    const { flow, session } = this.checkout.state;
    if (!session) return undefined;
    switch (flow.phase) {
      case Phase.Succeeded:
        return [`${m.successTitle}. ${successText(m, session, locale, flow.earlier ? undefined : flow.attempt.channel)} ${m.successReference(flow.attempt.paymentId)}`, ''];
      case Phase.Pending:
        return [m.pendingStatus, ''];
      case Phase.Ready:
        return ['', flow.failure ? failureText(m, session, flow.failure.code, flow.failure.channel) : ''];
      case Phase.Paying:
        return ['', ''];
      case Phase.Expired:
        return ['', m.errors.session_expired];
      default:
        return undefined;
    }
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
        return session
          ? html`${success(m, successText(m, session, locale, state.earlier ? undefined : state.attempt.channel), state.attempt.paymentId)}${this.careMode.view?.readAloud(m.successTitle)}${this.passkeys?.offer(session, locale, this.strings?.passkey)}`
          : nothing;
      case Phase.Expired:
        return html`
          ${session ? summary(m, session, amountOf(session, locale), this.serverNow, this.hostLang()) : nothing}
          <p class="message error" part="message" tabindex="-1" data-reveal="x">${m.errors.session_expired}</p>
        `;
      default:
        return session ? this.renderPayment(m, session, locale) : nothing;
    }
  }

  private renderPayment(m: Messages, session: Session, locale: SupportedLocale) {
    const { flow: state, channelId, notice } = this.checkout.state;
    // The views of a payment under way (its fallback notice, its action), once their chunk is here.
    const paymentViews = this.checkout.chunks.module('payment');
    const p = paymentViews?.paymentMessagesFor(locale, this.strings?.payment);
    const busy = state.phase === Phase.Paying || state.phase === Phase.Pending;
    const amount = amountOf(session, locale);
    const failure = state.phase === Phase.Ready && !(state.failure && toldByBindingForm(state.failure.code)) ? state.failure : undefined;
    const byCard = this.checkout.channel?.kind === 'card';
    const saved = this.cards.view(session, byCard, this.checkout.serverNow(), this.passkeys);
    const { listed, ready, bySavedCard } = saved;
    const pk = this.passkeys;
    const blocked = !!failure?.repeats;
    const label = payLabel(m, amount, { busy, selected: !!channelId, byCard, saved, card: this.cards.card, blocked });
    const views = this.channelViews(m, session, locale);
    const pending = state.phase === Phase.Pending;
    const noneAvailable = !channelId && views.every((v) => !v.available);
    const offline = !this.checkout.waits.online;
    const care = this.careMode.view;
    return html`
      ${this.careMode.switchButton(m)}
      ${summary(m, session, amount, this.serverNow, this.hostLang())}
      ${care?.readAloud()}
      ${session.notices?.length
        ? html`<shouyin-notices .notices=${session.notices} .messages=${m.channels} .hostLang=${this.hostLang()}></shouyin-notices>`
        : nothing}
      <shouyin-channel-list
        part="channels"
        .channels=${this.careMode.channels(views, channelId)}
        .value=${channelId}
        .label=${m.channelsLabel}
        .hostLang=${this.hostLang()}
        .more=${care?.messages().more}
        ?disabled=${busy}
        @shouyin-channel-select=${this.onChannelChange}
        @shouyin-channel-guide=${this.onGuide}
      ></shouyin-channel-list>
      ${this.guideFor
        ? html`<shouyin-open-guide
            part="guide"
            .channel=${channelName(m, session, this.guideFor)}
            .env=${this.environment()}
            .locale=${locale}
            .strings=${this.strings?.guide}
            @shouyin-guide-close=${this.onGuideClose}
          ></shouyin-open-guide>`
        : nothing}
      ${care?.others(channelId, views.length)}
      ${care?.step()}
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
              ?require-cvv=${pk ? pk.cvv(session, saved.cardId) : (session.card?.savedCardCvv ?? false)}
              card-frame=${this.cardFrame ?? nothing}
              ?disabled=${busy}
              @shouyin-saved-card-change=${this.cards.onSavedCardChange}
            ></shouyin-saved-cards>
            ${bySavedCard ? pk?.note(session, saved.cardId, locale, this.strings?.passkey) : nothing}
          `
        : nothing}
      ${saved.bySms ? this.renderCardCode(saved.bySms, session, busy, locale) : nothing}
      ${byCard && !bySavedCard ? this.renderCardForm(m, session, busy, locale) : nothing}
      ${failure || notice
        ? html`<div class="outcome" role="group" tabindex="-1" data-reveal="f" aria-labelledby="failure-text notice-text">
            ${failure
              ? html`<p class="message error" part="message" id="failure-text">${failureText(m, session, failure.code, failure.channel)}</p>`
              : nothing}
            ${notice && paymentViews && p
              ? paymentViews.fallbackNotice(m, p, session, notice, amount, busy, { accept: this.onAcceptFallback, undo: this.onUndoFallback })
              : nothing}
          </div>`
        : nothing}
      ${state.phase === Phase.Pending && paymentViews && p ? paymentViews.actionView(m, p, session, amount, state.action) : nothing}
      ${noneAvailable ? html`<p class="message error" part="message" role="alert">${m.fallback.noneAvailable}</p>` : nothing}
      ${pending ? html`<p class="message" part="message" id="pending-text">${m.pendingStatus}</p>` : nothing}
      ${offline ? html`<p class="message error" part="message" role="status">${m.offline}</p>` : nothing}
      <div
        class=${pending ? 'actions waiting' : 'actions'}
        role=${pending ? 'group' : nothing}
        aria-labelledby=${pending ? 'pending-text' : nothing}
        tabindex=${pending ? '-1' : nothing}
        data-reveal=${pending ? 'p' : nothing}
      >
        <!-- The hint rides in the sticky bar: in view wherever in the form the payer is stuck. -->
        ${this.hints.view()}
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
          aria-disabled=${busy || !channelId || blocked ? 'true' : 'false'}
          @click=${this.onPay}
          .textContent=${label}
        ></button>
      </div>
    `;
  }

  /**
   * The card form: in the card platform's frame when `card-frame` is set, else the binding form
   * where the card channel binds Chinese bank cards, else in this page; once its chunk is here, a
   * placeholder until then, and a message if it cannot load.
   */
  private renderCardForm(m: Messages, session: Session, busy: boolean, locale: SupportedLocale) {
    const binds = !!session.endpoints.bindings;
    const { chunks } = this.checkout;
    // With both, the binding form and its fields in the frame: both chunks.
    const statuses = [chunks.get(binds ? 'binding' : this.cardFrame ? 'card-frame' : 'card')?.status, this.cardFrame ? chunks.get('card-frame')?.status : 'ready'];
    if (statuses.includes('failed')) return html`<p class="message error" part="message" role="alert">${m.cardFormUnavailable}</p>`;
    if (statuses.some((s) => s !== 'ready')) return skeleton(m, binds ? 4 : 3);
    if (binds && this.cardFrame) {
      return html`
        <shouyin-frame-binding
          part="card-binding"
          src=${this.cardFrame}
          .messages=${m}
          .scheme=${this.colorScheme}
          .session=${session}
          .base=${this.checkout.endpointBase}
          .now=${this.serverNow}
          .seal=${loadSeal}
          .locale=${locale}
          ?disabled=${busy}
          @shouyin-card-change=${this.cards.onCardChange}
        ></shouyin-frame-binding>
      `;
    }
    if (this.cardFrame) {
      return html`
        <shouyin-card-frame
          part="card-form"
          src=${this.cardFrame}
          .messages=${m}
          .locale=${locale}
          .scheme=${this.colorScheme}
          .now=${this.checkout.serverNow()}
          ?require-name=${session.card?.holderName ?? false}
          .disabled=${busy}
          @shouyin-card-change=${this.cards.onCardChange}
        ></shouyin-card-frame>
      `;
    }
    return binds
      ? html`
          <shouyin-card-binding
            part="card-binding"
            .session=${session}
            .base=${this.checkout.endpointBase}
            .now=${this.serverNow}
            .seal=${loadSeal}
            .locale=${locale}
            ?disabled=${busy}
            @shouyin-card-change=${this.cards.onCardChange}
          ></shouyin-card-binding>
        `
      : html`
          <shouyin-card-form
            part="card-form"
            .messages=${m.card}
            .now=${this.checkout.serverNow()}
            ?require-name=${session.card?.holderName ?? false}
            ?disabled=${busy}
            @shouyin-card-change=${this.cards.onCardChange}
          ></shouyin-card-form>
        `;
  }

  private readonly serverNow = (): number => this.checkout.serverNow();

  /** A saved bound card's SMS step: the binding form for that card (its chunk comes with the card channel). */
  private renderCardCode(card: SavedCard, session: Session, busy: boolean, locale: SupportedLocale) {
    if (this.checkout.chunks.get('binding')?.status !== 'ready') return nothing;
    return html`<shouyin-card-binding
      part="card-binding"
      .session=${session}
      .savedCard=${card}
      .base=${this.checkout.endpointBase}
      .now=${this.serverNow}
      .seal=${loadSeal}
      .locale=${locale}
      ?disabled=${busy}
      @shouyin-card-change=${this.cards.onCardChange}
    ></shouyin-card-binding>`;
  }

  /**
   * The language of the host's words in the session (merchant, description): the page's, where
   * the host wrote them, whatever the cashier's `locale`. No session field says it (yet), so the
   * nearest `lang` around the element, else the document's; none at all: zh-CN, the default.
   */
  private hostLang(): string {
    return nearestLang(this) || globalThis.document?.documentElement.lang || 'zh-CN';
  }

  /** What the payer's step still lacks, for the assistant: a channel, a card field; `null` when it can pay (or is not asked to). */
  private missingStep(): string | null {
    const { flow, session, channelId } = this.checkout.state;
    if (flow.phase !== Phase.Ready || !session) return null;
    if (!channelId) return 'channel';
    if (this.checkout.channel?.kind !== 'card') return null;
    const saved = this.cards.view(session, true, this.checkout.serverNow());
    // A saved bound card waits for its SMS code, as its binding form says.
    if (saved.bySms) return this.cards.card.awaiting ?? null;
    return saved.bySavedCard ? (saved.complete ? null : 'cvv') : (this.cards.card.missing ?? this.cards.card.awaiting ?? null);
  }

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
