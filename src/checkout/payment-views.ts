/**
 * The views of a payment under way: what the backend asked for (a QR code, a wallet opened) and
 * what the payer is told about a fallback. In a lazy chunk (`loadPayment`): only payers
 * told of a fallback or sent to a wallet need them. Like
 * `checkout-views.ts`, templates of what they are given, rendered in the checkout's shadow
 * root: `fallback-button` and `qr-code` are the checkout's parts.
 */
import { html, nothing } from 'lit';
import type { FallbackReason, Messages, PaymentMessages } from '../i18n/messages.js';
import { FailureCode } from '../protocol/codes.js';
import type { Session } from '../protocol/schemas.js';
import { channelName } from './checkout-views.js';
import type { FallbackNotice } from './core/state.js';
import type { ActionView } from './core/flow.js';

/** How the payer is told why the payment moved. */
export function fallbackReason(code: FailureCode): FallbackReason {
  return code === FailureCode.LimitExceeded ? 'limit' : code === FailureCode.Canceled ? 'abandoned' : 'unavailable';
}

/** What the backend asked for: a QR code to scan, or the wallet the payer is sent to. */
export function actionView(m: Messages, p: PaymentMessages, session: Session, amount: string, view: ActionView | undefined) {
  const channel = session.channels.find((c) => c.id === view?.channel);
  if (!view || !channel) return nothing;
  const name = channelName(m, session, channel.id);
  if (view.type !== 'qr') return html`<p class="message" part="message">${p.walletOpen(name)}</p>`;
  // Until the QR chunk defines the element, it shows the light-DOM placeholder it is given.
  return html`
    <shouyin-qr-code
      part="qr-code"
      role="group"
      tabindex="-1"
      data-reveal="q"
      aria-label=${p.qrAmount(amount)}
      .content=${view.content}
      .label=${p.qrLabel(name)}
      .hint=${p.scanWith(channel.kind, name)}
      .amount=${p.qrAmount(amount)}
    >
      <div class="qr-loading" aria-busy="true">${p.qrLoading}</div>
    </shouyin-qr-code>
  `;
}

export interface FallbackIntents {
  accept(): void;
  undo(): void;
}

/** What the payer is told about a fallback: an offer to accept, a move to undo, or a note. */
export function fallbackNotice(
  m: Messages,
  p: PaymentMessages,
  session: Session,
  notice: FallbackNotice,
  amount: string,
  busy: boolean,
  on: FallbackIntents,
) {
  const from = channelName(m, session, notice.from);
  const to = channelName(m, session, notice.to);
  const reason = fallbackReason(notice.code);
  switch (notice.kind) {
    case 'offer':
      return html`<div class="fallback">
        <p class="message" part="message" role="status" id="notice-text">${p.offer(reason, from, to, amount)}</p>
        <button type="button" part="fallback-button" @click=${on.accept}>${p.accept(to, notice.immediate)}</button>
      </div>`;
    case 'moved': {
      const byCard = session.channels.find((c) => c.id === notice.to)?.kind === 'card';
      return html`<div class="fallback">
        <p class="message" part="message" role="status" id="notice-text">${p.moved(reason, from, to, byCard)}</p>
        ${busy ? nothing : html`<button type="button" @click=${on.undo}>${p.back(from)}</button>`}
      </div>`;
    }
    case 'preselected':
      return html`<p class="message" part="message" role="status" id="notice-text">${p.preselected(reason, from, to)}</p>`;
  }
}
