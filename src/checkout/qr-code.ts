import { LitElement, css, html, nothing, svg } from 'lit';
import { qrShape, type QrShape } from '../lazy/qr-encoder.js';
import { base, tokens } from '../theme/tokens.js';

/** The quiet zone around the code, in modules, as the QR standard asks. */
const QUIET = 4;

/**
 * A QR code to scan with a wallet app, drawn as SVG from a Lit template (no HTML strings, so
 * it works under Trusted Types). It comes with its encoder in a lazy chunk (`loadQrCode()`),
 * outside the main bundle: the checkout loads it when a backend asks for a QR code, and gives
 * it light-DOM content to show until it is defined.
 *
 * @tagname shouyin-qr-code
 * @csspart qr - The SVG image.
 * @cssproperty [--shouyin-qr-size=200px] - Width and height of the code.
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
      svg {
        inline-size: var(--shouyin-qr-size, 200px);
        block-size: var(--shouyin-qr-size, 200px);
        background: #fff;
        /* Black on white in every scheme, forced colors too: a wallet has to read it. */
        forced-color-adjust: none;
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
  declare private shape: QrShape | undefined;

  constructor() {
    super();
    this.content = '';
    this.label = '';
    this.hint = '';
    this.amount = '';
    this.shape = undefined;
  }

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('content')) this.shape = this.content ? qrShape(this.content) : undefined;
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
        : nothing}
      ${this.amount ? html`<p class="amount">${this.amount}</p>` : nothing}
      <p>${this.hint}</p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'shouyin-qr-code': ShouyinQrCode;
  }
}
