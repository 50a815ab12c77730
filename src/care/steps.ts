/**
 * Care mode's "one step at a time": from the checkout's state, the step the payer is on, its
 * number among the steps of the way they pay, and what to do now. Pure: the care view only
 * shows it (and says it in its live region, and reads it aloud).
 */
import { Phase } from '../checkout/core/flow.js';

/** What the checkout's state says, for the step: nothing of what the payer typed, only what is missing. */
export interface CareStepState {
  phase: Phase;
  /** The selected channel's kind; `null` when none is. */
  kind: string | null;
  /** How a card is taken: the card form (or the card frame), a saved card, the 快捷支付 binding form. */
  card: 'form' | 'saved' | 'binding';
  /** The card form asks for the holder's name. */
  name: boolean;
  /**
   * What the step still lacks (`channel`, a card field, `cvv` of a saved card; the binding form's
   * `number`, `details` before its code is sent, `sms` while the code step waits); `null` when the payer can pay.
   */
  missing: string | null;
  /** The last attempt failed for a reason that would repeat: another way to pay is the next step. */
  repeats: boolean;
}

/** What the payer is to do now. */
export type CareStepWhat =
  | 'choose'
  | 'other'
  | 'number'
  | 'expiry'
  | 'cvv'
  | 'name'
  | 'details'
  | 'sms'
  | 'pay'
  | 'wait'
  | 'confirm'
  | 'paid';

export interface CareStep {
  what: CareStepWhat;
  /** The step's number (1-based) and how many there are; absent for the result, which is no step to take. */
  n?: number;
  of?: number;
}

/** The steps of each way to pay, in order; the last is paying itself. */
function stepsOf(state: CareStepState): CareStepWhat[] {
  if (state.kind !== 'card') return ['choose', 'pay', 'confirm'];
  if (state.card === 'binding') return ['choose', 'number', 'details', 'sms', 'pay'];
  if (state.card === 'saved') return ['choose', 'cvv', 'pay'];
  return ['choose', 'number', 'expiry', 'cvv', ...(state.name ? (['name'] as const) : []), 'pay'];
}

/** Where the payer is; `null` while nothing is to be done (loading, an error, expired). */
export function careStep(state: CareStepState): CareStep | null {
  const steps = stepsOf(state);
  const at = (what: CareStepWhat, index = steps.indexOf(what)): CareStep => ({ what, n: index + 1, of: steps.length });
  switch (state.phase) {
    case Phase.Succeeded:
      return { what: 'paid' };
    case Phase.Paying:
    case Phase.Pending:
      // A wallet is confirmed in the wallet; a card is the cashier's to finish.
      return at(state.kind === 'card' ? 'wait' : 'confirm', steps.length - 1);
    case Phase.Ready:
      break;
    default:
      return null;
  }
  if (state.repeats) return at('other', 0);
  if (state.kind === null || state.missing === 'channel') return at('choose');
  if (state.missing === null) return at('pay');
  // The binding form asks its number first, then the holder's details up to "获取验证码", then the code sent by SMS.
  if (state.card === 'binding') return at(state.missing === 'number' || state.missing === 'sms' ? state.missing : 'details');
  const what = steps.find((s) => s === state.missing);
  return what ? at(what) : at('pay');
}
