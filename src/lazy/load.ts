/**
 * Loads code that only some payers need: the card form and the card rules (card payers), the QR code and its encoder (desktop payers of a
 * wallet), the saved cards list (payers with saved cards), the host's notices banner
 * (sessions with notices), the guide to the system browser (payers who ask how to pay with a
 * wallet the super-app blocks), the fallback and action views and wallet sheets (payers told of a fallback or sent to a wallet), the card encryption (card payers), the card frame's host side (cashiers with `card-frame`) and the zh-TW and en catalogs
 * (payers in those languages), and registers the elements among them.
 *
 * The script-tag bundle is one IIFE, which cannot split, so its lazy chunks are separate ES
 * module files next to it (`dist/lazy/<name>.js`, built by scripts/build.mjs) and are imported
 * by URL, relative to the bundle's own URL. A chunk does not carry its own Lit: before the
 * first import, the bundle publishes `./shared.ts` (its Lit and the modules chunks share with
 * it) under `RUNTIME_KEY`, and the lazy build reads those imports from there. Any other build
 * (ES module, tests from source) imports the chunks by module path and lets the bundler split;
 * nothing is published there.
 *
 * `import()` of a same-origin URL passes `script-src 'self'`, and is not a Trusted Types sink;
 * a global symbol needs no `eval` and no inline script. Works from a classic and a module
 * script tag; a second copy of the same version finds the runtime already there and leaves it.
 */
import type * as Assistant from './assistant.js';
import type * as Care from './care.js';
import type * as Card from './card.js';
import type * as Binding from './binding.js';
import type * as CardFrameHost from './card-frame-host.js';
import type * as CatalogEn from './i18n-en.js';
import type * as CatalogZhTW from './i18n-zh-TW.js';
import type * as Guide from './guide.js';
import type * as Notices from './notices.js';
import type * as Passkey from './passkey.js';
import type * as Payment from './payment.js';
import type * as Preview from './preview.js';
import type * as QrCode from './qr.js';
import type * as SavedCards from './saved-cards.js';
import type * as Seal from './seal.js';
import { addCatalog, hasCatalog, type SupportedLocale } from '../i18n/locale.js';
import { defineTags } from '../registry.js';
import { RUNTIME_KEY } from './runtime-key.js';
import * as shared from './shared.js';

/** `true` in the script-tag build, `false` in the ES module build (vite.config.ts); unset from source. */
declare const __SHOUYIN_SCRIPT__: boolean | undefined;

const SCRIPT = typeof __SHOUYIN_SCRIPT__ !== 'undefined' && __SHOUYIN_SCRIPT__;

/**
 * The bundle's URL, read while it runs for the first time (`currentScript` is only set then,
 * and only for classic scripts: as `type="module"` the tag is found by its file name).
 */
const bundleUrl =
  typeof document === 'undefined'
    ? ''
    : ((document.currentScript as HTMLScriptElement | null)?.src ??
      document.querySelector<HTMLScriptElement>('script[src*="shouyin"][src$=".js"]')?.src ??
      '');

/** Imports `dist/lazy/<name>.js`, with the shared runtime published first (the first copy's stays). */
function fromBundle<T>(name: string): Promise<T> {
  (globalThis as { [RUNTIME_KEY]?: typeof shared })[RUNTIME_KEY] ??= shared;
  return import(/* @vite-ignore */ new URL(`lazy/${name}.js`, bundleUrl || document.baseURI).href) as Promise<T>;
}

/** One load per chunk; a failed one (the network) is tried again next time. */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => (loading ??= load().catch((error: unknown) => {
    loading = undefined;
    throw error;
  }));
}

/** Loads `<shouyin-qr-code>` with its encoder and registers it; the checkout calls it when a backend asks for a QR code. */
export const loadQrCode = once(async (): Promise<typeof QrCode> => {
  const chunk: typeof QrCode = await (SCRIPT ? fromBundle('qr') : import('./qr.js'));
  defineTags([['shouyin-qr-code', chunk.ShouyinQrCode]]);
  return chunk;
});

/** Loads `<shouyin-notices>` and registers it; the checkout calls it when a session has notices. */
export const loadNotices = once(async (): Promise<typeof Notices> => {
  const chunk: typeof Notices = await (SCRIPT ? fromBundle('notices') : import('./notices.js'));
  defineTags([['shouyin-notices', chunk.ShouyinNotices]]);
  return chunk;
});

/** Loads `<shouyin-open-guide>` and registers it; the checkout calls it when the payer asks how to pay with a blocked wallet. */
export const loadGuide = once(async (): Promise<typeof Guide> => {
  const chunk: typeof Guide = await (SCRIPT ? fromBundle('guide') : import('./guide.js'));
  defineTags([['shouyin-open-guide', chunk.ShouyinOpenGuide]]);
  return chunk;
});

/** Loads the assistant (its rules, words and `<shouyin-hint>`) and registers the element; the checkout's assistant controller calls it at the first sign of trouble. */
export const loadAssistant = once(async (): Promise<typeof Assistant> => {
  const chunk: typeof Assistant = await (SCRIPT ? fromBundle('assistant') : import('./assistant.js'));
  defineTags([['shouyin-hint', chunk.ShouyinHint]]);
  return chunk;
});

/** Loads care mode's plain words and read-aloud button; the checkout calls it when care mode is on. */
export const loadCare = once((): Promise<typeof Care> => (SCRIPT ? fromBundle('care') : import('./care.js')));

/** Loads what only some payments need (the fallback notice, the action view, the super-apps' sheets); the checkout calls it on need. */
export const loadPayment = once((): Promise<typeof Payment> => (SCRIPT ? fromBundle('payment') : import('./payment.js')));

/**
 * Loads `<shouyin-card-form>` and registers it. The checkout calls it when the card channel is
 * selected; a page that creates the form itself awaits it first. It resolves to the chunk.
 */
export const loadCardForm = once(async (): Promise<typeof Card> => {
  const chunk: typeof Card = await (SCRIPT ? fromBundle('card') : import('./card.js'));
  defineTags([['shouyin-card-form', chunk.ShouyinCardForm]]);
  return chunk;
});

/**
 * Loads `<shouyin-saved-cards>` and registers it. The checkout calls it as soon as a session
 * with saved cards arrives; a page that creates the element itself (a "my cards" page) awaits it
 * first. It resolves to the chunk: the element's class and the card removal request.
 */
export const loadSavedCards = once(async (): Promise<typeof SavedCards> => {
  const chunk: typeof SavedCards = await (SCRIPT ? fromBundle('saved-cards') : import('./saved-cards.js'));
  defineTags([['shouyin-saved-cards', chunk.ShouyinSavedCards]]);
  return chunk;
});

/**
 * Loads the card encryption. The checkout calls it as soon as the card channel is selected; the
 * pay path awaits the same promise, and one that failed (the network) loads again at the next try.
 */
export const loadSeal = once((): Promise<typeof Seal> => (SCRIPT ? fromBundle('seal') : import('./seal.js')));

/** Loads preview mode (its sample session, scripts and local runner); only a `<shouyin-checkout preview>` asks. */
export const loadPreview = once((): Promise<typeof Preview> => (SCRIPT ? fromBundle('preview') : import('./preview.js')));

/**
 * Loads `<shouyin-card-binding>` (and `<shouyin-frame-binding>`, its fields in the card frame)
 * and registers them; the checkout calls it when the card channel of a session with
 * `endpoints.bindings` is selected.
 */
export const loadBinding = once(async (): Promise<typeof Binding> => {
  const chunk: typeof Binding = await (SCRIPT ? fromBundle('binding') : import('./binding.js'));
  defineTags([
    ['shouyin-card-binding', chunk.ShouyinCardBinding],
    ['shouyin-frame-binding', chunk.ShouyinFrameBinding],
  ]);
  return chunk;
});

/** Loads passkey confirmation of saved cards; the checkout calls it for a session with `endpoints.passkeys` and saved cards. */
export const loadPasskey = once((): Promise<typeof Passkey> => (SCRIPT ? fromBundle('passkey') : import('./passkey.js')));

/** Loads `<shouyin-card-frame>` and registers it; the checkout calls it when `card-frame` is set and the card channel is shown. */
export const loadCardFrame = once(async (): Promise<void> => {
  const chunk: typeof CardFrameHost = await (SCRIPT ? fromBundle('card-frame-host') : import('./card-frame-host.js'));
  defineTags([['shouyin-card-frame', chunk.ShouyinCardFrame]]);
});

type Catalog = typeof CatalogEn | typeof CatalogZhTW;

/** The catalogs in chunks; zh-CN is in the bundle. */
const CATALOG_CHUNKS: Record<Exclude<SupportedLocale, 'zh-CN'>, () => Promise<Catalog>> = {
  'zh-TW': once((): Promise<Catalog> => (SCRIPT ? fromBundle('i18n-zh-TW') : import('./i18n-zh-TW.js'))),
  en: once((): Promise<Catalog> => (SCRIPT ? fromBundle('i18n-en') : import('./i18n-en.js'))),
};

/**
 * Loads a locale's catalog, unless it is at hand already (zh-CN always is), so that
 * `messagesFor(locale)` gives its words. Rejects when the chunk cannot load (the network);
 * the next call tries again.
 */
export async function loadCatalog(locale: SupportedLocale): Promise<void> {
  if (hasCatalog(locale) || locale === 'zh-CN') return;
  addCatalog(locale, (await CATALOG_CHUNKS[locale]()).messages);
}
