import { ShouyinChannelList } from './channels/channel-list.js';
import { ShouyinCheckout } from './checkout/checkout.js';
import { ShouyinCountdown } from './checkout/countdown.js';
import { loadCardForm, loadNotices, loadQrCode, loadSavedCards } from './lazy/load.js';
import { defineTags } from './registry.js';

const ELEMENTS: ReadonlyArray<readonly [string, CustomElementConstructor]> = [
  ['shouyin-channel-list', ShouyinChannelList],
  ['shouyin-checkout', ShouyinCheckout],
  ['shouyin-countdown', ShouyinCountdown],
];

/** Elements in lazy chunks, and what loads and registers each. */
const LAZY_ELEMENTS: ReadonlyArray<readonly [string, () => Promise<unknown>]> = [
  ['shouyin-card-form', loadCardForm],
  ['shouyin-notices', loadNotices],
  ['shouyin-qr-code', loadQrCode],
  ['shouyin-saved-cards', loadSavedCards],
];

/**
 * Registers every eager Shouyin element (see `defineTags` for a second copy on the page).
 * `<shouyin-card-form>`, `<shouyin-notices>`, `<shouyin-qr-code>` and `<shouyin-saved-cards>`
 * are lazy chunks: `loadCardForm()`, `loadNotices()`, `loadQrCode()` and `loadSavedCards()` register them.
 */
export function defineElements(registry: CustomElementRegistry = customElements): void {
  defineTags(ELEMENTS, registry);
}

/**
 * A lazy element in the page's markup (a "my cards" page) gets its chunk without a call; the
 * checkout loads them for the elements it renders itself.
 */
function loadWhenInMarkup(): void {
  for (const [tag, load] of LAZY_ELEMENTS) if (document.querySelector(tag)) void load();
}

// Only where there is a page: Lit's Node build defines a `customElements` of its own, and
// Node, Deno and workers render on a server or in the background, where nothing should register.
if (typeof document !== 'undefined' && typeof customElements !== 'undefined') {
  defineElements();
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', loadWhenInMarkup, { once: true });
  else loadWhenInMarkup();
}
