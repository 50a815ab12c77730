/**
 * Loads code that most payers never need. The script-tag bundle is one IIFE, which cannot
 * split, so its lazy modules are separate ES module files next to it (`dist/lazy/<name>.js`,
 * built by scripts/build.mjs) and are imported by URL, relative to the bundle's own URL. Any
 * other build (ES module, tests from source) imports them by module path and lets the
 * bundler split. `import()` of a same-origin URL passes `script-src 'self'`, and is not a
 * Trusted Types sink.
 */
import type * as QrEncoder from './qr-encoder.js';

/** Replaced with `true` in the script-tag build only (vite.config.ts). */
declare const __SHOUYIN_SCRIPT__: boolean | undefined;

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

export function loadQrEncoder(): Promise<typeof QrEncoder> {
  if (typeof __SHOUYIN_SCRIPT__ !== 'undefined' && __SHOUYIN_SCRIPT__) {
    return import(/* @vite-ignore */ new URL('lazy/qr.js', bundleUrl || document.baseURI).href) as Promise<typeof QrEncoder>;
  }
  return import('./qr-encoder.js');
}
