/**
 * The binding form's own state machine (快捷支付, issue 17), as the checkout's is: pure,
 * `reduceBinding(state, event) → { state, effects }`, effects as data that the element carries
 * out (requests, the seal). It never holds the card number, ID, phone or code: only the issuer
 * prefix it asks about, the binding's id and clocks, and what to tell the payer.
 *
 * The steps: `form` (number, then the bank's fields) → "获取验证码" → `sending` → `code` (the
 * 6-digit code; the checkout's pay button confirms it as an attempt). A confirm that fails sends
 * the form to ask the backend how the binding stands, which says what the payer is told: a
 * wrong code and the tries left, an expired code (ask for another), or a locked binding (start
 * again from the form).
 */
import type { Binding, CardInfo } from '../protocol/binding.js';
import type { BindingProblem } from '../transport/binding-client.js';

export const BindingStep = { Form: 'form', Sending: 'sending', Code: 'code' } as const;
export type BindingStep = (typeof BindingStep)[keyof typeof BindingStep];

/** An issuer prefix asked about, and the answer once it came. */
export interface Lookup {
  iin: string;
  info?: CardInfo;
}

/** What the payer is told: a refusal of the bank, the network, or the code's state. */
export type BindingNotice = { code: BindingProblem; attemptsLeft?: number };

export interface BindingState {
  readonly lookup?: Lookup | undefined;
  readonly step: BindingStep;
  /** The binding the code was sent for (step `code`). */
  readonly binding?: Binding | undefined;
  /** Another code is being asked for. */
  readonly resending: boolean;
  readonly notice?: BindingNotice | undefined;
}

export const initialBinding: BindingState = { step: BindingStep.Form, resending: false };

export type BindingEvent =
  /** The number changed: its first digits, at most 8 (never more leaves the form). */
  | { type: 'number'; iin: string }
  | { type: 'info'; iin: string; info: CardInfo }
  /** "获取验证码" with every field complete. */
  | { type: 'send' }
  | { type: 'sent'; result: { ok: true; binding: Binding } | { ok: false; code: BindingProblem; binding?: Binding } }
  /** The resend button, at `now` (the backend's clock as the cashier knows it). */
  | { type: 'resend'; now: number }
  | { type: 'resent'; result: { ok: true; binding: Binding } | { ok: false; code: BindingProblem; binding?: Binding } }
  /** The checkout's attempt with the code failed: ask the backend where the binding stands. */
  | { type: 'confirm-failed' }
  | { type: 'status'; result: { ok: true; binding: Binding } | { ok: false; code: BindingProblem } }
  /** The payer changed a detail the code was sent for: that binding is dropped. */
  | { type: 'edit' }
  /** Paid, or the order expired: back to the start. */
  | { type: 'reset' }
  /** After a reload: the binding this order's code was sent for, as the backend says it stands. */
  | { type: 'resume'; binding: Binding };

export type BindingEffect =
  | { type: 'lookup'; iin: string }
  | { type: 'send' }
  | { type: 'resend'; bindingId: string }
  | { type: 'status'; bindingId: string };

/** The prefix asked about first; 8 digits are asked only when 6 named no bank. */
const SHORT_IIN = 6;
const LONG_IIN = 8;

export function reduceBinding(state: BindingState, event: BindingEvent): { state: BindingState; effects: BindingEffect[] } {
  const effects: BindingEffect[] = [];
  let s = state;
  const set = (patch: Partial<BindingState>): void => void (s = { ...s, ...patch });
  const ask = (iin: string): void => {
    set({ lookup: { iin } });
    effects.push({ type: 'lookup', iin });
  };
  switch (event.type) {
    case 'number': {
      const { iin } = event;
      const { lookup } = s;
      if (iin.length < SHORT_IIN) {
        if (lookup) set({ lookup: undefined });
        break;
      }
      if (!lookup || !iin.startsWith(lookup.iin)) ask(iin.slice(0, SHORT_IIN));
      else if (lookup.info && !lookup.info.known && iin.length >= LONG_IIN && lookup.iin.length < LONG_IIN) ask(iin.slice(0, LONG_IIN));
      break;
    }
    case 'info':
      if (s.lookup?.iin === event.iin) set({ lookup: { iin: event.iin, info: event.info } });
      break;
    case 'send':
      if (s.step === BindingStep.Sending) break;
      set({ step: BindingStep.Sending, notice: undefined });
      effects.push({ type: 'send' });
      break;
    case 'sent': {
      if (s.step !== BindingStep.Sending) break;
      const { result } = event;
      if (result.ok) set({ step: BindingStep.Code, binding: result.binding, notice: undefined });
      else set({ step: BindingStep.Form, binding: undefined, notice: { code: result.code } });
      break;
    }
    case 'resend': {
      const { binding } = s;
      if (s.step !== BindingStep.Code || !binding || s.resending || event.now < Date.parse(binding.resendAt)) break;
      set({ resending: true, notice: undefined });
      effects.push({ type: 'resend', bindingId: binding.id });
      break;
    }
    case 'resent': {
      if (!s.resending) break;
      const { result } = event;
      set({ resending: false });
      if (result.ok) set({ binding: result.binding });
      else {
        // A binding that is over (locked, or bound elsewhere) starts again from the form.
        const over = result.binding && result.binding.status !== 'code_sent' && result.binding.status !== 'expired';
        set({ notice: { code: result.code }, ...(result.binding ? { binding: result.binding } : {}), ...(over ? { step: BindingStep.Form, binding: undefined } : {}) });
      }
      break;
    }
    case 'confirm-failed':
      if (s.step === BindingStep.Code && s.binding) effects.push({ type: 'status', bindingId: s.binding.id });
      break;
    case 'status': {
      if (s.step !== BindingStep.Code || !s.binding) break;
      const { result } = event;
      if (!result.ok) break;
      const { binding } = result;
      if (binding.id !== s.binding.id) break;
      if (binding.status === 'locked') set({ step: BindingStep.Form, binding: undefined, notice: { code: 'binding_locked' } });
      else if (binding.status === 'expired') set({ binding, notice: { code: 'sms_code_expired' } });
      else if (binding.status === 'code_sent') set({ binding, notice: { code: 'sms_code_invalid', attemptsLeft: binding.attemptsLeft } });
      break;
    }
    case 'edit':
      if (s.step === BindingStep.Code) set({ step: BindingStep.Form, binding: undefined, notice: undefined, resending: false });
      break;
    case 'reset':
      s = initialBinding;
      break;
    case 'resume': {
      // Only into an untouched form, and only a binding whose code may still be entered or renewed.
      const { binding } = event;
      if (s.step !== BindingStep.Form || s.binding || (binding.status !== 'code_sent' && binding.status !== 'expired')) break;
      set({ step: BindingStep.Code, binding, notice: binding.status === 'expired' ? { code: 'sms_code_expired' } : undefined });
      break;
    }
  }
  return { state: s, effects };
}

/** The longest countdown a bank gives before another code (the reference backend's 60 s). */
export const RESEND_COUNTDOWN_S = 60;

/**
 * Whole seconds until another code may be asked for; 0 when it may now. Never more than the
 * countdown: the cashier's estimate of the backend's clock may run a little behind the instant
 * the backend set `resendAt` from, and "61 秒" reads as a mistake.
 */
export function resendIn(state: BindingState, now: number): number {
  const at = state.binding ? Date.parse(state.binding.resendAt) : 0;
  return Math.min(RESEND_COUNTDOWN_S, Math.max(0, Math.ceil((at - now) / 1000)));
}
