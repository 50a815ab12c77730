/**
 * Host text carries the host's `lang`: in an English cashier on a Chinese page, the merchant's
 * words (name, description, notices, its own channel labels and promotions) are marked zh-CN,
 * so a screen reader reads them with a Chinese voice, and the cashier's own words stay English.
 */
import { expect } from '@open-wc/testing';
import { newSession } from '../../support/backend.js';
import { mountCheckout, unmountAll } from '../../support/mount.js';
import { findByRole, getByRole } from '../../support/roles.js';

afterEach(unmountAll);

/** The `lang` that applies to `node`: its own or its nearest ancestor's, across shadow roots. */
function langOf(node: Node): string | null {
  for (let el: Element | null = node instanceof Element ? node : node.parentElement; el; ) {
    if (el.hasAttribute('lang')) return el.getAttribute('lang');
    el = el.parentElement ?? ((el.getRootNode() as ShadowRoot).host ?? null);
  }
  return null;
}

/** The element of the cashier's composed tree whose own text is `text`. */
function holderOf(root: ParentNode, text: string): Element | undefined {
  for (const el of root.querySelectorAll('*')) {
    if ([...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() === text)) return el;
    const inner = el.shadowRoot && holderOf(el.shadowRoot, text);
    if (inner) return inner;
  }
  return undefined;
}

describe('host text in the host language', () => {
  it('marks the notices, the host’s channel labels and promotions with the page’s lang in an English cashier', async () => {
    const base = await newSession();
    const session = {
      ...base,
      channels: base.channels.map((c) => (c.id === 'alipay' ? { ...c, label: '支付宝（花呗可用）' } : c)),
      notices: [{ id: 'n1', level: 'info' as const, text: '云闪付新通道上线，手续费降低 50%' }],
    };
    const { el } = await mountCheckout({ session, locale: 'en', lang: 'zh-CN' });
    await findByRole(el, 'list', { name: /notice/i });
    const cases: [string, string][] = [
      ['云闪付新通道上线，手续费降低 50%', 'zh-CN'],
      ['支付宝（花呗可用）', 'zh-CN'],
      ['云闪付新用户随机立减', 'zh-CN'],
      // The cashier's own words, around them, are the cashier's.
      ['WeChat Pay', 'en'],
    ];
    for (const [text, lang] of cases) {
      const holder = holderOf(el.shadowRoot!, text);
      expect(holder, text).to.not.equal(undefined);
      expect(langOf(holder!), text).to.equal(lang);
    }
    // The label names the radio, in the host's words.
    expect(getByRole(el, 'radio', { name: '支付宝（花呗可用）' })).to.not.equal(undefined);
    await expect(el).to.be.accessible();
  });
});
