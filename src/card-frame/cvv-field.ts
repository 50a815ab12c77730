import { LitElement, html, nothing } from 'lit';
import { brandById } from '../card/brands.js';
import type { CardChangeDetail } from '../card/card-form.js';
import { cardFormStyles } from '../card/card-form.styles.js';
import { MaskedInputController } from '../card/masked-input-controller.js';
import { cvvMask } from '../card/number-mask.js';
import { validateCvv } from '../card/validate.js';
import type { CardMessages } from '../i18n/messages.js';
import type { SavedCardCvv } from '../protocol/card-payload.js';
import { base, tokens } from '../theme/tokens.js';

/**
 * A saved card's CVV, typed again inside the card frame (the frame page renders it instead of
 * the card form when the cashier asks for a saved card's CVV). The same mask, rules and look as
 * the saved card list's own CVV field; it says what the pay button needs, never the CVV.
 *
 * @tagname shouyin-cvv-field
 * @fires shouyin-card-change - Whether the CVV is complete (`missing: 'cvv'` until it is). Bubbles, not composed.
 */
export class ShouyinCvvField extends LitElement {
  static override styles = [tokens, base, cardFormStyles];

  static override properties = {
    messages: { attribute: false },
    brand: {},
    disabled: { type: Boolean },
    shown: { state: true },
  };

  /** The card strings of the frame's catalog. */
  declare messages: CardMessages | undefined;
  /** The saved card's brand id: how many digits its CVV has. */
  declare brand: string;
  /** Disables the field (while paying). */
  declare disabled: boolean;
  /** Whether the field's problem shows: after a blur with something typed, or a pay click. */
  private declare shown: boolean;

  private readonly cvv = new MaskedInputController(this, {
    input: () => this.renderRoot?.querySelector<HTMLInputElement>('#cvv'),
    mask: cvvMask(3),
    onAccept: () => this.onEntry(),
  });

  constructor() {
    super();
    this.brand = '';
    this.disabled = false;
    this.shown = false;
  }

  private get length(): number {
    return brandById(this.brand)?.cvvLength ?? 3;
  }

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('brand')) this.cvv.updateOptions(cvvMask(this.length));
  }

  override disconnectedCallback(): void {
    this.cvv.clear();
    super.disconnectedCallback();
  }

  private check() {
    return validateCvv(this.cvv.value, brandById(this.brand));
  }

  private onEntry(): void {
    const complete = this.check().ok;
    const detail: CardChangeDetail = { complete, missing: complete ? null : 'cvv', problem: null, brand: this.brand || null, field: 'cvv' };
    this.dispatchEvent(new CustomEvent('shouyin-card-change', { detail, bubbles: true }));
    if (this.shown) this.requestUpdate();
  }

  /** The CVV to seal when it is valid; otherwise shows the error and focuses the field. */
  take(): SavedCardCvv | undefined {
    if (this.check().ok) return { cvv: this.cvv.value.replace(/\D/g, '') };
    this.shown = true;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('#cvv')?.focus());
    return undefined;
  }

  clearCvv(): void {
    this.cvv.clear();
    this.shown = false;
    this.onEntry();
  }

  reset(): void {
    this.clearCvv();
  }

  override render() {
    const m = this.messages;
    if (!m) return nothing;
    const problem = this.shown ? this.check() : undefined;
    const error = problem && !problem.ok ? m.cvvError[problem.reason] : undefined;
    return html`<div class="field">
      <label for="cvv">${m.label.cvv}</label>
      <input
        id="cvv"
        part="cvv"
        type="text"
        inputmode="numeric"
        autocomplete="cc-csc"
        ?disabled=${this.disabled}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${error ? 'cvv-error' : 'cvv-hint'}
        @blur=${() => (this.shown = this.cvv.value !== '')}
      />
      ${error ? html`<p class="error" id="cvv-error">${error}</p>` : html`<p class="hint" id="cvv-hint">${m.cvvHint(this.length)}</p>`}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'shouyin-cvv-field': ShouyinCvvField;
  }
}
