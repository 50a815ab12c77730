import { LitElement, html, nothing } from 'lit';
import { brandById } from '../card/brands.js';
import { clockOffset } from '../checkout/core/intent.js';
import { brandStyles } from '../card/card-form.styles.js';
import { maskPan } from '../card/pan-display.js';
import { MaskedInputController } from '../card/masked-input-controller.js';
import { cvvMask } from '../card/number-mask.js';
import { validateCvv } from '../card/validate.js';
import { CatalogController } from '../i18n/catalog-controller.js';
import { messagesFor, resolveLocale, type SupportedLocale } from '../i18n/locale.js';
import type { Messages, SavedCardsMessages } from '../i18n/messages.js';
import type { SavedCard, Session } from '../protocol/schemas.js';
import type { CardChangeDetail } from '../card/card-form.js';
import { base, tokens } from '../theme/tokens.js';
import { removeCard } from '../transport/card-client.js';
import { parseSession } from '../transport/session-client.js';
import { savedCardsMessagesFor } from './messages.js';
import { RemovalController, type BeforeCardRemove, type CardRemover } from './removal-controller.js';
import { savedCardsStyles } from './saved-cards.styles.js';
import { CardState, expiryText, partitionCards, preselectCard, type RatedCard } from './status.js';
import { Confirmation, confirmationFor } from './confirmation.js';

/** What paying with the selected saved card needs: its id, and its CVV when the session asks again. */
export interface SavedCardChoice {
  cardId: string;
  cvv?: string;
  /** With a card frame, the CVV is typed there and sealed there: this asks the frame for its JWE. */
  sealCvv?: (session: Session, now: number) => Promise<string>;
}

/** What the list tells the checkout as the payer chooses: never the CVV itself. */
export interface SavedCardChangeDetail {
  /** The selected card, or `null` for "use a new card". */
  cardId: string | null;
  /** A card is selected and, when asked for, its CVV is whole. */
  complete: boolean;
}

export type { BeforeCardRemove, CardRemover };

/**
 * The payer's saved cards as one radio group, with "use a new card" as its last option. Cards
 * that cannot pay (expired, reported lost, frozen, …) are listed apart, disabled, with the
 * reason and what to do; the payer may hide them. Each card has a remove button that asks for
 * confirmation in a modal dialog, then lets the host veto (`beforeCardRemove`), then removes.
 *
 * Inside `<shouyin-checkout>` the checkout gives it `cards`, `now` and `remover`; alone, give
 * it the `session` and it takes all three from there.
 *
 * @tagname shouyin-saved-cards
 * @fires shouyin-saved-card-change - The selection (or its CVV's completeness) changed; `detail` is a `SavedCardChangeDetail`. Bubbles, not composed.
 * @fires shouyin-card-remove - A card was removed: `cardId`, `brand`, `last4`.
 * @csspart saved-card - One card's row.
 * @csspart new-card - The "use a new card" option.
 * @csspart remove-button - A card's remove button.
 * @csspart cvv - The CVV input, when the session asks for it.
 * @csspart dialog - The removal confirmation dialog.
 */
export class ShouyinSavedCards extends LitElement {
  static override styles = [tokens, base, brandStyles, savedCardsStyles];

  static override properties = {
    cards: { attribute: false },
    now: { attribute: false },
    value: { attribute: false },
    requireCvv: { type: Boolean, attribute: 'require-cvv' },
    cardFrame: { attribute: 'card-frame' },
    disabled: { type: Boolean, reflect: true },
    locale: {},
    messages: { attribute: false },
    strings: { attribute: false },
    session: { attribute: false },
    remover: { attribute: false },
    beforeCardRemove: { attribute: false },
    removed: { state: true },
    showUnusable: { state: true },
    cvvShown: { state: true },
  };

  /** The session's `savedCards`. */
  declare cards: SavedCard[];
  /** The backend's time (ms): expiry and "expiring soon" are judged against it. */
  declare now: number;
  /** The selected card's id; `null` for a new card. Preselected when the cards arrive. */
  declare value: string | null;
  /** Ask for the selected card's CVV again (the session's `card.savedCardCvv`). */
  declare requireCvv: boolean;
  /** The checkout's `card-frame`: the CVV asked again is typed in the card platform's frame, not here. */
  declare cardFrame: string | null;
  /** What the card frame last said of the CVV typed there. */
  private frameCvvComplete = false;
  /** Disables selection and removal (while paying). */
  declare disabled: boolean;
  /** `zh-CN` (default), `zh-TW` or `en`; otherwise the nearest `lang` decides. The checkout passes its own. */
  declare locale: string | null;
  /** The catalog to use for what the list shares with the card form; the checkout passes its own. */
  declare messages: Messages | undefined;
  /** Host overrides for single strings of the list (the checkout passes its `strings.savedCards`). */
  declare strings: Partial<SavedCardsMessages> | undefined;
  /** Used alone: the session (as for `<shouyin-checkout>`); gives `cards`, `now`, `requireCvv` and `remover`. */
  declare session: unknown;
  /** Removes a card on the backend; the checkout's signs a `DELETE` to `endpoints.cards`. */
  declare remover: CardRemover | undefined;
  /** Optional host hook: resolve `false` (or reject) to keep the card. */
  declare beforeCardRemove: BeforeCardRemove | undefined;
  private declare removed: ReadonlySet<string>;
  private declare showUnusable: boolean;
  private declare cvvShown: boolean;

  private readonly cvv = new MaskedInputController(this, {
    input: () => this.renderRoot?.querySelector<HTMLInputElement>('#cvv'),
    mask: cvvMask(3),
    onAccept: () => this.requestUpdate(),
  });
  /** Whether `value` came from the payer; until then it follows the preselection. */
  private chosen = false;
  private cvvLength = 3;
  private lastChange = '';
  private readonly removal = new RemovalController(this, {
    messages: () => this.s,
    cardName: (card) => this.cardName(card),
    beforeCardRemove: () => this.beforeCardRemove,
    remover: () => this.remover,
    removed: (card) => (this.removed = new Set([...this.removed, card.id])),
  });

  constructor() {
    super();
    this.cards = [];
    this.now = Date.now();
    this.value = null;
    this.requireCvv = false;
    this.cardFrame = null;
    this.disabled = false;
    this.locale = null;
    this.messages = undefined;
    this.strings = undefined;
    this.session = undefined;
    this.remover = undefined;
    this.beforeCardRemove = undefined;
    this.removed = new Set();
    this.showUnusable = true;
    this.cvvShown = false;
  }

  private get resolvedLocale(): SupportedLocale {
    return resolveLocale(this.locale, this.closest('[lang]')?.getAttribute('lang'), document.documentElement.lang);
  }

  /** Used alone, the list loads its locale's catalog (in the checkout, the checkout has). */
  private readonly catalog = new CatalogController(this, () => this.resolvedLocale);

  private get m(): Messages {
    return this.messages ?? messagesFor(this.catalog.shown ?? this.resolvedLocale);
  }

  /** The list's own strings, which come with this chunk. */
  private get s(): SavedCardsMessages {
    return savedCardsMessagesFor(this.catalog.shown ?? this.resolvedLocale, this.strings);
  }

  private get visible(): SavedCard[] {
    return this.cards.filter((card) => !this.removed.has(card.id));
  }

  private get selected(): SavedCard | undefined {
    return this.visible.find((card) => card.id === this.value);
  }

  /** Whether the selected card's CVV is asked for (a bound card is confirmed by its SMS code instead, outside the list). */
  private get asksCvv(): boolean {
    const card = this.selected;
    return !!card && confirmationFor(card, { card: { savedCardCvv: this.requireCvv } }) === Confirmation.Cvv;
  }

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('session') && this.session !== undefined) this.adoptSession();
    // The payer's own choice stands (a new card included) while it can still pay; otherwise,
    // and until they choose, the preselection follows the cards.
    const lost = this.value !== null && !partitionCards(this.visible, this.now).usable.some((r) => r.card.id === this.value);
    if (!this.chosen || lost) {
      this.chosen = false;
      this.value = preselectCard(this.visible, this.now);
    }
  }

  override updated(): void {
    const length = brandById(this.selected?.brand ?? '')?.cvvLength ?? 3;
    if (length !== this.cvvLength) {
      this.cvvLength = length;
      this.cvv.updateOptions(cvvMask(length));
    }
    const detail = this.detail();
    const key = `${detail.cardId}|${detail.complete}`;
    if (key !== this.lastChange) {
      this.lastChange = key;
      this.dispatchEvent(new CustomEvent('shouyin-saved-card-change', { detail, bubbles: true }));
    }
  }

  override disconnectedCallback(): void {
    this.cvv.clear();
    super.disconnectedCallback();
  }

  /** Used alone: everything the list needs comes from the session, clock correction included. */
  private adoptSession(): void {
    const parsed = parseSession(this.session);
    if (!parsed.ok) return;
    const session = parsed.session;
    const offset = clockOffset(session, Date.now());
    this.cards = session.savedCards;
    this.now = Date.now() + offset;
    this.requireCvv = session.card?.savedCardCvv ?? false;
    this.remover = (card) => removeCard({ session, cardId: card.id, base: document.baseURI, now: Date.now() + offset });
  }

  private detail(): SavedCardChangeDetail {
    const card = this.selected;
    if (!card) return { cardId: null, complete: false };
    const typed = this.cardFrame ? this.frameCvvComplete : validateCvv(this.cvv.value, brandById(card.brand)).ok;
    return { cardId: card.id, complete: !this.asksCvv || typed };
  }

  private onSelect(event: Event): void {
    const id = (event.target as HTMLInputElement).value;
    this.chosen = true;
    this.value = id === '' ? null : id;
    this.cvv.clear();
    this.cvvShown = false;
    this.renderRoot.querySelector('shouyin-card-frame')?.clear?.(true);
  }

  /** Checks the CVV when one is asked for; returns what to pay with, or shows the error and focuses the field. */
  take(): SavedCardChoice | undefined {
    const card = this.selected;
    if (!card) return undefined;
    if (!this.asksCvv) return { cardId: card.id };
    if (this.cardFrame) {
      const sealCvv = this.renderRoot.querySelector('shouyin-card-frame')?.takeCvv?.();
      return sealCvv && { cardId: card.id, sealCvv };
    }
    const cvv = this.cvv.value;
    if (validateCvv(cvv, brandById(card.brand)).ok) return { cardId: card.id, cvv: cvv.replace(/\D/g, '') };
    this.cvvShown = true;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('#cvv')?.focus());
    return undefined;
  }

  /** After a failed attempt, on success and on expiry: the CVV goes. */
  clearCvv(): void {
    this.cvv.clear();
    this.cvvShown = false;
    this.requestUpdate();
  }

  private cardName(card: SavedCard): string {
    const { bound } = card;
    if (bound) return this.s.cardName(this.s.bankCard(bound.bank.name, bound.type), card.last4);
    const brand = brandById(card.brand);
    return this.s.cardName(this.m.card.brandName(card.brand, brand?.name ?? card.brand), card.last4);
  }

  override render() {
    // Used alone in a language whose catalog is still on its way: nothing yet, not zh-CN words.
    if (!this.catalog.shown) return nothing;
    const m = this.m;
    const s = this.s;
    const visible = this.visible;
    const { usable, unusable } = partitionCards(visible, this.now);
    const notice = this.removal.notice;
    return html`${visible.length === 0
        ? html`<p class="empty" id="empty" tabindex="-1">${s.empty}</p>`
        : html`<fieldset ?disabled=${this.disabled}>
              <legend>${s.legend}</legend>
              <div class="list" role="radiogroup" aria-label=${s.legend}>
                ${usable.map((rated, index) => this.renderCard(m, rated, `u${index}`))}
                <label class="option new" part="new-card">
                  <input type="radio" name="saved-card" value="" .checked=${this.value === null} @change=${this.onSelect} />
                  <span>${s.newCard}</span>
                </label>
              </div>
            </fieldset>
            ${usable.length === 0 ? html`<p class="empty">${s.noUsable}</p>` : nothing} ${this.renderCvv(m)}
            ${unusable.length > 0 ? this.renderUnusable(m, unusable) : nothing}`}
      ${notice?.alert ? html`<p class="notice error" role="alert">${notice.text}</p>` : nothing}
      <p class="notice" role="status">${notice && !notice.alert ? notice.text : ''}</p>
      ${this.renderDialog()}`;
  }

  private renderUnusable(m: Messages, unusable: RatedCard[]) {
    const s = this.s;
    return html`<div class="section">
      <button type="button" class="toggle" aria-expanded=${this.showUnusable ? 'true' : 'false'} @click=${() => (this.showUnusable = !this.showUnusable)}>
        ${this.showUnusable ? s.hideUnusable : s.showUnusable(unusable.length)}
      </button>
      ${this.showUnusable
        ? html`<fieldset ?disabled=${this.disabled}>
            <legend>${s.unusableLegend}</legend>
            <div class="list">${unusable.map((rated, index) => this.renderCard(m, rated, `x${index}`))}</div>
          </fieldset>`
        : nothing}
    </div>`;
  }

  private renderCard(m: Messages, { card, status }: RatedCard, key: string) {
    const s = this.s;
    const brand = brandById(card.brand);
    const name = this.cardName(card);
    const expiry = expiryText(card);
    const badge =
      status.state === CardState.Active
        ? s.active
        : status.state === CardState.Expiring
          ? s.expiring(expiry)
          : status.state === CardState.Expired
            ? s.expired
            : s.problem[status.problem ?? 'other'];
    const advice = status.selectable ? '' : status.problem ? s.problemAdvice[status.problem] : s.expiredAdvice;
    const busy = this.removal.busy === card.id;
    return html`<div class="row ${status.selectable ? '' : 'unusable'}" part="saved-card">
      <label class="option">
        <input
          type="radio"
          name=${status.selectable ? 'saved-card' : 'saved-card-unusable'}
          .value=${card.id}
          .checked=${status.selectable && card.id === this.value}
          ?disabled=${!status.selectable}
          aria-labelledby="${key}-name"
          aria-describedby="${key}-meta${advice ? ` ${key}-advice` : ''}"
          @change=${this.onSelect}
        />
        <span class="brand" data-brand=${card.brand} aria-hidden="true">${m.card.brandName(card.brand, brand?.name ?? card.brand)}</span>
        <span class="text">
          <span class="visually-hidden" id="${key}-name">${name}</span>
          <span class="number" aria-hidden="true">${maskPan(card, brand)}</span>
          <span class="meta" id="${key}-meta">
            <span>${card.bound ? s.bankCard(card.bound.bank.name, card.bound.type) : s.expiry(expiry)}</span>
            <span class="badge" data-state=${status.state}>${badge}</span>
          </span>
          ${advice ? html`<span class="advice" id="${key}-advice">${advice}</span>` : nothing}
        </span>
      </label>
      <button
        type="button"
        class="remove"
        part="remove-button"
        aria-label=${busy ? `${s.removing} ${name}` : s.removeLabel(name)}
        aria-disabled=${busy || this.disabled ? 'true' : 'false'}
        @click=${(event: Event) => !this.disabled && this.removal.ask(card, event.currentTarget as HTMLElement)}
      >
        ${busy ? s.removing : s.remove}
      </button>
    </div>`;
  }

  private renderCvv(m: Messages) {
    const card = this.selected;
    if (!this.requireCvv || (card && !this.asksCvv)) return nothing;
    if (this.cardFrame) return card ? this.renderFrameCvv(m, card) : nothing;
    const problem = card && this.cvvShown ? validateCvv(this.cvv.value, brandById(card.brand)) : undefined;
    const error = problem && !problem.ok ? m.card.cvvError[problem.reason] : undefined;
    return html`<div class="cvv" ?hidden=${!card}>
      <label for="cvv">${card ? this.s.cvvLabel(this.cardName(card)) : m.card.label.cvv}</label>
      <input
        id="cvv"
        part="cvv"
        type="text"
        inputmode="numeric"
        autocomplete="cc-csc"
        ?disabled=${this.disabled}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${error ? 'cvv-error' : 'cvv-hint'}
        @blur=${() => (this.cvvShown = this.cvv.value !== '')}
      />
      ${error
        ? html`<p class="error" id="cvv-error">${error}</p>`
        : html`<p class="hint" id="cvv-hint">${m.card.cvvHint(this.cvvLength)}</p>`}
    </div>`;
  }

  /** The chosen card's CVV in the card platform's frame (another card chosen: the frame empties its field, see `onSelect`). */
  private renderFrameCvv(m: Messages, card: SavedCard) {
    return html`<div class="cvv">
      <p class="hint">${this.s.cvvLabel(this.cardName(card))}</p>
      <shouyin-card-frame
        part="cvv"
        src=${this.cardFrame ?? ''}
        cvv-for=${card.brand}
        .messages=${m}
        .locale=${this.resolvedLocale}
        .disabled=${this.disabled}
        @shouyin-card-change=${this.onFrameCvv}
      ></shouyin-card-frame>
    </div>`;
  }

  private readonly onFrameCvv = (event: CustomEvent<CardChangeDetail>): void => {
    event.stopPropagation();
    this.frameCvvComplete = event.detail.complete;
    this.requestUpdate();
  };

  private renderDialog() {
    const s = this.s;
    const card = this.removal.confirming;
    return html`<dialog part="dialog" aria-labelledby="dialog-title" aria-describedby="dialog-text" @close=${() => this.removal.closed()}>
      <h2 id="dialog-title">${s.confirmTitle}</h2>
      <p id="dialog-text">${card ? s.confirmText(this.cardName(card)) : ''}</p>
      <div class="dialog-actions">
        <button type="button" data-cancel @click=${() => this.removal.cancel()}>${s.cancel}</button>
        <button type="button" class="danger" @click=${() => this.removal.confirm()}>${s.confirm}</button>
      </div>
    </dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'shouyin-saved-cards': ShouyinSavedCards;
  }
  interface HTMLElementEventMap {
    'shouyin-saved-card-change': CustomEvent<SavedCardChangeDetail>;
  }
}
