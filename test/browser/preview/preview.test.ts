/**
 * `<shouyin-checkout preview>`: every screen rendered from the sample session with no backend.
 * Each test checks what the payer sees (by role and name), what the host hears (every event
 * marked `preview`), axe, and that the page asked for nothing but the cashier's own files (the
 * resource timing entries: no fetch, no XHR, nothing under the backend's /api/).
 */
import { expect } from '@open-wc/testing';
import '../../../src/index.js';
import type { ShouyinCheckout } from '../../../src/checkout/checkout.js';
import { EventLog } from '../../support/mount.js';
import { findByRole, getByRole, queryAllByRole, textOf } from '../../support/roles.js';

performance.setResourceTimingBufferSize(100_000);

/** What the page requested since the test began, beyond module files of the cashier itself. */
function foreignRequests(): string[] {
  return (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
    .filter((e) => e.initiatorType === 'fetch' || e.initiatorType === 'xmlhttprequest' || new URL(e.name).origin !== location.origin || e.name.includes('/api/'))
    .map((e) => `${e.initiatorType} ${e.name}`);
}

/** All the text of the cashier's own shadow root, white space folded. */
function shownText(el: ShouyinCheckout): string {
  return (el.shadowRoot!.textContent ?? '').replace(/\s+/g, ' ');
}

const mounted: Array<{ el: HTMLElement; log: EventLog }> = [];

async function mountPreview(attributes: Record<string, string> = {}): Promise<{ el: ShouyinCheckout; log: EventLog }> {
  const log = new EventLog();
  const el = document.createElement('shouyin-checkout');
  el.setAttribute('preview', '');
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  document.body.append(el);
  mounted.push({ el, log });
  await log.first('shouyin-ready', 4000);
  await el.updateComplete;
  return { el, log };
}

/** The screens, each with what a payer must find on it (the `en` catalog). */
const SCREENS: Record<string, (el: ShouyinCheckout) => Promise<unknown>> = {
  ready: async (el) => {
    getByRole(el, 'group', { name: 'Choose how to pay' });
    expect(textOf(getByRole(el, 'button', { name: /^Pay .*128\.00$/ }))).to.match(/128\.00/);
  },
  card: (el) => findByRole(el, 'textbox', { name: /^Card number/ }),
  'card-errors': async (el) => {
    const number = await findByRole(el, 'textbox', { name: /^Card number/ });
    await waitFor(() => number.getAttribute('aria-invalid') === 'true');
  },
  'saved-cards': async (el) => {
    await findByRole(el, 'group', { name: 'Choose how to pay' });
    await waitFor(() => queryAllByRole(el, 'button', { name: /^Remove/ }).length === 3);
  },
  'removal-dialog': (el) => findByRole(el, 'dialog', { name: 'Remove card' }),
  pending: async (el) => {
    getByRole(el, 'button', { name: 'I have paid' });
    getByRole(el, 'button', { name: 'Use another payment method' });
    expect(shownText(el)).to.include('Confirming the payment');
  },
  qr: (el) => findByRole(el, 'img', { name: /QR code/ }),
  redirect: (el) => waitFor(() => shownText(el).includes('Finish the payment in Alipay')),
  fallback: (el) => findByRole(el, 'button', { name: 'Pay with Alipay' }),
  failure: async (el) => expect(textOf(getByRole(el, 'alert'))).to.include('Your bank declined the payment'),
  success: async (el) => getByRole(el, 'heading', { name: 'Payment successful' }),
  expired: async (el) => expect(textOf(getByRole(el, 'alert'))).to.include('This order has expired'),
  offline: (el) => waitFor(() => shownText(el).includes('You are offline')),
};

async function waitFor(test: () => boolean, timeout = 5000): Promise<void> {
  const deadline = performance.now() + timeout;
  while (!test()) {
    if (performance.now() > deadline) throw new Error(`not within ${timeout} ms: ${test.toString()}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('<shouyin-checkout preview>', () => {
  beforeEach(() => performance.clearResourceTimings());
  afterEach(() => {
    for (const { el, log } of mounted.splice(0)) {
      el.remove();
      log.dispose();
    }
  });

  for (const [state, check] of Object.entries(SCREENS)) {
    it(`shows the ${state} screen with no backend, every event marked, and passes axe`, async () => {
      const { el, log } = await mountPreview({ 'preview-state': state, locale: 'en' });
      await check(el);
      await expect(el).to.be.accessible();
      expect(log.events.length).to.be.greaterThan(0);
      for (const { type, detail } of log.events) expect((detail as { preview?: true }).preview, type).to.equal(true);
      expect(foreignRequests()).to.deep.equal([]);
    });
  }

  for (const state of Object.keys(SCREENS)) {
    it(`shows the ${state} screen in dark with no axe violation`, async () => {
      const { el } = await mountPreview({ 'preview-state': state, locale: 'en', 'color-scheme': 'dark' });
      await SCREENS[state]!(el);
      const panel = el.shadowRoot!.querySelector('[part=base]')!;
      expect(getComputedStyle(panel).colorScheme).to.equal('dark');
      await expect(el).to.be.accessible();
    });
  }

  it('fetches no session-url while in preview, and loads it once preview goes', async () => {
    const { el, log } = await mountPreview({ 'session-url': '/api/session', locale: 'en' });
    expect(log.of('shouyin-ready')[0]!.orderId).to.match(/^ord_preview_/);
    expect(foreignRequests()).to.deep.equal([]);
    el.removeAttribute('preview');
    const real = await log.next('shouyin-ready');
    expect(real.orderId).to.not.match(/^ord_preview_/);
    expect((real as { preview?: true }).preview).to.equal(undefined);
    expect(foreignRequests().some((r) => r.includes('/api/session'))).to.equal(true);
  });

  it('shows the sample in the language set, and again when it changes', async () => {
    const { el } = await mountPreview({ locale: 'en' });
    await waitFor(() => shownText(el).includes('Pay to Sample Store'));
    el.setAttribute('locale', 'zh-TW');
    await waitFor(() => shownText(el).includes('範例商城'));
    getByRole(el, 'region', { name: '收銀台' });
  });

  it('takes the theme tokens', async () => {
    const { el } = await mountPreview({ locale: 'en' });
    el.style.setProperty('--shouyin-color-primary', 'rgb(1, 2, 3)');
    const pay = getByRole(el, 'button', { name: /^Pay .*128\.00$/ });
    expect(getComputedStyle(pay).backgroundColor).to.equal('rgb(1, 2, 3)');
  });

  it('sees a request where one is made (the check above can fail)', async () => {
    const log = new EventLog();
    const el = document.createElement('shouyin-checkout');
    el.setAttribute('session-url', '/api/session');
    document.body.append(el);
    mounted.push({ el, log });
    await log.first('shouyin-ready');
    expect(foreignRequests().some((r) => r.includes('/api/session'))).to.equal(true);
    expect((log.of('shouyin-ready')[0] as { preview?: true }).preview).to.equal(undefined);
  });

  it('is in zh-CN by default, as a payer sees it', async () => {
    const { el } = await mountPreview();
    getByRole(el, 'region', { name: '收银台' });
    getByRole(el, 'group', { name: '选择支付方式' });
  });

  it('pays locally: submit, pending with a QR code, then success, all marked preview', async () => {
    const { el, log } = await mountPreview({ locale: 'en' });
    getByRole(el, 'button', { name: /^Pay .*128\.00$/ }).click();
    const submit = await log.first('shouyin-submit');
    const pending = await log.first('shouyin-pending');
    expect(pending.action).to.equal('qr');
    await findByRole(el, 'img', { name: /QR code/ });
    const success = await log.first('shouyin-success', 6000);
    expect(success.attempt).to.equal(submit.attempt);
    await findByRole(el, 'heading', { name: 'Payment successful' });
    for (const { type, detail } of log.events) expect((detail as { preview?: true }).preview, type).to.equal(true);
    expect(foreignRequests()).to.deep.equal([]);
  });

  it('lets the host veto the payment, as outside preview', async () => {
    const { el, log } = await mountPreview({ locale: 'en' });
    el.addEventListener('shouyin-submit', (e) => e.preventDefault());
    getByRole(el, 'button', { name: /^Pay .*128\.00$/ }).click();
    await log.first('shouyin-submit');
    await new Promise((resolve) => setTimeout(resolve, 900));
    expect(log.of('shouyin-pending')).to.deep.equal([]);
  });

  it('removes a saved card in the dialog with no request, and the host hears it marked', async () => {
    const { el, log } = await mountPreview({ 'preview-state': 'removal-dialog', locale: 'en' });
    const dialog = await findByRole(el, 'dialog', { name: 'Remove card' });
    getByRole(dialog, 'button', { name: 'Remove' }).click();
    const removed = await log.first('shouyin-card-remove');
    expect((removed as { preview?: true }).preview).to.equal(true);
    await waitFor(() => queryAllByRole(el, 'button', { name: /^Remove/ }).length === 2);
    expect(foreignRequests()).to.deep.equal([]);
  });

  it('shows the screen preview-state names when it changes', async () => {
    const { el, log } = await mountPreview({ locale: 'en' });
    el.setAttribute('preview-state', 'success');
    await findByRole(el, 'heading', { name: 'Payment successful' });
    el.previewState = 'expired';
    await waitFor(() => queryAllByRole(el, 'alert').some((a) => textOf(a).includes('This order has expired')));
    expect(log.of('shouyin-expire')).to.have.length(1);
  });

  it('reports an unknown preview-state with a code and shows ready', async () => {
    const { el, log } = await mountPreview({ 'preview-state': 'nope', locale: 'en' });
    const error = await log.first('shouyin-error');
    expect(error).to.include({ code: 'attribute_invalid', preview: true });
    getByRole(el, 'group', { name: 'Choose how to pay' });
  });

  it('follows env: inside WeChat, Alipay is not offered as payable', async () => {
    const { el, log } = await mountPreview({ env: 'wechat', locale: 'en' });
    expect(log.of('shouyin-ready')[0]!.channel).to.equal('wechat');
    const alipay = getByRole(el, 'radio', { name: /Alipay/ });
    expect(alipay.matches(':disabled') || alipay.getAttribute('aria-disabled') === 'true').to.equal(true);
  });
});
