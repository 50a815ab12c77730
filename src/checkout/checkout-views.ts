/**
 * The checkout's self-contained views: templates of what they are given, no state of their own.
 * They render into `<shouyin-checkout>`'s shadow root (its styles and parts apply), so a part
 * here (`success`) is the checkout's part. The views of a payment under way (its fallback
 * notice, its action) are in `payment-views.ts`, a lazy chunk.
 */
import { html, nothing } from 'lit';
import { formatMoney } from '../i18n/format.js';
import type { Messages } from '../i18n/messages.js';
import { ErrorCode } from '../protocol/codes.js';
import { channelName } from './failure-text.js';
import type { Session } from '../protocol/schemas.js';

/** The order's amount, formatted for the payer. */
export function amountOf(session: Session, locale: string): string {
  return formatMoney(session.order.amount, session.order.currency, locale);
}

export { channelName } from './failure-text.js';

/**
 * A placeholder of `rows` rows while something loads. The saved cards one (a row per card and
 * one for a new card) stands where the list will be, with its part.
 */
export function skeleton(m: Messages | undefined, rows: number, savedCards = false) {
  return html`<div
    class=${savedCards ? 'skeleton saved-cards-loading' : 'skeleton'}
    part=${savedCards ? 'saved-cards' : nothing}
    aria-busy="true"
  >
    ${Array.from({ length: rows }, () => html`<span></span>`)}
    <p class="visually-hidden" role="status">${m?.loading}</p>
  </div>`;
}

/**
 * Merchant, description, amount and the order's countdown (`now`: the server-corrected clock).
 * The host's words (the merchant's name, the description) are in the host's language, not the
 * cashier's: `hostLang` marks them, so a screen reader reads a Chinese shop name with a Chinese
 * voice in the English cashier.
 */
export function summary(m: Messages, session: Session, amount: string, now: () => number, hostLang: string) {
  const { order } = session;
  // The catalog's sentence around the name, cut where the name goes (a character no name has).
  const [before = '', after = ''] = m.merchant('\u0000').split('\u0000');
  // The description is a part of this template, hidden when there is none, not a template of its own.
  return html`
    <header class="summary" part="summary">
      <p class="merchant">${before}<span lang=${hostLang} .textContent=${order.merchant.name}></span>${after}</p>
      <p class="description" lang=${hostLang} ?hidden=${!order.description} .textContent=${order.description ?? ''}></p>
      <p class="amount-label" id="amount-label" .textContent=${m.amountDue}></p>
      <p class="amount" part="amount"><span id="amount" .textContent=${amount}></span></p>
      <shouyin-countdown
        .expiresAt=${Date.parse(session.expiresAt)}
        .now=${now}
        .messages=${m.channels}
      ></shouyin-countdown>
    </header>
  `;
}

/** Why the cashier cannot work; `reload` is offered when the session may load on a second try. */
export function sessionError(m: Messages, code: ErrorCode, reload: () => void) {
  const canReload = code === ErrorCode.SessionUnreachable || code === ErrorCode.SessionHttpError;
  return html`<p class="message error" part="message" role="alert">${m.errors[code]}</p>
    ${canReload ? html`<button type="button" @click=${reload}>${m.reload}</button>` : nothing}`;
}

/** What the success view says under its title. No `channelId`: another attempt had paid the order, so no channel is named as the payer's. */
export function successText(m: Messages, session: Session, locale: string, channelId: string | undefined): string {
  return channelId === undefined ? m.failures.order_already_paid : m.successDetail(amountOf(session, locale), channelName(m, session, channelId));
}

/**
 * The paid order. Its title takes focus (`tabindex=-1`, see `reveal`): the pay button the payer
 * was on is gone. It is said by the checkout's status region, there before it.
 */
export function success(m: Messages, text: string, paymentId: string) {
  return html`<div class="success" part="success">
    <h2 tabindex="-1" data-reveal="s">${m.successTitle}</h2>
    <p>${text}</p>
    <p class="reference">${m.successReference(paymentId)}</p>
  </div>`;
}

