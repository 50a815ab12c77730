/**
 * The `offline` hint with a connection that really drops: the test page's browser context is
 * taken off the network for a while (Playwright's `setOffline`, through the `network-drop`
 * server command), so `navigator.onLine` turns false, the window's `offline` event fires and no
 * chunk can load, as on a phone that loses its signal. Chromium only: the other engines' drivers
 * here cannot.
 */
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { mountCheckout, unmountAll } from '../../support/mount.js';
import { getByRole, textOf } from '../../support/roles.js';
import { found } from '../../support/wait.js';

afterEach(unmountAll);

/** The connection drops for `ms`; resolves once it is back. */
async function dropConnection(ms: number): Promise<void> {
  const { supported } = await executeServerCommand<{ supported: boolean }, { ms: number }>('network-drop', { ms });
  expect(supported, 'the driver can take the page offline').to.equal(true);
}

describe('the offline hint', () => {
  it('comes when the connection drops before the assistant was ever needed (its chunk never loaded), once a session', async () => {
    const { el, log } = await mountCheckout({ sessionUrl: '/api/session?amount=12800' });
    // A payer who simply looks: nothing of the assistant is here.
    expect(customElements.get('shouyin-hint')).to.equal(undefined);
    const message = '网络已断开：请连接 Wi-Fi 或移动网络。恢复连接后将继续支付，不会重复扣款。';
    let shown = false;
    const dropped = dropConnection(1500);
    const detail = await log.first('shouyin-hint', 3000);
    // While offline: what the host hears is what the payer reads in the cashier, in a status region.
    await el.updateComplete;
    shown = [...el.shadowRoot!.querySelectorAll('[role=status]')].some((s) => textOf(s) === message);
    expect(navigator.onLine).to.equal(false);
    await dropped;
    expect(detail).to.deep.equal({ hint: 'offline', message });
    expect(shown, 'the offline message on the page').to.equal(true);
    await found('back online', () => navigator.onLine);
    // Offline again: the hint is not given twice in a session.
    await dropConnection(400);
    expect(log.of('shouyin-hint').map((h) => h.hint)).to.deep.equal(['offline']);
    // And the cashier pays once the connection is back.
    getByRole(el, 'button', { name: '确认支付 ¥128.00' }).click();
    await log.first('shouyin-success', 8000);
  });

  it('with the assistant already here, the payer reads one offline message (the cashier’s), and the host hears it as the hint', async () => {
    const { el, log } = await mountCheckout({ sessionUrl: '/api/session?amount=12800&scenario=declined' });
    // A failure brings the assistant's chunk.
    getByRole(el, 'button', { name: '确认支付 ¥128.00' }).click();
    await log.first('shouyin-failure', 8000);
    await found('the assistant here', () => el.shadowRoot!.querySelector('shouyin-hint')?.shadowRoot?.querySelector('[role=status]'), 8000);
    const message = '网络已断开：请连接 Wi-Fi 或移动网络。恢复连接后将继续支付，不会重复扣款。';
    const dropped = dropConnection(1500);
    const detail = await log.first('shouyin-hint', 3000);
    expect(detail).to.deep.equal({ hint: 'offline', message });
    // Past the live region's settling: what a hint would have put there is there by now.
    await new Promise((resolve) => setTimeout(resolve, 400));
    await el.updateComplete;
    const hint = el.shadowRoot!.querySelector('shouyin-hint')!;
    const regions = [...el.shadowRoot!.querySelectorAll('[role=status]'), ...hint.shadowRoot!.querySelectorAll('[role=status]')];
    const saying = regions.map(textOf).filter((text) => /网络已断开/.test(text));
    await dropped;
    expect(saying).to.deep.equal([message]);
  });
});
