import { LitElement, html, nothing } from 'lit';
import type { CardMessages } from '../i18n/messages.js';
import type { CardPayload } from '../protocol/card-payload.js';
import { base, tokens } from '../theme/tokens.js';
import { CARD_FIELDS, checkCard, shownProblems, yearMonthAt, type CardCheck, type CardField, type CardFieldProblems } from './card-fields.js';
import { brandStyles, cardFormStyles } from './card-form.styles.js';
import { MaskedInputController, type MaskedInputOptions } from './masked-input-controller.js';
import { cvvMask, expiryMask, fitNumber, formatExpiry, formatNumber, numberMask } from './number-mask.js';


/** What the card form tells the checkout as the payer types: never the number itself. */
export interface CardChangeDetail {
  complete: boolean;
  missing: CardField | null;
  /** Why `missing` is not right yet (`empty`, `incomplete`, `luhn`, `past`…): the pay button says it. */
  problem: string | null;
  brand: string | null;
  /** The field the payer just changed (`null`: the form cleared it itself). */
  field: CardField | null;
  /** A step past the fields that still waits for the payer: a binding's SMS code. */
  awaiting?: 'sms' | null;
  /** What that step still needs, in the form's own words (a saved bound card's code): the pay button says it. */
  ask?: string | null;
}

/**
 * Card number, expiry, CVV (and holder name when asked) through masked inputs. The number and
 * CVV stay in this element's inputs until `take()` hands them to encryption; they are cleared
 * after success, on expiry and when the element leaves the page.
 *
 * @tagname shouyin-card-form
 * @fires shouyin-card-change - The entry changed; `detail` says whether it is complete and what is missing. Bubbles, not composed.
 * @csspart number - The card number input.
 * @csspart expiry - The expiry input.
 * @csspart cvv - The security code input.
 * @csspart name - The holder name input.
 */
export class ShouyinCardForm extends LitElement {
  static override styles = [tokens, base, brandStyles, cardFormStyles];

  static override properties = {
    messages: { attribute: false },
    requireName: { type: Boolean, attribute: 'require-name' },
    disabled: { type: Boolean, reflect: true },
    // Kept as a property (so a value set before upgrade is taken) but never a cause to render:
    // the form shows nothing of it until the next check, and the checkout sets it on every render.
    now: { attribute: false, hasChanged: () => false },
    submitted: { state: true },
  };

  /** The card strings of the checkout's catalog. */
  declare messages: CardMessages | undefined;
  /** Ask for the holder's name too. */
  declare requireName: boolean;
  /** Disables every field (while paying). */
  declare disabled: boolean;
  /** The backend's time (ms); expiry is judged against its calendar month. */
  declare now: number;
  private declare submitted: boolean;
  /**
   * The fields the payer has left. Not a reactive property: a blur renders the form only when
   * it shows an error. Disabling the form (as the pay click does) blurs the focused field in
   * the middle of that render, and a second render there would show nothing new.
   */
  private readonly touched = new Set<CardField>();

  private readonly number = this.masked('number', numberMask, fitNumber, formatNumber);
  private readonly expiry = this.masked('expiry', expiryMask, undefined, formatExpiry);
  private readonly cvv = this.masked('cvv', cvvMask(4));
  private cvvLength = 4;
  private lastCheck: CardCheck | undefined;
  /** `viewOf` what the last render showed. */
  private rendered = '';

  constructor() {
    super();
    this.requireName = false;
    this.disabled = false;
    this.now = Date.now();
    this.submitted = false;
  }

  override disconnectedCallback(): void {
    this.clearSensitive();
    super.disconnectedCallback();
  }

  /**
   * Checks every field. When all are valid, returns what to encrypt; otherwise shows every
   * error and moves focus to the first field that needs the payer.
   */
  take(): CardPayload | undefined {
    const check = this.runCheck();
    if (check.ok) return check.payload;
    this.submitted = true;
    void this.updateComplete.then(() => this.input(check.firstMissing)?.focus());
    return undefined;
  }

  /**
   * After a decline or a network fault: the number and expiry stay, the CVV goes. Emptied by
   * the cashier, not by the payer, it is not an error until the payer leaves it or pays.
   */
  clearCvv(): void {
    this.cvv.clear();
    this.touched.delete('cvv');
    this.submitted = false;
    this.onEntry(null);
  }

  /** After success, on expiry, on removal: nothing of the card stays in the page. */
  clearSensitive(): void {
    this.number.clear();
    this.cvv.clear();
    this.lastCheck = undefined;
  }

  /** Empties the whole form and its error state. */
  reset(): void {
    this.clearSensitive();
    this.expiry.clear();
    const name = this.input('name');
    if (name) name.value = '';
    this.touched.clear();
    this.submitted = false;
    this.renderIfChanged();
  }

  /** One field's masked input; every accepted change re-checks the whole card. */
  private masked(
    field: CardField,
    mask: MaskedInputOptions['mask'],
    fit?: MaskedInputOptions['fit'],
    format?: MaskedInputOptions['format'],
  ): MaskedInputController {
    return new MaskedInputController(this, { input: () => this.input(field), mask, fit, format, onAccept: () => this.onEntry(field) });
  }

  private input(field: CardField): HTMLInputElement | null | undefined {
    return this.renderRoot?.querySelector<HTMLInputElement>(`#${field}`);
  }

  private runCheck(): CardCheck {
    return (this.lastCheck = checkCard(
      {
        number: this.number.value,
        expiry: this.expiry.value,
        cvv: this.cvv.value,
        name: this.input('name')?.value ?? '',
      },
      { now: yearMonthAt(this.now), requireName: this.requireName },
    ));
  }

  private onEntry(field: CardField | null): void {
    const check = this.runCheck();
    const length = check.brand?.cvvLength ?? 4;
    if (length !== this.cvvLength) {
      this.cvvLength = length;
      this.cvv.updateOptions(cvvMask(length));
    }
    this.renderIfChanged();
    const detail: CardChangeDetail = {
      complete: check.ok,
      missing: check.ok ? null : check.firstMissing,
      problem: check.ok ? null : (check.problems[check.firstMissing] ?? null),
      brand: check.brand?.id ?? null,
      field,
    };
    this.dispatchEvent(new CustomEvent('shouyin-card-change', { detail, bubbles: true }));
  }

  /**
   * Most keys change nothing the form shows (no brand change, no error shown while typing):
   * the input already holds the new value, so the form is rendered only when its view changes.
   */
  private renderIfChanged(): void {
    const check = this.lastCheck;
    if (this.viewOf(check, this.problemsShown(check)) !== this.rendered) this.requestUpdate();
  }

  private problemsShown(check: CardCheck | undefined): CardFieldProblems {
    return shownProblems(check, (field) => this.submitted || this.touched.has(field));
  }

  /** What of `check` the form shows, as one string: the brand and the problems shown. */
  private viewOf(check: CardCheck | undefined, problems: CardFieldProblems): string {
    return (check?.brand?.id ?? '') + JSON.stringify(problems);
  }

  private readonly onName = (): void => this.onEntry('name');

  private onBlur(event: FocusEvent): void {
    const field = (event.target as HTMLInputElement).id as CardField;
    if (!(event.target as HTMLInputElement).value || this.touched.has(field)) return;
    this.touched.add(field);
    this.renderIfChanged();
  }

  override render() {
    const m = this.messages;
    if (!m) return nothing;
    const check = this.lastCheck;
    const problems = this.problemsShown(check);
    this.rendered = this.viewOf(check, problems);
    const errors: Partial<Record<CardField, string>> = {};
    for (const field of CARD_FIELDS) {
      const problem = problems[field];
      if (problem) errors[field] = (m[`${field}Error`] as Record<string, string>)[problem];
    }
    const brand = check?.brand;
    return html`<fieldset ?disabled=${this.disabled} @focusout=${this.onBlur}>
      <legend>${m.legend}</legend>
      <div class="field">
        <label for="number">${m.label.number}</label>
        <div class="control">
          <input
            id="number"
            part="number"
            type="text"
            inputmode="numeric"
            autocomplete="cc-number"
            autocorrect="off"
            spellcheck="false"
            aria-invalid=${errors.number ? 'true' : 'false'}
            aria-describedby=${errors.number ? 'number-error' : nothing}
          />
          ${brand
            ? html`
                <span
                  class="brand"
                  role="img"
                  data-brand=${brand.id}
                  aria-label=${m.brand(m.brandName(brand.id, brand.name))}
                >${m.brandName(brand.id, brand.name)}</span>
              `
            : nothing}
        </div>
        ${this.renderError('number', errors.number)}
      </div>
      <div class="field half">
        <label for="expiry">${m.label.expiry}</label>
        <input
          id="expiry"
          part="expiry"
          type="text"
          inputmode="numeric"
          autocomplete="cc-exp"
          placeholder="MM/YY"
          aria-invalid=${errors.expiry ? 'true' : 'false'}
          aria-describedby=${errors.expiry ? 'expiry-error' : 'expiry-hint'}
        />
        ${errors.expiry ? this.renderError('expiry', errors.expiry) : html`<p class="hint" id="expiry-hint">${m.expiryHint}</p>`}
      </div>
      <div class="field half">
        <label for="cvv">${m.label.cvv}</label>
        <input
          id="cvv"
          part="cvv"
          type="text"
          inputmode="numeric"
          autocomplete="cc-csc"
          aria-invalid=${errors.cvv ? 'true' : 'false'}
          aria-describedby=${errors.cvv ? 'cvv-error cvv-hint' : 'cvv-hint'}
        />
        ${this.renderError('cvv', errors.cvv)}
        <p class="hint" id="cvv-hint">${m.cvvHint(brand?.cvvLength ?? 3)}</p>
      </div>
      ${this.requireName
        ? html`<div class="field">
            <label for="name">${m.label.name}</label>
            <input
              id="name"
              part="name"
              type="text"
              autocomplete="cc-name"
              aria-invalid=${errors.name ? 'true' : 'false'}
              aria-describedby=${errors.name ? 'name-error' : nothing}
              @input=${this.onName}
            />
            ${this.renderError('name', errors.name)}
          </div>`
        : nothing}
    </fieldset>`;
  }

  private renderError(field: CardField, text: string | undefined) {
    return text ? html`<p class="error" id="${field}-error">${text}</p>` : nothing;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'shouyin-card-form': ShouyinCardForm;
  }
  interface HTMLElementEventMap {
    'shouyin-card-change': CustomEvent<CardChangeDetail>;
  }
}
