import { Phase, type FlowState } from './core/flow.js';
import type { FallbackNotice } from './core/state.js';

/** What `revealKey` decides from: the checkout's state, and what the page shows of it. */
export interface RevealInput {
  flow: FlowState;
  notice?: FallbackNotice | undefined;
  /** The payment chunk is here: an offer or a move has its words. */
  paymentViews: boolean;
  /** The binding form is on the page: its failures are its own to show. */
  binding: boolean;
  /** The key focus and view last moved to. */
  revealed: string;
}

/**
 * What changed that the payer must see next, as a key that changes with it: a failure (and
 * the fallback offered with it), a payment moved to another channel, a wait, a QR code, success. Its
 * first letter names the target (`data-reveal`). Empty when nothing is to be shown: a cashier
 * that loads (paid or not) takes no focus from the page. `revealed` again: wait, unchanged.
 */
export function revealKey({ flow, notice, paymentViews, binding, revealed }: RevealInput): string {
  if (flow.phase === Phase.Succeeded) return 'attempt' in flow.attempt ? `s${flow.attempt.attempt}` : '';
  // Waiting on a wallet: its QR code, else what the wait says and the buttons under it ("I have paid").
  if (flow.phase === Phase.Pending) return `${flow.action?.type === 'qr' ? 'q' : 'p'}${flow.attempt.attempt}`;
  if (flow.phase === Phase.Expired) return 'x';
  if (flow.phase !== Phase.Ready) return '';
  // An offer or a move is part of what changed: it waits for its chunk's words.
  const told = notice && notice.kind !== 'preselected';
  if (told && !paymentViews) return revealed;
  // A binding's failure is the binding form's to tell: it says how the code stands and takes focus to the code field.
  if (flow.failure && binding) return revealed;
  if (flow.failure) return `f${flow.failure.attempt}${told ? notice.to : ''}`;
  return told ? `f${notice.from}>${notice.to}` : '';
}

/**
 * Whether a field or button the payer moved to must come up above the sticky bar: it is under
 * the bar's top edge, and not in the bar. A browser scrolls to a focused element only when it
 * is out of the viewport, and under the bar it is in it.
 */
export function underBar(target: { bottom: number }, bar: { top: number } | null, inBar: boolean): boolean {
  return !!bar && !inBar && target.bottom > bar.top;
}

/**
 * The bottom scroll margin that keeps a target clear of the bar: its height (none when it does
 * not stick) and the fade above it, or a little air.
 */
export function clearance(bar: { height: number; fade: number } | null): number {
  return (bar?.height ?? 0) + Math.max(bar?.fade ?? 0, 8);
}

/**
 * Whether the first field of the channel the payer just chose comes up above the bar: when it is
 * under `edge` (the bar's top less its fade: where a reveal puts a bottom), and moving it up there leaves the choice the payer is on (what has
 * focus, `null`: none in the cashier) in view. A move that would hide the choice is not made:
 * the pay button still says what is missing, and pressing it takes the payer to the field.
 */
export function bringsUpChoice(field: { bottom: number }, edge: { top: number } | null, choice: { top: number } | null): boolean {
  if (!underBar(field, edge, false)) return false;
  return !choice || choice.top - (field.bottom - edge!.top) >= 0;
}
