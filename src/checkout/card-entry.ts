import type { LitElement } from 'lit';
import type { CardChangeDetail, ShouyinCardForm } from '../card/card-form.js';
import type { ShouyinCardBinding } from '../binding/card-binding.js';
import type { ShouyinCardFrame } from '../card-frame/card-frame.js';
import type { SavedCard, Session } from '../protocol/schemas.js';
import { Confirmation, confirmationFor } from '../saved-cards/confirmation.js';
import type { SavedCardChangeDetail, ShouyinSavedCards } from '../saved-cards/saved-cards.js';
import type { Passkeys } from '../passkey/passkeys.js';
import type { CheckoutController } from './effects/checkout-controller.js';
import { newCard, savedCard, type PrepareInstrument } from './effects/instruments.js';

/** How the card channel takes a card this render: the saved card list (or its placeholder), the card form, or both. */
export interface SavedCardsView {
  /** The saved card list stands above the card form. */
  listed: boolean;
  /** Its chunk is there; until then, a placeholder stands in its place. */
  ready: boolean;
  /** A saved card pays (not the card form); also while the placeholder stands where one would be chosen. */
  bySavedCard: boolean;
  /** The chosen saved card can pay as it is (its CVV, when asked for, is typed). */
  complete: boolean;
  /** The chosen saved card is confirmed by an SMS code (`confirmationFor`): the binding form's SMS step shows for it. */
  bySms?: SavedCard | undefined;
  /** The chosen saved card's id (`null`: a new card). */
  cardId: string | null | undefined;
}

/**
 * The card channel's inputs in the checkout: the saved card list and the card form, what each
 * last said, which one pays, and the card data they hold.
 *
 * The saved card list is a lazy chunk the checkout asks for as soon as a session with saved
 * cards arrives (so it is there, or nearly, when the payer picks the card channel). If it cannot
 * load, the card form takes its place; the next session asks again.
 */
export class CardEntry {
  /** What the card form last said; the pay button names what is missing. */
  card: CardChangeDetail = { complete: false, missing: 'number', problem: 'empty', brand: null, field: null };
  /** What the list last said, for the session it said it about. */
  private said: (SavedCardChangeDetail & { sessionId: string }) | undefined;
  /** The session whose saved cards are listed: the list stays (empty) when its last card is removed. */
  private listFor: string | undefined;
  constructor(
    private readonly host: LitElement,
    private readonly checkout: CheckoutController,
  ) {}

  /**
   * Card data never outlives the attempt that needed it: gone on success and expiry (`reset`),
   * CVV gone after a failure (the number and expiry stay, so the payer can retry or switch).
   */
  clear(reset: boolean): void {
    if (reset) this.cardForm?.reset();
    else this.cardForm?.clearCvv();
    this.cardFrame?.clear(reset);
    this.savedCards?.clearCvv();
    const binding = this.binding;
    if (reset) binding?.reset();
    else binding?.failed();
  }

  private get binding(): ShouyinCardBinding | null | undefined {
    // In this page, or with its fields in the card frame (`<shouyin-frame-binding>`, the same element's kind).
    return this.host.renderRoot?.querySelector<ShouyinCardBinding>('[part=card-binding]');
  }

  private get savedCards(): ShouyinSavedCards | null | undefined {
    return this.host.renderRoot?.querySelector('shouyin-saved-cards');
  }

  private get cardForm(): ShouyinCardForm | null | undefined {
    return this.host.renderRoot?.querySelector('shouyin-card-form');
  }

  private get cardFrame(): ShouyinCardFrame | null | undefined {
    return this.host.renderRoot?.querySelector('shouyin-card-frame');
  }

  view(session: Session, byCard: boolean, now: number, passkeys?: Pick<Passkeys, 'confirms'>): SavedCardsView {
    if (session.savedCards.length > 0) this.listFor = session.id;
    const chunk = this.checkout.chunks.get('saved-cards');
    const listed = byCard && this.listFor === session.id && chunk?.status !== 'failed';
    const rules = chunk?.status === 'ready' ? chunk.module : undefined;
    const said =
      this.said?.sessionId === session.id
        ? this.said
        : { cardId: rules ? rules.preselectCard(session.savedCards, now) : undefined, complete: !(session.card?.savedCardCvv ?? false) };
    const card = listed ? session.savedCards.find((c) => c.id === said.cardId) : undefined;
    const bySms = card && confirmationFor(card, session, passkeys?.confirms(session, card.id)) === Confirmation.Sms ? card : undefined;
    // Until the chunk (and its status rules) is there, its placeholder stands where a saved card would be chosen.
    return { listed, ready: !!rules, bySavedCard: listed && said.cardId !== null, complete: said.complete, bySms, cardId: said.cardId };
  }

  /**
   * What pays by card: the chosen saved card (confirmed by `passkeys` when they say so), else the
   * card form's card; none while either lacks something.
   */
  take(passkeys?: Pick<Passkeys, 'instrument' | 'confirms' | 'savingCard'>): PrepareInstrument | undefined {
    const { savedCards } = this;
    const { binding } = this;
    if (savedCards?.value) {
      const choice = savedCards.take();
      const session = this.checkout.state.session;
      const card = session?.savedCards.find((c) => c.id === choice?.cardId);
      // A bound card pays through its SMS code, confirmed as a binding's, unless a passkey confirms it.
      if (card && session && confirmationFor(card, session, passkeys?.confirms(session, card.id)) === Confirmation.Sms) return binding?.take();
      return choice && (passkeys ? passkeys.instrument(choice.cardId, savedCard(choice)) : savedCard(choice));
    }
    if (binding) {
      const prepare = binding.take();
      // A binding that saves its card: its success may offer a passkey, as a saved card's does.
      return prepare && binding.savesCard && passkeys ? passkeys.savingCard(prepare) : prepare;
    }
    // The frame's element is there once its chunk is: until then nothing can pay by card.
    const frame = this.cardFrame;
    if (frame) return frame.take?.();
    const payload = this.cardForm?.take();
    return payload && newCard(payload);
  }

  readonly onCardChange = (event: CustomEvent<CardChangeDetail>): void => {
    const { complete, missing, problem, field, awaiting, ask } = event.detail;
    // Most keystrokes change nothing the checkout shows: re-render only when the pay button's words change.
    const changed =
      complete !== this.card.complete || missing !== this.card.missing || problem !== this.card.problem || awaiting !== this.card.awaiting || ask !== this.card.ask;
    this.card = event.detail;
    // Another number is another card: a decline of the last one no longer holds the button.
    if (field === 'number') this.checkout.instrumentChanged();
    if (changed) this.host.requestUpdate();
  };

  /** The list said which card is chosen and whether it can pay. */
  readonly onSavedCardChange = (event: CustomEvent<SavedCardChangeDetail>): void => {
    const sessionId = this.checkout.state.session?.id;
    // Another saved card (or the new card's form) is another instrument.
    if (this.said && this.said.cardId !== event.detail.cardId) this.checkout.instrumentChanged();
    if (sessionId) this.said = { ...event.detail, sessionId };
    this.host.requestUpdate();
  };
}
