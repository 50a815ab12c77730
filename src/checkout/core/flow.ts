/** The checkout's phases, and what each holds; `reduce` moves between them. */
import type { ErrorCode, FailureCode } from '../../protocol/codes.js';

export const Phase = {
  Idle: 'idle',
  Loading: 'loading',
  Error: 'error',
  Ready: 'ready',
  Paying: 'paying',
  Pending: 'pending',
  Succeeded: 'succeeded',
  Expired: 'expired',
} as const;
export type Phase = (typeof Phase)[keyof typeof Phase];

/** The attempt in flight: the ids a retry reuses. */
export interface AttemptRef {
  attempt: string;
  idempotencyKey: string;
  channel: string;
  paymentId?: string;
}

export interface FailureInfo {
  code: FailureCode;
  retryable: boolean;
  attempt: string;
  channel: string;
  /**
   * The same payment, sent again as it is, would fail the same way (see `repeatsAsIs`): the
   * pay button stays off until the payer changes what pays (another card, another channel).
   */
  repeats: boolean;
}

/** What the checkout shows while a pending attempt's action is under way; only a QR code needs the page. */
export type ActionView = { type: 'qr'; content: string; channel: string } | { type: 'bridge' | 'redirect' | 'miniprogram'; channel: string };

export type FlowState =
  | { phase: typeof Phase.Idle }
  | { phase: typeof Phase.Loading }
  | { phase: typeof Phase.Error; code: ErrorCode }
  | { phase: typeof Phase.Ready; failure?: FailureInfo }
  | { phase: typeof Phase.Paying; attempt: AttemptRef }
  | { phase: typeof Phase.Pending; attempt: AttemptRef & { paymentId: string }; action?: ActionView | undefined }
  /** `earlier`: another attempt had paid the order (its channel may not be `attempt.channel`). */
  | { phase: typeof Phase.Succeeded; attempt: AttemptRef & { paymentId: string }; earlier: boolean }
  /** The session said the order was paid before this cashier tried anything. */
  | { phase: typeof Phase.Succeeded; attempt: { paymentId: string }; earlier: true }
  | { phase: typeof Phase.Expired };
