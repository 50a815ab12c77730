import { ShouyinCardForm } from './card/card-form.js';
import { ShouyinChannelList } from './channels/channel-list.js';
import { ShouyinCheckout } from './checkout/checkout.js';
import { ShouyinCountdown } from './checkout/countdown.js';
import { ShouyinNotices } from './checkout/notices.js';
import { ShouyinQrCode } from './checkout/qr-code.js';
import { loadSavedCards } from './lazy/load.js';
import { defineTags } from './registry.js';

const ELEMENTS: ReadonlyArray<readonly [string, CustomElementConstructor]> = [
  ['shouyin-card-form', ShouyinCardForm],
  ['shouyin-channel-list', ShouyinChannelList],
  ['shouyin-checkout', ShouyinCheckout],
  ['shouyin-countdown', ShouyinCountdown],
  ['shouyin-notices', ShouyinNotices],
  ['shouyin-qr-code', ShouyinQrCode],
];

/**
 * Registers every eager Shouyin element (see `defineTags` for a second copy on the page).
 * `<shouyin-saved-cards>` is a lazy chunk: `loadSavedCards()` registers it.
 */
export function defineElements(registry: CustomElementRegistry = customElements): void {
  defineTags(ELEMENTS, registry);
}

/**
 * A `<shouyin-saved-cards>` in the page's markup (a "my cards" page) gets its chunk without a
 * call; the checkout loads it for the lists it renders itself.
 */
function loadWhenInMarkup(): void {
  if (document.querySelector('shouyin-saved-cards')) void loadSavedCards();
}

if (typeof customElements !== 'undefined') {
  defineElements();
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', loadWhenInMarkup, { once: true });
  else loadWhenInMarkup();
}
