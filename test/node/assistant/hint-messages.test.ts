import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { hintMessagesFor } from '../../../src/assistant/hint-messages.js';

const LOCALES = ['zh-CN', 'zh-TW', 'en'] as const;
const FIELDS = ['number', 'expiry', 'cvv', 'name'];

describe("the assistant's words", () => {
  for (const locale of LOCALES) {
    const m = hintMessagesFor(locale);
    const generic = { dwell: m.dwell('?'), repeatedError: m.repeatedError('?') };
    it(`${locale}: a dwell and a repeated-error hint of its own for every card field and the SMS code`, () => {
      for (const topic of [...FIELDS, 'sms']) {
        assert.notEqual(m.dwell(topic), generic.dwell, `dwell ${topic}`);
        assert.notEqual(m.repeatedError(topic), generic.repeatedError, `repeated-error ${topic}`);
      }
      assert.notEqual(m.dwell('channel'), generic.dwell);
    });
    it(`${locale}: back-and-forth names the recommended channel, and says something without one`, () => {
      assert.ok(m.backAndForth('channel', 'X-Pay').includes('X-Pay'));
      assert.ok(m.backAndForth('channel', null).length > 10);
      assert.notEqual(m.backAndForth('cvv', null), m.backAndForth('channel', null));
    });
    it(`${locale}: slow-network says nothing is paid twice; declined-again names the channel`, () => {
      assert.match(m.slowNetwork, locale === 'en' ? /twice/ : /兩次|两次/);
      assert.ok(m.declinedAgain('银行卡').includes('银行卡'));
    });
  }

  it('keeps Simplified and Traditional apart', () => {
    const text = (locale: (typeof LOCALES)[number]): string => {
      const m = hintMessagesFor(locale);
      return [m.dismiss, m.slowNetwork, ...[...FIELDS, 'sms', 'channel'].flatMap((t) => [m.dwell(t), m.repeatedError(t)]), m.backAndForth('channel', null)].join('');
    };
    assert.doesNotMatch(text('zh-TW'), /[们这网络选择复]/);
    assert.doesNotMatch(text('zh-CN'), /[們這網絡選擇複]/);
  });

  it("lays a host's override over a hint", () => {
    assert.equal(hintMessagesFor('en', { slowNetwork: 'Still working.' }).slowNetwork, 'Still working.');
  });
});
