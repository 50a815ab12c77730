import { html } from 'lit';
import type { ShouyinCheckout } from '../checkout/checkout.js';
import { emit } from '../events/events.js';
import { hintMessagesFor, type HintMessages } from './hint-messages.js';
import { HintCode, assist, initialAssistant, type AssistantEvent, type AssistantState, type Hint } from './rules.js';
import type { AssistantDeps, Recorded } from './assistant-controller.js';

/** Failures that say this instrument will not pay as it is (the same card again fails again). */
const DECLINES = new Set(['declined', 'insufficient_funds', 'card_invalid']);
/** How long the empty live region stands before its first text, so that screen readers hear it. */
const REGION_SETTLE_MS = 150;

/**
 * The assistant at work, in its lazy chunk: turns what the checkout's page events say into the
 * rules' events (`rules.ts` decides), keeps the rules' clock ticking, tells the host of each
 * hint (`shouyin-hint`) and gives the checkout the `<shouyin-hint>` to render.
 *
 * It reads the page only as a payer's path: which field has focus, whether a field the payer
 * left shows an error (`aria-invalid`), the payment events. Never a field's value.
 */
export class AssistantRuntime {
  private state: AssistantState;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private missing: string | null = null;
  private sessionId: string | undefined;
  /** The live region has stood empty long enough: a hint may go in. */
  private regionReady = false;
  private regionSeen = false;
  /** The field the payer was on, to return to when they dismiss the hint. */
  private lastField: HTMLElement | undefined;

  constructor(
    private readonly host: ShouyinCheckout,
    private readonly deps: AssistantDeps,
    backlog: readonly Recorded[],
    since: number,
    /** The controller gave the `offline` hint itself (the chunk could not load then): not again this session. */
    saidOffline: boolean,
  ) {
    this.state = { ...initialAssistant(since), used: saidOffline ? [HintCode.Offline] : [] };
    for (const recorded of backlog) this.record(recorded);
    // The step as it stands has stood since the payer's last move, not since this chunk came.
    this.updated(backlog.at(-1)?.at ?? since);
  }

  /** A page event, as the assistant controller heard it. */
  record({ event, at, target }: Recorded): void {
    const field = target instanceof HTMLInputElement && target.id ? target.id : undefined;
    const detail = (event as CustomEvent<Record<string, unknown>>).detail;
    switch (event.type) {
      case 'focusin':
        if (field && target instanceof HTMLElement) {
          this.lastField = target;
          this.feed({ type: 'focus', at, field });
        }
        return;
      case 'input':
        return this.feed({ type: 'progress', at });
      case 'focusout': {
        // The form shows a field's error once the payer leaves it, after its next render.
        const form = target instanceof Node ? (target.getRootNode() as ShadowRoot).host : undefined;
        const rendered = (form as { updateComplete?: Promise<unknown> } | undefined)?.updateComplete ?? Promise.resolve();
        if (field && target instanceof Element) {
          void rendered.then(() => {
            if (target.getAttribute('aria-invalid') === 'true') this.feed({ type: 'error', at: this.deps.now(), field });
          });
        }
        return;
      }
      case 'online':
      case 'offline':
        return this.feed({ type: event.type, at });
      case 'shouyin-ready':
        if (detail.sessionId !== this.sessionId) {
          // A new session: a new payer's path, every hint may be offered again.
          if (this.sessionId !== undefined) this.state = initialAssistant(at);
          this.sessionId = detail.sessionId as string;
          this.host.requestUpdate();
        }
        return;
      case 'shouyin-channel-change':
        if (detail.reason === 'user') this.feed({ type: 'channel', at, channel: detail.channel as string });
        return;
      case 'shouyin-submit': {
        // Dispatch is synchronous: once it returns, a host's veto is known. One from the backlog was dispatched long ago.
        const request = (): unknown => event.defaultPrevented || this.feed({ type: 'request', at });
        if (event.eventPhase === Event.NONE) request();
        else queueMicrotask(request);
        return;
      }
      case 'shouyin-pending':
        return this.feed({ type: 'settled', at });
      case 'shouyin-failure':
        this.feed({ type: 'settled', at });
        if (DECLINES.has(detail.code as string)) this.feed({ type: 'declined', at, instrument: detail.channel as string });
        return;
      case 'shouyin-success':
      case 'shouyin-expire':
        return this.feed({ type: 'done', at });
    }
  }

  /** After each render of the checkout: what the payer's step lacks now, and whether the live region is on the page. */
  updated(at = this.deps.now()): void {
    const missing = this.deps.missing();
    if (missing !== this.missing) {
      this.missing = missing;
      this.feed({ type: 'step', at, missing });
    }
    if (!this.regionSeen && this.host.renderRoot.querySelector('shouyin-hint')) {
      this.regionSeen = true;
      setTimeout(() => {
        this.regionReady = true;
        this.host.requestUpdate();
      }, REGION_SETTLE_MS);
    }
  }

  stop(): void {
    clearTimeout(this.timer);
  }

  view() {
    const m = this.messages();
    const { shown } = this.state;
    return html`<shouyin-hint
      part="hint"
      .text=${shown && shown.code !== HintCode.Offline && this.regionReady ? this.words(m, shown) : ''}
      .dismissLabel=${m.dismiss}
      @shouyin-hint-dismiss=${this.onDismiss}
    ></shouyin-hint>`;
  }

  private readonly onDismiss = (): void => {
    const hint = this.host.renderRoot.querySelector('shouyin-hint');
    const hadFocus = hint?.matches(':focus-within') ?? false;
    this.feed({ type: 'dismiss', at: this.deps.now() });
    // The button goes with the hint: focus goes back to the field the payer was on, else to the cashier's pay button.
    if (hadFocus) {
      const back = this.lastField?.isConnected ? this.lastField : this.host.renderRoot.querySelector<HTMLElement>('[part=pay-button]');
      back?.focus();
    }
  };

  private feed(event: AssistantEvent): void {
    const before = this.state.shown;
    const step = assist(this.state, event, this.deps.options());
    this.state = step.state;
    if (step.hint) emit(this.host, 'shouyin-hint', { hint: step.hint.code, message: this.words(this.messages(), step.hint) });
    if (this.state.shown !== before) this.host.requestUpdate();
    clearTimeout(this.timer);
    if (step.wakeAt !== null) {
      this.timer = setTimeout(() => this.feed({ type: 'tick', at: this.deps.now() }), Math.max(0, step.wakeAt - this.deps.now()));
    }
  }

  private messages(): HintMessages {
    return hintMessagesFor(this.host.resolvedLocale, this.host.strings?.assistant);
  }

  private words(m: HintMessages, { code, topic = '' }: Hint): string {
    switch (code) {
      case HintCode.Dwell:
        return m.dwell(topic);
      case HintCode.BackAndForth: {
        // The channel the ranking recommended when the cashier got ready.
        const recommended = this.host.readyDetail?.channel;
        return m.backAndForth(topic, recommended ? this.deps.channelName(recommended) : null);
      }
      case HintCode.RepeatedError:
        return m.repeatedError(topic);
      case HintCode.Offline:
        // The cashier says it already, in its own status region: the payer reads it once, the host hears those words.
        return this.deps.offline();
      case HintCode.SlowNetwork:
        return m.slowNetwork;
      case HintCode.DeclinedAgain:
        return m.declinedAgain(this.deps.channelName(topic));
    }
  }
}
