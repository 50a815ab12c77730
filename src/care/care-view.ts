import { html, nothing } from 'lit';
import type { ShouyinCheckout } from '../checkout/checkout.js';
import { amountOf, channelName } from '../checkout/checkout-views.js';
import { Phase } from '../checkout/core/flow.js';
import { messagesFor } from '../i18n/locale.js';
import type { CareDeps } from './care-controller.js';
import { careMessagesFor, type CareMessages } from './care-messages.js';
import { readAloudButton } from './read-aloud.js';
import { careStep, type CareStepState } from './steps.js';

/** How long the empty step region stands before its first words, so that screen readers hear them. */
const REGION_SETTLE_MS = 150;

/**
 * Care mode's views, in its chunk: the "其他支付方式" disclosure under the one channel shown,
 * the "朗读" button, and the step the payer is on (`careStep` decides; this shows it, in a polite
 * live region that stands empty before its first words).
 */
export class CareView {
  /** The payer opened "其他支付方式". */
  private othersShown = false;
  private regionSeen = false;
  private regionReady = false;

  constructor(
    private readonly host: ShouyinCheckout,
    private readonly deps: CareDeps,
  ) {}

  messages(): CareMessages {
    return careMessagesFor(this.host.resolvedLocale);
  }

  /** One channel, the chosen one, until the payer opens the others. */
  collapsed(channelId: string | null): boolean {
    return !!channelId && !this.othersShown;
  }

  /** The "其他支付方式" disclosure; focus stays on it, the list grows above it. Open, its name drops the count of what was hidden. */
  others(channelId: string | null, count: number) {
    if (!channelId || count < 2) return nothing;
    return html`<button type="button" class="others" part="other-channels" aria-expanded=${this.othersShown ? 'true' : 'false'} @click=${this.onOthers}>
      ${this.messages().otherChannels(this.othersShown ? 0 : count - 1)}
    </button>`;
  }

  /** "朗读": the merchant and the amount, after `before` (the result, once paid), then the step the payer is on. */
  readAloud(before?: string) {
    const { session } = this.deps.checkout.state;
    if (!session) return nothing;
    const locale = this.host.resolvedLocale;
    const c = this.messages();
    const text = c.readOrder(session.order.merchant.name, amountOf(session, locale), before, before ? undefined : this.stepText(c));
    return readAloudButton(c.readAloud, text, locale);
  }

  /** The step the payer is on, shown and said politely; the region is on the page, empty, before its first words. */
  step() {
    const text = this.regionReady ? this.stepText(this.messages()) : '';
    return html`<p class="care-step" part="care-step" role="status">${text}</p>`;
  }

  /** After each render of the checkout: the step region's first appearance starts its settling time. */
  updated(): void {
    const shown = !!this.host.renderRoot.querySelector('.care-step');
    if (!shown) {
      this.regionSeen = this.regionReady = false;
      return;
    }
    if (this.regionSeen) return;
    this.regionSeen = true;
    setTimeout(() => {
      this.regionReady = true;
      this.host.requestUpdate();
    }, REGION_SETTLE_MS);
  }

  private stepText(c: CareMessages): string {
    const { session, channelId } = this.deps.checkout.state;
    const state = this.stepState();
    const step = state && careStep(state);
    if (!step || !session) return '';
    return c.step(step, channelId ? channelName(messagesFor(this.host.resolvedLocale, this.host.strings), session, channelId) : '');
  }

  /** The checkout's state as the step needs it (`steps.ts`). */
  private stepState(): CareStepState | undefined {
    const { checkout, cards } = this.deps;
    const { flow, session } = checkout.state;
    if (!session) return undefined;
    const binds = !!session.endpoints.bindings && !this.host.cardFrame;
    const card = cards.view(session, true, checkout.serverNow()).bySavedCard ? 'saved' : binds ? 'binding' : 'form';
    const missing = this.deps.missing();
    return {
      phase: flow.phase,
      kind: checkout.channel?.kind ?? null,
      card,
      name: session.card?.holderName ?? false,
      // The binding form says its number is missing, or the code (`sms`) once its code step waits: else its details are.
      missing: card === 'binding' && missing === null && !cards.card.complete ? 'details' : missing,
      repeats: flow.phase === Phase.Ready && !!flow.failure?.repeats,
    };
  }

  private readonly onOthers = (): void => {
    this.othersShown = !this.othersShown;
    this.host.requestUpdate();
  };
}
