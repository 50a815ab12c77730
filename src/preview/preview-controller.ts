import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { Phase } from '../checkout/core/flow.js';
import type { CheckoutController } from '../checkout/effects/checkout-controller.js';
import { emit } from '../events/events.js';
import type { CatalogController } from '../i18n/catalog-controller.js';
import type { SupportedLocale } from '../i18n/locale.js';
import { PreviewRunner } from './local-runner.js';
import { SAMPLE_TEXT, sampleSession } from './sample-session.js';
import { eventOf, isPreviewState, previewScript, type Press } from './script.js';

/** What preview mode reads of and does on `<shouyin-checkout>`. */
export interface PreviewHost extends ReactiveControllerHost, HTMLElement {
  preview: boolean;
  previewState: string | null;
  env: string | null;
  readonly resolvedLocale: SupportedLocale;
  readonly renderRoot: HTMLElement | DocumentFragment;
  /** The pay button's press. */
  submit(): void;
}

/** Tries for about two seconds (a lazy list may still be loading), then gives up. */
const TRIES = 120;

/**
 * Preview mode on one cashier: it plays the script of the screen `preview-state` names through
 * the real checkout, with `PreviewRunner` in place of the network, and plays it again when the
 * screen, the language or the environment changes. A new session set meanwhile is put back
 * to the sample. When `preview` goes, the checkout gets its network back.
 */
class PreviewController implements ReactiveController {
  private readonly runner: PreviewRunner;
  /** What the screen shown was played for: state, language and environment. */
  private shown = '';
  /** Each showing's number: a press left from an earlier one is dropped. */
  private run = 0;

  constructor(
    private readonly host: PreviewHost,
    private readonly checkout: CheckoutController,
    private readonly catalog: CatalogController,
  ) {
    this.runner = new PreviewRunner(host, checkout.dispatch);
    checkout.preview(this.runner);
    host.renderRoot.addEventListener('shouyin-card-remove', this.redispatch);
    host.addController(this);
  }

  hostUpdate(): void {
    const { host, checkout } = this;
    if (!host.preview) return this.detach();
    // Words first: a screen in a language still loading would fire its events in zh-CN.
    if (this.catalog.want()) return;
    const key = `${host.previewState}|${host.resolvedLocale}|${host.env}`;
    if (key === this.shown && checkout.state.flow.phase !== Phase.Loading) return;
    this.shown = key;
    // After this update: the host's listeners may set properties, which they may not during one.
    const run = ++this.run;
    void Promise.resolve().then(() => this.show(run));
  }

  private show(run: number): void {
    const { host, checkout, runner } = this;
    if (run !== this.run || !host.preview) return;
    const named = host.previewState ?? 'ready';
    const state = isPreviewState(named) ? named : 'ready';
    checkout.invalidate();
    checkout.waits.connectivity();
    const now = checkout.serverNow();
    const text = SAMPLE_TEXT[host.resolvedLocale];
    const script = previewScript(state, { session: sampleSession(now, text, run), newCard: sampleSession(now, text, run, false) });
    runner.scripted = true;
    for (const step of script.steps) {
      const event = eventOf(step, checkout.state);
      if (event) checkout.dispatch(event);
    }
    runner.scripted = false;
    // A screen no script has: the host hears it, and sees the first one.
    // (The code by its value: the chunk shares codes.ts with the bundle, whose `ErrorCode` it does not lend.)
    if (named !== state) checkout.report('attribute_invalid');
    if (script.press) void this.press(script.press, run);
  }

  /** What a payer (or the page) does on the screen once it is there. */
  private async press(press: Press, run: number): Promise<void> {
    const { host, checkout } = this;
    if (press === 'offline') return checkout.waits.connectivity(false);
    const target = await this.find(() =>
      press === 'pay'
        ? host.renderRoot.querySelector('shouyin-card-form')
        : host.renderRoot.querySelector('shouyin-saved-cards')?.shadowRoot?.querySelector<HTMLElement>('[part~="remove-button"]'),
    );
    if (!target || run !== this.run) return;
    if (press === 'pay') host.submit();
    else target.click();
  }

  private async find<T>(query: () => T | null | undefined): Promise<T | undefined> {
    for (let i = 0; i < TRIES; i++) {
      await this.host.updateComplete;
      const found = query();
      if (found) return found;
      await new Promise((resolve) => setTimeout(resolve, 16));
    }
    return undefined;
  }

  /** The saved card list tells of a removal as it always does; in preview, the host hears it marked. */
  private readonly redispatch = (event: Event): void => {
    const { detail } = event as CustomEvent<{ cardId: string; brand: string; last4: string; preview?: true }>;
    if (detail.preview) return;
    event.stopPropagation();
    emit(this.host, 'shouyin-card-remove', { ...detail, preview: true });
  };

  private detach(): void {
    const { host, checkout } = this;
    this.run++;
    this.runner.stop();
    checkout.preview(undefined);
    checkout.waits.connectivity();
    host.renderRoot.removeEventListener('shouyin-card-remove', this.redispatch);
    host.removeController(this);
    attached.delete(host);
  }
}

const attached = new WeakSet<PreviewHost>();

/** Puts a cashier in preview mode (once; it leaves by itself when `preview` goes). */
export function attachPreview(host: PreviewHost, checkout: CheckoutController, catalog: CatalogController): void {
  if (attached.has(host)) return;
  attached.add(host);
  new PreviewController(host, checkout, catalog);
  host.requestUpdate();
}
