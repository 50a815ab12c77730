/**
 * The events a cashier sends its host page: declared once here, with the global event map
 * augmented so `addEventListener('shouyin-success', (e) => e.detail.paymentId)` type-checks.
 * All bubble and are composed (they leave shadow roots). No detail ever holds a card number
 * or CVV: only ids, channels, amounts in minor units, codes and localized messages.
 */
import type { ErrorCode, FailureCode } from '../protocol/codes.js';
import type { Action } from '../protocol/schemas.js';

/** Who chose a channel. */
export type ChannelChangeReason = 'user' | 'recommendation' | 'fallback';

export interface OrderDetail {
  sessionId: string;
  orderId: string;
  /** Minor units (fen for CNY). */
  amount: number;
  currency: string;
}

export interface ShouyinEventDetails {
  'shouyin-ready': OrderDetail & { channels: string[]; channel: string | null };
  'shouyin-channel-change': { channel: string; previous: string | null; reason: ChannelChangeReason };
  /** Cancelable: `preventDefault()` vetoes the payment before anything is sent. */
  'shouyin-submit': OrderDetail & { channel: string; attempt: string; previousAttempt: string | null };
  'shouyin-pending': OrderDetail & { channel: string; attempt: string; paymentId: string; action: Action['type'] | null };
  /**
   * `alreadyPaid`: the order had been paid by another attempt (another tab, an abandoned one that
   * went through): `paymentId` is that payment's, and `channel`/`attempt` are this cashier's last try.
   */
  'shouyin-success': OrderDetail & { channel: string; attempt: string; paymentId: string; alreadyPaid: false }
    /**
     * Already paid. When the session said so on load, `channel` and `attempt` are those of this
     * tab's try that was open when the page went away, or `null` when there was none.
     */
    | OrderDetail & { channel: string | null; attempt: string | null; paymentId: string; alreadyPaid: true };
  'shouyin-failure': OrderDetail & {
    channel: string;
    attempt: string;
    paymentId: string | null;
    code: FailureCode;
    retryable: boolean;
    /** The payer-facing text, in the cashier's language. */
    message: string;
  };
  'shouyin-fallback': OrderDetail & { from: string; to: string; reason: FailureCode; previousAttempt: string | null };
  'shouyin-expire': OrderDetail;
  'shouyin-card-remove': { cardId: string; brand: string; last4: string };
  'shouyin-hint': { hint: string; message: string };
  'shouyin-error': { code: ErrorCode; message: string; status?: number };
}

export type ShouyinEventName = keyof ShouyinEventDetails;

/** Every event of a cashier in preview mode (docs/preview.md) carries `preview: true`: a sample, not a payment. */
export interface PreviewMark {
  preview?: true;
}

/** Every event name, for hosts and tools that listen to all of them. */
export const EVENT_NAMES: readonly ShouyinEventName[] = [
  'shouyin-ready',
  'shouyin-channel-change',
  'shouyin-submit',
  'shouyin-pending',
  'shouyin-success',
  'shouyin-failure',
  'shouyin-fallback',
  'shouyin-expire',
  'shouyin-card-remove',
  'shouyin-hint',
  'shouyin-error',
];
export type ShouyinEvent<K extends ShouyinEventName> = CustomEvent<ShouyinEventDetails[K] & PreviewMark>;

declare global {
  interface HTMLElementEventMap {
    'shouyin-ready': ShouyinEvent<'shouyin-ready'>;
    'shouyin-channel-change': ShouyinEvent<'shouyin-channel-change'>;
    'shouyin-submit': ShouyinEvent<'shouyin-submit'>;
    'shouyin-pending': ShouyinEvent<'shouyin-pending'>;
    'shouyin-success': ShouyinEvent<'shouyin-success'>;
    'shouyin-failure': ShouyinEvent<'shouyin-failure'>;
    'shouyin-fallback': ShouyinEvent<'shouyin-fallback'>;
    'shouyin-expire': ShouyinEvent<'shouyin-expire'>;
    'shouyin-card-remove': ShouyinEvent<'shouyin-card-remove'>;
    'shouyin-hint': ShouyinEvent<'shouyin-hint'>;
    'shouyin-error': ShouyinEvent<'shouyin-error'>;
  }
}

/**
 * Dispatches a Shouyin event from `target`; returns false when a cancelable one (only
 * `shouyin-submit` is) was vetoed.
 * A host listener that throws must not break the cashier, and the browser reports it anyway.
 */
export function emit<K extends ShouyinEventName>(target: EventTarget, name: K, detail: ShouyinEventDetails[K] & PreviewMark): boolean {
  return target.dispatchEvent(
    new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable: name === 'shouyin-submit' }),
  );
}
