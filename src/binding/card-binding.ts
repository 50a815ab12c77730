import { LitElement, html, nothing } from 'lit';
import { normalizeDigits } from '../card/digits.js';
import { chunkMessagesFor } from '../i18n/chunk-catalog.js';
import type { SupportedLocale } from '../i18n/locale.js';
import type * as SealChunk from '../lazy/seal.js';
import type { BindingDetails } from '../protocol/binding.js';
import type { Instrument, SavedCard, Session } from '../protocol/schemas.js';
import { base, tokens } from '../theme/tokens.js';
import { BindingController } from './binding-controller.js';
import { checkForm, parseExpiry, type FormField, type FormValues } from './form-check.js';
import { cardBindingStyles } from './card-binding.styles.js';
import { BindingStep, resendIn } from './flow.js';
import { bindingFields, type BindingField } from './layout.js';
import { enBinding, zhCNBinding, zhTWBinding, type BindingMessages } from './messages.js';
import { checkMobile, maskMobile } from './mobile.js';
import { checkResidentId, maskName, maskResidentId } from './resident-id.js';

const CATALOGS: Record<SupportedLocale, BindingMessages> = { 'zh-CN': zhCNBinding, 'zh-TW': zhTWBinding, en: enBinding };

/** Prepares the confirming instrument once `shouyin-submit` was not vetoed (as `PrepareInstrument`). */
export type PrepareBinding = (session: Session, now: number) => Promise<Instrument>;

type Field = FormField;

/** What the form shows about each field it checks: a problem's words, or nothing. */
export type Problems = Partial<Record<Field, string>>;

/**
 * The 快捷支付 binding form (issue 17): the card number, the bank and card type as soon as the
 * first 6 digits name them, the fields that card's bank asks for (a debit card: the holder's
 * name, resident ID and bank phone; a credit card also its expiry and CVV), the bank's quick-pay
 * agreement, "获取验证码" and the SMS code. The checkout's pay button confirms the code: `take()`
 * hands it the instrument, sealed to the session's key.
 *
 * Everything the payer types stays in this element's inputs until it is sealed (through the seal
 * chunk) for the one request that needs it; no event, attribute, storage or URL ever holds it.
 * The ID number shows masked once its field is left. Only the number's first 6–8 digits are
 * sent in the clear, to ask which bank issued it.
 *
 * @tagname shouyin-card-binding
 * @fires shouyin-card-change - Whether the code is there to confirm. Bubbles, not composed.
 * @csspart number - The card number input.
 * @csspart bank - The bank and card type.
 * @csspart payer - The host's verified payer, masked (one-click binding).
 * @csspart get-code - The "get code" and resend button.
 * @csspart code - The SMS code input.
 */
export class ShouyinCardBinding extends LitElement {
  static override styles = [tokens, base, cardBindingStyles];

  static override properties = {
    session: { attribute: false },
    base: { attribute: false },
    now: { attribute: false },
    seal: { attribute: false },
    savedCard: { attribute: false },
    locale: {},
    strings: { attribute: false },
    disabled: { type: Boolean, reflect: true },
    submitted: { state: true },
  };

  /** The checkout's session: its keys and endpoints. */
  declare session: Session | undefined;
  /** The URL the session's relative endpoints resolve against. */
  declare base: string;
  /** The backend's clock as the cashier knows it (ms); injected so tests can move it. */
  declare now: () => number;
  /** Loads the seal chunk (the checkout's `loadSeal`). */
  declare seal: (() => Promise<typeof SealChunk>) | undefined;
  /**
   * A saved bound card the payer pays with (`SavedCard.bound`): the form is then only its SMS
   * step, the code sent to the phone the bank has for the card, confirmed as a binding's.
   */
  declare savedCard: SavedCard | undefined;
  /** `zh-CN` (default), `zh-TW` or `en`. */
  declare locale: SupportedLocale;
  /** Host overrides for single strings of the form. */
  declare strings: Partial<BindingMessages> | undefined;
  /** Disables every field (while paying). */
  declare disabled: boolean;
  private declare submitted: boolean;
  /** The binding whose code was asked for saves its card once it pays ("保存此卡" as it was then). */
  savesCard = false;

  protected readonly binding = new BindingController(this, {
    session: () => this.session,
    base: () => this.base,
    now: () => this.now(),
    codeFor: async () => {
      const card = this.savedCard;
      if (card) return { cardId: card.id };
      this.savesCard = !!this.session?.card?.canSave && !!this.renderRoot.querySelector<HTMLInputElement>('#save')?.checked;
      return { encrypted: await this.sealDetails(), save: this.savesCard };
    },
    savedCardId: () => this.savedCard?.id,
  });
  /** Fields the payer has left: their problems show from then on. */
  private readonly touched = new Set<Field>();
  /** The ID number as typed (the field may be showing its mask). */
  private idTyped = '';
  /** The ID field shows its mask while it does not have focus. */
  private idMasked = false;
  private ticker: ReturnType<typeof setInterval> | undefined;
  /** After "get code" and after a wrong code: focus goes to the code field once it is there and the form is enabled (the checkout enables it when its attempt ends). */
  private focusCode = false;
  private lastChange = '';

  constructor() {
    super();
    this.session = undefined;
    this.base = globalThis.location?.href ?? '';
    this.now = Date.now;
    this.seal = undefined;
    this.savedCard = undefined;
    this.locale = 'zh-CN';
    this.strings = undefined;
    this.disabled = false;
    this.submitted = false;
  }

  protected get m(): BindingMessages {
    return chunkMessagesFor(CATALOGS, this.locale, this.strings);
  }

  override disconnectedCallback(): void {
    this.stopTicker();
    this.clearInputs(true);
    super.disconnectedCallback();
  }

  private input(id: Field): HTMLInputElement | null | undefined {
    return this.renderRoot?.querySelector<HTMLInputElement>(`#${id}`);
  }

  private value(id: Field): string {
    return this.input(id)?.value ?? '';
  }

  private get digits(): string {
    return normalizeDigits(this.value('number'));
  }

  protected get fields(): readonly BindingField[] {
    return bindingFields(this.binding.state.lookup?.info, !!this.session?.payer);
  }

  /** What the inputs hold now. */
  private values(): FormValues {
    return {
      number: this.value('number'),
      name: this.value('name'),
      idNumber: this.idTyped,
      mobile: this.value('mobile'),
      expiry: this.value('expiry'),
      cvv: this.value('cvv'),
      agreed: this.input('agree')?.checked ?? false,
      code: this.value('code'),
    };
  }

  /** Each field's problem now, in words (shown only once it was left, or after "get code" / pay). */
  protected problems(): Problems {
    const m = this.m;
    const found = checkForm(this.values(), this.fields, this.now());
    const words: Record<Exclude<Field, 'idNumber' | 'mobile'>, string> = {
      number: m.numberError,
      name: m.nameError,
      expiry: m.expiryError,
      cvv: m.cvvError,
      agree: m.agreeError,
      code: m.codeError,
    };
    const problems: Problems = {};
    for (const field of Object.keys(found) as Field[]) {
      problems[field] = field === 'idNumber' ? m.idError[found.idNumber!] : field === 'mobile' ? m.mobileError[found.mobile!] : words[field];
    }
    return problems;
  }

  private shown(problems: Problems, field: Field): string | undefined {
    // Wrong (not merely unfinished) ID characters show as they are typed.
    if (field === 'idNumber' && problems.idNumber && !this.touched.has(field) && !this.submitted) {
      const check = checkResidentId(this.idTyped);
      return !check.ok && (check.problem === 'check-digit' || check.problem === 'format') ? problems.idNumber : undefined;
    }
    return this.submitted || this.touched.has(field) ? problems[field] : undefined;
  }

  protected async sealDetails(): Promise<string> {
    const session = this.session;
    const key = session?.encryption;
    if (!session || !key || !this.seal) throw new Error('no key');
    const fields = this.fields;
    const details: BindingDetails = {
      number: this.digits,
      // A verified payer's identity is the host's, on its backend: not typed, not sent.
      ...(fields.includes('name')
        ? {
            holderName: this.value('name').trim(),
            idNumber: (checkResidentId(this.idTyped) as { id: string }).id,
            mobile: (checkMobile(this.value('mobile')) as { mobile: string }).mobile,
          }
        : {}),
      ...(fields.includes('expiry') ? { ...parseExpiry(this.value('expiry'), this.now()), cvv: normalizeDigits(this.value('cvv')) } : {}),
    };
    return (await this.seal()).sealBindingDetails(details, key, session, this.now());
  }

  /**
   * What confirms the binding, once the code is typed: the code sealed to the session's key,
   * for the checkout's attempt. Undefined (and the form shows what is missing, focus on the
   * first) while it is not there.
   */
  take(): PrepareBinding | undefined {
    const { binding, step } = this.binding.state;
    const code = normalizeDigits(this.value('code'));
    if (step !== BindingStep.Code || !binding || !/^\d{6}$/.test(code)) {
      this.submitted = true;
      void this.updateComplete.then(() => this.focusFirstProblem());
      return undefined;
    }
    const { seal } = this;
    const bindingId = binding.id;
    return async (session, now) => {
      const key = session.encryption;
      if (!key || !seal) throw new Error('the session has no card encryption key');
      return { type: 'binding', bindingId, encrypted: await (await seal()).sealBindingCode({ code }, key, session, now) };
    };
  }

  /** The checkout's attempt with the code failed: the code is cleared and the backend asked why. */
  failed(): void {
    const code = this.input('code');
    if (code) code.value = '';
    // The cleared field is no mistake of the payer's: no "enter the code" until they try again.
    this.submitted = false;
    this.touched.delete('code');
    this.binding.dispatch({ type: 'confirm-failed' });
    this.announce();
    this.focusCode = true;
    this.requestUpdate();
  }

  /** Paid or expired: everything typed goes, the form starts again. */
  reset(): void {
    this.clearInputs(true);
    this.binding.dispatch({ type: 'reset' });
    this.submitted = false;
    this.touched.clear();
  }

  private clearInputs(all: boolean): void {
    for (const input of this.renderRoot?.querySelectorAll?.('input') ?? []) {
      if (input.type === 'checkbox') input.checked = false;
      else if (all || input.id === 'code' || input.id === 'cvv') input.value = '';
    }
    this.idTyped = '';
  }

  protected focusFirstProblem(): void {
    // A saved card's code is not asked for yet: the button that asks for it.
    if (this.savedCard && this.binding.state.step !== BindingStep.Code) return this.renderRoot.querySelector<HTMLElement>('[part="get-code"]')?.focus();
    const problems = this.problems();
    const order: Field[] = this.binding.state.step === BindingStep.Code ? ['code'] : ['number', ...this.fields, 'agree'];
    const first = order.find((field) => problems[field]);
    if (first) this.input(first)?.focus();
  }

  private readonly onNumber = (): void => {
    this.binding.dispatch({ type: 'number', iin: this.digits.slice(0, 8) });
    this.onEdit();
  };

  /** A detail changed: a code sent for the old ones no longer counts. */
  private readonly onEdit = (): void => {
    if (this.binding.state.step === BindingStep.Code) this.binding.dispatch({ type: 'edit' });
    this.requestUpdate();
    this.announce();
  };

  private readonly onIdInput = (event: Event): void => {
    this.idTyped = (event.target as HTMLInputElement).value;
    this.onEdit();
  };

  private readonly onIdFocus = (event: Event): void => {
    if (!this.idMasked) return;
    this.idMasked = false;
    (event.target as HTMLInputElement).value = this.idTyped;
  };

  private readonly onBlur = (event: FocusEvent): void => {
    const input = event.target as HTMLInputElement;
    const field = input.id as Field;
    if (field === 'idNumber') {
      const id = checkResidentId(this.idTyped);
      if (id.ok) {
        this.idMasked = true;
        input.value = maskResidentId(id.id);
      }
    }
    if (!input.value || this.touched.has(field)) return;
    this.touched.add(field);
    // Disabling the form (as the pay click does) blurs the focused field in the middle of that
    // render: nothing new to show then.
    if (!this.disabled) this.requestUpdate();
  };

  private readonly onGetCode = (): void => {
    if (this.savedCard) return this.binding.dispatch({ type: 'send' });
    const problems = this.problems();
    const missing = ['number', ...this.fields, 'agree'].some((field) => problems[field as Field]);
    if (missing) {
      this.submitted = true;
      void this.updateComplete.then(() => this.focusFirstProblem());
      return;
    }
    this.binding.dispatch({ type: 'send' });
    // The button pressed goes with the step: focus goes on to the code field, once it is there.
    this.focusCode = true;
  };

  private readonly onResend = (): void => {
    this.binding.dispatch({ type: 'resend', now: this.now() });
  };

  private readonly onCode = (): void => {
    this.requestUpdate();
    this.announce();
  };

  /** Tells the checkout whether the pay button can confirm now; only when that changes. */
  protected announce(): void {
    const codeStep = this.binding.state.step === BindingStep.Code;
    const complete = codeStep && /^\d{6}$/.test(normalizeDigits(this.value('code')));
    const missing = this.numberMissing() && !this.savedCard ? 'number' : null;
    // The code step waits for the SMS code: the assistant's hint names it.
    const awaiting = (codeStep || this.savedCard) && !complete ? 'sms' : null;
    // A saved card has no fields of its own: the pay button names its code step instead (a new card's names the number).
    const ask = this.savedCard && !complete ? this.m.payNeeds[codeStep ? 'code' : 'send'] : null;
    const key = `${complete}${missing}${awaiting}${ask}`;
    if (key === this.lastChange) return;
    this.lastChange = key;
    this.dispatchEvent(new CustomEvent('shouyin-card-change', { detail: { complete, missing, brand: null, awaiting, ask }, bubbles: true }));
  }

  /** Whether the number is still to be typed (the pay button asks for it). */
  protected numberMissing(): boolean {
    return this.digits.length < 16;
  }

  override updated(): void {
    // The step may have moved on its own (the code was sent, the binding locked).
    this.announce();
    const code = this.focusCode && !this.disabled && this.input('code');
    if (code) {
      this.focusCode = false;
      // After this update: the blur it causes may ask for another.
      void this.updateComplete.then(() => code.focus());
    }
    const { step, binding } = this.binding.state;
    const counting = step === BindingStep.Code && !!binding && resendIn(this.binding.state, this.now()) > 0;
    if (counting && !this.ticker) this.ticker = setInterval(() => this.requestUpdate(), 1000);
    if (!counting) this.stopTicker();
  }

  private stopTicker(): void {
    clearInterval(this.ticker);
    this.ticker = undefined;
  }

  override render() {
    if (this.savedCard) return this.renderSaved(this.m);
    const m = this.m;
    const state = this.binding.state;
    const problems = this.problems();
    const info = state.lookup?.info;
    const codeStep = state.step === BindingStep.Code;
    return html`<fieldset ?disabled=${this.disabled} @focusout=${this.onBlur}>
      <legend>${m.legend}</legend>
      ${this.renderDetails(m, problems)}
      <div class="field">
        <label class="agree">
          <input id="agree" type="checkbox" aria-invalid=${this.shown(problems, 'agree') ? 'true' : 'false'} @change=${this.onEdit} />
          <span>${m.agree}${info?.known && info.agreementUrl
            ? html`<a href=${info.agreementUrl} target="_blank" rel="noopener">${m.agreement}</a>`
            : m.agreement}</span>
        </label>
        ${this.renderError('agree', this.shown(problems, 'agree'))}
      </div>
      ${this.canSave()
        ? html`<div class="field">
            <label class="agree">
              <input id="save" type="checkbox" aria-describedby="save-hint" />
              <span>${m.save}</span>
            </label>
            <p class="hint" id="save-hint">${m.saveHint}</p>
          </div>`
        : nothing}
      ${this.renderNotice(m)} ${codeStep ? this.renderCode(m, problems) : this.renderGetCode(m)}
    </fieldset>`;
  }

  /**
   * The card and the holder's details: the number, the bank it is, and the fields that bank asks
   * for (or the host's verified payer). The card frame's binding form puts them in the frame.
   */
  protected renderDetails(m: BindingMessages, problems: Problems) {
    const fields = this.fields;
    return html`${this.renderInput('number', m.number, { inputmode: 'numeric', autocomplete: 'cc-number', onInput: this.onNumber, problems, hint: m.numberHint })}
      ${this.renderBank()}
      ${fields.includes('name')
        ? html`${this.renderInput('name', m.name, { autocomplete: 'name', onInput: this.onEdit, problems })}
          ${this.renderInput('idNumber', m.idNumber, { autocomplete: 'off', onInput: this.onIdInput, problems, onFocus: this.onIdFocus })}
          ${this.renderInput('mobile', m.mobile, { type: 'tel', inputmode: 'tel', autocomplete: 'tel-national', onInput: this.onEdit, problems, hint: m.mobileHint })}`
        : this.renderKnownPayer(m)}
      ${fields.includes('expiry')
        ? html`${this.renderInput('expiry', m.expiry, { inputmode: 'numeric', autocomplete: 'cc-exp', onInput: this.onEdit, problems, hint: m.expiryHint, half: true, placeholder: 'MM/YY' })}
          ${this.renderInput('cvv', m.cvv, { inputmode: 'numeric', autocomplete: 'cc-csc', onInput: this.onEdit, problems, hint: m.cvvHint, half: true })}`
        : nothing}`;
  }

  /** The bank and card type, once the first digits named them. */
  protected renderBank() {
    const m = this.m;
    const { lookup } = this.binding.state;
    const info = lookup?.info;
    return html`<p class="bank" part="bank" role="status">
        ${lookup && !info ? m.lookingUp : info?.known ? m.cardInfo(info.bank.name, info.type) : info ? m.cardUnknown : nothing}
      </p>`;
  }

  /** "保存此卡" is offered where the host keeps the payer's cards; never ticked for them. */
  private canSave(): boolean {
    return !!this.session?.card?.canSave;
  }

  /** A saved bound card: only the SMS step, the code to the phone the bank has for the card. */
  private renderSaved(m: BindingMessages) {
    const state = this.binding.state;
    return html`<fieldset ?disabled=${this.disabled}>
      <legend>${m.smsLegend}</legend>
      ${state.step === BindingStep.Code ? nothing : html`<p class="hint">${m.codeToBankPhone}</p>`} ${this.renderNotice(m)}
      ${state.step === BindingStep.Code ? this.renderCode(m, this.problems()) : this.renderGetCode(m)}
    </fieldset>`;
  }

  private renderNotice(m: BindingMessages) {
    const { notice } = this.binding.state;
    if (!notice) return nothing;
    const text =
      notice.code === 'sms_code_invalid' && notice.attemptsLeft !== undefined
        ? m.codeInvalid(notice.attemptsLeft)
        : notice.code === 'card_refused' && this.savedCard
          ? m.savedRefused
          : m.problems[notice.code];
    return html`<p class="notice" role="alert">${text}</p>`;
  }

  private renderGetCode(m: BindingMessages) {
    const sending = this.binding.state.step === BindingStep.Sending;
    return html`<button type="button" part="get-code" aria-disabled=${sending ? 'true' : 'false'} @click=${sending ? undefined : this.onGetCode}>
      ${sending ? m.sending : m.getCode}
    </button>`;
  }

  /** The host's verified payer, masked, in place of the holder's fields. */
  protected renderKnownPayer(m: BindingMessages) {
    const payer = this.session?.payer;
    if (!payer) return nothing;
    return html`<div class="field">
      <p class="bank" part="payer">${m.knownPayer(maskName(payer.name), maskResidentId(payer.idNumber, 4))}</p>
      <p class="hint">${m.codeToBankPhone}</p>
    </div>`;
  }

  private renderCode(m: BindingMessages, problems: Problems) {
    const state = this.binding.state;
    const wait = resendIn(state, this.now());
    const error = this.shown(problems, 'code');
    const mobile = checkMobile(this.value('mobile'));
    return html`<div class="field">
      <label for="code">${m.code}</label>
      <p class="hint" id="code-sent">${state.binding?.sentTo ? m.codeSent(state.binding.sentTo) : mobile.ok ? m.codeSent(maskMobile(mobile.mobile)) : m.codeToBankPhone}</p>
      <div class="row">
        <input
          id="code"
          part="code"
          type="text"
          inputmode="numeric"
          autocomplete="one-time-code"
          maxlength="6"
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${error ? 'code-error' : 'code-sent'}
          @input=${this.onCode}
        />
        <button type="button" part="get-code" aria-disabled=${wait > 0 || state.resending ? 'true' : 'false'} @click=${wait > 0 ? undefined : this.onResend}>
          ${wait > 0 ? m.resendIn(wait) : m.resend}
        </button>
      </div>
      ${this.renderError('code', error)}
    </div>`;
  }

  private renderInput(
    id: Field,
    label: string,
    options: { type?: string; inputmode?: string; autocomplete: string; onInput: (event: Event) => void; problems: Problems; hint?: string; half?: boolean; placeholder?: string; onFocus?: (event: Event) => void },
  ) {
    const error = this.shown(options.problems, id);
    const described = error ? `${id}-error` : options.hint ? `${id}-hint` : nothing;
    return html`<div class="field ${options.half ? 'half' : ''}">
      <label for=${id}>${label}</label>
      <input
        id=${id}
        part=${id === 'number' ? 'number' : nothing}
        type=${options.type ?? 'text'}
        inputmode=${options.inputmode ?? nothing}
        autocomplete=${options.autocomplete}
        placeholder=${options.placeholder ?? nothing}
        spellcheck="false"
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${described}
        @input=${options.onInput}
        @focus=${options.onFocus ?? nothing}
      />
      ${error ? this.renderError(id, error) : options.hint ? html`<p class="hint" id="${id}-hint">${options.hint}</p>` : nothing}
    </div>`;
  }

  private renderError(id: Field, text: string | undefined) {
    return text ? html`<p class="error" id="${id}-error">${text}</p>` : nothing;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'shouyin-card-binding': ShouyinCardBinding;
  }
}
