/**
 * The floor: the least any Lit element costs. One reactive property and one render, no
 * styles. `npm run bench` bundles it with the same esbuild settings as the peer and mounts
 * it beside `<shouyin-checkout>`; Shouyin's figures are read as multiples of this one.
 */
import { LitElement, html } from 'lit';

export class BareLit extends LitElement {
  static override properties = { label: {} };

  /** The button's text. */
  declare label: string;

  constructor() {
    super();
    this.label = 'Pay';
  }

  override render() {
    return html`<button type="button">${this.label}</button>`;
  }
}

customElements.define('bare-lit', BareLit);

declare global {
  interface HTMLElementTagNameMap {
    'bare-lit': BareLit;
  }
}
