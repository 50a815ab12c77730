import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { en, enSavedCards } from '../../../src/i18n/en.js';
import { formatMoney } from '../../../src/i18n/format.js';
import { matchLocale, messagesFor, resolveLocale } from '../../../src/i18n/locale.js';
import { zhCN, zhCNSavedCards } from '../../../src/i18n/zh-CN.js';
import { zhTW, zhTWSavedCards } from '../../../src/i18n/zh-TW.js';

describe('locale resolution', () => {
  const cases: [string, string | undefined][] = [
    ['zh-CN', 'zh-CN'], ['zh', 'zh-CN'], ['zh-Hans-CN', 'zh-CN'], ['zh-SG', 'zh-CN'], ['zh_CN', 'zh-CN'],
    ['zh-TW', 'zh-TW'], ['zh-HK', 'zh-TW'], ['zh-MO', 'zh-TW'], ['zh-Hant', 'zh-TW'], ['zh-Hant-HK', 'zh-TW'],
    ['en', 'en'], ['en-GB', 'en'], ['EN-us', 'en'], ['fr', undefined], ['', undefined],
  ];
  for (const [tag, expected] of cases) it(`${tag || '(empty)'} → ${expected}`, () => assert.equal(matchLocale(tag), expected));

  it('takes the first candidate that has a catalog, else zh-CN', () => {
    assert.equal(resolveLocale(null, 'fr', 'zh-HK'), 'zh-TW');
    assert.equal(resolveLocale(undefined, null, undefined), 'zh-CN');
    assert.equal(resolveLocale('en', 'zh-TW'), 'en');
  });

  it('lays host overrides over one string without losing the others', () => {
    const m = messagesFor('zh-CN', { retry: '再试一次', errors: { session_expired: '超时' } });
    assert.equal(m.retry, '再试一次');
    assert.equal(m.errors.session_expired, '超时');
    assert.equal(m.errors.session_missing, zhCN.errors.session_missing);
  });

  it('keeps the catalogs complete and the scripts apart', () => {
    for (const catalog of [en, zhTW]) {
      assert.deepEqual(Object.keys(catalog.errors).sort(), Object.keys(zhCN.errors).sort());
      assert.deepEqual(Object.keys(catalog.failures).sort(), Object.keys(zhCN.failures).sort());
    }
    // Characters that exist only in Simplified never appear in zh-TW, and the reverse.
    const text = (m: object): string => JSON.stringify(m, (_k, v: unknown) => (typeof v === 'function' ? String(v) : v));
    assert.doesNotMatch(text([zhTW, zhTWSavedCards]), /[认证请络订单试败额户选择]/);
    assert.doesNotMatch(text([zhCN, zhCNSavedCards]), /[認證請絡訂單試敗額戶選擇]/);
    // The saved cards chunk's strings, exported apart: complete in every catalog.
    for (const catalog of [enSavedCards, zhTWSavedCards]) {
      assert.deepEqual(Object.keys(catalog.savedCards).sort(), Object.keys(zhCNSavedCards.savedCards).sort());
    }
  });
});

describe('money', () => {
  it('shows minor units as the payer reads them', () => {
    assert.equal(formatMoney(12800, 'CNY', 'zh-CN'), '¥128.00');
    assert.equal(formatMoney(12800, 'CNY', 'en'), '¥128.00');
    assert.equal(formatMoney(500_000, 'CNY', 'zh-CN'), '¥5,000.00');
    assert.equal(formatMoney(1280, 'JPY', 'en'), '¥1,280');
    assert.equal(formatMoney(12800, 'USD', 'en'), '$128.00');
  });
});
