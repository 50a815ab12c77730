import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Session } from '../protocol/schemas.js';
import { fetchBinding, lookupCardInfo, requestBinding, resendCode, type BindingResult, type CodeFor } from '../transport/binding-client.js';
import { createBindingStore } from './binding-store.js';
import { BindingStep, initialBinding, reduceBinding, type BindingEvent, type BindingState } from './flow.js';

export interface BindingControllerDeps {
  session(): Session | undefined;
  /** The URL the session's relative endpoints resolve against. */
  base(): string;
  /** The backend's clock as the cashier knows it (ms). */
  now(): number;
  /** What the code is asked for: the form's details sealed (rejects when they cannot be), or a saved card. */
  codeFor(): Promise<CodeFor>;
  /** A saved bound card being confirmed, if that is what the form does: its binding is kept apart from a new card's. */
  savedCardId(): string | undefined;
}

/**
 * Runs the binding form's reducer: keeps its state (read-only outside), turns events into the
 * next state and carries out the effects it asks for (card info, the binding request, a resend,
 * the binding's state after a failed confirm). Every request of a session that is no longer
 * the form's is dropped on arrival; a disconnect aborts what is under way.
 */
export class BindingController implements ReactiveController {
  private s: BindingState = initialBinding;
  private abort = new AbortController();
  private readonly store = createBindingStore(() => globalThis.sessionStorage);
  /** The order (and saved card) whose kept binding was last looked for. */
  private resumedFor: string | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly deps: BindingControllerDeps,
  ) {
    host.addController(this);
  }

  get state(): BindingState {
    return this.s;
  }

  hostDisconnected(): void {
    this.abort.abort();
    this.abort = new AbortController();
  }

  /**
   * A session is there: once per order, a binding kept from before a reload is asked about, and
   * the form comes back to its code step if the code may still be entered or renewed.
   */
  hostUpdate(): void {
    const session = this.deps.session();
    const key = this.key();
    if (!session || !key || key === this.resumedFor) return;
    // Another saved card chosen: the code sent for the last one does not confirm this one.
    if (this.resumedFor !== undefined) this.dispatch({ type: 'reset' });
    this.resumedFor = key;
    const bindingId = this.store.load(key);
    if (!bindingId) return;
    const { signal } = this.abort;
    void fetchBinding(session, bindingId, this.deps.base(), { signal }).then((result) => {
      if (signal.aborted || this.key() !== key) return;
      if (result.ok) this.dispatch({ type: 'resume', binding: result.binding });
      if (!result.ok || this.s.step !== BindingStep.Code) this.store.clear(key);
    });
  }

  /** Where the binding is kept across a reload: the order's, or the order's saved card's. */
  private key(): string | undefined {
    const orderId = this.deps.session()?.order.id;
    const cardId = this.deps.savedCardId();
    return orderId && (cardId ? `${orderId}:${cardId}` : orderId);
  }

  dispatch(event: BindingEvent): void {
    const { state, effects } = reduceBinding(this.s, event);
    if (state !== this.s) {
      this.s = state;
      this.host.requestUpdate();
      this.keep();
    }
    for (const effect of effects) void this.run(effect);
  }

  /** The binding the code was sent for is kept while the form is at its code step; gone otherwise. */
  private keep(): void {
    const key = this.key();
    if (!key) return;
    const { step, binding } = this.s;
    if (step === BindingStep.Code && binding) this.store.save(key, binding.id);
    else if (step === BindingStep.Form) this.store.clear(key);
  }

  private async run(effect: ReturnType<typeof reduceBinding>['effects'][number]): Promise<void> {
    const session = this.deps.session();
    if (!session) return;
    const { signal } = this.abort;
    const options = { session, base: this.deps.base(), now: this.deps.now(), signal };
    const answer = (event: BindingEvent): void => {
      if (!signal.aborted && this.deps.session()?.id === session.id) this.dispatch(event);
    };
    switch (effect.type) {
      case 'lookup': {
        const info = await lookupCardInfo({ ...options, iin: effect.iin });
        return answer({ type: 'info', iin: effect.iin, info });
      }
      case 'send': {
        let result: BindingResult;
        try {
          result = await requestBinding({ ...options, for: await this.deps.codeFor() });
        } catch {
          result = { ok: false, code: 'network_error' };
        }
        return answer({ type: 'sent', result });
      }
      case 'resend':
        return answer({ type: 'resent', result: await resendCode({ ...options, bindingId: effect.bindingId }) });
      case 'status': {
        const result = await fetchBinding(session, effect.bindingId, options.base, { signal });
        return answer({ type: 'status', result: result.ok ? result : { ok: false, code: result.code } });
      }
    }
  }
}
