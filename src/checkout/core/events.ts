/**
 * What can happen to a checkout, as data: the payer's intents, what an attempt's run reports
 * (tagged with its attempt, and the session it pays), the clocks, the session's load.
 */
import type { ChannelChangeReason } from '../../events/events.js';
import type { ErrorCode, FailureCode } from '../../protocol/codes.js';
import type { Action, ResumeRecord, Session } from '../../protocol/schemas.js';
import type { FallbackTrigger } from './fallback.js';
import type { AttemptRef } from './flow.js';

/** Which attempt of which session a run reports about. */
export interface RunReport {
  session: Session;
  ref: AttemptRef;
}

export type CheckoutEvent =
  /** A new session is on its way: the old one stops being payable now. */
  | { type: 'load' }
  /** `open`: the attempt a reload left open for this order, as storage kept it. */
  | { type: 'loaded'; session: Session; open?: ResumeRecord | undefined }
  /** The cashier cannot work (session missing, unreachable, malformed; WebCrypto missing). */
  | { type: 'error'; code: ErrorCode; status?: number | undefined }
  /** A mistake the cashier works around (a cosmetic attribute): told to the host, nothing else changes. */
  | { type: 'report'; code: ErrorCode }
  | { type: 'select'; channel: string; reason?: ChannelChangeReason }
  /** The pay click; `crypto`: whether the page has WebCrypto (an insecure context has none). */
  | { type: 'pay'; crypto: boolean }
  /** `shouyin-submit` was not vetoed: the attempt starts. */
  | { type: 'submitted'; ref: AttemptRef; previousAttempt: string | null }
  /** The payer changed what pays on the selected channel: another saved card, another card number. */
  | { type: 'instrument' }
  | { type: 'abandon' }
  | { type: 'accept-fallback' }
  | { type: 'undo-fallback' }
  /** The backend removed a saved card: it leaves this session's list. */
  | { type: 'card-removed'; cardId: string }
  | { type: 'expire' }
  /** A maintenance window of one of the session's channels opened or closed. */
  | { type: 'boundary' }
  | (RunReport & { type: 'pending'; paymentId: string; action: Action | undefined })
  /** What a wallet's sheet said: paid (`null`: only the backend can tell) or why it closed. */
  | { type: 'sheet'; ref: AttemptRef; outcome: FailureCode | null }
  /** `earlier`: another attempt had paid the order (the backend's "already paid"). */
  | (RunReport & { type: 'succeeded'; paymentId: string; earlier: boolean })
  /** `unknown`: the request may have reached the backend and no answer came: the attempt stays kept for a reload. */
  | (RunReport & {
      type: 'failed';
      code: FailureCode;
      retryable: boolean;
      paymentId: string | null;
      trigger: FallbackTrigger | null;
      unknown?: boolean;
    });
