import type { ReactiveControllerHost } from 'lit';
import { emit } from '../events/events.js';
import type { FailureCode } from '../protocol/codes.js';
import type { Session } from '../protocol/schemas.js';
import { startAttempt } from './attempts.js';
import type { CheckoutController } from './checkout-controller.js';
import { decideFallback, triggerCode, triggersFallback, type FallbackTrigger } from './fallback.js';
import { Phase } from './flow.js';
import { orderDetail } from './order-detail.js';

/**
 * What the payer is told about a fallback. `offer` (prompt mode) waits for the payer to accept;
 * `moved` (auto mode) says the cashier moved, and lets the payer go back; `preselected` says
 * the host's first channel could not pay when the cashier loaded.
 */
export interface FallbackNotice {
  kind: 'offer' | 'moved' | 'preselected';
  from: string;
  to: string;
  code: FailureCode;
  /** The target pays without new input (a wallet); a new card must still be typed. */
  immediate: boolean;
}

/**
 * Carries out the fallback decisions of `fallback.ts` on one cashier: offers, moves and undoes,
 * tells the host (`shouyin-fallback`), and keeps the notice the payer sees. The checkout owns
 * the selection and the payment; this only asks it to select and to pay.
 */
export class FallbackFlow {
  /** The fallback the payer is being told about, if any. */
  notice: FallbackNotice | undefined;
  /** Channels this order's payment moved away from: never a fallback target again. */
  private readonly givenUp = new Set<string>();

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly checkout: CheckoutController,
  ) {}

  /** A new order, or this one paid: nothing to tell, nothing given up. */
  reset(): void {
    this.notice = undefined;
    this.givenUp.clear();
  }

  /** The host's first channel could not pay when the cashier loaded; the cashier started on `to`. */
  preselected(session: Session, moved: { from: string; to: string; code: FailureCode }): void {
    this.notice = { kind: 'preselected', ...moved, immediate: false };
    this.announce(session, moved, null);
  }

  /** Offers, makes or skips the fallback the session's mode asks for after an attempt ended badly. */
  afterFailure(session: Session, from: string, trigger: FallbackTrigger): void {
    if (!triggersFallback(trigger)) return;
    this.givenUp.add(from);
    const decision = decideFallback({
      session,
      from,
      trigger,
      available: (c) => this.checkout.canPay(c),
      exclude: this.givenUp,
      ranked: this.checkout.ranked(session),
    });
    if (decision.kind === 'none') return;
    const notice: FallbackNotice = { kind: 'offer', from, to: decision.to, code: triggerCode(trigger), immediate: decision.immediate };
    if (decision.kind === 'offer') {
      this.notice = notice;
      this.host.requestUpdate();
    } else {
      this.moveTo(session, notice, true);
    }
  }

  /** The payer accepts the offered fallback (prompt mode). */
  accept(): void {
    const { notice } = this;
    const { session, state } = this.checkout;
    if (notice?.kind !== 'offer' || !session || state.phase !== Phase.Ready) return;
    this.moveTo(session, notice, false);
  }

  /** The payer goes back from an automatic fallback to the channel it left. */
  undo(): void {
    const { notice } = this;
    if (notice?.kind !== 'moved' || this.checkout.state.phase !== Phase.Ready) return;
    this.notice = undefined;
    this.checkout.select(notice.from);
    this.host.requestUpdate();
  }

  /** Moves the payment to the fallback's channel, tells the host, and pays at once when nothing more is needed. */
  private moveTo(session: Session, notice: FallbackNotice, automatic: boolean): void {
    const { checkout } = this;
    checkout.select(notice.to, 'fallback');
    if (checkout.channelId !== notice.to) return;
    this.notice = automatic ? { ...notice, kind: 'moved' } : undefined;
    this.host.requestUpdate();
    this.announce(session, notice, checkout.lastAttempt);
    if (notice.immediate) void startAttempt(checkout);
  }

  private announce(session: Session, { from, to, code }: Pick<FallbackNotice, 'from' | 'to' | 'code'>, previousAttempt: string | null): void {
    emit(this.host, 'shouyin-fallback', { ...orderDetail(session), from, to, reason: code, previousAttempt });
  }
}
