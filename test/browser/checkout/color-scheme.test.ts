import { expect } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import type { ShouyinCheckout } from '../../../src/checkout/checkout.js';
import { randomToken } from '../../../src/protocol/base64url.js';
import { contrast, luminance } from '../../support/contrast.js';
import { mountCheckout, unmountAll } from '../../support/mount.js';
import { findByRole, getByRole } from '../../support/roles.js';

/** The first opaque background behind an element, across shadow roots, as the payer sees it. */
function backgroundBehind(element: Element): string {
  for (let node: Element | null = element; node; node = node.parentElement ?? ((node.getRootNode() as ShadowRoot).host || null)) {
    const color = getComputedStyle(node).backgroundColor;
    if (!/^rgba\(.*,\s*0\)$|^transparent$/.test(color)) return color;
  }
  return getComputedStyle(document.documentElement).backgroundColor;
}

/** The contrast of an element's text with what is behind it. */
function textContrast(element: Element): number {
  return contrast(getComputedStyle(element).color, backgroundBehind(element));
}

const panelOf = (el: ShouyinCheckout): Element => el.shadowRoot!.querySelector('[part=base]')!;
const isDark = (el: ShouyinCheckout): boolean => luminance(getComputedStyle(panelOf(el)).backgroundColor) < 0.05;

/** Emulates a media feature where the engine's driver can (Playwright, Puppeteer); false elsewhere. */
async function emulate(media: Parameters<typeof emulateMedia>[0]): Promise<boolean> {
  try {
    await emulateMedia(media);
    return true;
  } catch {
    return false;
  }
}

async function chooseCard(el: ShouyinCheckout): Promise<void> {
  getByRole(el, 'radio', { name: '银行卡' }).click();
  await el.updateComplete;
  await findByRole(el, 'group', { name: '银行卡信息' });
}

describe('<shouyin-checkout> color scheme', () => {
  afterEach(async () => {
    unmountAll();
    await emulate({ colorScheme: 'light', forcedColors: 'none' });
  });

  it('passes axe in dark, contrast included', async () => {
    const { el } = await mountCheckout({ sessionUrl: '/api/session?scenario=wechat:down', colorScheme: 'dark' });
    await chooseCard(el);
    await expect(el).to.be.accessible();
  });

  it('draws dark text colors that keep 4.5:1 on the checkout, the channel list and the card form', async () => {
    const { el } = await mountCheckout({ sessionUrl: '/api/session?scenario=wechat:down', colorScheme: 'dark' });
    await chooseCard(el);
    expect(isDark(el)).to.equal(true);
    const root = el.shadowRoot!;
    const list = root.querySelector('shouyin-channel-list')!.shadowRoot!;
    const form = root.querySelector('shouyin-card-form')!.shadowRoot!;
    const texts: Array<[string, Element | null]> = [
      ['amount', root.querySelector('.amount')],
      ['merchant', root.querySelector('.merchant')],
      ['pay button', getByRole(el, 'button', { name: /请填写卡号/ })],
      ['channel name', list.querySelector('.name')],
      ['channel details', list.querySelector('.details')],
      ['unavailable reason', list.querySelector('.reason')],
      ['promotion', list.querySelector('.promo')],
      ['card number label', form.querySelector('label')],
      ['card number field', form.querySelector('input')],
      ['field hint', form.querySelector('.hint')],
    ];
    for (const [what, element] of texts) {
      expect(element, what).to.not.equal(null);
      expect(textContrast(element!), what).to.be.at.least(4.5);
    }
  });

  it('follows the system in auto, and light or dark override it', async function () {
    const { el } = await mountCheckout({ sessionUrl: '/api/session' });
    expect(el.colorScheme).to.equal('auto');
    expect(isDark(el)).to.equal(false);
    if (!(await emulate({ colorScheme: 'dark' }))) this.skip();
    expect(isDark(el)).to.equal(true);
    // The parts inside their own shadow roots follow too.
    const row = el.shadowRoot!.querySelector('shouyin-channel-list')!.shadowRoot!.querySelector('.option')!;
    expect(luminance(getComputedStyle(row).backgroundColor)).to.be.below(0.05);
    el.colorScheme = 'light';
    await el.updateComplete;
    expect(el.getAttribute('color-scheme')).to.equal('light');
    expect(isDark(el)).to.equal(false);
    await emulate({ colorScheme: 'light' });
    el.setAttribute('color-scheme', 'dark');
    await el.updateComplete;
    expect(isDark(el)).to.equal(true);
  });

  it("keeps a host's own --shouyin-* colors in dark", async () => {
    const { el } = await mountCheckout({ sessionUrl: '/api/session', colorScheme: 'dark' });
    el.style.setProperty('--shouyin-color-surface', 'rgb(0, 40, 80)');
    expect(getComputedStyle(panelOf(el)).backgroundColor).to.equal('rgb(0, 40, 80)');
  });

  it('reports an unknown value as attribute_invalid and still takes payments, shown as auto', async () => {
    const { el, log } = await mountCheckout({ sessionUrl: '/api/session', colorScheme: 'dusk' });
    const error = await log.first('shouyin-error');
    expect(error.code).to.equal('attribute_invalid');
    expect(error.message).to.equal('收银台配置有误，请联系商户。');
    await log.first('shouyin-ready');
    getByRole(el, 'button', { name: /确认支付/ });
    expect(isDark(el)).to.equal(false);
  });
});

describe('<shouyin-checkout> in forced colors', () => {
  afterEach(async () => {
    unmountAll();
    await emulate({ forcedColors: 'none' });
  });

  it('tells the selected channel and the unavailable ones apart', async function () {
    const { el } = await mountCheckout({ sessionUrl: '/api/session?scenario=wechat:down' });
    if (!(await emulate({ forcedColors: 'active' })) || !matchMedia('(forced-colors: active)').matches) this.skip();
    const list = el.shadowRoot!.querySelector('shouyin-channel-list')!.shadowRoot!;
    const selected = list.querySelector('.option.selected')!;
    const other = list.querySelector('.option:not(.selected):not(.unavailable)')!;
    const unavailable = list.querySelector('.option.unavailable')!;
    expect(getComputedStyle(selected).borderTopColor).to.not.equal(getComputedStyle(other).borderTopColor);
    expect(getComputedStyle(selected, '::after').borderTopColor).to.not.equal(getComputedStyle(other, '::after').borderTopColor);
    expect(getComputedStyle(unavailable.querySelector('.name')!).color).to.not.equal(getComputedStyle(other.querySelector('.name')!).color);
    // Not by color alone: the selection is thicker, an unavailable row dashed with a mark unlike a usable one's.
    expect(parseFloat(getComputedStyle(selected).borderTopWidth)).to.be.greaterThan(parseFloat(getComputedStyle(other).borderTopWidth));
    expect(getComputedStyle(unavailable).borderTopStyle).to.equal('dashed');
    expect(getComputedStyle(unavailable, '::after').borderTopStyle).to.not.equal(getComputedStyle(other, '::after').borderTopStyle);
  });

  it('outlines the selected saved card', async function () {
    const { el } = await mountCheckout({ sessionUrl: `/api/session?payer=demo-mixed.${randomToken(6)}` });
    getByRole(el, 'radio', { name: '银行卡' }).click();
    await el.updateComplete;
    const group = await findByRole(el, 'radiogroup', { name: '已保存的银行卡' });
    if (!(await emulate({ forcedColors: 'active' })) || !matchMedia('(forced-colors: active)').matches) this.skip();
    const rows = [...(group.getRootNode() as ShadowRoot).querySelectorAll('.row:not(.unusable)')];
    const checked = rows.find((row) => row.querySelector('input:checked'))!;
    const unchecked = rows.find((row) => !row.querySelector('input:checked'))!;
    expect(getComputedStyle(checked).outlineStyle).to.equal('solid');
    expect(getComputedStyle(unchecked).outlineStyle).to.equal('none');
  });
});
