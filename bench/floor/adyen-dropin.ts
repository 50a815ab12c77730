/**
 * The peer: what a host ships to show Adyen Web's Drop-in with the card component, written
 * the way Adyen's v6 docs show it (tree-shakable ESM entry plus its stylesheet). Only
 * bundled and weighed by `npm run bench`; never run (it would need Adyen's servers).
 */
import { AdyenCheckout, Card, Dropin } from '@adyen/adyen-web';
import '@adyen/adyen-web/styles/adyen.css';

type CoreConfiguration = Parameters<typeof AdyenCheckout>[0];

async function mountDropin(container: HTMLElement, configuration: CoreConfiguration) {
  const checkout = await AdyenCheckout(configuration);
  return new Dropin(checkout, { paymentMethodComponents: [Card] }).mount(container);
}

// A host calls it; publishing it keeps the bundler from tree-shaking everything away.
(globalThis as { mountAdyenDropin?: typeof mountDropin }).mountAdyenDropin = mountDropin;
