import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { careMessagesFor } from '../../../src/care/care-messages.js';
import { careStep, type CareStepState } from '../../../src/care/steps.js';
import { Phase } from '../../../src/checkout/core/flow.js';

const ready: CareStepState = { phase: Phase.Ready, kind: 'wechat', card: 'form', name: false, missing: null, repeats: false };

describe("care mode's steps, one at a time", () => {
  const cases: [string, Partial<CareStepState>, string][] = [
    // Wallets: choose, pay, confirm in the wallet.
    ['no channel chosen', { kind: null, missing: 'channel' }, '第 1 步（共 3 步）：选择支付方式'],
    ['a wallet chosen (the recommendation)', {}, '第 2 步（共 3 步）：核对金额，点“确认支付”'],
    ['a wallet paying', { phase: Phase.Paying }, '第 3 步（共 3 步）：在微信支付里确认付款'],
    ['a wallet pending', { phase: Phase.Pending }, '第 3 步（共 3 步）：在微信支付里确认付款'],
    ['a wallet declined for good', { repeats: true }, '第 1 步（共 3 步）：这种方式付不了，请换一种支付方式'],
    // The card form: one field a step, then pay.
    ['the card form, nothing typed', { kind: 'card', missing: 'number' }, '第 2 步（共 5 步）：输入银行卡号'],
    ['the card form, the number typed', { kind: 'card', missing: 'expiry' }, '第 3 步（共 5 步）：输入有效期（月/年）'],
    ['the card form, the CVV left', { kind: 'card', missing: 'cvv' }, '第 4 步（共 5 步）：输入卡背面的 3 位安全码'],
    ['the card form asking the holder’s name', { kind: 'card', name: true, missing: 'name' }, '第 5 步（共 6 步）：输入持卡人姓名'],
    ['the card form complete', { kind: 'card' }, '第 5 步（共 5 步）：核对金额，点“确认支付”'],
    ['a card paying', { kind: 'card', phase: Phase.Paying }, '第 5 步（共 5 步）：正在付款，请稍候'],
    // A saved card: its CVV, when asked, then pay.
    ['a saved card, its CVV asked', { kind: 'card', card: 'saved', missing: 'cvv' }, '第 2 步（共 3 步）：输入卡背面的 3 位安全码'],
    ['a saved card ready', { kind: 'card', card: 'saved' }, '第 3 步（共 3 步）：核对金额，点“确认支付”'],
    // The binding form: its number, the holder's details up to "获取验证码", the SMS code, then pay.
    ['binding, the number', { kind: 'card', card: 'binding', missing: 'number' }, '第 2 步（共 5 步）：输入银行卡号'],
    ['binding, the details', { kind: 'card', card: 'binding', missing: 'details' }, '第 3 步（共 5 步）：填写持卡人信息，勾选协议，点“获取验证码”'],
    ['binding, the code step waiting', { kind: 'card', card: 'binding', missing: 'sms' }, '第 4 步（共 5 步）：输入收到的 6 位短信验证码'],
    ['binding, the code typed', { kind: 'card', card: 'binding' }, '第 5 步（共 5 步）：核对金额，点“确认支付”'],
    // The result is no step to take.
    ['paid', { phase: Phase.Succeeded }, '付款成功'],
  ];
  const m = careMessagesFor('zh-CN');
  for (const [name, change, says] of cases) {
    it(`${name}: ${says}`, () => {
      const step = careStep({ ...ready, ...change });
      assert.ok(step);
      assert.equal(m.step(step, '微信支付'), says);
    });
  }

  it('says nothing while there is nothing to do (loading, an error, expired)', () => {
    for (const phase of [Phase.Idle, Phase.Loading, Phase.Error, Phase.Expired]) assert.equal(careStep({ ...ready, phase }), null);
  });

  it('has the words in zh-TW and en', () => {
    const step = careStep({ ...ready, kind: 'card', missing: 'number' })!;
    assert.equal(careMessagesFor('zh-TW').step(step, ''), '第 2 步（共 5 步）：輸入銀行卡號');
    assert.equal(careMessagesFor('en').step(step, ''), 'Step 2 of 5: enter the card number');
    assert.equal(careMessagesFor('en').step(careStep({ ...ready, phase: Phase.Pending })!, 'WeChat Pay'), 'Step 3 of 3: confirm the payment in WeChat Pay');
    const code = careStep({ ...ready, kind: 'card', card: 'binding', missing: 'sms' })!;
    assert.equal(careMessagesFor('zh-TW').step(code, ''), '第 4 步（共 5 步）：輸入收到的 6 位簡訊驗證碼');
    assert.equal(careMessagesFor('en').step(code, ''), 'Step 4 of 5: enter the 6-digit code from the text message');
    const details = careStep({ ...ready, kind: 'card', card: 'binding', missing: 'details' })!;
    assert.equal(careMessagesFor('zh-TW').step(details, ''), '第 3 步（共 5 步）：填寫持卡人資料，勾選協議，點「取得驗證碼」');
    assert.equal(careMessagesFor('en').step(details, ''), 'Step 3 of 5: fill in the cardholder\'s details, accept the agreement and press "Get code"');
  });
});
