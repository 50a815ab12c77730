import { html, type ReactiveController } from 'lit';
import type { ShouyinCheckout } from '../checkout/checkout.js';
import type { ChannelView } from '../channels/describe.js';
import type { MessageOverrides, Messages } from '../i18n/messages.js';
import { loadCare } from '../lazy/load.js';
import type { CardEntry } from '../checkout/card-entry.js';
import type { CheckoutController } from '../checkout/effects/checkout-controller.js';
import type { CareView } from './care-view.js';
import { readCareChoice, rememberCareChoice } from './preference.js';

/** What the checkout tells care mode: its state and card entry, read by the chunk's views. */
export interface CareDeps {
  checkout: CheckoutController;
  cards: CardEntry;
  /** What the payer's step still lacks (as the assistant is told): `channel`, a card field; `null` when it can pay. */
  missing(): string | null;
}

/**
 * Care mode's hook in the main bundle: the payer's own choice (the "大字模式" switch, remembered
 * on the device, over the host's attribute) and the loading of its chunk. Its sizes and colors
 * are the checkout's styles (`:host([care])`); its words and views (`care-view.ts`) are the lazy
 * chunk `dist/lazy/care.js`: until it is here, the cashier shows its usual words and every channel.
 */
export class CareController implements ReactiveController {
  private chunkView: CareView | undefined;

  constructor(
    private readonly host: ShouyinCheckout,
    private readonly deps: CareDeps,
  ) {
    host.addController(this);
  }

  /** Care mode's views (the "其他支付方式" disclosure, "朗读", the step, the rows' words) while it is on and its chunk is here. */
  get view(): CareView | undefined {
    return this.host.care ? this.chunkView : undefined;
  }

  hostUpdate(): void {
    const { host } = this;
    // The payer's own choice, made on this device, over the host's attribute.
    if (!host.hasUpdated) host.care = readCareChoice() ?? host.care;
    if (host.care && !this.chunkView) {
      loadCare().then((care) => {
        this.chunkView ??= new care.CareView(host, this.deps);
        host.requestUpdate();
      }, () => undefined);
    }
  }

  hostUpdated(): void {
    this.view?.updated();
  }

  /** The host's strings, over care mode's plain words while it is on. */
  overrides(strings: MessageOverrides | undefined): MessageOverrides | undefined {
    const plain = this.view?.messages().plain;
    return plain ? { ...plain, ...strings } : strings;
  }

  /** The "大字模式" switch: in the main bundle, so a payer can turn care mode on before anything of it loads. */
  switchButton(m: Messages) {
    return html`<button type="button" class="care-switch" part="care-switch" aria-pressed=${this.host.care ? 'true' : 'false'} @click=${this.onSwitch}>
      ${m.careMode}
    </button>`;
  }

  /** The channels the list shows: in care mode the chosen one, until the payer opens the others. */
  channels(views: ChannelView[], channelId: string | null): ChannelView[] {
    return this.view?.collapsed(channelId) ? views.filter((v) => v.id === channelId) : views;
  }

  private readonly onSwitch = (): void => {
    this.host.care = !this.host.care;
    rememberCareChoice(this.host.care);
  };
}
