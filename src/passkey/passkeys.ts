/**
 * Passkeys in one checkout (the passkey chunk): whether a passkey confirms the chosen saved
 * card (`passkeyUse`), what pays then (the saved card with the assertion instead of its CVV), the
 * note under the card, and the success view's offer to register one. It hears the checkout's own
 * `shouyin-failure` and `shouyin-success` to learn that a passkey failed for a card, or that a
 * saved card paid; the checkout renders what it returns.
 */
import { html, nothing, type ReactiveControllerHost } from 'lit';
import type { PrepareInstrument } from '../checkout/effects/instruments.js';
import type { SupportedLocale } from '../i18n/locale.js';
import { FailureCode } from '../protocol/codes.js';
import type { Session } from '../protocol/schemas.js';
import { passkeyMessagesFor, type PasskeyMessages } from './messages.js';
import { offersPasskey, passkeyUse, type PasskeyContext, type PasskeyUse } from './usable.js';
import { authenticatorAvailable, confirmWithPasskey, registerPasskey } from './webauthn.js';

/** What the chunk needs of the checkout: where relative endpoints resolve, and the backend's clock. */
export interface PasskeyCheckout {
  readonly endpointBase: string;
  serverNow(): number;
}

type Host = ReactiveControllerHost & HTMLElement;
type OfferPhase = 'open' | 'busy' | 'done' | 'failed';

const FAILED_BY_PASSKEY: ReadonlySet<string> = new Set([FailureCode.PasskeyDeclined, FailureCode.PasskeyRejected]);

export class Passkeys {
  /** Whether the device can check a fingerprint or face; `undefined` until the browser says. */
  private available: boolean | undefined;
  /** `sessionId|cardId` of cards a passkey failed for: their usual confirmation from then on. */
  private readonly failed = new Set<string>();
  /** The saved card the latest attempt paid with, and in which session. */
  private prepared: { sessionId: string; cardId: string } | undefined;
  /** Sessions a saved card paid, whose success view may offer a passkey. */
  private readonly paid = new Set<string>();
  /** The offer of one session, as it stands; "不用了" removes it. */
  private offered: { sessionId: string; phase: OfferPhase } | undefined;
  private readonly dismissed = new Set<string>();
  /** Sessions whose payer registered a passkey in this page. */
  private readonly registered = new Set<string>();

  constructor(
    private readonly host: Host,
    private readonly checkout: PasskeyCheckout,
  ) {
    void authenticatorAvailable().then((available) => {
      this.available = available;
      host.requestUpdate();
    });
    host.addEventListener('shouyin-failure', (event) => {
      const { sessionId, code } = event.detail;
      const { prepared } = this;
      if (!prepared || prepared.sessionId !== sessionId || !FAILED_BY_PASSKEY.has(code)) return;
      this.failed.add(`${sessionId}|${prepared.cardId}`);
      host.requestUpdate();
    });
    host.addEventListener('shouyin-success', (event) => {
      const { sessionId, alreadyPaid } = event.detail;
      if (!alreadyPaid && this.prepared?.sessionId === sessionId) this.paidWithSavedCard(sessionId);
    });
  }

  /**
   * A saved card paid this session's order: its success view may offer a passkey. Called for
   * every saved-card payment; a binding that saved the card (issue 17, "save this card") calls
   * it too, once the card is saved.
   */
  paidWithSavedCard(sessionId: string): void {
    this.paid.add(sessionId);
    this.host.requestUpdate();
  }

  private context(session: Session): PasskeyContext {
    return {
      enabled: !!session.endpoints.passkeys,
      registered: !!session.passkey?.registered || this.registered.has(session.id),
      available: this.available,
    };
  }

  /** Whether a passkey confirms the saved card `cardId` now. */
  use(session: Session, cardId: string | null | undefined): PasskeyUse {
    return passkeyUse(this.context(session), { selectable: !!cardId, failed: this.failed.has(`${session.id}|${cardId}`) });
  }

  /** Whether a passkey confirms the saved card `cardId` now (`confirmationFor`'s `byPasskey`). */
  confirms(session: Session, cardId: string | null | undefined): boolean {
    return this.use(session, cardId).use === 'confirm';
  }

  /** A binding that saves its card: once it pays, its success view may offer a passkey as a saved card's does. */
  savingCard(usual: PrepareInstrument): PrepareInstrument {
    return (session, now) => {
      this.prepared = { sessionId: session.id, cardId: '' };
      return usual(session, now);
    };
  }

  /**
   * Whether the chosen saved card's CVV is asked: the session's rule, unless a passkey confirms
   * the card. (Where a saved bound card is confirmed by an SMS code instead, that code is the
   * usual confirmation the same way: the passkey replaces it only when `use` says `confirm`.)
   */
  cvv(session: Session, cardId: string | null | undefined): boolean {
    return (session.card?.savedCardCvv ?? false) && this.use(session, cardId).use !== 'confirm';
  }

  /**
   * What pays with the saved card `cardId`: with a passkey, the challenge and the fingerprint
   * come here, after `shouyin-submit`, as a card's sealing does; otherwise `usual` (the CVV's).
   * A passkey that does not come throws with its failure code: nothing is sent, the attempt
   * fails with it, and the card's usual confirmation is asked next.
   */
  instrument(cardId: string, usual: PrepareInstrument): PrepareInstrument {
    return async (session, now) => {
      this.prepared = { sessionId: session.id, cardId };
      if (this.use(session, cardId).use !== 'confirm') return usual(session, now);
      const result = await confirmWithPasskey({ session, base: this.checkout.endpointBase, now, cardId });
      if (!result.ok) throw Object.assign(new Error(result.code), { failure: result.code });
      return { type: 'saved-card', cardId, passkey: result.proof };
    };
  }

  /** The note under the saved cards: a passkey will confirm, or why not this time. */
  note(session: Session, cardId: string | null | undefined, locale: SupportedLocale, strings?: Partial<PasskeyMessages>) {
    const m = passkeyMessagesFor(locale, strings);
    const use = this.use(session, cardId);
    const words =
      use.use === 'confirm'
        ? session.card?.savedCardCvv
          ? m.confirmNoteNoCvv
          : m.confirmNote
        : use.told === 'no-authenticator'
          ? m.noAuthenticator
          : use.told === 'failed'
            ? m.usualThisTime
            : undefined;
    return words ? html`<p class="message" part="passkey-note" id="passkey-note">${words}</p>` : nothing;
  }

  /** The success view's offer of a passkey, with its one sentence, "开启" and "不用了"; then how it went. */
  offer(session: Session, locale: SupportedLocale, strings?: Partial<PasskeyMessages>) {
    const m = passkeyMessagesFor(locale, strings);
    const { offered } = this;
    const phase = offered?.sessionId === session.id ? offered.phase : undefined;
    if (phase === 'done' || phase === 'failed') {
      return html`<p class="message" part="passkey-offer" role="status" tabindex="-1">${phase === 'done' ? m.offerDone : m.offerFailed}</p>`;
    }
    const shown = phase === 'busy' || offersPasskey(this.context(session), { bySavedCard: this.paid.has(session.id), dismissed: this.dismissed.has(session.id) });
    if (!shown) return nothing;
    const busy = phase === 'busy';
    return html`<section class="fallback" part="passkey-offer" aria-labelledby="passkey-offer-title" aria-describedby="passkey-offer-text">
      <h3 id="passkey-offer-title">${m.offerTitle}</h3>
      <p class="message" id="passkey-offer-text">${m.offerText}</p>
      <button type="button" class="primary" aria-disabled=${busy ? 'true' : 'false'} @click=${() => this.register(session)}>
        ${busy ? m.offerBusy : m.offerAccept}
      </button>
      ${busy ? nothing : html`<button type="button" @click=${() => this.dismiss(session)}>${m.offerDecline}</button>`}
    </section>`;
  }

  private dismiss(session: Session): void {
    this.dismissed.add(session.id);
    this.host.requestUpdate();
  }

  private async register(session: Session): Promise<void> {
    if (this.offered?.sessionId === session.id && this.offered.phase === 'busy') return;
    this.offered = { sessionId: session.id, phase: 'busy' };
    this.host.requestUpdate();
    const result = await registerPasskey({ session, base: this.checkout.endpointBase, now: this.checkout.serverNow() });
    if (result.ok) this.registered.add(session.id);
    this.offered = { sessionId: session.id, phase: result.ok ? 'done' : 'failed' };
    this.host.requestUpdate();
    // The offer's buttons are gone: focus goes to what says how it went.
    await this.host.updateComplete;
    this.host.shadowRoot?.querySelector<HTMLElement>('[part="passkey-offer"]')?.focus?.();
  }
}

const perHost = new WeakMap<Host, Passkeys>();

/** The passkeys of one checkout element, made on first use. */
export function passkeysFor(host: Host, checkout: PasskeyCheckout): Passkeys {
  let passkeys = perHost.get(host);
  if (!passkeys) perHost.set(host, (passkeys = new Passkeys(host, checkout)));
  return passkeys;
}
