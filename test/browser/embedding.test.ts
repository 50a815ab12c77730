import { expect } from '@open-wc/testing';
import { defineElements } from '../../src/index.js';
import { VERSION } from '../../src/version.js';
import { ledger, newSession } from './../support/backend.js';
import { EventLog, mountCheckout, unmountAll } from '../support/mount.js';
import { getByRole, queryAllByRole } from '../support/roles.js';

/** Invariant 7: embedding is robust. */
describe('embedding <shouyin-checkout>', () => {
  afterEach(unmountAll);

  it('tolerates the script running twice: skips the defined tags and warns once, naming both versions', () => {
    const warnings: unknown[][] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args);
    try {
      expect(() => defineElements()).not.to.throw();
    } finally {
      console.warn = original;
    }
    expect(warnings).to.have.length(1);
    expect(String(warnings[0]![0])).to.contain('shouyin-checkout').and.contain(VERSION).and.contain('already defined');
    expect(customElements.get('shouyin-checkout')).to.be.a('function');
  });

  it('keeps two cashiers on one page apart: each pays its own order and hears only its own events', async () => {
    const a = await mountCheckout({ sessionUrl: '/api/session?amount=100' });
    const b = await mountCheckout({ sessionUrl: '/api/session?amount=200' });
    const heardByB: string[] = [];
    b.el.addEventListener('shouyin-success', (e) => heardByB.push(e.detail.orderId));
    getByRole(a.el, 'button', { name: '确认支付 ¥1.00' }).click();
    const success = await a.log.next('shouyin-success');
    expect(success.amount).to.equal(100);
    expect(heardByB).to.deep.equal([]);
    getByRole(b.el, 'button', { name: '确认支付 ¥2.00' });
    const orderB = b.log.of('shouyin-ready').find((r) => r.amount === 200)!.orderId;
    expect((await ledger(orderB)).attempts).to.have.length(0);
  });

  it('survives being moved, and removed and added again, without reloading or paying twice', async () => {
    const { el, log } = await mountCheckout({ sessionUrl: '/api/session' });
    const elsewhere = document.createElement('section');
    document.body.append(elsewhere);
    elsewhere.append(el);
    el.remove();
    elsewhere.append(el);
    await el.updateComplete;
    expect(log.of('shouyin-ready')).to.have.length(1);
    getByRole(el, 'button', { name: /确认支付/ }).click();
    const success = await log.next('shouyin-success');
    expect((await ledger(success.orderId)).attempts).to.have.length(1);
    elsewhere.remove();
  });

  it('works inside another component’s shadow root; its events reach the document', async () => {
    const log = new EventLog();
    const host = document.createElement('div');
    const shadow = host.attachShadow({ mode: 'open' });
    const session = await newSession();
    const el = document.createElement('shouyin-checkout');
    el.session = session;
    shadow.append(el);
    document.body.append(host);
    await el.updateComplete;
    expect(log.of('shouyin-ready')).to.have.length(1);
    getByRole(el, 'button', { name: /确认支付/ }).click();
    const success = await log.next('shouyin-success');
    expect(success.orderId).to.equal(session.order.id);
    host.remove();
    log.dispose();
  });

  it('takes a new order after a paid one', async () => {
    const { el, log } = await mountCheckout({ sessionUrl: '/api/session?amount=500' });
    getByRole(el, 'button', { name: '确认支付 ¥5.00' }).click();
    await log.next('shouyin-success');
    el.setAttribute('session-url', '/api/session?amount=600');
    await log.next('shouyin-ready');
    await el.updateComplete;
    getByRole(el, 'button', { name: '确认支付 ¥6.00' }).click();
    const second = await log.next('shouyin-success');
    expect(second.amount).to.equal(600);
  });

  it('never sends an intent for a session the host has replaced', async () => {
    const first = await newSession('amount=300');
    const second = await newSession('amount=400');
    const { el, log } = await mountCheckout({ session: first });
    const pay = getByRole(el, 'button', { name: '确认支付 ¥3.00' });
    el.session = second;
    pay.click();
    await el.updateComplete;
    getByRole(el, 'button', { name: '确认支付 ¥4.00' }).click();
    const success = await log.next('shouyin-success');
    expect(success.orderId).to.equal(second.order.id);
    expect((await ledger(first.order.id)).attempts).to.have.length(0);
    expect(queryAllByRole(el, 'button', { name: /¥3.00/ })).to.have.length(0);
  });

  it('keeps its session when the host sets the same session or session-url again, as a framework re-render does', async () => {
    const { el, log } = await mountCheckout({ sessionUrl: '/api/session?amount=900' });
    el.sessionUrl = '/api/session?amount=900';
    await el.updateComplete;
    const session = await newSession('amount=950');
    el.session = session;
    await log.next('shouyin-ready');
    el.session = session;
    await el.updateComplete;
    expect(log.of('shouyin-ready')).to.have.length(2);
    getByRole(el, 'button', { name: '确认支付 ¥9.50' }).click();
    expect((await log.next('shouyin-success')).orderId).to.equal(session.order.id);
  });

  it('keeps what shouyin-ready said for a listener added after it (a framework effect), until a new session', async () => {
    const first = await newSession('amount=700');
    const second = await newSession('amount=800');
    const { el, log } = await mountCheckout({ session: first });
    // The event went out before this line: the element still says it.
    expect(el.readyDetail).to.deep.equal(log.of('shouyin-ready')[0]);
    expect(el.readyDetail).to.include({ orderId: first.order.id, amount: 700 });
    el.session = second;
    expect(el.readyDetail).to.equal(null);
    await log.next('shouyin-ready');
    expect(el.readyDetail).to.include({ orderId: second.order.id, amount: 800 });
  });
});
