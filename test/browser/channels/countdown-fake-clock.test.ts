/**
 * The whole life of an order's countdown on a fake clock: fifteen minutes pass in a few
 * milliseconds, and the client's clock is wrong on purpose. The session says what the backend's
 * clock read when it was issued (`serverTime`); the cashier must count down on that clock, so the
 * order closes when the backend closes it, not when a fast or slow phone thinks it should.
 */
import { expect } from '@open-wc/testing';
import { useFakeTimers, type SinonFakeTimers } from 'sinon';
import '../../../src/index.js';
import type { ShouyinCheckout } from '../../../src/checkout/checkout.js';
import type { Session } from '../../../src/protocol/schemas.js';
import { newSession } from '../../support/backend.js';
import { EventLog } from '../../support/mount.js';
import { getByRole, queryAllByRole, textOf } from '../../support/roles.js';

const MINUTE = 60_000;
const iso = (ms: number): string => new Date(ms).toISOString();

let clock: SinonFakeTimers | undefined;
let log: EventLog | undefined;
let el: ShouyinCheckout | undefined;

afterEach(() => {
  el?.remove();
  log?.dispose();
  clock?.restore();
  clock = el = log = undefined;
});

/**
 * Mounts a cashier for an order with 15 minutes to pay by the backend's clock, on a page whose
 * clock is `skewMs` off the backend's. Only `Date` and the timers are fake: fetch and rendering
 * are real (the session comes from the reference backend before the clock is installed).
 */
async function mountOnFakeClock(skewMs: number): Promise<ShouyinCheckout> {
  const issued = Date.now();
  const session: Session = { ...(await newSession()), serverTime: iso(issued), expiresAt: iso(issued + 15 * MINUTE) };
  clock = useFakeTimers({ now: issued + skewMs, toFake: ['Date', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
  log = new EventLog();
  el = document.createElement('shouyin-checkout');
  el.session = session;
  document.body.append(el);
  await settle();
  return el;
}

/** Lets Lit render what the last timer changed (microtasks only: no timer runs). */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await el!.updateComplete;
}

async function advance(ms: number): Promise<void> {
  await clock!.tickAsync(ms);
  await settle();
}

const timerText = (root: ShouyinCheckout): string => textOf(getByRole(root, 'timer'));
const announcement = (root: ShouyinCheckout): string =>
  textOf(root.shadowRoot!.querySelector('shouyin-countdown')!.shadowRoot!.querySelector('[aria-live=polite]')!);

for (const [name, skew] of [
  ['five minutes fast', 5 * MINUTE],
  ['five minutes slow', -5 * MINUTE],
] as const) {
  describe(`order countdown on a fake clock, the phone's clock ${name}`, () => {
    it('counts the backend’s fifteen minutes, speaks in the last one, and closes the order at its zero', async () => {
      const root = await mountOnFakeClock(skew);
      expect(log!.of('shouyin-ready')).to.have.length(1);
      expect(timerText(root)).to.equal('15:00');

      await advance(10 * MINUTE);
      expect(timerText(root)).to.equal('5:00');
      expect(announcement(root)).to.equal('');

      // Into the last minute: one polite announcement, not one per second.
      await advance(4 * MINUTE + 1000);
      expect(timerText(root)).to.equal('0:59');
      expect(announcement(root)).to.equal('支付剩余不到 1 分钟，请尽快完成支付');

      // A second before the backend's zero the order is still open and payable.
      await advance(58_000);
      expect(timerText(root)).to.equal('0:01');
      expect(log!.of('shouyin-expire')).to.have.length(0);
      expect(queryAllByRole(root, 'button', { name: /确认支付/ })).to.have.length(1);

      await advance(1000);
      expect(log!.of('shouyin-expire')).to.have.length(1);
      expect(timerText(root)).to.equal('0:00');
      expect(textOf(getByRole(root, 'alert'))).to.equal('订单已超时关闭，请返回商户页面重新下单。');
      expect(queryAllByRole(root, 'button', { name: /确认支付/ })).to.have.length(0);
      // The pay button the payer may have been on is gone: focus is on why (moved a microtask
      // after the render; the clock is fake, so no timer is awaited).
      for (let i = 0; i < 3; i++) await Promise.resolve();
      let active = document.activeElement;
      while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
      expect(active && textOf(active)).to.equal('订单已超时关闭，请返回商户页面重新下单。');
    });
  });
}
