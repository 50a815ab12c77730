import { LitElement, css, html, nothing } from 'lit';
import type { ChannelMessages } from '../i18n/messages.js';
import type { Notice } from '../protocol/schemas.js';
import { base, tokens } from '../theme/tokens.js';

/**
 * The host's notices from the session (a channel migration, a promotion), each one
 * dismissible. Dismissed ids are remembered while the element lives, so a re-render or a new
 * session with the same notice does not bring it back.
 *
 * @tagname shouyin-notices
 * @csspart notice - One notice.
 * @csspart dismiss - A notice's close button.
 */
export class ShouyinNotices extends LitElement {
  static override styles = [
    tokens,
    base,
    css`
      :host {
        display: block;
      }
      ul {
        display: grid;
        gap: var(--_space-small);
        margin: 0;
        padding: 0;
        list-style: none;
      }
      li {
        display: grid;
        grid-template-columns: 1fr auto;
        align-items: center;
        gap: var(--_space-small);
        padding-inline-start: var(--_space);
        border-radius: var(--_radius-small);
        background: var(--_color-surface-muted);
        border-inline-start: 4px solid var(--_color-focus);
        font-size: var(--_font-size-small);
      }
      li.warning {
        border-inline-start-color: var(--_color-warning);
      }
      button {
        font: inherit;
        inline-size: max(var(--_target-size), 44px);
        block-size: max(var(--_target-size), 44px);
        border: 0;
        background: transparent;
        color: var(--_color-text-muted);
        cursor: pointer;
        font-size: 20px;
        line-height: 1;
      }
    `,
  ];

  static override properties = {
    notices: { attribute: false },
    messages: { attribute: false },
    hostLang: { attribute: false },
  };

  /** The session's notices. */
  declare notices: Notice[];
  /** The words (the checkout's catalog). */
  declare messages: ChannelMessages | undefined;
  /** The language the host wrote its notices in (a screen reader reads them in its voice). */
  declare hostLang: string | undefined;

  private readonly dismissed = new Set<string>();

  constructor() {
    super();
    this.notices = [];
    this.messages = undefined;
  }

  private dismiss(id: string): void {
    this.dismissed.add(id);
    this.requestUpdate();
  }

  override render() {
    const m = this.messages;
    const shown = this.notices.filter((n) => !this.dismissed.has(n.id));
    if (!m || shown.length === 0) return nothing;
    return html`<ul aria-label=${m.noticesLabel}>
      ${shown.map(
        (n) => html`<li class=${n.level} part="notice">
          <span lang=${this.hostLang ?? nothing}>${n.text}</span>
          <button type="button" part="dismiss" aria-label=${m.dismissNotice(n.text)} @click=${() => this.dismiss(n.id)}>
            <span aria-hidden="true">×</span>
          </button>
        </li>`,
      )}
    </ul>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'shouyin-notices': ShouyinNotices;
  }
}
