import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Session } from '../protocol/schemas.js';
import { fetchBinding, lookupCardInfo, requestBinding, resendCode, type BindingResult } from '../transport/binding-client.js';
import { initialBinding, reduceBinding, type BindingEvent, type BindingState } from './flow.js';

export interface BindingControllerDeps {
  session(): Session | undefined;
  /** The URL the session's relative endpoints resolve against. */
  base(): string;
  /** The backend's clock as the cashier knows it (ms). */
  now(): number;
  /** Seals the form's details for a binding request; rejects when they cannot be (no key, no chunk). */
  sealDetails(): Promise<string>;
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

  dispatch(event: BindingEvent): void {
    const { state, effects } = reduceBinding(this.s, event);
    if (state !== this.s) {
      this.s = state;
      this.host.requestUpdate();
    }
    for (const effect of effects) void this.run(effect);
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
          result = await requestBinding({ ...options, encrypted: await this.deps.sealDetails() });
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
