import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { loadCatalog } from '../lazy/load.js';
import { DEFAULT_LOCALE, hasCatalog, type SupportedLocale } from './locale.js';

/**
 * Which catalog an element shows. zh-CN is in the bundle; zh-TW and en are lazy chunks, so an
 * element in those languages shows nothing worded (its skeleton) until its catalog is there,
 * never zh-CN words first. A catalog that cannot load (the network, a blocked chunk) leaves the
 * element in zh-CN, the default language, rather than without a way to pay.
 */
export class CatalogController implements ReactiveController {
  /** The locale whose words the element shows; `undefined` until the first catalog is there. */
  shown: SupportedLocale | undefined;
  private readonly host: ReactiveControllerHost;
  private readonly locale: () => SupportedLocale;
  /** The locale last asked for, and its load while it runs. */
  private wanted: SupportedLocale | undefined;
  private loading: Promise<void> | undefined;

  constructor(host: ReactiveControllerHost, locale: () => SupportedLocale) {
    this.host = host;
    this.locale = locale;
    host.addController(this);
  }

  hostUpdate(): void {
    void this.want();
  }

  /**
   * Starts loading the element's catalog when it is not at hand, and resolves (never rejects)
   * once `shown` is settled; `undefined` when it already is. The checkout calls it as it starts
   * the session's fetch, so the two load side by side.
   */
  want(): Promise<void> | undefined {
    const locale = this.locale();
    if (hasCatalog(locale)) {
      this.wanted = locale;
      this.shown = locale;
      return undefined;
    }
    if (locale !== this.wanted) {
      this.wanted = locale;
      this.loading = loadCatalog(locale).then(
        () => this.settle(locale, locale),
        () => this.settle(locale, DEFAULT_LOCALE),
      );
    }
    return this.loading;
  }

  private settle(wanted: SupportedLocale, shown: SupportedLocale): void {
    if (wanted !== this.wanted) return;
    this.shown = shown;
    this.loading = undefined;
    this.host.requestUpdate();
  }
}
