/**
 * Every preview screen in both color schemes: the palette really switches (the panel and its text
 * are computed differently), and axe, color contrast included, finds nothing in light or in dark.
 * Preview needs no backend, so each screen is reached at once.
 */
import { expect } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../../../src/index.js';
import type { ShouyinCheckout } from '../../../src/checkout/checkout.js';
import { luminance } from '../../support/contrast.js';
import { EventLog } from '../../support/mount.js';

const STATES = ['ready', 'card', 'card-errors', 'saved-cards', 'removal-dialog', 'pending', 'qr', 'redirect', 'fallback', 'failure', 'success', 'expired', 'offline'];

const mounted: Array<{ el: HTMLElement; log: EventLog }> = [];

async function mountPreview(state: string, scheme: 'light' | 'dark'): Promise<ShouyinCheckout> {
  const log = new EventLog();
  const el = document.createElement('shouyin-checkout');
  el.setAttribute('preview', '');
  el.setAttribute('preview-state', state);
  el.setAttribute('color-scheme', scheme);
  document.body.append(el);
  mounted.push({ el, log });
  await log.first('shouyin-ready');
  // The screen's own chunks (QR code, saved cards, dialog) and its last render.
  await new Promise((resolve) => setTimeout(resolve, 300));
  await el.updateComplete;
  return el;
}

const panel = (el: ShouyinCheckout): Element => el.shadowRoot!.querySelector('[part=base]')!;

describe('<shouyin-checkout preview> in light and dark', () => {
  afterEach(() => {
    for (const { el, log } of mounted.splice(0)) {
      el.remove();
      log.dispose();
    }
  });

  for (const state of STATES) {
    it(`draws ${state} in two palettes, each passing axe`, async () => {
      const light = await mountPreview(state, 'light');
      await expect(light).to.be.accessible();
      const dark = await mountPreview(state, 'dark');
      await expect(dark).to.be.accessible();
      const [lightPanel, darkPanel] = [panel(light), panel(dark)].map((p) => getComputedStyle(p));
      expect(luminance(lightPanel.backgroundColor)).to.be.above(0.8);
      expect(luminance(darkPanel.backgroundColor)).to.be.below(0.05);
      expect(darkPanel.color).to.not.equal(lightPanel.color);
    });
  }
});

/** Every control in the element's shadow roots (the lazy ones' too). */
function controls(root: ShadowRoot | Document): HTMLElement[] {
  const found: HTMLElement[] = [];
  for (const el of root.querySelectorAll<HTMLElement>('*')) {
    if (el.matches('button, input, select, textarea, [role=button]') && el.getClientRects().length > 0) found.push(el);
    if (el.shadowRoot) found.push(...controls(el.shadowRoot));
  }
  return found;
}

/** Emulates forced colors where the engine's driver can (Playwright, Puppeteer). */
async function forceColors(on: boolean): Promise<boolean> {
  try {
    await emulateMedia({ forcedColors: on ? 'active' : 'none' });
    return matchMedia('(forced-colors: active)').matches === on;
  } catch {
    return false;
  }
}

describe('<shouyin-checkout preview> in forced colors', () => {
  afterEach(async () => {
    for (const { el, log } of mounted.splice(0)) {
      el.remove();
      log.dispose();
    }
    await forceColors(false);
  });

  for (const state of ['card', 'card-errors', 'saved-cards', 'removal-dialog', 'pending', 'fallback', 'failure']) {
    it(`keeps every control of ${state} visible: its text and border in colors other than what is behind them`, async function () {
      if (!(await forceColors(true))) this.skip();
      const el = await mountPreview(state, 'light');
      const all = controls(el.shadowRoot!);
      expect(all.length).to.be.greaterThan(0);
      for (const control of all) {
        const style = getComputedStyle(control);
        const what = `${control.localName}${control.className ? `.${control.className}` : ''} "${control.textContent?.trim() || control.getAttribute('aria-label') || ''}"`;
        // A control drawn as text (a saved card's "remove", a link-like toggle) is seen by its text;
        // any other by its border, which forced colors must not blend into what is behind it.
        expect(style.color, what).to.not.equal(style.backgroundColor);
        if (style.borderTopStyle !== 'none' && parseFloat(style.borderTopWidth) > 0) {
          expect(style.borderTopColor, what).to.not.equal(style.backgroundColor);
        }
      }
    });
  }
});
