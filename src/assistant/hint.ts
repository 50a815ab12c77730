import { LitElement, css, html, nothing } from 'lit';
import { base, tokens } from '../theme/tokens.js';

/**
 * The assistant's hint: a polite live region that is on the page, empty, before any hint is
 * put in it (a region inserted already holding its text may not be announced), and a button
 * that dismisses the hint (Escape does too). It shows what it is given; the assistant decides.
 *
 * @tagname shouyin-hint
 * @fires shouyin-hint-dismiss - The payer dismissed the hint. Bubbles, not composed.
 * @csspart text - The hint's words (the live region).
 * @csspart dismiss - The dismiss button.
 */
export class ShouyinHint extends LitElement {
  static override styles = [
    tokens,
    base,
    css`
      :host {
        display: block;
      }
      .hint {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: var(--_space-small);
      }
      .hint.shown {
        margin-block-end: var(--_space-small);
        padding: var(--_space-small) var(--_space-small) var(--_space-small) var(--_space);
        border-radius: var(--_radius-small);
        background: var(--_color-surface-muted);
        border-inline-start: 4px solid var(--_color-focus);
      }
      p {
        flex: 1 1 12em;
        margin: 0;
        line-height: 1.5;
      }
      button {
        font: inherit;
        min-block-size: max(var(--_target-size), 44px);
        min-inline-size: max(var(--_target-size), 44px);
        padding-inline: var(--_space);
        border: 1px solid var(--_color-border);
        border-radius: var(--_radius-small);
        background: var(--_color-surface);
        color: var(--_color-text);
        cursor: pointer;
      }
      @media (forced-colors: active) {
        .hint.shown {
          border: 1px solid CanvasText;
        }
      }
    `,
  ];

  static override properties = {
    text: {},
    dismissLabel: { attribute: false },
  };

  /** The hint's words; empty when no hint is shown. */
  declare text: string;
  /** The dismiss button's words. */
  declare dismissLabel: string;

  constructor() {
    super();
    this.text = '';
    this.dismissLabel = '';
  }

  private dismiss(): void {
    this.dispatchEvent(new Event('shouyin-hint-dismiss', { bubbles: true }));
  }

  private readonly onKeydown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape' && this.text) this.dismiss();
  };

  override render() {
    const { text } = this;
    return html`<div class="hint ${text ? 'shown' : ''}" @keydown=${this.onKeydown}>
      <p part="text" role="status">${text}</p>
      ${text ? html`<button type="button" part="dismiss" @click=${this.dismiss}>${this.dismissLabel}</button>` : nothing}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'shouyin-hint': ShouyinHint;
  }
}
