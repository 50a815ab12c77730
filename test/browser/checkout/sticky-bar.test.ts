/**
 * The sticky pay bar and what scrolls under it, as the page loads: a payer tapping a channel row
 * where they see it selects that row, never Pay, and a row cut by the bar reads as passing under
 * it (the bar has an edge a payer can see), not as going on into the pay button. The cashier
 * runs in an iframe of each size (test/support/frame.ts).
 */
import { expect } from '@open-wc/testing';
import type { ShouyinCheckout } from '../../../src/checkout/checkout.js';
import { contrast } from '../../support/contrast.js';
import { mountInFrame, unmountFrames } from '../../support/frame.js';
import { findByRole } from '../../support/roles.js';

/** The element a tap at (x, y) on the frame's page lands on, looking into shadow roots. */
function hit(doc: Document, x: number, y: number): Element | null {
  let at = doc.elementFromPoint(x, y);
  while (at?.shadowRoot) {
    const inner = at.shadowRoot.elementFromPoint(x, y);
    if (!inner || inner === at) break;
    at = inner;
  }
  return at;
}

/** What looks tappable above the pay bar: the channel rows, and care mode's "其他支付方式". */
function tappables(el: ShouyinCheckout): HTMLElement[] {
  const list = el.shadowRoot!.querySelector('shouyin-channel-list')!;
  return [...list.shadowRoot!.querySelectorAll<HTMLElement>('label[part=channel]'), ...el.shadowRoot!.querySelectorAll<HTMLElement>('[part=other-channels]')];
}

describe('the sticky pay bar', () => {
  afterEach(unmountFrames);

  for (const [width, height] of [[360, 640], [1366, 768]] as const) {
    for (const care of [false, true]) {
      it(`at ${width}×${height}${care ? ', care mode' : ''}: every point a payer sees of a row is that row, and the bar has an edge`, async () => {
        const { el, frame } = await mountInFrame({ width, height, sessionUrl: '/api/session?amount=12800', env: width < 500 ? 'wechat' : 'desktop', lastUsed: 'wechat', care });
        const win = frame.contentWindow!;
        if (care) await findByRole(el, 'button', { name: /其他支付方式/ });
        await el.updateComplete;
        const bar = el.shadowRoot!.querySelector('.actions')!;
        const edge = bar.getBoundingClientRect().top;
        const style = win.getComputedStyle(bar);
        expect(style.position).to.equal('sticky');

        let cut = 0;
        for (const row of tappables(el)) {
          const box = row.getBoundingClientRect();
          if (box.bottom <= 0 || box.top >= win.innerHeight) continue;
          if (box.bottom > edge) cut++;
          // Every point the payer sees of the row: in the viewport, above the bar's edge.
          for (let y = Math.max(0, box.top) + 1; y < Math.min(box.bottom, edge, win.innerHeight) - 0.5; y += 3) {
            // Not in the rounded corners, which are not the row to a tap either.
            for (const x of [box.left + 10, box.left + box.width / 2, box.right - 10]) {
              const at = hit(frame.contentDocument!, x, y);
              expect(at && (row.contains(at) || row.shadowRoot?.contains(at)), `${row.textContent!.trim().slice(0, 8)} at ${Math.round(x)},${Math.round(y)} is ${at?.localName}.${at?.className}`).to.equal(true);
            }
          }
        }
        // The page is taller than the window at 360×640 and 1366×768: a row is cut by the bar,
        // and what tells the payer it passes under is the bar's edge, seen at 3:1 (WCAG 1.4.11).
        if (!care) expect(cut, 'a row is cut by the bar').to.be.at.least(1);
        expect(parseFloat(style.borderTopWidth), 'the bar has an edge').to.be.at.least(1);
        expect(contrast(style.borderTopColor, style.backgroundColor), 'the edge is seen').to.be.at.least(3);
        // The edge runs across the panel, not only under the button.
        expect(bar.getBoundingClientRect().width).to.be.at.least(el.getBoundingClientRect().width - 1);
      });
    }
  }
});
