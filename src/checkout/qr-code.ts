import { LitElement, css, html, nothing, svg } from 'lit';
import { loadQrEncoder } from '../lazy/load.js';
import type { QrShape } from '../lazy/qr-encoder.js';
import { base, tokens } from '../theme/tokens.js';

/** The quiet zone around the code, in modules, as the QR standard asks. */
const QUIET = 4;

/**
 * A QR code to scan with a wallet app, drawn as SVG from a Lit template (no HTML strings, so
 * it works under Trusted Types). The encoder is loaded on first use, outside the main bundle.
 *
 * @csspart qr - The SVG image.
 * @cssproperty --shouyin-qr-size - Width and height of the code (default 200px).
 */
export class ShouyinQrCode extends LitElement {
  static override styles = [
    tokens,
    base,
    css`
      :host {
        display: grid;
        justify-items: center;
        gap: var(--_space-small);
        text-align: center;
      }
      svg,
      .placeholder {
        inline-size: var(--shouyin-qr-size, 200px);
        block-size: var(--shouyin-qr-size, 200px);
        background: #fff;
      }
      .placeholder {
        display: grid;
        place-items: center;
        font-size: var(--_font-size-small);
        color: var(--_color-text-muted);
        background: var(--_color-surface-muted);
      }
      p {
        margin: 0;
      }
      .amount {
        font-weight: 600;
      }
    `,
  ];

  static override properties = {
    content: {},
    label: {},
    hint: {},
    amount: {},
    loading: {},
    shape: { state: true },
  };

  /** What the code encodes (the backend's `action.content`). */
  declare content: string;
  /** The image's text alternative. */
  declare label: string;
  /** Which app scans it. */
  declare hint: string;
  /** The amount, already in words. */
  declare amount: string;
  /** Shown while the encoder loads. */
  declare loading: string;
  declare private shape: QrShape | undefined;

  constructor() {
    super();
    this.content = '';
    this.label = '';
    this.hint = '';
    this.amount = '';
    this.loading = '';
    this.shape = undefined;
  }

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (!changed.has('content')) return;
    const content = this.content;
    this.shape = undefined;
    if (!content) return;
    void loadQrEncoder().then(({ qrShape }) => {
      if (this.content === content) this.shape = qrShape(content);
    });
  }

  override render() {
    const shape = this.shape;
    const side = shape ? shape.size + QUIET * 2 : 0;
    return html`${shape
        ? html`<svg
            part="qr"
            role="img"
            aria-label=${this.label}
            viewBox="${-QUIET} ${-QUIET} ${side} ${side}"
            shape-rendering="crispEdges"
          >
            ${svg`<path fill="#000" d=${shape.path}></path>`}
          </svg>`
        : html`<div class="placeholder" aria-busy="true">${this.loading}</div>`}
      ${this.amount ? html`<p class="amount">${this.amount}</p>` : nothing}
      <p>${this.hint}</p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'shouyin-qr-code': ShouyinQrCode;
  }
}
