import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { loadSavedCards } from '../../../src/index.js';
import type { ShouyinCheckout } from '../../../src/checkout/checkout.js';
import { randomToken } from '../../../src/protocol/base64url.js';
import type { SavedCard, Session } from '../../../src/protocol/schemas.js';
import { signIntent } from '../../../src/server/sign-intent.js';
import { ledger, newSession } from '../../support/backend.js';
import { EventLog, mountCheckout, unmountAll } from '../../support/mount.js';
import { accessibleDescription, findByRole, getByRole, queryAllByRole, textOf } from '../../support/roles.js';
import { until } from '../../support/wait.js';

afterEach(unmountAll);

/** A fresh demo payer (its own copy of a demo wallet), so no two tests share cards. */
const payer = (wallet: 'mixed' | 'single' | 'unusable'): string => `demo-${wallet}.${randomToken(6)}`;

/** The focused element, looking into shadow roots. */
function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

async function chooseCardChannel(el: ShouyinCheckout): Promise<void> {
  getByRole(el, 'radio', { name: '银行卡' }).click();
  await el.updateComplete;
  await findByRole(el, 'radiogroup', { name: '已保存的银行卡' });
}

async function settle(el: ShouyinCheckout): Promise<void> {
  await el.updateComplete;
  const list = el.shadowRoot!.querySelector('shouyin-saved-cards');
  await list?.updateComplete;
  await el.updateComplete;
}

/** Presses Tab until the element with this accessible name (as its aria-label) has focus. */
async function tabTo(label: string, max = 12): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (deepActive()?.getAttribute('aria-label') === label) return;
    await sendKeys({ press: 'Tab' });
  }
  throw new Error(`Tab never reached ${label} (at ${deepActive()?.outerHTML.slice(0, 80)})`);
}

/** The saved card list's live status line. */
function listStatus(el: ShouyinCheckout): Element {
  return el.shadowRoot!.querySelector('shouyin-saved-cards')!.shadowRoot!.querySelector('[role=status]')!;
}

/** An inline session whose server time is fixed, so the badges do not depend on today's date. */
function sessionAt(serverTime: string, savedCards: SavedCard[]): Session {
  const at = Date.parse(serverTime);
  return {
    v: 1,
    id: 'cs_fixed_time',
    expiresAt: new Date(at + 15 * 60_000).toISOString(),
    serverTime: new Date(at).toISOString(),
    order: { id: 'ord_fixed_time', amount: 12800, currency: 'CNY', merchant: { id: 'm', name: '示例' } },
    channels: [
      { id: 'card', kind: 'card', status: 'up', limits: {}, settlement: { kind: 'T+1' } },
      { id: 'wechat', kind: 'wechat', status: 'up', limits: {}, settlement: { kind: 'realtime' } },
    ],
    savedCards,
    fallback: { mode: 'prompt' },
    signing: { alg: 'HS256', kid: 'k_fixed', key: randomToken(32) },
    endpoints: { intents: '/api/intents', status: '/api/intents/{id}', cards: '/api/cards' },
  };
}

const card = (id: string, last4: string, expMonth: number, expYear: number, extra: Partial<SavedCard> = {}): SavedCard => ({
  id,
  brand: 'unionpay',
  first6: '622202',
  last4,
  expMonth,
  expYear,
  status: 'active',
  ...extra,
});

describe('<shouyin-saved-cards> status', () => {
  it('shows badges from the session\'s server time: expiring today, in 31 days, last month, reported lost', async () => {
    const cards = [
      card('c-dec', '3112', 12, 2026),
      card('c-today', '3011', 11, 2026),
      card('c-oct', '3110', 10, 2026),
      card('c-lost', '0005', 8, 2029, { status: 'abnormal', reason: 'reported_lost', first6: '620000' }),
    ];
    const { el } = await mountCheckout({ session: sessionAt('2026-11-30T10:00:00+08:00', cards) });
    await chooseCardChannel(el);
    const list = el.shadowRoot!.querySelector('shouyin-saved-cards')!;
    await expect(list).to.be.accessible();

    const today = getByRole(el, 'radio', { name: '银联 尾号 3011' }) as HTMLInputElement;
    expect(accessibleDescription(today)).to.equal('有效期 11/26 即将到期 11/26');
    const in31 = getByRole(el, 'radio', { name: '银联 尾号 3112' }) as HTMLInputElement;
    expect(accessibleDescription(in31)).to.equal('有效期 12/26 可用');
    // The best active card is preselected: not the one expiring, though listed later.
    expect(in31.checked).to.equal(true);
    expect(today.checked).to.equal(false);

    const expired = getByRole(el, 'radio', { name: '银联 尾号 3110' }) as HTMLInputElement;
    expect(expired.disabled).to.equal(true);
    expect(accessibleDescription(expired)).to.equal('有效期 10/26 已过期 该卡已过期，请删除后添加新卡。');
    const lost = getByRole(el, 'radio', { name: '银联 尾号 0005' }) as HTMLInputElement;
    expect(lost.disabled).to.equal(true);
    expect(accessibleDescription(lost)).to.contain('已挂失').and.to.contain('请删除后使用其他银行卡');
    for (const target of [...queryAllByRole(list, 'button'), ...queryAllByRole(list, 'radio').map((r) => r.closest('label')!)]) {
      expect(target.getBoundingClientRect().height, accessibleDescription(target)).to.be.at.least(44);
    }
    // Masked as first 6 and last 4 at most.
    expect(textOf(in31.closest('[part="saved-card"]')!)).to.contain('6222 02•• •••• 3112');
  });

  it('is expiring soon 30 days before its month ends', async () => {
    const { el } = await mountCheckout({ session: sessionAt('2026-12-01T09:00:00+08:00', [card('c-dec', '3112', 12, 2026)]) });
    await chooseCardChannel(el);
    expect(accessibleDescription(getByRole(el, 'radio', { name: '银联 尾号 3112' }))).to.equal('有效期 12/26 即将到期 12/26');
  });

  it('cannot select an expired or abnormal card; the payer may hide them', async () => {
    const { el } = await mountCheckout({ sessionUrl: `/api/session?payer=${payer('mixed')}` });
    await chooseCardChannel(el);
    for (const name of ['万事达卡 尾号 4444', '银联 尾号 0005', 'Visa 尾号 0002', '万事达卡 尾号 0003']) {
      const radio = getByRole(el, 'radio', { name }) as HTMLInputElement;
      expect(radio.disabled, name).to.equal(true);
      (radio.closest('label') as HTMLElement).click();
      await settle(el);
      expect(radio.checked, name).to.equal(false);
    }
    expect((getByRole(el, 'radio', { name: '银联 尾号 1234' }) as HTMLInputElement).checked).to.equal(true);
    const toggle = getByRole(el, 'button', { name: '隐藏无法使用的银行卡' });
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    toggle.click();
    await settle(el);
    expect(queryAllByRole(el, 'radio', { name: '银联 尾号 0005' })).to.have.length(0);
    getByRole(el, 'button', { name: '显示无法使用的银行卡（4）' });
  });

  it('opens the new-card form when no saved card can pay', async () => {
    const { el } = await mountCheckout({ sessionUrl: `/api/session?payer=${payer('unusable')}` });
    await chooseCardChannel(el);
    expect((getByRole(el, 'radio', { name: '使用新卡' }) as HTMLInputElement).checked).to.equal(true);
    await findByRole(el, 'group', { name: '银行卡信息' });
    getByRole(el, 'button', { name: '请填写卡号' });
  });
});

describe('removing a saved card', () => {
  it('works by keyboard alone: confirm dialog, Escape cancels, focus returns, the card disappears', async () => {
    const who = payer('mixed');
    const { el, log } = await mountCheckout({ sessionUrl: `/api/session?payer=${who}` });
    await chooseCardChannel(el);
    (getByRole(el, 'radio', { name: '银联 尾号 1234' }) as HTMLInputElement).focus();
    await tabTo('删除 Visa 尾号 4242');
    const removeButton = deepActive() as HTMLElement;

    await sendKeys({ press: 'Enter' });
    const dialog = await findByRole(el, 'dialog', { name: '删除银行卡' });
    expect(accessibleDescription(dialog)).to.contain('Visa 尾号 4242');
    expect(dialog.contains(deepActive())).to.equal(true);
    await sendKeys({ press: 'Escape' });
    await until(() => queryAllByRole(el, 'dialog').length === 0, 'the dialog to close');
    expect(deepActive()).to.equal(removeButton);
    getByRole(el, 'radio', { name: 'Visa 尾号 4242' });

    await sendKeys({ press: 'Enter' });
    await findByRole(el, 'dialog', { name: '删除银行卡' });
    // Focus starts on "cancel" (the safe choice); the confirm button is next.
    expect(textOf(deepActive()!)).to.equal('取消');
    await sendKeys({ press: 'Tab' });
    expect(textOf(deepActive()!)).to.equal('删除');
    await sendKeys({ press: 'Enter' });
    const removed = await log.first('shouyin-card-remove');
    expect(Object.keys(removed).sort()).to.deep.equal(['brand', 'cardId', 'last4']);
    expect([removed.brand, removed.last4]).to.deep.equal(['visa', '4242']);
    await settle(el);
    expect(queryAllByRole(el, 'radio', { name: 'Visa 尾号 4242' })).to.have.length(0);
    expect(textOf(listStatus(el))).to.equal('已删除 Visa 尾号 4242');
    // Focus lands on the selected card, not on the page.
    expect(deepActive()).to.equal(getByRole(el, 'radio', { name: '银联 尾号 1234' }));
    const next = await newSession(`payer=${who}`);
    expect(next.savedCards.map((c) => c.last4)).not.to.include('4242');
  });

  it('lets the host veto with beforeCardRemove: nothing is sent and the card stays', async () => {
    const who = payer('mixed');
    const { el, log } = await mountCheckout({ sessionUrl: `/api/session?payer=${who}` });
    const asked: string[] = [];
    el.beforeCardRemove = async (c) => {
      asked.push(`${c.brand} ${c.last4}`);
      return false;
    };
    await chooseCardChannel(el);
    getByRole(el, 'button', { name: '删除 银联 尾号 1234' }).click();
    const dialog = await findByRole(el, 'dialog', { name: '删除银行卡' });
    getByRole(dialog, 'button', { name: '删除' }).click();
    await until(() => asked.length === 1, 'the hook');
    await until(() => textOf(listStatus(el)) !== '', 'a message');
    expect(asked).to.deep.equal(['unionpay 1234']);
    expect(textOf(listStatus(el))).to.equal('未删除银行卡。');
    getByRole(el, 'radio', { name: '银联 尾号 1234' });
    expect(log.of('shouyin-card-remove')).to.have.length(0);
    expect((await newSession(`payer=${who}`)).savedCards.map((c) => c.last4)).to.include('1234');
  });

  it('keeps the card and says why when the backend refuses (a payment with it is still open)', async () => {
    const who = payer('single');
    const paying = await newSession(`payer=${who}&scenario=pending-forever`);
    const cardId = paying.savedCards[0]!.id;
    const signed = await signIntent(
      {
        v: 1,
        sessionId: paying.id,
        orderId: paying.order.id,
        amount: paying.order.amount,
        currency: paying.order.currency,
        channel: 'card',
        instrument: { type: 'saved-card', cardId },
        attempt: randomToken(12),
        env: 'desktop',
        locale: 'zh-CN',
        nonce: randomToken(18),
        createdAt: new Date().toISOString(),
      },
      { key: paying.signing.key, kid: paying.signing.kid, idempotencyKey: randomToken(18) },
    );
    const pending = (await (await fetch(paying.endpoints.intents, { method: 'POST', headers: signed.headers, body: signed.body })).json()) as { status: string };
    expect(pending.status).to.equal('pending');

    const { el, log } = await mountCheckout({ sessionUrl: `/api/session?payer=${who}` });
    await chooseCardChannel(el);
    getByRole(el, 'button', { name: '删除 银联 尾号 1265' }).click();
    getByRole(await findByRole(el, 'dialog'), 'button', { name: '删除' }).click();
    // The checkout's own alert region is there too, silent: the list's is the one that speaks.
    const deadline = performance.now() + 5000;
    while (!queryAllByRole(el, 'alert').some((a) => textOf(a)) && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(queryAllByRole(el, 'alert').map(textOf).filter(Boolean)).to.deep.equal(['这张卡有一笔支付尚未完成，暂时无法删除，请稍后再试。']);
    getByRole(el, 'radio', { name: '银联 尾号 1265' });
    expect(log.of('shouyin-card-remove')).to.have.length(0);
    expect(deepActive()).to.equal(getByRole(el, 'button', { name: '删除 银联 尾号 1265' }));
  });

  it('after the last card, shows the empty state and the new-card form', async () => {
    const { el, log } = await mountCheckout({ sessionUrl: `/api/session?payer=${payer('single')}` });
    await chooseCardChannel(el);
    getByRole(el, 'button', { name: '删除 银联 尾号 1265' }).click();
    getByRole(await findByRole(el, 'dialog'), 'button', { name: '删除' }).click();
    await log.first('shouyin-card-remove');
    await settle(el);
    await findByRole(el, 'group', { name: '银行卡信息' });
    const empty = el.shadowRoot!.querySelector('shouyin-saved-cards')!.shadowRoot!.querySelector('#empty')!;
    expect(textOf(empty)).to.equal('没有已保存的银行卡，请在下方填写新卡。');
    expect(deepActive()).to.equal(empty);
    getByRole(el, 'button', { name: '请填写卡号' });
  });
});

describe('paying with a saved card', () => {
  it('sends only the card id, and the ledger still lists the payment after the card is removed', async () => {
    const who = payer('mixed');
    const { el, log } = await mountCheckout({ sessionUrl: `/api/session?payer=${who}` });
    await chooseCardChannel(el);
    const preselected = getByRole(el, 'radio', { name: '银联 尾号 1234' }) as HTMLInputElement;
    expect(preselected.checked).to.equal(true);
    expect(queryAllByRole(el, 'group', { name: '银行卡信息' })).to.have.length(0);
    getByRole(el, 'button', { name: '确认支付 ¥128.00' }).click();
    const success = await log.next('shouyin-success');
    const before = await ledger(success.orderId);
    const body = JSON.parse(before.attempts[0]!.requestBody) as { instrument: unknown };
    expect(body.instrument).to.deep.equal({ type: 'saved-card', cardId: before.attempts[0]!.instrument.cardId });

    // Another order of the same payer removes the card it paid with.
    unmountAll();
    const second = await mountCheckout({ sessionUrl: `/api/session?payer=${who}` });
    await chooseCardChannel(second.el);
    getByRole(second.el, 'button', { name: '删除 银联 尾号 1234' }).click();
    getByRole(await findByRole(second.el, 'dialog'), 'button', { name: '删除' }).click();
    await second.log.first('shouyin-card-remove');

    const after = await ledger(success.orderId);
    expect(after.paid).to.equal(true);
    expect(after.attempts.map((a) => [a.status, a.instrument.type, a.instrument.brand, a.instrument.last4])).to.deep.equal([
      ['succeeded', 'saved-card', 'unionpay', '1234'],
    ]);
  });

  it('collects the CVV again when the session asks (4 digits for Amex) and sends it encrypted', async () => {
    const log = new EventLog();
    const { el } = await mountCheckout({ sessionUrl: `/api/session?payer=${payer('mixed')}&savedCardCvv=1` });
    await chooseCardChannel(el);
    (getByRole(el, 'radio', { name: '美国运通 尾号 0005' }) as HTMLInputElement).click();
    await settle(el);
    getByRole(el, 'button', { name: '请填写安全码' });
    const cvv = getByRole(el, 'textbox', { name: '美国运通 尾号 0005 的安全码' }) as HTMLInputElement;
    expect(accessibleDescription(cvv)).to.equal('卡背面 4 位数字');
    expect(parseFloat(getComputedStyle(cvv).fontSize)).to.be.at.least(16);
    expect(cvv.getBoundingClientRect().height).to.be.at.least(44);
    cvv.focus();
    for (const char of '123') await sendKeys({ type: char });
    el.submit();
    await settle(el);
    expect(log.of('shouyin-submit')).to.have.length(0);
    expect(cvv.getAttribute('aria-invalid')).to.equal('true');
    expect(accessibleDescription(cvv)).to.equal('安全码位数不足');
    cvv.focus();
    await sendKeys({ type: '4' });
    await settle(el);
    getByRole(el, 'button', { name: '确认支付 ¥128.00' }).click();
    const success = await log.next('shouyin-success');
    const book = await ledger(success.orderId);
    const body = JSON.parse(book.attempts[0]!.requestBody) as { instrument: { type: string; cardId: string; encryptedCvv: string } };
    expect(body.instrument.type).to.equal('saved-card');
    expect(body.instrument.encryptedCvv).to.match(/^\[jwe: 5 parts, \d+ chars\]$/);
    expect(book.attempts[0]!.requestBody).not.to.contain('1234');
    expect(JSON.stringify(log.events)).not.to.contain('1234');
    expect(book.attempts[0]!.instrument).to.include({ brand: 'amex', last4: '0005' });
    log.dispose();
  });
});

describe('<shouyin-saved-cards> strings (from the saved cards chunk)', () => {
  it("speak the checkout's language, with the host's overrides laid over them", async () => {
    const { el } = await mountCheckout({ sessionUrl: `/api/session?payer=${payer('single')}`, locale: 'en' });
    el.strings = { savedCards: { newCard: 'Pay with a different card' } };
    getByRole(el, 'radio', { name: 'Bank card' }).click();
    await el.updateComplete;
    await findByRole(el, 'radiogroup', { name: 'Saved cards' });
    await settle(el);
    expect((getByRole(el, 'radio', { name: 'UnionPay ending 1265' }) as HTMLInputElement).checked).to.equal(true);
    getByRole(el, 'radio', { name: 'Pay with a different card' });
    getByRole(el, 'button', { name: 'Remove UnionPay ending 1265' });
  });
});

describe('<shouyin-saved-cards> alone', () => {
  it('takes everything from the session and removes a card itself', async () => {
    const who = payer('single');
    const session = await newSession(`payer=${who}`);
    const log = new EventLog();
    // A lazy chunk: a page that creates the element itself loads it first.
    await loadSavedCards();
    const list = document.createElement('shouyin-saved-cards');
    list.session = session;
    document.body.append(list);
    try {
      await list.updateComplete;
      await expect(list).to.be.accessible();
      expect((getByRole(list, 'radio', { name: '银联 尾号 1265' }) as HTMLInputElement).checked).to.equal(true);
      getByRole(list, 'button', { name: '删除 银联 尾号 1265' }).click();
      getByRole(await findByRole(list, 'dialog'), 'button', { name: '删除' }).click();
      const removed = await log.first('shouyin-card-remove');
      expect(removed.last4).to.equal('1265');
      expect((await newSession(`payer=${who}`)).savedCards).to.deep.equal([]);
      expect(textOf(list.shadowRoot!.querySelector('#empty')!)).to.equal('没有已保存的银行卡，请在下方填写新卡。');
    } finally {
      list.remove();
      log.dispose();
    }
  });
});
