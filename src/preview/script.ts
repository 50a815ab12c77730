/**
 * Preview mode's screens, each as the events that lead the real checkout (`reduce`) to it:
 * a state name gives a script, its steps are checkout events (some read the state reached, as
 * a payment's reports name the attempt under way), and an optional last press is what a payer
 * would do on that screen (pay with an empty card form, ask to remove a saved card) or what
 * the page would tell it (the network gone). Pure: no DOM, no clock; the chunk's controller
 * plays a script through the checkout, and Node tests fold it through `reduce`.
 */
import { FailureCode } from '../protocol/codes.js';
import type { Session } from '../protocol/schemas.js';
import type { CheckoutEvent } from '../checkout/core/events.js';
import { Phase, type AttemptRef } from '../checkout/core/flow.js';
import type { CheckoutState } from '../checkout/core/state.js';
import { SAMPLE_RUN } from './sample-session.js';

export const PREVIEW_STATES = [
  'ready',
  'card',
  'card-errors',
  'saved-cards',
  'removal-dialog',
  'pending',
  'qr',
  'redirect',
  'fallback',
  'failure',
  'success',
  'expired',
  'offline',
] as const;
export type PreviewState = (typeof PREVIEW_STATES)[number];

export function isPreviewState(value: unknown): value is PreviewState {
  return (PREVIEW_STATES as readonly unknown[]).includes(value);
}

/** One step: an event, or one made from the state reached (`undefined`: nothing to do there). */
export type Step = CheckoutEvent | ((state: CheckoutState) => CheckoutEvent | undefined);

/** What comes after the events: the pay button pressed, a saved card's remove button pressed, the network gone. */
export type Press = 'pay' | 'remove-card' | 'offline';

export interface PreviewScript {
  steps: Step[];
  press?: Press;
}

/** The sample sessions a script loads: with the saved cards, and without (the payer the card form is for). */
export interface Samples {
  session: Session;
  newCard: Session;
}

/** The one attempt a script pays with: fixed ids, on the channel selected. */
export const PREVIEW_ATTEMPT = 'preview-attempt';
export const PREVIEW_PAYMENT = 'preview-payment';

export function eventOf(step: Step, state: CheckoutState): CheckoutEvent | undefined {
  return typeof step === 'function' ? step(state) : step;
}

const select = (channel: string): Step => ({ type: 'select', channel });

/** Pays with the channel selected, as the pay click and an unvetoed `shouyin-submit` would. */
const submitted: Step = ({ channelId }) => {
  if (!channelId) return undefined;
  const ref: AttemptRef = { attempt: PREVIEW_ATTEMPT, idempotencyKey: 'preview-idempotency-key', channel: channelId };
  return { type: 'submitted', ref, previousAttempt: null };
};

/** What the backend answers about the attempt under way. */
const answer =
  (report: (paying: { session: Session; ref: AttemptRef }) => CheckoutEvent): Step =>
  ({ flow, session }) =>
    flow.phase === Phase.Paying && session ? report({ session, ref: flow.attempt }) : undefined;

const pending = (action?: (typeof SAMPLE_RUN)['qr' | 'redirect']): Step =>
  answer((run) => ({ type: 'pending', ...run, paymentId: PREVIEW_PAYMENT, action }));

const failed = (code: FailureCode): Step =>
  answer((run) => ({ type: 'failed', ...run, code, retryable: code !== FailureCode.Declined, paymentId: PREVIEW_PAYMENT, trigger: { kind: 'failure', code } }));

/**
 * The script of a screen. Channels are chosen by id; where the environment (`env`) does not let
 * one pay, `reduce` keeps the one it recommended, and the screen shows that one instead.
 */
export function previewScript(state: PreviewState, { session, newCard }: Samples): PreviewScript {
  const load = (s = session): Step[] => [{ type: 'load' }, { type: 'loaded', session: s }];
  switch (state) {
    case 'ready':
      return { steps: load() };
    case 'card':
      return { steps: [...load(newCard), select('card')] };
    case 'card-errors':
      return { steps: [...load(newCard), select('card')], press: 'pay' };
    case 'saved-cards':
      return { steps: [...load(), select('card')] };
    case 'removal-dialog':
      return { steps: [...load(), select('card')], press: 'remove-card' };
    case 'pending':
      return { steps: [...load(), select('unionpay'), submitted, pending()] };
    case 'qr':
      return { steps: [...load(), select('wechat'), submitted, pending(SAMPLE_RUN.qr)] };
    case 'redirect':
      return { steps: [...load(), select('alipay'), submitted, pending(SAMPLE_RUN.redirect)] };
    case 'fallback':
      return { steps: [...load(), select('wechat'), submitted, failed(FailureCode.ChannelUnavailable)] };
    case 'failure':
      return { steps: [...load(), select('alipay'), submitted, failed(FailureCode.Declined)] };
    case 'success':
      return { steps: [...load(), select('wechat'), submitted, answer((run) => ({ type: 'succeeded', ...run, paymentId: PREVIEW_PAYMENT, earlier: false }))] };
    case 'expired':
      return { steps: [...load(), { type: 'expire' }] };
    case 'offline':
      return { steps: load(), press: 'offline' };
  }
}
