import { LitElement, css, html, nothing } from 'lit';
import { messagesFor, type SupportedLocale } from '../i18n/locale.js';
import type { GuideMessages } from '../i18n/messages.js';
import type { Environment } from '../protocol/schemas.js';
import { base, tokens } from '../theme/tokens.js';
import { guideMessagesFor } from './guide-messages.js';

/**
 * How to open this page in the system browser, for a wallet the super-app will not open: a modal
 * dialog with the steps through the app's `···` menu, a picture of them, and the page's link to
 * copy. Inside a mini-program, whose menu has no "open in browser", the steps copy the link
 * instead. Escape or "关闭" closes it, and focus goes back to what had it (the row's button).
 * In the guide chunk; the checkout renders it when the payer asks and the host did not take over.
 *
 * @tagname shouyin-open-guide
 * @fires shouyin-guide-close - The dialog closed. Bubbles, not composed.
 */
export class ShouyinOpenGuide extends LitElement {
  static override styles = [
    tokens,
    base,
    css`
      dialog {
        box-sizing: border-box;
        inline-size: min(92vw, 400px);
        max-block-size: 92dvh;
        overflow: auto;
        padding: var(--_space);
        border: 0;
        border-radius: var(--_radius);
        color: var(--_color-text);
        background: var(--_color-surface);
        font-family: var(--_font-family);
      }
      dialog::backdrop {
        background: rgb(0 0 0 / 40%);
      }
      h2 {
        margin: 0 0 var(--_space-small);
        font-size: var(--_font-size);
      }
      p,
      ol {
        margin: 0 0 var(--_space);
      }
      ol {
        display: flex;
        flex-direction: column;
        gap: 4px;
        padding-inline-start: 1.5em;
      }
      svg {
        display: block;
        inline-size: 100%;
        max-inline-size: 260px;
        block-size: auto;
        margin: 0 auto var(--_space);
      }
      .screen {
        fill: var(--_color-surface-muted);
        stroke: var(--_color-border);
      }
      .sheet {
        fill: var(--_color-surface);
        stroke: var(--_color-border);
      }
      .ink {
        fill: var(--_color-text);
        font-family: var(--_font-family);
      }
      .mark {
        fill: none;
        stroke: var(--_color-primary);
        stroke-width: 3;
      }
      label {
        display: block;
        margin-block-end: 4px;
        font-size: var(--_font-size-small);
        color: var(--_color-text-muted);
      }
      input {
        inline-size: 100%;
        min-block-size: 44px;
        padding: 0 8px;
        border: 1px solid var(--_color-border);
        border-radius: var(--_radius-small);
        color: var(--_color-text);
        background: var(--_color-surface);
        font: inherit;
        font-size: max(16px, var(--_font-size));
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        justify-content: flex-end;
        gap: var(--_space-small);
        margin-block-start: var(--_space-small);
      }
      button {
        min-block-size: 44px;
        padding: 0 16px;
        border: 1px solid var(--_color-border);
        border-radius: var(--_radius-small);
        color: var(--_color-text);
        background: var(--_color-surface);
        font: inherit;
        cursor: pointer;
      }
      .primary {
        border-color: var(--_color-primary);
        color: var(--_color-on-primary);
        background: var(--_color-primary);
      }
      [role='status'] {
        min-block-size: 1.5em;
        margin: var(--_space-small) 0 0;
        color: var(--_color-success);
      }
      @media (forced-colors: active) {
        .screen,
        .sheet {
          fill: Canvas;
          stroke: CanvasText;
        }
        .ink {
          fill: CanvasText;
        }
        .mark {
          stroke: Highlight;
        }
      }
    `,
  ];

  static override properties = {
    channel: {},
    env: {},
    locale: {},
    strings: { attribute: false },
    said: { state: true },
  };

  /** The blocked wallet, by name. */
  declare channel: string;
  /** The super-app the page is open in. */
  declare env: Environment;
  declare locale: SupportedLocale;
  /** Host overrides of the guide's strings (`strings.guide`). */
  declare strings: Partial<GuideMessages> | undefined;
  /** What the live region says after a copy. */
  declare said: string;
  /** What had focus when the guide opened: focus goes back there. */
  private opener: HTMLElement | null = null;

  constructor() {
    super();
    this.channel = '';
    this.env = 'wechat';
    this.locale = 'zh-CN';
    this.said = '';
  }

  override firstUpdated(): void {
    this.opener = deepActiveElement();
    this.dialog().showModal();
  }

  private dialog(): HTMLDialogElement {
    return this.renderRoot.querySelector('dialog')!;
  }

  /** Escape, "关闭" or the dialog's own close: focus back, and the checkout drops the guide. */
  private readonly onClose = (): void => {
    this.opener?.focus();
    this.dispatchEvent(new Event('shouyin-guide-close', { bubbles: true }));
  };

  private readonly close = (): void => this.dialog().close();

  /** The Clipboard API, else the link selected for the payer (older webviews, a refused permission). */
  private readonly copy = async (): Promise<void> => {
    const g = guideMessagesFor(this.locale, this.strings);
    try {
      await navigator.clipboard.writeText(globalThis.location.href);
      this.said = g.copied;
    } catch {
      const input = this.renderRoot.querySelector('input')!;
      input.focus();
      input.select();
      this.said = g.selected;
    }
  };

  override render() {
    const g = guideMessagesFor(this.locale, this.strings);
    const { env, channel } = this;
    const app = messagesFor(this.locale).channels.appName(env === 'alipay' || env === 'unionpay' ? env : 'wechat');
    // A mini-program's menu has no "open in browser": its payers copy the link instead.
    const inMiniProgram = env === 'wechat-miniprogram';
    const steps = inMiniProgram ? g.miniProgramSteps(channel) : g.steps(app, channel);
    return html`<dialog aria-labelledby="title" aria-describedby="why" @close=${this.onClose}>
      <h2 id="title">${g.title(channel)}</h2>
      <p id="why">${g.why(app, channel)}</p>
      ${inMiniProgram ? nothing : picture(g)}
      <ol>
        ${steps.map((step) => html`<li>${step}</li>`)}
      </ol>
      <label for="link">${g.linkLabel}</label>
      <input id="link" readonly .value=${globalThis.location.href} />
      <p role="status">${this.said}</p>
      <div class="actions">
        <button type="button" @click=${this.close}>${g.close}</button>
        <button type="button" class="primary" autofocus @click=${this.copy}>${g.copy}</button>
      </div>
    </dialog>`;
  }
}

/** A phone's top bar with the `···` button ringed, and the menu it opens with "在浏览器打开" ringed. */
function picture(g: GuideMessages) {
  return html`<svg viewBox="0 0 260 190" role="img" aria-label=${g.pictureLabel}>
    <rect class="screen" x="10" y="4" width="240" height="182" rx="14" />
    <path class="screen" d="M10 48 h240" />
    <circle class="ink" cx="204" cy="26" r="3" />
    <circle class="ink" cx="214" cy="26" r="3" />
    <circle class="ink" cx="224" cy="26" r="3" />
    <circle class="mark" cx="214" cy="26" r="17" />
    <path class="mark" d="M214 44 v26 m-7 -8 l7 8 l7 -8" />
    <rect class="sheet" x="26" y="84" width="208" height="88" rx="10" />
    <circle class="ink" cx="58" cy="128" r="13" opacity="0.35" />
    <text class="ink" x="80" y="134" font-size="17">${g.menuEntry}</text>
    <rect class="mark" x="36" y="106" width="188" height="44" rx="8" />
  </svg>`;
}

/** The element that has focus, looked for through open shadow roots (the opener is in the list's). */
function deepActiveElement(): HTMLElement | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active as HTMLElement | null;
}

declare global {
  interface HTMLElementTagNameMap {
    'shouyin-open-guide': ShouyinOpenGuide;
  }
  interface HTMLElementEventMap {
    'shouyin-guide-close': Event;
  }
}
