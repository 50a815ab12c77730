import { emit } from '../events/events.js';
import type { Effect } from '../checkout/core/effects.js';
import type { CheckoutEvent } from '../checkout/core/events.js';
import type { AttemptRef } from '../checkout/core/flow.js';
import type { LocalRunner } from '../checkout/effects/checkout-controller.js';
import type { Session } from '../protocol/schemas.js';
import type { CardRemover } from '../saved-cards/removal-controller.js';
import type { CardRemovalResult } from '../transport/card-client.js';
import { SAMPLE_RUN } from './sample-session.js';

/**
 * Preview mode's effect runner: what `reduce` asks for is carried out here, in the page, with no
 * backend and no storage. Host events fire as they would, each marked `preview: true`; a payment
 * walks pending → success on the sample's timings (a wallet shows the sample's QR code), a
 * saved card is removed at once. While a script plays (`scripted`), its own events report the
 * attempt, so no run starts. Clocks, card data and the "pay now" of a fallback stay the
 * checkout's own effects.
 */
export class PreviewRunner implements LocalRunner {
  /** A script is playing: its events say what the attempt does. */
  scripted = false;
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();

  constructor(
    private readonly host: HTMLElement & { preview: boolean },
    private readonly dispatch: (event: CheckoutEvent) => void,
  ) {}

  carryOut(effect: Effect): boolean {
    // `preview` just went: what the checkout does next (load the host's session) is no preview's.
    if (!this.host.preview) return false;
    switch (effect.type) {
      case 'emit':
        emit(this.host, effect.name, { ...effect.detail, preview: true } as never);
        return true;
      case 'submit':
        if (emit(this.host, 'shouyin-submit', { ...effect.detail, preview: true })) {
          this.dispatch({ type: 'submitted', ref: effect.ref, previousAttempt: effect.detail.previousAttempt });
        }
        return true;
      case 'run':
        this.stop();
        if (!this.scripted) this.pay(effect.session, effect.ref);
        return true;
      case 'stop':
        this.stop();
        return true;
      // A preview leaves the page for no wallet, and a designer's clicks are no payer's last channel.
      case 'action':
      case 'forget':
      case 'remember':
        return true;
      default:
        return false;
    }
  }

  /** The sample's answers to a payment: pending (a wallet's with a QR code to scan), then success. */
  private pay(session: Session, ref: AttemptRef): void {
    const paymentId = `preview-${ref.attempt}`;
    const kind = session.channels.find((c) => c.id === ref.channel)?.kind;
    const action = kind === 'card' ? undefined : SAMPLE_RUN.qr;
    this.after(SAMPLE_RUN.pendingMs, () => {
      this.dispatch({ type: 'pending', session, ref, paymentId, action });
      this.after(SAMPLE_RUN.successMs, () => this.dispatch({ type: 'succeeded', session, ref, paymentId, earlier: false }));
    });
  }

  readonly removeCard: CardRemover = async (): Promise<CardRemovalResult> => ({ ok: true });

  /** Ends the run under way (a new attempt, a new screen, preview turned off). */
  stop(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  private after(ms: number, then: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      then();
    }, ms);
    this.timers.add(timer);
  }
}
