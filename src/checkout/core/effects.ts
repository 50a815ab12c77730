/** What `reduce` asks the world to do, as data; `CheckoutController` carries it out. */
import type { ShouyinEventDetails, ShouyinEventName } from '../../events/events.js';
import type { FailureCode } from '../../protocol/codes.js';
import type { Action, ResumeRecord, Session } from '../../protocol/schemas.js';
import type { Chunk } from './chunks.js';
import type { AttemptRef } from './flow.js';

export type Emit = { [K in ShouyinEventName]: { type: 'emit'; name: K; detail: ShouyinEventDetails[K] } }[ShouyinEventName];

export type Effect =
  | Emit
  /** Asks the host (`shouyin-submit`, cancelable); not vetoed, the checkout hears `submitted`. */
  | { type: 'submit'; ref: AttemptRef; detail: ShouyinEventDetails['shouyin-submit'] }
  /** Starts an attempt's run (stopping the last one): sends its intent, or resumes `open` after a reload. */
  | { type: 'run'; session: Session; ref: AttemptRef; previousAttempt: string | null; open?: ResumeRecord }
  /** Stops the current run's waits (a status check on its way still lands). */
  | { type: 'stop' }
  /** Carries out the backend's action of a pending attempt that leaves the page (redirect, super-app sheet). */
  | { type: 'action'; ref: AttemptRef; action: Action | undefined }
  /** Pays with the selected channel now, as the pay button does (a fallback to a wallet). */
  | { type: 'pay' }
  /** Drops the order's resume record; with `attempt`, only if it is that attempt's. */
  | { type: 'forget'; orderId: string; attempt?: string }
  /** The channel that paid is the one this merchant's payer is offered first next time. */
  | { type: 'remember'; merchantId: string; channel: string }
  /** Card data never outlives the attempt that needed it: all of it (`reset`), or the CVV. */
  | { type: 'card'; reset: boolean }
  /** (Re)arms the session's clocks: its expiry and its channels' maintenance windows. */
  | { type: 'timers' }
  /** Loads a lazy chunk what is now on screen needs (see `chunksFor`); one that failed is tried again. */
  | { type: 'chunk'; chunk: Chunk }
  /** A wallet's sheet of the attempt on screen said it paid: ask the backend now. */
  | { type: 'check' }
  /** A wallet's sheet of the attempt on screen was closed or failed: the attempt ends at its next check, now. */
  | { type: 'give-up'; code: FailureCode };
