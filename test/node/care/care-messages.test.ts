import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { careMessagesFor } from '../../../src/care/care-messages.js';
import { messagesFor } from '../../../src/i18n/locale.js';

describe("care mode's plain words", () => {
  const cases: { locale: 'zh-CN' | 'zh-TW' | 'en'; kind: string; says: string }[] = [
    { locale: 'zh-CN', kind: 'T+1', says: '下一个工作日到账' },
    { locale: 'zh-CN', kind: 'D+1', says: '明天到账' },
    { locale: 'zh-CN', kind: 'T+0', says: '当天到账' },
    { locale: 'zh-CN', kind: 'realtime', says: '马上到账' },
    { locale: 'zh-TW', kind: 'T+1', says: '下一個工作日入帳' },
    { locale: 'en', kind: 'T+1', says: 'Arrives the next working day' },
    { locale: 'en', kind: 'D+0', says: 'Arrives today' },
  ];
  for (const c of cases) {
    it(`${c.locale}: ${c.kind} is "${c.says}", with no code in it`, () => {
      const m = messagesFor(c.locale, careMessagesFor(c.locale).plain);
      assert.equal(m.settlement(c.kind), c.says);
      assert.doesNotMatch(m.settlement(c.kind), /[TD]\+\d/);
    });
  }

  it('says limits as what the payer may pay', () => {
    assert.equal(messagesFor('zh-CN', careMessagesFor('zh-CN').plain).perTransaction('¥5,000.00'), '每次最多付 ¥5,000.00');
    assert.equal(messagesFor('en', careMessagesFor('en').plain).remainingToday('¥1.00'), 'Up to ¥1.00 more today');
  });

  it('reads the result first, then the merchant and the amount', () => {
    assert.equal(careMessagesFor('zh-CN').readOrder('收银示例商城', '¥128.00', '支付成功'), '支付成功。付款给收银示例商城，金额 ¥128.00');
    assert.equal(careMessagesFor('en').readOrder('Demo', '¥1.00'), 'Paying Demo, ¥1.00');
    assert.equal(careMessagesFor('zh-CN').readOrder('收银示例商城', '¥128.00', undefined, '第 2 步（共 3 步）：选择支付方式'), '付款给收银示例商城，金额 ¥128.00。第 2 步（共 3 步）：选择支付方式');
    assert.equal(careMessagesFor('en').readOrder('Demo', '¥1.00', undefined, 'Step 1 of 3: choose how to pay'), 'Paying Demo, ¥1.00. Step 1 of 3: choose how to pay');
  });

  it('names the other channels’ disclosure with the count it hides, and without it once open', () => {
    const said = (['zh-CN', 'zh-TW', 'en'] as const).map((locale) => [careMessagesFor(locale).otherChannels(4), careMessagesFor(locale).otherChannels(0)]);
    assert.deepEqual(said, [
      ['其他支付方式（4）', '其他支付方式'],
      ['其他付款方式（4）', '其他付款方式'],
      ['Other ways to pay (4)', 'Other ways to pay'],
    ]);
  });
});
