import { expect } from '@open-wc/testing';
import { mountCheckout, unmountAll } from '../../support/mount.js';
import { getByRole, queryAllByRole } from '../../support/roles.js';

/** What a payer's thumb and eyes need, on every engine and on the phone-sized context. */
describe('<shouyin-checkout> layout', () => {
  afterEach(unmountAll);

  it('gives every channel and the pay button a touch target of at least 44 px, and 16 px text', async () => {
    const { el } = await mountCheckout({ sessionUrl: '/api/session' });
    const radios = queryAllByRole(el, 'radio');
    expect(radios).to.have.length(5);
    for (const radio of radios) {
      // The native radio covers its whole row, so the row's box is the target.
      const box = radio.getBoundingClientRect();
      expect(box.height, `${radio.getAttribute('value')} height`).to.be.at.least(44);
      expect(box.width).to.be.at.least(44);
    }
    const pay = getByRole(el, 'button', { name: /确认支付/ });
    expect(pay.getBoundingClientRect().height).to.be.at.least(44);
    expect(parseFloat(getComputedStyle(pay).fontSize)).to.be.at.least(16);
  });

  it('fits the viewport without horizontal scrolling', async () => {
    const { el } = await mountCheckout({ sessionUrl: '/api/session' });
    expect(el.getBoundingClientRect().width).to.be.at.most(window.innerWidth);
    expect(document.documentElement.scrollWidth).to.be.at.most(window.innerWidth);
  });

  it('keeps its height from loading to ready (no layout shift above the fold)', async () => {
    const el = document.createElement('shouyin-checkout');
    el.setAttribute('session-url', '/api/session');
    document.body.append(el);
    await el.updateComplete;
    const loading = el.shadowRoot!.querySelector('[part=base]')!.getBoundingClientRect().height;
    await new Promise<void>((resolve) => el.addEventListener('shouyin-ready', () => resolve(), { once: true }));
    await el.updateComplete;
    const ready = el.shadowRoot!.querySelector('[part=base]')!.getBoundingClientRect().height;
    el.remove();
    expect(ready).to.be.at.least(loading);
  });

  it('themes through --shouyin-* custom properties and parts', async () => {
    const { el } = await mountCheckout({ sessionUrl: '/api/session' });
    el.style.setProperty('--shouyin-color-primary', 'rgb(7, 193, 96)');
    const pay = getByRole(el, 'button', { name: /确认支付/ });
    expect(getComputedStyle(pay).backgroundColor).to.equal('rgb(7, 193, 96)');
    expect(pay.getAttribute('part')).to.equal('pay-button');
  });
});
