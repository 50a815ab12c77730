import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import type { CardChangeDetail } from '../card/card-form.js';
import { SealUnavailable, type PrepareInstrument } from '../checkout/effects/instruments.js';
import { emit } from '../events/events.js';
import type { Messages } from '../i18n/messages.js';
import type { SupportedLocale } from '../i18n/locale.js';
import { ErrorCode } from '../protocol/codes.js';
import { parseWith } from '../protocol/parse.js';
import type { Session } from '../protocol/schemas.js';
import { tokens as tokenStyles } from '../theme/tokens.js';
import { FromFrameSchema, type BindingFrameField, type FrameChange, type FromFrame, type Look, type ToFrame } from './messages.js';
import { LinkPhase, reduceLink, type LinkEvent } from './link.js';
import { httpOrigin } from './origins.js';
import { TOKEN_NAMES } from './tokens.js';

/** How long the frame has to load and answer `init`; and, once open, to answer a seal. */
export const FRAME_TIMEOUTS = { ready: 6_000, answer: 5_000 };

/**
 * The card fields in an iframe of the card platform's origin (`card-frame` on the checkout).
 * It opens one `MessageChannel` to the frame, tells it the cashier's locale, color scheme and
 * token values, relays what the frame says the pay button needs, and asks it for the sealed card
 * when the payer pays. No card data is in this page: the frame encrypts, and only the JWE (and
 * the brand) comes back.
 *
 * @tagname shouyin-card-frame
 * @fires shouyin-card-change - What the frame says as the payer types (complete, what is missing, brand); never the number. Bubbles, not composed.
 * @fires shouyin-error - `card_frame_unavailable`: the frame did not load, refused this page, or stopped answering.
 * @csspart frame - The iframe.
 */
export class ShouyinCardFrame extends LitElement {
  static override styles = [
    tokenStyles,
    css`
      :host {
        display: block;
      }
      /* The frame page keeps 6px around its fields for their focus rings (card-frame.css): pulled out by as much. */
      iframe {
        display: block;
        inline-size: calc(100% + 12px);
        block-size: 0;
        margin-inline: -6px;
        border: 0;
        color-scheme: inherit;
        /* Not shown: a probe of the color scheme around. When it changes (the checkout's
           color-scheme, or the payer's system under auto), this color transitions and the frame
           is told the new look (onSchemeChange). */
        color: light-dark(rgb(0 0 0), rgb(255 255 255));
        transition: color 1ms;
      }
      /* Until the frame says its height, it takes no room at all. */
      iframe.sized {
        margin-block: -6px;
      }
      .message {
        margin: 0;
        padding: var(--_space-small) var(--_space);
        border-radius: var(--_radius-small);
        background: var(--_color-surface-muted);
        color: var(--_color-danger);
      }
    `,
  ];

  static override properties = {
    src: {},
    messages: { attribute: false },
    locale: {},
    scheme: {},
    requireName: { type: Boolean, attribute: 'require-name' },
    cvvFor: { attribute: 'cvv-for' },
    binding: { attribute: false, hasChanged: (a: unknown, b: unknown) => String(a) !== String(b) },
    label: {},
    disabled: { type: Boolean },
    now: { attribute: false, hasChanged: () => false },
    link: { state: true },
  };

  /** The frame page's URL, on the card platform's origin (`http:` or `https:`). */
  declare src: string;
  /** The checkout's catalog: the frame's name, and the words when it is unavailable. */
  declare messages: Messages | undefined;
  /** The cashier's locale, passed on to the frame. */
  declare locale: SupportedLocale;
  /** The checkout's `color-scheme` (`auto` follows the payer's system), passed on to the frame as `light` or `dark`. */
  declare scheme: 'auto' | 'light' | 'dark';
  /** Ask for the holder's name too. */
  declare requireName: boolean;
  /** A saved card's brand id: the frame asks for that card's CVV alone (the saved card list sets it). */
  declare cvvFor: string | null;
  /**
   * The binding form's fields after the number (the binding form sets it from the card info):
   * the frame shows the binding form's card and identity fields and seals them as its details.
   * `null`: the card form.
   */
  declare binding: readonly BindingFrameField[] | null;
  /** The frame's name for assistive technology; without it, the card form's (the binding form names its own). */
  declare label: string | undefined;
  /** Disables the fields (while paying). */
  declare disabled: boolean;
  /** The backend's time (ms), for the frame's expiry check and the seal's time. */
  declare now: number;
  /** The link's phase (`link.ts`); a state, so the failed message renders. */
  private declare link: LinkPhase;

  private port: MessagePort | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private last: CardChangeDetail | FrameChange = { complete: false, missing: 'number', problem: null, brand: null, field: null };
  private seals = 0;
  private readonly waiting = new Map<number, (answer: FromFrame | undefined) => void>();

  constructor() {
    super();
    this.src = '';
    this.locale = 'zh-CN';
    this.scheme = 'auto';
    this.requireName = false;
    this.cvvFor = null;
    this.binding = null;
    this.disabled = false;
    this.now = Date.now();
    this.link = LinkPhase.Connecting;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.feed({ type: 'connected' });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.feed({ type: 'disconnected' });
  }

  /** Runs the link's state machine on `event` and carries out its effects. */
  private feed(event: LinkEvent): void {
    const { phase, effects } = reduceLink(this.link, event);
    this.link = phase;
    for (const effect of effects) {
      switch (effect.type) {
        case 'arm':
          clearTimeout(this.timer);
          this.timer = setTimeout(() => this.feed({ type: 'timeout' }), FRAME_TIMEOUTS.ready);
          break;
        case 'disarm':
          clearTimeout(this.timer);
          break;
        case 'offer':
          this.offer();
          break;
        case 'close':
          this.close();
          break;
        case 'unavailable':
          this.unavailable();
      }
    }
  }

  private get frameOrigin(): string | undefined {
    return httpOrigin(this.src, document.baseURI);
  }

  private get iframe(): HTMLIFrameElement | null {
    return this.renderRoot.querySelector('iframe');
  }

  private close(): void {
    this.port?.close();
    this.port = undefined;
    for (const resolve of this.waiting.values()) resolve(undefined);
    this.waiting.clear();
  }

  private unavailable(): void {
    this.last = { complete: false, missing: null, problem: null, brand: null, field: null };
    this.dispatchEvent(new CustomEvent('shouyin-card-change', { detail: this.last, bubbles: true }));
    emit(this, 'shouyin-error', { code: ErrorCode.CardFrameUnavailable, message: this.messages?.errors.card_frame_unavailable ?? '' });
  }

  /** The token values as this element computes them: the host's `--shouyin-*` overrides, or nothing (the frame's defaults). */
  private look(): Look {
    const style = getComputedStyle(this);
    const tokens = TOKEN_NAMES.map((name) => ({ name, value: style.getPropertyValue(name).trim() })).filter((t) => t.value !== '');
    // `auto`: what the page around says (the checkout's `color-scheme` reaches here as CSS), else the payer's system.
    const scheme = this.scheme === 'auto' ? style.colorScheme : this.scheme;
    const dark = scheme === 'dark' || (scheme !== 'light' && matchMedia('(prefers-color-scheme: dark)').matches);
    return { locale: this.locale, scheme: dark ? 'dark' : 'light', tokens };
  }

  /** What the frame last said (complete, what is missing and why, the brand; for the binding form, the issuer prefix). */
  get said(): CardChangeDetail | FrameChange {
    return this.last;
  }

  private form() {
    return { requireName: this.requireName, disabled: this.disabled, now: this.now, cvvFor: this.cvvFor, binding: this.binding && [...this.binding] };
  }

  private post(message: ToFrame): void {
    this.port?.postMessage(message);
  }

  /** The color scheme around changed after the frame loaded: the frame follows it. */
  private onSchemeChange(): void {
    this.post({ t: 'look', look: this.look() });
  }

  private onLoad(): void {
    this.feed({ type: 'loaded', reachable: !!this.frameOrigin && !!this.iframe?.contentWindow });
  }

  /** One channel, offered to the frame's exact origin (never `*`). */
  private offer(): void {
    const origin = this.frameOrigin;
    const target = this.iframe?.contentWindow;
    if (!origin || !target) return;
    this.port?.close();
    const channel = new MessageChannel();
    this.port = channel.port1;
    this.port.onmessage = (event) => this.onMessage(event);
    target.postMessage({ t: 'init', v: 1, look: this.look(), form: this.form() }, origin, [channel.port2]);
  }

  private onMessage(event: MessageEvent): void {
    const message = parseWith(FromFrameSchema, event.data);
    if (!message) return;
    switch (message.t) {
      case 'ready':
        return this.feed({ type: 'ready' });
      case 'size': {
        const frame = this.iframe;
        if (!frame) return;
        frame.style.blockSize = `${message.height}px`;
        frame.classList.add('sized');
        return;
      }
      case 'change': {
        const { complete, missing, problem, brand, field, iin } = message;
        this.last = { complete, missing, problem, brand, field, ...(iin ? { iin } : {}) };
        // The issuer prefix stays on the element (`said`), for the binding form's card info request: no event carries a digit.
        this.dispatchEvent(new CustomEvent('shouyin-card-change', { detail: { complete, missing, problem, brand, field }, bubbles: true }));
        return;
      }
      default:
        this.waiting.get(message.id)?.(message);
    }
  }

  override updated(changed: PropertyValues<this>): void {
    if (!this.port) return;
    if (changed.has('locale') || changed.has('scheme')) this.post({ t: 'look', look: this.look() });
    if (changed.has('requireName') || changed.has('disabled') || changed.has('cvvFor') || changed.has('binding')) this.post({ t: 'form', form: this.form() });
  }

  /**
   * What pays, when the frame says the card is complete: a preparation that asks the frame to
   * seal it for the session's order. Otherwise the frame shows what is missing, and focus goes there.
   */
  take(): PrepareInstrument | undefined {
    return this.complete() ? async (session, now) => ({ type: 'card', encrypted: await this.seal('card', session, now) }) : undefined;
  }

  /** For a saved card (`cvv-for`): when the frame says its CVV is complete, what seals it for `instrument.encryptedCvv`. */
  takeCvv(): ((session: Session, now: number) => Promise<string>) | undefined {
    return this.complete() ? (session, now) => this.seal('cvv', session, now) : undefined;
  }

  /**
   * For the binding form (`binding`): when the frame says its fields are complete, what seals
   * them as the binding request's details; otherwise the frame shows what is missing.
   */
  takeBinding(): ((session: Session, now: number) => Promise<string>) | undefined {
    return this.complete() ? (session, now) => this.seal('binding', session, now) : undefined;
  }

  /** Whether the frame can seal now; if not, the payer is taken to what is missing (or to the message that the frame is unavailable). */
  private complete(): boolean {
    if (this.link === LinkPhase.Failed) this.renderRoot.querySelector<HTMLElement>('[role=alert]')?.focus();
    if (this.link !== LinkPhase.Open) return false;
    if (this.last.complete) return true;
    this.iframe?.focus();
    this.post({ t: 'show-errors' });
    return false;
  }

  /** After a decline the CVV goes; after success or expiry, everything. */
  clear(reset: boolean): void {
    this.post({ t: 'clear', reset });
  }

  /**
   * The JWE the frame sealed for `session`'s order. A frame that does not answer in time rejects
   * with `SealUnavailable` (the attempt fails as `network_error`, nothing sent); a key the frame
   * refuses rejects like a session without a key (`channel_unavailable`).
   */
  private async seal(what: 'card' | 'cvv' | 'binding', session: Session, now: number): Promise<string> {
    const key = session.encryption;
    if (!key) throw new Error('the session has no card encryption key');
    const id = ++this.seals;
    const answer = await new Promise<FromFrame | undefined>((resolve) => {
      const timer = setTimeout(() => resolve(undefined), FRAME_TIMEOUTS.answer);
      this.waiting.set(id, (message) => {
        clearTimeout(timer);
        resolve(message);
      });
      const { id: sessionId, order } = session;
      this.post({ t: 'seal', id, what, now, key: { kid: key.kid, jwk: key.jwk }, binding: { sessionId, orderId: order.id, amount: order.amount, currency: order.currency } });
    });
    this.waiting.delete(id);
    if (answer?.t === 'sealed') return answer.jwe;
    if (answer?.t === 'not-sealed' && answer.reason === 'key') throw new Error('the card frame refused the session key');
    throw new SealUnavailable();
  }

  override render() {
    const m = this.messages;
    if (!m) return nothing;
    if (this.link === LinkPhase.Failed) return html`<p class="message" part="message" role="alert" tabindex="-1">${m.errors.card_frame_unavailable}</p>`;
    return html`<iframe
      part="frame"
      src=${this.frameOrigin ? this.src : 'about:blank'}
      title=${this.label ?? m.card.legend}
      allow="payment"
      @load=${this.onLoad}
      @transitionend=${this.onSchemeChange}
    ></iframe>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'shouyin-card-frame': ShouyinCardFrame;
  }
}
