import { LitElement, html, nothing } from 'lit';
import { detectBrand } from '../card/brands.js';
import { normalizeDigits } from '../card/digits.js';
import { cardBindingStyles } from '../binding/card-binding.styles.js';
import { checkForm, parseExpiry, type FormField, type FormProblems } from '../binding/form-check.js';
import type { BindingMessages } from '../binding/messages.js';
import { checkMobile } from '../binding/mobile.js';
import { checkResidentId, maskResidentId } from '../binding/resident-id.js';
import type { BindingDetails } from '../protocol/binding.js';
import { base, tokens } from '../theme/tokens.js';
import type { BindingFrameField, FrameChange } from './messages.js';

type Field = 'number' | BindingFrameField;

/** The order the fields show in, and in which the first missing one is named. */
const ORDER: readonly Field[] = ['number', 'name', 'idNumber', 'mobile', 'expiry', 'cvv'];

/**
 * The 快捷支付 binding form's card and identity fields, inside the card frame: the card number,
 * and the fields the cashier says that card's bank asks for (the holder's name, resident ID and
 * bank phone for a new payer; expiry and CVV for a credit card). The same checks, words and look
 * as the in-page binding form (`src/binding/`). It tells the cashier what the pay button and
 * "获取验证码" need (complete, the first field missing and the kind of its problem, the brand, the
 * issuer prefix the cashier asks the bank about); the frame page seals the rest.
 *
 * @tagname shouyin-binding-fields
 * @fires shouyin-card-change - A `FrameChange`: never a value beyond the first 8 digits of the number. Bubbles, not composed.
 */
export class ShouyinBindingFields extends LitElement {
  static override styles = [tokens, base, cardBindingStyles];

  static override properties = {
    messages: { attribute: false },
    // A new list of the same fields (every `form` message carries one) is no new layout.
    fields: { attribute: false, hasChanged: (a: unknown, b: unknown) => String(a) !== String(b) },
    disabled: { type: Boolean },
    now: { attribute: false },
    submitted: { state: true },
  };

  /** The binding words of the frame's own catalog. */
  declare messages: BindingMessages | undefined;
  /** The fields after the number, as the cashier laid them out from the card info. */
  declare fields: readonly BindingFrameField[];
  declare disabled: boolean;
  /** The backend's time (ms), for the expiry check. */
  declare now: number;
  private declare submitted: boolean;

  /** Fields the payer has left: their problems show from then on. */
  private readonly touched = new Set<Field>();
  /** The ID number as typed (the field shows its mask while it does not have focus). */
  private idTyped = '';

  constructor() {
    super();
    this.fields = [];
    this.disabled = false;
    this.now = Date.now();
    this.submitted = false;
  }

  private input(id: Field): HTMLInputElement | null | undefined {
    return this.renderRoot?.querySelector<HTMLInputElement>(`#${id}`);
  }

  private value(id: Field): string {
    return id === 'idNumber' ? this.idTyped : (this.input(id)?.value ?? '');
  }

  private problems(): FormProblems {
    const values = { number: '', name: '', idNumber: '', mobile: '', expiry: '', cvv: '', agreed: true, code: '000000' };
    for (const field of ORDER) values[field] = this.value(field);
    return checkForm(values, this.fields, this.now);
  }

  /** What this form says now; `field`: the one the payer just changed. */
  private change(field: Field | null): FrameChange {
    const problems = this.problems();
    const missing = ORDER.find((f) => problems[f as FormField]) ?? null;
    const digits = normalizeDigits(this.value('number'));
    return {
      complete: missing === null,
      missing,
      problem: missing ? problems[missing]! : null,
      brand: detectBrand(digits)?.id ?? null,
      field,
      ...(digits.length >= 6 ? { iin: digits.slice(0, 8) } : {}),
    };
  }

  private tell(field: Field | null): void {
    this.dispatchEvent(new CustomEvent('shouyin-card-change', { detail: this.change(field), bubbles: true }));
  }

  override updated(changed: Map<PropertyKey, unknown>): void {
    // Another layout (the bank answered): what is missing changed, though the payer typed nothing.
    if (changed.has('fields') && changed.get('fields') !== undefined) this.tell(null);
  }

  /** The details to seal when every field is right; otherwise every problem shows and focus goes to the first. */
  take(): BindingDetails | undefined {
    const found = this.change(null);
    if (!found.complete) {
      this.submitted = true;
      void this.updateComplete.then(() => this.input(found.missing as Field)?.focus());
      return undefined;
    }
    const { fields } = this;
    return {
      number: normalizeDigits(this.value('number')),
      ...(fields.includes('name')
        ? {
            holderName: this.value('name').trim(),
            idNumber: (checkResidentId(this.idTyped) as { id: string }).id,
            mobile: (checkMobile(this.value('mobile')) as { mobile: string }).mobile,
          }
        : {}),
      ...(fields.includes('expiry') ? { ...parseExpiry(this.value('expiry'), this.now), cvv: normalizeDigits(this.value('cvv')) } : {}),
    };
  }

  /** After a decline the CVV goes; on `reset` (paid, expired) everything. */
  clear(reset: boolean): void {
    for (const input of this.renderRoot?.querySelectorAll?.('input') ?? []) if (reset || input.id === 'cvv') input.value = '';
    if (reset) {
      this.idTyped = '';
      this.touched.clear();
      this.submitted = false;
    }
    this.tell(null);
  }

  private readonly onInput = (event: Event): void => {
    const input = event.target as HTMLInputElement;
    if (input.id === 'idNumber') this.idTyped = input.value;
    this.tell(input.id as Field);
    this.requestUpdate();
  };

  private readonly onIdFocus = (event: Event): void => {
    (event.target as HTMLInputElement).value = this.idTyped;
  };

  private readonly onBlur = (event: FocusEvent): void => {
    const input = event.target as HTMLInputElement;
    const field = input.id as Field;
    if (field === 'idNumber') {
      const id = checkResidentId(this.idTyped);
      if (id.ok) input.value = maskResidentId(id.id);
    }
    if (input.value && !this.touched.has(field)) {
      this.touched.add(field);
      if (!this.disabled) this.requestUpdate();
    }
  };

  /** A problem's words, once it may show: after the field was left or "获取验证码"; a wrong ID character at once. */
  private shown(problems: FormProblems, field: Field): string | undefined {
    const m = this.messages!;
    const problem = problems[field];
    if (!problem) return undefined;
    const early = field === 'idNumber' && (problem === 'check-digit' || problem === 'format');
    if (!early && !this.submitted && !this.touched.has(field)) return undefined;
    if (field === 'idNumber') return m.idError[problems.idNumber!];
    if (field === 'mobile') return m.mobileError[problems.mobile!];
    return { number: m.numberError, name: m.nameError, expiry: m.expiryError, cvv: m.cvvError }[field];
  }

  override render() {
    const m = this.messages;
    if (!m) return nothing;
    const problems = this.problems();
    const has = (field: BindingFrameField): boolean => this.fields.includes(field);
    const field = (id: Field, label: string, options: { autocomplete: string; inputmode?: string; type?: string; hint?: string; half?: boolean; placeholder?: string }) => {
      const error = this.shown(problems, id);
      return html`<div class="field ${options.half ? 'half' : ''}">
        <label for=${id}>${label}</label>
        <input
          id=${id}
          part=${id}
          type=${options.type ?? 'text'}
          inputmode=${options.inputmode ?? nothing}
          autocomplete=${options.autocomplete}
          placeholder=${options.placeholder ?? nothing}
          spellcheck="false"
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${error ? `${id}-error` : options.hint ? `${id}-hint` : nothing}
          @input=${this.onInput}
          @focus=${id === 'idNumber' ? this.onIdFocus : nothing}
        />
        ${error ? html`<p class="error" id="${id}-error">${error}</p>` : options.hint ? html`<p class="hint" id="${id}-hint">${options.hint}</p>` : nothing}
      </div>`;
    };
    return html`<fieldset ?disabled=${this.disabled} @focusout=${this.onBlur}>
      ${field('number', m.number, { inputmode: 'numeric', autocomplete: 'cc-number', hint: m.numberHint })}
      ${has('name') ? field('name', m.name, { autocomplete: 'cc-name' }) : nothing}
      ${has('idNumber') ? field('idNumber', m.idNumber, { autocomplete: 'off' }) : nothing}
      ${has('mobile') ? field('mobile', m.mobile, { type: 'tel', inputmode: 'tel', autocomplete: 'tel-national', hint: m.mobileHint }) : nothing}
      ${has('expiry') ? field('expiry', m.expiry, { inputmode: 'numeric', autocomplete: 'cc-exp', hint: m.expiryHint, half: true, placeholder: 'MM/YY' }) : nothing}
      ${has('cvv') ? field('cvv', m.cvv, { inputmode: 'numeric', autocomplete: 'cc-csc', hint: m.cvvHint, half: true }) : nothing}
    </fieldset>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'shouyin-binding-fields': ShouyinBindingFields;
  }
}
