import { ShouyinCardForm } from './card/card-form.js';
import { ShouyinChannelList } from './channels/channel-list.js';
import { ShouyinCheckout } from './checkout/checkout.js';
import { ShouyinCountdown } from './checkout/countdown.js';
import { ShouyinNotices } from './checkout/notices.js';
import { ShouyinQrCode } from './checkout/qr-code.js';
import { ShouyinSavedCards } from './saved-cards/saved-cards.js';
import { VERSION } from './version.js';

const ELEMENTS: ReadonlyArray<readonly [string, CustomElementConstructor]> = [
  ['shouyin-card-form', ShouyinCardForm],
  ['shouyin-channel-list', ShouyinChannelList],
  ['shouyin-checkout', ShouyinCheckout],
  ['shouyin-countdown', ShouyinCountdown],
  ['shouyin-notices', ShouyinNotices],
  ['shouyin-qr-code', ShouyinQrCode],
  ['shouyin-saved-cards', ShouyinSavedCards],
];

const VERSION_KEY = Symbol.for('shouyin.version');

/**
 * Registers every Shouyin element. A page may load the script twice, or two versions of it:
 * tags that already exist are left alone (the first copy wins), with one console warning
 * that names both versions, instead of the `NotSupportedError` a second `define` throws.
 */
export function defineElements(registry: CustomElementRegistry = customElements): void {
  const skipped: string[] = [];
  for (const [tag, element] of ELEMENTS) {
    if (registry.get(tag)) {
      skipped.push(tag);
      continue;
    }
    registry.define(tag, element);
  }
  const registered = globalThis as { [VERSION_KEY]?: string };
  if (skipped.length > 0) {
    console.warn(
      `shouyin ${VERSION}: ${skipped.join(', ')} already defined by shouyin ${registered[VERSION_KEY] ?? 'unknown'}; this copy is not registered.`,
    );
  } else {
    registered[VERSION_KEY] = VERSION;
  }
}

if (typeof customElements !== 'undefined') defineElements();
