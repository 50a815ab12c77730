import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { CardField } from '../../../src/card/card-fields.js';
import { payLabel } from '../../../src/checkout/pay-label.js';
import { en } from '../../../src/i18n/en.js';
import { zhCN } from '../../../src/i18n/zh-CN.js';
import { zhCNBinding } from '../../../src/binding/messages.js';

describe("the pay button's words", () => {
  const amount = '¥88.00';
  type Case = {
    name: string;
    busy?: boolean;
    selected?: boolean;
    byCard?: boolean;
    saved?: { bySavedCard: boolean; complete: boolean };
    card?: { complete: boolean; missing: CardField | null; problem?: string | null };
    blocked?: boolean;
    says: string;
  };
  const noSavedCard = { bySavedCard: false, complete: false };
  const typed = { complete: true, missing: null };
  const cases: Case[] = [
    { name: 'a wallet pays the amount', says: 'Pay ¥88.00' },
    { name: 'no channel selected asks for one', selected: false, says: 'Choose a payment method' },
    { name: 'an attempt on its way says so', busy: true, says: 'Paying…' },
    { name: 'busy wins over no selection', busy: true, selected: false, says: 'Paying…' },
    { name: 'busy wins over a missing card field', busy: true, byCard: true, card: { complete: false, missing: 'cvv' }, says: 'Paying…' },
    { name: 'the card form names its first missing field', byCard: true, card: { complete: false, missing: 'number' }, says: 'Enter the card number' },
    { name: 'the card form names the expiry', byCard: true, card: { complete: false, missing: 'expiry' }, says: 'Enter the expiry date' },
    { name: 'the card form names the holder', byCard: true, card: { complete: false, missing: 'name' }, says: 'Enter the name on the card' },
    { name: 'a wrong card number says it is wrong, not missing', byCard: true, card: { complete: false, missing: 'number', problem: 'luhn' }, says: 'The card number is not valid: check it' },
    { name: 'a short card number is still missing digits', byCard: true, card: { complete: false, missing: 'number', problem: 'incomplete' }, says: 'Enter the card number' },
    { name: 'a past expiry says the card has expired', byCard: true, card: { complete: false, missing: 'expiry', problem: 'past' }, says: 'This card has expired' },
    { name: 'a declined card asks for another card or channel', byCard: true, card: { complete: false, missing: 'cvv', problem: 'empty' }, blocked: true, says: 'Use another card or payment method' },
    { name: 'a declined wallet asks for another channel', blocked: true, says: 'Choose another payment method' },
    { name: 'busy wins over a block', busy: true, blocked: true, says: 'Paying…' },
    { name: 'a complete card pays the amount', byCard: true, card: typed, says: 'Pay ¥88.00' },
    { name: 'an incomplete card with nothing named pays the amount', byCard: true, card: { complete: false, missing: null }, says: 'Pay ¥88.00' },
    { name: "another channel ignores the card form's last word", byCard: false, card: { complete: false, missing: 'number' }, says: 'Pay ¥88.00' },
    { name: 'a saved card that can pay pays the amount', byCard: true, saved: { bySavedCard: true, complete: true }, says: 'Pay ¥88.00' },
    { name: 'a saved card waiting for its CVV asks for it', byCard: true, saved: { bySavedCard: true, complete: false }, says: 'Enter the security code' },
    {
      name: 'a saved card pays even when the hidden card form lacks a field',
      byCard: true,
      saved: { bySavedCard: true, complete: true },
      card: { complete: false, missing: 'number' },
      says: 'Pay ¥88.00',
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const label = payLabel(en, amount, {
        busy: c.busy ?? false,
        selected: c.selected ?? true,
        byCard: c.byCard ?? false,
        saved: c.saved ?? noSavedCard,
        card: c.card ?? typed,
        blocked: c.blocked ?? false,
      });
      assert.equal(label, c.says);
    });
  }

  it("a saved bound card says what its code step still needs, in the binding form's words; once typed, the amount", () => {
    const bound = { bySavedCard: true, complete: true, bySms: { id: 'sc_1' } as never };
    const ask = (card: { complete: boolean; missing: null; ask?: string | null }) => payLabel(zhCN, amount, { busy: false, selected: true, byCard: true, saved: bound, card });
    assert.equal(ask({ complete: false, missing: null, ask: zhCNBinding.payNeeds.send }), '请获取验证码');
    assert.equal(ask({ complete: false, missing: null, ask: zhCNBinding.payNeeds.code }), '请输入验证码');
    assert.equal(ask({ complete: true, missing: null, ask: null }), zhCN.pay(amount));
    // Another saved card (no SMS step): a word left over from the binding form does not count.
    assert.equal(payLabel(zhCN, amount, { busy: false, selected: true, byCard: true, saved: { bySavedCard: true, complete: true }, card: { complete: false, missing: null, ask: '请输入验证码' } }), zhCN.pay(amount));
  });

  it('speaks the catalog it is given', () => {
    assert.equal(payLabel(zhCN, amount, { busy: false, selected: true, byCard: false, saved: noSavedCard, card: typed }), zhCN.pay(amount));
    assert.equal(payLabel(zhCN, amount, { busy: false, selected: true, byCard: true, saved: { bySavedCard: true, complete: false }, card: typed }), zhCN.card.missing.cvv);
  });
});
